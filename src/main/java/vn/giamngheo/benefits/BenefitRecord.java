package vn.giamngheo.benefits;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One record of the benefit ledger as it stands (its earlier versions are its history).
 * Codes ({@code policyCode}, {@code status}, {@code agency}) are for the API; pages show
 * {@code policyName} and the status by name.
 *
 * @param id record id
 * @param householdId the household
 * @param householdCode the household's code
 * @param headName the head of the household
 * @param memberId the member (member policies), or null
 * @param memberName the member's name, or null
 * @param communeId the household's commune when recorded
 * @param unitPath the household's village path when recorded (scope)
 * @param policyCode the policy
 * @param policyVersion the version of the policy in force on {@code periodFrom}
 * @param policyName the policy's Vietnamese name
 * @param agency the delivering agency
 * @param periodFrom first day of the support
 * @param periodTo last day of the support
 * @param amountVnd the amount, integer VND
 * @param centralVnd central budget share
 * @param localVnd local budget share
 * @param creditVnd policy credit share
 * @param mobilisedVnd mobilised share (Fund for the Poor, donors)
 * @param ownVnd the household's own contribution
 * @param status {@code PLANNED}, {@code APPROVED}, {@code DELIVERED}, {@code CLOSED},
 * {@code CANCELLED} or {@code OVERDUE}
 * @param decisionNo the decision's number
 * @param decisionDate the decision's date
 * @param deliveredOn the day it reached the household
 * @param validFrom first day of validity (cards)
 * @param validTo last day of validity
 * @param partnerRef the partner's reference (card number, contract number, school)
 * @param evidence the reference of the signed list or photo
 * @param demandId the demand it answers, or null
 * @param importJobId the partner file it came from, or null
 * @param version optimistic-lock version
 * @param voided whether voided
 * @param voidReason why
 * @param createdBy who recorded it
 * @param updatedAt when last changed
 */
public record BenefitRecord(UUID id, UUID householdId, String householdCode, String headName, UUID memberId,
		String memberName, long communeId, String unitPath, String policyCode, int policyVersion, String policyName,
		String agency, LocalDate periodFrom, LocalDate periodTo, long amountVnd, long centralVnd, long localVnd,
		long creditVnd, long mobilisedVnd, long ownVnd, String status, String decisionNo, LocalDate decisionDate,
		LocalDate deliveredOn, LocalDate validFrom, LocalDate validTo, String partnerRef, String evidence,
		UUID demandId, UUID importJobId, int version, boolean voided, String voidReason, String createdBy,
		OffsetDateTime updatedAt) {

	/** The day shown on a timeline: delivered, else decided, else the period's start. */
	public LocalDate day() {
		return (this.deliveredOn != null) ? this.deliveredOn
				: (this.decisionDate != null) ? this.decisionDate : this.periodFrom;
	}

}
