package vn.giamngheo.exits.domain;

/**
 * The columns of the two dynamics forms ("TỔNG HỢP DIỄN BIẾN HỘ NGHÈO" and "… HỘ CẬN
 * NGHÈO"), for the list a form is about (poor, or near-poor) and the other list:
 * {@code END = START − (TO_OTHER_LIST + ABOVE + OTHER_DECREASE) + (FROM_OTHER_LIST +
 * FELL_BACK + NEW + OTHER_INCREASE)}, by households and by persons.
 */
public enum Column {

	/** On the list at the start (class of the year before). */
	START,
	/** Decrease: moved to the other list (poor → near-poor; near-poor → poor). */
	TO_OTHER_LIST,
	/** Decrease: rose above near-poor (vượt chuẩn cận nghèo / thoát cận nghèo). */
	ABOVE,
	/**
	 * Decrease: on the list at the start, not assessed in the year, or moved out of the
	 * unit, or dissolved (số hộ khác giảm); by persons also members lost by households
	 * that stayed on the list.
	 */
	OTHER_DECREASE,
	/** Increase: came from the other list (near-poor → poor; poor → near-poor). */
	FROM_OTHER_LIST,
	/**
	 * Increase: above near-poor the year before, on this list in an earlier year (tái
	 * nghèo; tái cận nghèo: poor or near-poor earlier).
	 */
	FELL_BACK,
	/** Increase: above near-poor the year before, never on the list (phát sinh mới). */
	NEW,
	/**
	 * Increase: on the list at the end without a class of the year before in the unit
	 * (new household, moved in, not assessed) (số hộ khác tăng); by persons also members
	 * gained by households that stayed on the list.
	 */
	OTHER_INCREASE,
	/** On the list at the end (class of the year). */
	END;

	/** Whether the column decreases the list. */
	public boolean decrease() {
		return this == TO_OTHER_LIST || this == ABOVE || this == OTHER_DECREASE;
	}

	/** Whether the column increases the list. */
	public boolean increase() {
		return this == FROM_OTHER_LIST || this == FELL_BACK || this == NEW || this == OTHER_INCREASE;
	}

}
