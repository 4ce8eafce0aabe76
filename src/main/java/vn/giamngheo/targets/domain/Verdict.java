package vn.giamngheo.targets.domain;

/** How a target stands. */
public enum Verdict {

	/**
	 * Reached: at the target year, already before it (and the trend keeps it), every year
	 * of a yearly target once the period ended, or a reduction with nothing left to
	 * reduce.
	 */
	MET,
	/** Not due yet, and the trend reaches it. */
	ON_TRACK,
	/** Not due yet, and the trend falls a little short. */
	AT_RISK,
	/** Not due yet, and the trend falls far short (chậm tiến độ). */
	BEHIND,
	/** Due, and not reached (không đạt). */
	MISSED,
	/** No final value in the period: never a failure, left out of a score. */
	NO_DATA;

	/**
	 * Points in a scorecard: met 3, on track 2, at risk 1, otherwise 0 (no data is not
	 * scored at all).
	 */
	public int points() {
		return switch (this) {
			case MET -> 3;
			case ON_TRACK -> 2;
			case AT_RISK -> 1;
			default -> 0;
		};
	}

	/** Whether the verdict is scored (everything but no data). */
	public boolean judged() {
		return this != NO_DATA;
	}

}
