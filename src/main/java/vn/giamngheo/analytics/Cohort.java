package vn.giamngheo.analytics;

import vn.giamngheo.analytics.domain.Rates;

/**
 * Households that left poverty in a year, and how many were poor again later (cohort
 * sustainability).
 *
 * @param exitYear the review year in which they were no longer poor
 * @param exited households that exited
 * @param observed households of the cohort assessed 1, 2, 3 years later
 * @param poorAgain households of the cohort poor again within 1, 2, 3 years
 */
public record Cohort(int exitYear, long exited, long[] observed, long[] poorAgain) {

	/**
	 * Share of the cohort poor again within {@code years} years, in percent of those
	 * observed that long; null when none were observed.
	 * @param years 1, 2 or 3
	 * @return percent or null
	 */
	public Double poorAgainRate(int years) {
		return Rates.percent(this.poorAgain[years - 1], this.observed[years - 1]);
	}

}
