package vn.giamngheo.review.domain;

import java.time.LocalDate;

/**
 * Who approves a commune's review. Before the two-tier reform (1 July 2025, Resolution
 * 60-NQ/TW, Decree 131/2025/NĐ-CP) a commune sat under a district: the commune submits,
 * the district checks and approves or returns, then the province approves or returns.
 * From 1 July 2025 there is no district level: the province approves the commune's
 * submission directly. Which one applies is decided by the commune's place in its unit
 * edition (under a district or not) and the date of the commune's recognition decision
 * (the review's window end while there is no decision yet).
 */
public enum ApprovalLevels {

	/** Commune → district → province (three-tier units, decision before 1 July 2025). */
	DISTRICT_THEN_PROVINCE,
	/** Commune → province (two-tier units, or a decision from 1 July 2025). */
	PROVINCE;

	/** First day of the two-tier local government. */
	public static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

	/** The level that acts on a commune's review. */
	public enum Level {

		COMMUNE, DISTRICT, PROVINCE

	}

	/**
	 * The approval levels of a commune.
	 * @param underDistrict the commune's unit has a district parent
	 * @param decisionDate the commune's recognition decision date, or the review's window
	 * end when not decided yet
	 * @return the levels
	 */
	public static ApprovalLevels of(boolean underDistrict, LocalDate decisionDate) {
		return (underDistrict && decisionDate.isBefore(REFORM)) ? DISTRICT_THEN_PROVINCE : PROVINCE;
	}

	/**
	 * The level allowed to take an action on a commune in a status (whether the action is
	 * allowed at all is {@link SignOff#after(SignOff.Action, ApprovalLevels)}).
	 * @param from status
	 * @param action action
	 * @return the level
	 */
	public Level actor(SignOff from, SignOff.Action action) {
		return switch (action) {
			case SUBMIT -> Level.COMMUNE;
			case REOPEN -> Level.PROVINCE;
			case APPROVE, RETURN ->
				(this == DISTRICT_THEN_PROVINCE && from == SignOff.SUBMITTED) ? Level.DISTRICT : Level.PROVINCE;
		};
	}

}
