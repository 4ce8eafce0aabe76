package vn.giamngheo.exits.domain;

/**
 * Households that exited poverty in a review year (poor the year before, near-poor or
 * above that year), followed for three years (ADR 0044). A household counts as observed
 * after {@code t} years when it has a recognised class of year {@code exitYear + t}, and
 * as still out when, besides, none of its classes of years {@code exitYear + 1 … + t} is
 * poor; the share still out is of the observed ones only.
 *
 * @param exitYear the review year of the exit
 * @param exited households that exited
 * @param observed observed after 1, 2, 3 years
 * @param stillOut of them, not poor again since the exit
 * @param observable whether year {@code exitYear + t} is within the report (not after its
 * year), for t = 1, 2, 3
 */
public record CohortLine(int exitYear, long exited, long[] observed, long[] stillOut, boolean[] observable) {

	/**
	 * Percent of the observed households still out after {@code years} years (2
	 * decimals), or null when none were observed.
	 */
	public Double share(int years) {
		long whole = this.observed[years - 1];
		return (whole == 0) ? null : Math.round(this.stillOut[years - 1] * 10_000.0 / whole) / 100.0;
	}

	/** Shares after 1, 2 and 3 years (null where none were observed). */
	public Double[] shares() {
		return new Double[] { share(1), share(2), share(3) };
	}

}
