package vn.giamngheo.programmes;

/**
 * One line of a fund entry form as typed. Amounts are text so that "1.250.000.000" is
 * read as officers write it; a blank amount is 0.
 *
 * @param programme programme code (blank outside the programmes)
 * @param node node code, a project or sub-project (blank outside the programmes)
 * @param purpose what the money is for, outside the programmes
 * @param source fund source
 * @param planned planned VND
 * @param allocated allocated VND
 * @param disbursed disbursed VND
 * @param comment comment
 * @param version the version the line was read at, when it edits a stored row (null: not
 * checked)
 */
public record FundEntry(String programme, String node, String purpose, String source, String planned, String allocated,
		String disbursed, String comment, Integer version) {
}
