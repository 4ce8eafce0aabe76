package vn.giamngheo.exits.domain;

import java.util.Map;

/**
 * One early-warning rule as its data file states it (ADR 0042).
 *
 * @param code the rule's code, one of {@link WarningRuleCode}
 * @param weight points added to a household's score when the rule holds (0: off)
 * @param parameters the rule's integer parameters by name
 * @param title the rule's name in Vietnamese
 * @param titleEn the rule's name in English
 * @param reason the reason shown for a household, a pattern with {0}, {1}… (Vietnamese)
 * @param reasonEn the same in English
 * @param note where the weight comes from (Vietnamese)
 * @param noteEn the same in English
 */
public record WarningRule(WarningRuleCode code, int weight, Map<String, Integer> parameters, String title,
		String titleEn, String reason, String reasonEn, String note, String noteEn) {

	/** A parameter the loader made sure is present. */
	public int parameter(String name) {
		return this.parameters.get(name);
	}

	public boolean on() {
		return this.weight > 0;
	}

}
