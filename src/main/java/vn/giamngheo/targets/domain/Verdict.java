package vn.giamngheo.targets.domain;

/** How a target stands. */
public enum Verdict {

	/**
	 * Reached (at the target year, or every year of a yearly target once the period
	 * ended).
	 */
	MET,
	/** Not due yet, and the trend reaches it. */
	ON_TRACK,
	/** Not due yet, and the trend falls a little short. */
	AT_RISK,
	/** Missed, or the trend falls far short. */
	OFF_TRACK,
	/** No actual value in the period. */
	NO_DATA;

	/** Points in a scorecard: met 3, on track 2, at risk 1, otherwise 0. */
	public int points() {
		return switch (this) {
			case MET -> 3;
			case ON_TRACK -> 2;
			case AT_RISK -> 1;
			default -> 0;
		};
	}

}
