package vn.giamngheo.analytics;

import vn.giamngheo.analytics.domain.Rates;

/**
 * Summed counts of a unit (or a group of its households) for one review year, with the
 * rates derived from them.
 *
 * @param year review year
 * @param standardKey the poverty standard of that year (the basis of its rates)
 * @param households households assessed
 * @param persons members of those households
 * @param poorHouseholds poor households
 * @param poorPersons members of poor households
 * @param nearPoorHouseholds near-poor households
 * @param nearPoorPersons members of near-poor households
 * @param poorIncomeSum sum of income per head x members over poor households
 * @param poorIncomePersons members of poor households with a known income
 * @param poorDeprivations sum of deprivation counts over poor households
 * @param afPoorHouseholds households multidimensionally poor (Alkire–Foster score ≥ k)
 * @param afPoorPersons members of those households
 * @param afScore sum of their scores, in units of 1/{@code afScale}
 * @param afScale common denominator of the standard's weights (0: the standard has no
 * Alkire–Foster parameters)
 */
public record Figures(int year, String standardKey, long households, long persons, long poorHouseholds,
		long poorPersons, long nearPoorHouseholds, long nearPoorPersons, long poorIncomeSum, long poorIncomePersons,
		long poorDeprivations, long afPoorHouseholds, long afPoorPersons, long afScore, long afScale) {

	/** Poor households in percent of households (tỷ lệ hộ nghèo). */
	public Double poorRate() {
		return Rates.percent(this.poorHouseholds, this.households);
	}

	/** Near-poor households in percent of households (tỷ lệ hộ cận nghèo). */
	public Double nearPoorRate() {
		return Rates.percent(this.nearPoorHouseholds, this.households);
	}

	/** Mean monthly income per head of poor households, VND. */
	public Long poorIncomePerHead() {
		return Rates.meanIncome(this.poorIncomeSum, this.poorIncomePersons);
	}

	/** Mean number of deprivations of a poor household. */
	public Double poorMeanDeprivations() {
		return (this.poorHouseholds == 0) ? null : Rates.round2((double) this.poorDeprivations / this.poorHouseholds);
	}

	/**
	 * Alkire–Foster headcount ratio H, percent of households; null without parameters.
	 */
	public Double afHeadcount() {
		return (this.afScale == 0) ? null : Rates.percent(this.afPoorHouseholds, this.households);
	}

	/** Alkire–Foster intensity A (mean score of the poor), percent. */
	public Double afIntensity() {
		return (this.afScale == 0 || this.afPoorHouseholds == 0) ? null
				: Rates.percent(this.afScore, this.afPoorHouseholds * this.afScale);
	}

	/** Adjusted headcount ratio M0 = H × A, a share between 0 and 1 (four decimals). */
	public Double afM0() {
		return (this.afScale == 0 || this.households == 0) ? null
				: Math.round(10_000.0 * this.afScore / ((double) this.households * this.afScale)) / 10_000.0;
	}

}
