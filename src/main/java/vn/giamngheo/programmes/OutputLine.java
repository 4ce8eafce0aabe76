package vn.giamngheo.programmes;

import java.time.OffsetDateTime;

/**
 * A stored output row of a unit and year: a planned target (PLAN) or an entered output
 * (ACTUAL) of a catalogue node's output.
 *
 * @param id row id
 * @param unitId unit
 * @param unitName the unit's name
 * @param unitPath the unit's path
 * @param year year
 * @param programme programme code
 * @param node node code
 * @param output output code
 * @param kind PLAN or ACTUAL
 * @param value the value
 * @param comment comment
 * @param status ENTERED, APPROVED or RETURNED
 * @param enteredBy who entered it last
 * @param enteredAt when
 * @param decidedBy who approved or returned it
 * @param decidedAt when
 * @param decisionNote the note of the decision
 * @param version optimistic version
 */
public record OutputLine(long id, long unitId, String unitName, String unitPath, int year, String programme,
		String node, String output, String kind, long value, String comment, String status, String enteredBy,
		OffsetDateTime enteredAt, String decidedBy, OffsetDateTime decidedAt, String decisionNote, int version) {
}
