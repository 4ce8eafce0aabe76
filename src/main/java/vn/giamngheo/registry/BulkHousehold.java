package vn.giamngheo.registry;

import java.util.UUID;

import vn.giamngheo.registry.domain.HouseholdData;

/**
 * A household row as a bulk import writes it.
 *
 * @param id household id (chosen by the caller for a new row)
 * @param provinceCode province (shard key)
 * @param code household code
 * @param communeId commune unit id
 * @param unitPath path of the village
 * @param headName head of household
 * @param data the editable fields (village, address, flags, phone, status)
 * @param urban area type
 */
public record BulkHousehold(UUID id, String provinceCode, String code, long communeId, String unitPath, String headName,
		HouseholdData data, boolean urban) {

}
