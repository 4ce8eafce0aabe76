package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.UUID;

import vn.giamngheo.review.domain.SignOff;

/**
 * One commune taking part in a review: its sign-off, posting and recognition decision.
 *
 * @param reviewId review
 * @param communeId commune unit id
 * @param communeName commune name
 * @param provinceCode province code
 * @param unitPath commune path
 * @param signOff sign-off status
 * @param signOffReason reason of the last return or reopening
 * @param signOffBy who did the last sign-off action
 * @param postedFrom first day of the public posting
 * @param postedTo last day of the public posting
 * @param postingPlaces where the list is posted
 * @param decisionNo chairman's decision number
 * @param decisionDate decision date
 * @param decisionSigner who signed the decision
 * @param certificateSeq certificates issued by the commune's decision (their numbers are
 * the issuing committee's of the year, ADR 0024)
 * @param version optimistic-lock version
 * @param placeholder the unit is the province's "Chưa xác định xã mới" bucket (households
 * of villages of a split commune not yet placed, ADR 0030): listed and surveyed, never
 * posted, recognised or submitted
 */
public record ReviewUnit(UUID reviewId, long communeId, String communeName, String provinceCode, String unitPath,
		SignOff signOff, String signOffReason, String signOffBy, LocalDate postedFrom, LocalDate postedTo,
		String postingPlaces, String decisionNo, LocalDate decisionDate, String decisionSigner, int certificateSeq,
		int version, boolean placeholder) {

	/**
	 * The commune sits under a district in its unit edition (the 2024 three-tier units:
	 * path {@code /province/district/commune/}).
	 */
	public boolean underDistrict() {
		return this.unitPath.chars().filter((ch) -> ch == '/').count() >= 4;
	}

}
