package vn.giamngheo.exits.domain;

import java.util.List;

/**
 * The early-warning rules of the data file, in its order.
 *
 * @param file the file's name
 * @param version the file's revision
 * @param rules one rule per {@link WarningRuleCode}
 */
public record WarningRuleBook(String file, int version, List<WarningRule> rules) {

	public WarningRule rule(WarningRuleCode code) {
		return this.rules.stream().filter((r) -> r.code() == code).findFirst().orElseThrow();
	}

}
