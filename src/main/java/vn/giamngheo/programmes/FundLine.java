package vn.giamngheo.programmes;

import java.time.OffsetDateTime;

/**
 * A stored fund row of a unit and year: a programme node (or a purpose outside the
 * programmes) and a source, with its plan, allocation and disbursement.
 *
 * @param id row id
 * @param unitId unit
 * @param unitName the unit's name
 * @param unitPath the unit's path
 * @param year year
 * @param programme programme code (null outside the programmes)
 * @param node node code (null outside the programmes)
 * @param purpose what the money was for, outside the programmes (else null)
 * @param source fund source (CENTRAL_INVESTMENT … OWN_CONTRIBUTION)
 * @param planned planned VND
 * @param allocated allocated VND
 * @param disbursed disbursed VND
 * @param comment comment
 * @param status ENTERED, APPROVED or RETURNED
 * @param enteredBy who entered it last
 * @param enteredAt when
 * @param decidedBy who approved or returned it
 * @param decidedAt when
 * @param decisionNote the note of the decision
 * @param version optimistic version
 */
public record FundLine(long id, long unitId, String unitName, String unitPath, int year, String programme, String node,
		String purpose, String source, long planned, long allocated, long disbursed, String comment, String status,
		String enteredBy, OffsetDateTime enteredAt, String decidedBy, OffsetDateTime decidedAt, String decisionNote,
		int version) {

	/**
	 * The rate disbursed of allocated, in per mille (null when nothing was allocated).
	 */
	public Long ratePerMille() {
		return new Money(this.planned, this.allocated, this.disbursed).ratePerMille();
	}

}
