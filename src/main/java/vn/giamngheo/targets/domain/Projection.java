package vn.giamngheo.targets.domain;

/**
 * A projection of an indicator to a later year, with its method named: the least-squares
 * line through the final values of one standard's basis, or (reductions) the latest value
 * less the mean yearly fall for each remaining year.
 *
 * @param year the year projected to
 * @param value the projected value (2 decimals)
 * @param method how it was made
 * @param fromYear first year used
 * @param toYear last year used
 */
public record Projection(int year, double value, Method method, int fromYear, int toYear) {

	/** How a projection was made. */
	public enum Method {

		/** Least squares over the years {@code fromYear–toYear}. */
		LINEAR_TREND,
		/** Latest value less the mean yearly fall of {@code fromYear–toYear}. */
		MEAN_REDUCTION

	}

}
