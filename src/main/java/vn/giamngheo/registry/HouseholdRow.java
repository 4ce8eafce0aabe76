package vn.giamngheo.registry;

import java.util.UUID;

/**
 * One line of a household list.
 *
 * @param id household id
 * @param code household code
 * @param headName head of household
 * @param villageId village id
 * @param villageName village
 * @param members number of living members
 * @param urban area type
 * @param ethnicMinority ethnic-minority household
 * @param classification class in the selected year (null when not assessed)
 * @param year the selected year
 * @param status household status
 */
public record HouseholdRow(UUID id, String code, String headName, long villageId, String villageName, int members,
		boolean urban, boolean ethnicMinority, String classification, Integer year, String status) {

}
