package vn.giamngheo.standards.domain;

import java.util.List;
import java.util.Map;

/**
 * A score table of the review form (item → option → points) that computes income score A.
 * Loadable reference data: none is shipped because no citable source is available.
 *
 * @param key table key
 * @param standard key of the standard it belongs to
 * @param area {@code rural} or {@code urban}
 * @param region socio-economic region, or {@code null}
 * @param basePoints constant added to the item points
 * @param items the items in form order
 * @param legalBasis legal citation
 * @param verified whether the table was verified against the legal text
 */
public record ScoreTable(String key, String standard, String area, String region, long basePoints, List<Item> items,
		String legalBasis, boolean verified) {

	/**
	 * Computes score A from the chosen option of each item.
	 * @param answers item code → option code
	 * @return the score
	 * @throws InvalidFactsException when an item is unanswered or an option unknown
	 */
	public long score(Map<String, String> answers) {
		long score = this.basePoints;
		for (Item item : this.items) {
			String answer = answers.get(item.code());
			if (answer == null || !item.options().containsKey(answer)) {
				throw new InvalidFactsException("SCORE_ITEM", item.code(), "unanswered or unknown option: " + answer);
			}
			score += item.options().get(answer);
		}
		return score;
	}

	/**
	 * One scored item.
	 *
	 * @param code item code
	 * @param name item name
	 * @param options option code → points
	 */
	public record Item(String code, Text name, Map<String, Long> options) {

	}

}
