package vn.giamngheo.programmes;

/**
 * An output of a unit and year: the value and how it was obtained, with the approved
 * planned target where there is one.
 *
 * @param key the node and output
 * @param value the value (0 when {@code how} is NONE)
 * @param how COUNTED (from the benefit ledger or the models), ENTERED (approved entered
 * rows) or NONE (neither)
 * @param target the approved planned target, or null
 * @param pending entered rows of the unit's subtree waiting for approval
 */
public record OutputFigure(OutputKey key, long value, How how, Long target, int pending) {

	/** How an output figure was obtained. */
	public enum How {

		/** Counted from support records or models. */
		COUNTED,
		/** Entered and approved. */
		ENTERED,
		/** Neither counted nor entered. */
		NONE

	}

}
