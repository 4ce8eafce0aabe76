package vn.giamngheo.imports.domain;

import java.time.LocalDate;

/**
 * A cell as read: its text, the date when the cell is a date-formatted number, the
 * formula when the cell holds one, and whether the spreadsheet held it as a number.
 *
 * @param text text (numbers without exponent or trailing zeros), never null
 * @param date date value of a date cell, or null
 * @param formula formula text, or null
 * @param number the cell was a number cell of a workbook: leading zeros a citizen ID or a
 * phone number was typed with are gone (Excel keeps none)
 */
public record Raw(String text, LocalDate date, String formula, boolean number) {

	public static final Raw EMPTY = new Raw("", null, null, false);

	public Raw(String text, LocalDate date, String formula) {
		this(text, date, formula, false);
	}

	public static Raw of(String text) {
		return (text == null || text.isEmpty()) ? EMPTY : new Raw(text, null, null, false);
	}

	/** A number cell of a workbook, as plain digits (no exponent). */
	public static Raw number(String text) {
		return new Raw(text, null, null, true);
	}

	public boolean blank() {
		return this.text.isBlank() && this.date == null && this.formula == null;
	}

}
