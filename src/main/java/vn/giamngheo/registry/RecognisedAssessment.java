package vn.giamngheo.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The class of a review year recognised by the commune chairman's decision, as the review
 * capability hands it to the registry. It becomes the household's assessment of that year
 * (source REVIEW), replacing an unrecognised or earlier record of the same year.
 *
 * @param householdId household
 * @param year review year
 * @param standardKey standard applied
 * @param surveyDate survey date
 * @param memberCount members at the survey
 * @param incomePerCapita income per head per month (VND), or {@code null}
 * @param scoreA score A, or {@code null}
 * @param scoreB score B, or {@code null}
 * @param deprivations deprived indicators
 * @param classification recognised class
 * @param poorSubtype subtype of poor, or {@code null}
 * @param decisionNo decision number
 * @param decisionDate decision date
 * @param factsJson the survey facts (JSON), or {@code null}
 * @param explanationJson the engine's explanation (JSON), or {@code null}
 * @param reason why the household has this class this year ({@link #REVIEWED},
 * {@link #IN_YEAR}), or {@code null}
 */
public record RecognisedAssessment(UUID householdId, int year, String standardKey, LocalDate surveyDate,
		int memberCount, Long incomePerCapita, Integer scoreA, Integer scoreB, List<String> deprivations,
		String classification, String poorSubtype, String decisionNo, LocalDate decisionDate, String factsJson,
		String explanationJson, String reason) {

	/** Listed, surveyed and recognised by the periodic review's decision. */
	public static final String REVIEWED = "REVIEWED";

	/** Recognised by an in-year (regular) review decision. */
	public static final String IN_YEAR = "IN_YEAR";

	/** A recognised class without a reason (imports, tests). */
	public RecognisedAssessment(UUID householdId, int year, String standardKey, LocalDate surveyDate, int memberCount,
			Long incomePerCapita, Integer scoreA, Integer scoreB, List<String> deprivations, String classification,
			String poorSubtype, String decisionNo, LocalDate decisionDate, String factsJson, String explanationJson) {
		this(householdId, year, standardKey, surveyDate, memberCount, incomePerCapita, scoreA, scoreB, deprivations,
				classification, poorSubtype, decisionNo, decisionDate, factsJson, explanationJson, null);
	}

}
