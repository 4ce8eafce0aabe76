package vn.giamngheo.programmes;

/**
 * One line of an output entry form as typed.
 *
 * @param programme programme code
 * @param node node code
 * @param output output code of the node
 * @param kind PLAN (a target) or ACTUAL (an output the catalogue says is entered)
 * @param value the value as typed (whole, thousands may be grouped by dots)
 * @param comment comment
 * @param version the version the line was read at, when it edits a stored row (null: not
 * checked)
 */
public record OutputEntry(String programme, String node, String output, String kind, String value, String comment,
		Integer version) {
}
