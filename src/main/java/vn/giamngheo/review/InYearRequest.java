package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.UUID;

import vn.giamngheo.review.domain.Step;

/**
 * A household's in-year request: to enter the poor / near-poor list (Mẫu số 01) or to be
 * recognised as having exited (Mẫu số 04), with its due date and decision or refusal.
 *
 * @param id id
 * @param trackingNo tracking number
 * @param householdId household
 * @param householdCode household code
 * @param headName head of household
 * @param communeId commune
 * @param communeName commune name
 * @param provinceCode province
 * @param unitPath village path
 * @param form MAU_01 or MAU_04
 * @param receivedOn received
 * @param dueOn decision due by
 * @param applicant applicant
 * @param reason reason given
 * @param step REQUESTED, SURVEYED, RECOGNISED or REFUSED
 * @param lastClass latest recognised class when received
 * @param way survey way
 * @param incomePerCapita surveyed income
 * @param scoreA surveyed score A
 * @param proposedClass class from the survey
 * @param refusalReason reasons of a refusal
 * @param decisionNo decision number
 * @param decisionDate decision date
 * @param transition transition from the latest class
 * @param version version
 */
public record InYearRequest(UUID id, String trackingNo, UUID householdId, String householdCode, String headName,
		long communeId, String communeName, String provinceCode, String unitPath, String form, LocalDate receivedOn,
		LocalDate dueOn, String applicant, String reason, Step step, String lastClass, String way, Long incomePerCapita,
		Integer scoreA, String proposedClass, String refusalReason, String decisionNo, LocalDate decisionDate,
		String transition, int version) {

	/** Still open and past its due date. */
	public boolean overdue(LocalDate today) {
		return (this.step == Step.REQUESTED || this.step == Step.SURVEYED) && today.isAfter(this.dueOn);
	}

}
