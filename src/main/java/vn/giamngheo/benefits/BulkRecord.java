package vn.giamngheo.benefits;

import java.time.LocalDate;

/**
 * One row of a partner file as a ledger record to be (ADR 0037): who it names (citizen ID
 * and/or household code, with the name and date of birth to check them by), under which
 * policy, and what was delivered. {@link BenefitBulk} matches it to the registry.
 *
 * @param row the row number in the file (1-based, as the spreadsheet shows it)
 * @param policyCode the policy ({@code LOAN_POOR}, {@code HI_POOR}...)
 * @param cccd the citizen ID of the person named, or null
 * @param householdCode the household code, or null
 * @param name the person's name as the file writes it (borrower, card holder, pupil)
 * @param dateOfBirth their date of birth, or null when the file gives none
 * @param partnerRef the partner's reference: contract number, card number, school and
 * school year; the key of a re-import
 * @param periodFrom first day of the support
 * @param periodTo last day of the support
 * @param amountVnd the amount (VND)
 * @param centralVnd central budget share
 * @param localVnd local budget share
 * @param creditVnd policy credit share
 * @param mobilisedVnd mobilised share
 * @param ownVnd the household's own share
 * @param status ledger status ({@code DELIVERED}, {@code CLOSED}, {@code OVERDUE})
 * @param deliveredOn the day it was delivered (disbursed, card valid from)
 * @param validFrom card validity from (health insurance), or null
 * @param validTo card validity to, or null
 * @param evidence what else the file says, in words (rate, outstanding, savings group,
 * school, level...)
 */
public record BulkRecord(int row, String policyCode, String cccd, String householdCode, String name,
		LocalDate dateOfBirth, String partnerRef, LocalDate periodFrom, LocalDate periodTo, long amountVnd,
		long centralVnd, long localVnd, long creditVnd, long mobilisedVnd, long ownVnd, String status,
		LocalDate deliveredOn, LocalDate validFrom, LocalDate validTo, String evidence) {

}
