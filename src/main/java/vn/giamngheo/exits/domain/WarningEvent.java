package vn.giamngheo.exits.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * An event of a household's life (not voided).
 *
 * @param type its type (NATURAL_DISASTER, JOB_LOSS…)
 * @param date the day it happened
 */
public record WarningEvent(String type, LocalDate date) {

	/** The types that are not shocks (contract: all but these are adverse). */
	static final Set<String> NOT_ADVERSE = Set.of("BIRTH", "MEMBER_LEFT", "OTHER");

	public boolean adverse() {
		return !NOT_ADVERSE.contains(this.type);
	}

}
