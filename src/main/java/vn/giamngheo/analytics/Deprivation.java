package vn.giamngheo.analytics;

/**
 * Households of a unit deprived on one indicator of the standard in one year.
 *
 * @param unitId unit id (a child of the unit asked for, or the unit itself)
 * @param unitName unit name
 * @param indicator indicator code of the standard (e.g. HIN, WAT)
 * @param households households deprived
 * @param poorHouseholds poor households deprived
 * @param poorTotal poor households of the unit that year
 */
public record Deprivation(long unitId, String unitName, String indicator, long households, long poorHouseholds,
		long poorTotal) {

	/** Share of poor households deprived on the indicator, percent. */
	public Double poorShare() {
		return vn.giamngheo.analytics.domain.Rates.percent(this.poorHouseholds, this.poorTotal);
	}

}
