package vn.giamngheo.registry;

import java.util.List;
import java.util.UUID;

/**
 * A year's recognised classification as a file brings it (bulk import) or as stored.
 *
 * @param id assessment id (chosen by the caller for a new row)
 * @param householdId household
 * @param provinceCode province (shard key)
 * @param year review year
 * @param standardKey standard of that year
 * @param memberCount members at the survey
 * @param incomePerCapita integer VND per person per month, if known
 * @param waterSource water source code, if known
 * @param latrine latrine code, if known
 * @param deprivations codes of deprived indicators
 * @param classification class
 * @param decisionNo recognition decision number
 * @param version the stored row's version (0 for a row to create)
 */
public record BulkAssessment(UUID id, UUID householdId, String provinceCode, int year, String standardKey,
		int memberCount, Long incomePerCapita, String waterSource, String latrine, List<String> deprivations,
		String classification, String decisionNo, int version) {

	public BulkAssessment {
		deprivations = (deprivations == null) ? List.of() : List.copyOf(deprivations);
	}

}
