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
 */
public record Figures(int year, String standardKey, long households, long persons, long poorHouseholds,
		long poorPersons, long nearPoorHouseholds, long nearPoorPersons, long poorIncomeSum, long poorIncomePersons,
		long poorDeprivations) {

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

}
