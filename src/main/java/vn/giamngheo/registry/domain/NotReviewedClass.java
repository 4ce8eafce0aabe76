package vn.giamngheo.registry.domain;

import java.time.OffsetDateTime;

/**
 * The class a household receives in a review year it was not reviewed in, when its
 * commune's decision is made (ADR 0022): its latest recognised class, or not poor when it
 * has none. A latest class of poor or near-poor is kept but not recognised (the decision
 * did not list it); any other class is recognised by the decision, whose lists of poor
 * and near-poor households are complete. The reason says why it was not reviewed: it was
 * recorded in the commune after the list was drawn, or it was not on the list.
 *
 * @param classification the class written
 * @param recognised whether the decision recognises it
 * @param reason {@link #ADDED_AFTER_LIST} or {@link #NOT_LISTED}
 */
public record NotReviewedClass(String classification, boolean recognised, String reason) {

	/** Not on the review list when it was drawn: neither poor nor near-poor. */
	public static final String NOT_LISTED = "NOT_LISTED";

	/** Recorded in the commune after the list was drawn: not reviewed this year. */
	public static final String ADDED_AFTER_LIST = "ADDED_AFTER_LIST";

	/**
	 * @param latestRecognised the household's latest recognised class before the year, or
	 * {@code null}
	 * @param createdAt when the household was recorded
	 * @param listedAt when the commune's list was last drawn, or {@code null} if unknown
	 * @return the class, whether recognised, and the reason
	 */
	public static NotReviewedClass of(String latestRecognised, OffsetDateTime createdAt, OffsetDateTime listedAt) {
		String classification = (latestRecognised != null) ? latestRecognised : "NOT_POOR";
		boolean recognised = !"POOR".equals(classification) && !"NEAR_POOR".equals(classification);
		boolean added = listedAt != null && createdAt != null && createdAt.isAfter(listedAt);
		return new NotReviewedClass(classification, recognised, added ? ADDED_AFTER_LIST : NOT_LISTED);
	}

}
