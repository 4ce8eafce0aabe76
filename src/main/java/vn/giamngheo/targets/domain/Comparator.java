package vn.giamngheo.targets.domain;

/**
 * How a target compares the actual value with its value(s). Its words come from the
 * bundles ({@code targets.comparator.*}, {@code targets.goal.*}), never from here.
 */
public enum Comparator {

	/** At most the value (≤), e.g. poverty rate ≤ 2.87% by 2025. */
	LE,
	/** Below the value (&lt;), e.g. plain areas below 1.5%. */
	LT,
	/**
	 * About the value (≈): within a stated tolerance of it (the indicator's own, else
	 * {@link VerdictEngine#APPROX_SHARE} of the value), or better in the good direction
	 * (then "exceeded").
	 */
	APPROX,
	/** At least the value (≥). */
	GE,
	/** Above the value (&gt;), e.g. more than 95% of households on the grid. */
	GT,
	/** Fall of the rate by at least {@code value} (to {@code valueMax}) points a year. */
	REDUCE_PP_PER_YEAR,
	/** Fall of the rate by more than {@code value} points a year. */
	REDUCE_MORE_THAN_PP_PER_YEAR,
	/** At least {@code value} times the baseline (e.g. income ×1.5 of 2015). */
	TIMES_BASELINE,
	/** Below a reference series (e.g. the national near-poor rate). */
	BELOW_REFERENCE,
	/** 100% of those with a demand. */
	ALL_WITH_DEMAND;

	/** A reduction per year (the series is judged by its yearly changes). */
	public boolean isReduction() {
		return this == REDUCE_PP_PER_YEAR || this == REDUCE_MORE_THAN_PP_PER_YEAR;
	}

}
