package vn.giamngheo.benefits;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What is typed to record (or correct) one support. Amounts are integer VND; a share left
 * empty is zero. On a correction the status is not changed (a status change is its own
 * step) and the household stays the record's.
 *
 * @param householdId the household
 * @param memberId the member, for a member policy (none for a household policy)
 * @param policyCode the policy
 * @param periodFrom first day
 * @param periodTo last day (the first day when empty)
 * @param amountVnd the amount
 * @param centralVnd central budget share
 * @param localVnd local budget share
 * @param creditVnd policy credit share
 * @param mobilisedVnd mobilised share
 * @param ownVnd own contribution
 * @param status the status to record it in ({@code PLANNED} when empty)
 * @param decisionNo decision number
 * @param decisionDate decision date
 * @param deliveredOn day delivered
 * @param validFrom validity start
 * @param validTo validity end
 * @param partnerRef the partner's reference
 * @param evidence the reference of the signed list or photo
 * @param demandId the demand it answers
 */
public record BenefitInput(UUID householdId, UUID memberId, String policyCode, LocalDate periodFrom, LocalDate periodTo,
		Long amountVnd, Long centralVnd, Long localVnd, Long creditVnd, Long mobilisedVnd, Long ownVnd, String status,
		String decisionNo, LocalDate decisionDate, LocalDate deliveredOn, LocalDate validFrom, LocalDate validTo,
		String partnerRef, String evidence, UUID demandId) {

	/** The sum of the five shares (empty = 0). */
	public long sharesTotal() {
		return zero(this.centralVnd) + zero(this.localVnd) + zero(this.creditVnd) + zero(this.mobilisedVnd)
				+ zero(this.ownVnd);
	}

	static long zero(Long v) {
		return (v == null) ? 0 : v;
	}

}
