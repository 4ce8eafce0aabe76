package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import vn.giamngheo.review.domain.Step;

/**
 * One household in one review. {@code facts} and {@code note} are what the last survey
 * recorded on Phiếu B and Phiếu C ({@code null} before a survey).
 *
 * @param id id
 * @param reviewId review
 * @param householdId registry household
 * @param householdCode household code
 * @param headName head of household
 * @param communeId commune
 * @param villageId village
 * @param villageName village name
 * @param unitPath village path
 * @param origin LIST (current lists), REQUEST (Mẫu 01), SCREENED (Phiếu A)
 * @param step the step reached
 * @param lastClass last year's recognised class
 * @param lastIncome income per head of the latest recognised assessment before the year
 * @param lastMembers last year's member count
 * @param everPoor poor in a year before last year
 * @param everNearPoor near-poor in a year before last year
 * @param reviewer assigned reviewer (username)
 * @param surveyDate survey date
 * @param way INCOME or SCORE
 * @param memberCount members at the survey
 * @param incomePerCapita income per head per month (VND)
 * @param scoreA score A
 * @param scoreB score B
 * @param deprivations deprived indicators
 * @param proposedClass class proposed by the survey
 * @param explanation the engine's explanation
 * @param flags consistency flags against last year
 * @param causes Phiếu C causes
 * @param needs Phiếu C needs
 * @param votesAgree votes in favour at the last meeting
 * @param meetingAttendees attendees of the last meeting
 * @param finalClass class after the meeting / re-check
 * @param transition transition from last year's class
 * @param certificateAction ISSUE, RENEW, CANCEL, NONE
 * @param certificateNo certificate number
 * @param version optimistic-lock version
 */
public record ReviewHousehold(UUID id, UUID reviewId, UUID householdId, String householdCode, String headName,
		long communeId, long villageId, String villageName, String unitPath, String origin, Step step, String lastClass,
		Long lastIncome, Integer lastMembers, boolean everPoor, boolean everNearPoor, String reviewer,
		LocalDate surveyDate, String way, Integer memberCount, Long incomePerCapita, Integer scoreA, Integer scoreB,
		List<String> deprivations, String proposedClass, Explanation explanation, List<String> flags,
		List<String> causes, List<String> needs, Integer votesAgree, Integer meetingAttendees, String finalClass,
		String transition, String certificateAction, String certificateNo, int version, SurveyFacts facts,
		String note) {

	/** The class to show: the final one once agreed, else the proposed one. */
	public String shownClass() {
		return (this.finalClass != null) ? this.finalClass : this.proposedClass;
	}

}
