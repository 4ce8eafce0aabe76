package vn.giamngheo.exits.domain;

import java.util.List;

/**
 * The rules the scorer knows, with the parameters each takes and how many values its
 * reason quotes. The data file gives each one's weight, parameters and words.
 */
public enum WarningRuleCode {

	/** An adverse event dated within the last {@code months} months. */
	RECENT_SHOCK(List.of("months"), 2),
	/** Income per head above the poverty line by at most {@code within_percent} %. */
	INCOME_NEAR_LINE(List.of("within_percent"), 3),
	/** The latest recognised class is near-poor. */
	NEAR_POOR(List.of(), 1),
	/** Income per head fell in each of the last {@code years} review years. */
	INCOME_FELL(List.of("years"), 3),
	/** Left poverty and still within the follow-up window. */
	NEWLY_EXITED(List.of(), 2),
	/** Deprivations at least the standard's cut-off minus {@code below_cutoff}. */
	DEPRIVATIONS_NEAR_CUTOFF(List.of("below_cutoff"), 2),
	/** Dependants over working-age members at least {@code min_percent} %. */
	DEPENDENCY_RATIO(List.of("min_percent"), 2),
	/** Poor in some earlier year, past the follow-up window. */
	FORMERLY_POOR(List.of(), 1);

	private final List<String> parameters;

	private final int quoted;

	WarningRuleCode(List<String> parameters, int quoted) {
		this.parameters = parameters;
		this.quoted = quoted;
	}

	/** The parameters the rule takes. */
	public List<String> parameters() {
		return this.parameters;
	}

	/** How many values ({0}…) its reason quotes. */
	public int quoted() {
		return this.quoted;
	}

}
