package vn.giamngheo.review.domain;

import java.util.Map;
import java.util.Optional;

/**
 * The roll-up of one commune's review: the commune submits, the next level approves
 * (which locks the commune's data for the review) or returns it with a reason; an
 * approved commune is reopened only with a reason.
 */
public enum SignOff {

	/** Being worked on by the commune. */
	OPEN,
	/** Submitted to the next level. */
	SUBMITTED,
	/**
	 * Approved by the district, waiting for the province (two-level approval before 1
	 * July 2025).
	 */
	DISTRICT_APPROVED,
	/** Returned by the next level with a reason; the commune works on it again. */
	RETURNED,
	/** Approved: locked, nothing changes without a reopening. */
	APPROVED;

	/** Sign-off actions. */
	public enum Action {

		SUBMIT, APPROVE, RETURN, REOPEN;

		/** Return and reopen need a reason. */
		public boolean needsReason() {
			return this == RETURN || this == REOPEN;
		}

	}

	private static final Map<SignOff, Map<Action, SignOff>> TABLE = Map.of(OPEN, Map.of(Action.SUBMIT, SUBMITTED),
			RETURNED, Map.of(Action.SUBMIT, SUBMITTED), SUBMITTED,
			Map.of(Action.APPROVE, APPROVED, Action.RETURN, RETURNED), APPROVED, Map.of(Action.REOPEN, OPEN));

	private static final Map<SignOff, Map<Action, SignOff>> TWO_LEVELS = Map.of(OPEN, Map.of(Action.SUBMIT, SUBMITTED),
			RETURNED, Map.of(Action.SUBMIT, SUBMITTED), SUBMITTED,
			Map.of(Action.APPROVE, DISTRICT_APPROVED, Action.RETURN, RETURNED), DISTRICT_APPROVED,
			Map.of(Action.APPROVE, APPROVED, Action.RETURN, RETURNED), APPROVED, Map.of(Action.REOPEN, OPEN));

	/**
	 * The status after an action when the commune's approval has these levels.
	 * @param action the action
	 * @param levels one level (province) or two (district, then province)
	 * @return the next status, or empty when the action is not allowed now
	 */
	public Optional<SignOff> after(Action action, ApprovalLevels levels) {
		Map<SignOff, Map<Action, SignOff>> table = (levels == ApprovalLevels.DISTRICT_THEN_PROVINCE) ? TWO_LEVELS
				: TABLE;
		return Optional.ofNullable(table.getOrDefault(this, Map.of()).get(action));
	}

	/**
	 * The status after an action (one level of approval).
	 * @param action the action
	 * @return the next status, or empty when the action is not allowed now
	 */
	public Optional<SignOff> after(Action action) {
		return Optional.ofNullable(TABLE.getOrDefault(this, Map.of()).get(action));
	}

	/** The commune can change its review data. */
	public boolean editable() {
		return this == OPEN || this == RETURNED;
	}

	/** Approved data is locked. */
	public boolean locked() {
		return this == APPROVED;
	}

}
