package vn.giamngheo.imports.domain;

import java.time.LocalDate;

/**
 * A cell as read: its text, the date when the cell is a date-formatted number, and the
 * formula when the cell holds one.
 *
 * @param text text (numbers without exponent or trailing zeros), never null
 * @param date date value of a date cell, or null
 * @param formula formula text, or null
 */
public record Raw(String text, LocalDate date, String formula) {

	public static final Raw EMPTY = new Raw("", null, null);

	public static Raw of(String text) {
		return (text == null || text.isEmpty()) ? EMPTY : new Raw(text, null, null);
	}

	public boolean blank() {
		return this.text.isBlank() && this.date == null && this.formula == null;
	}

}
