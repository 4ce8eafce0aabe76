package vn.giamngheo.exits;

import java.time.LocalDate;

/**
 * One row of an event file (ADR 0041), read: the household by its code, the day, the
 * type, optionally the member by name, and a note. {@link EventBulk} matches it.
 *
 * @param row the row number in the file (1-based, as the spreadsheet shows it)
 * @param householdCode the household code (mã hộ)
 * @param eventDate the day it happened
 * @param type the type ({@link HouseholdEventType} code)
 * @param memberName the member's name as written, or null
 * @param note the note, or null
 */
public record EventRow(int row, String householdCode, LocalDate eventDate, String type, String memberName,
		String note) {

}
