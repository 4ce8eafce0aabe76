package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Published (inside the recognition's transaction) when a commune's chairman recognises
 * the posted list: the Phiếu C needs of every household recognised poor or near-poor, so
 * that the support side registers them as demand dated the decision's day.
 *
 * @param reviewId the review
 * @param communeId the commune
 * @param provinceCode its province
 * @param decisionDate the decision's day
 * @param households the recognised poor and near-poor households with needs
 */
public record NeedsRecognised(UUID reviewId, long communeId, String provinceCode, LocalDate decisionDate,
		List<HouseholdNeeds> households) {

	public NeedsRecognised {
		households = List.copyOf(households);
	}

	/**
	 * One household's needs as its Phiếu C recorded them.
	 *
	 * @param householdId the household
	 * @param unitPath its village path in the review
	 * @param finalClass {@code POOR} or {@code NEAR_POOR}
	 * @param needs Phiếu C need codes
	 */
	public record HouseholdNeeds(UUID householdId, String unitPath, String finalClass, List<String> needs) {

		public HouseholdNeeds {
			needs = List.copyOf(needs);
		}

	}

}
