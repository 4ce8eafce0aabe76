package vn.giamngheo.registry;

import java.util.UUID;

/**
 * A household as stored.
 *
 * @param id opaque id
 * @param provinceCode province code (shard key)
 * @param code household code
 * @param communeId commune unit id
 * @param communeName commune name
 * @param villageId village unit id
 * @param villageName village name
 * @param unitPath path of the village
 * @param headName head of household
 * @param address address detail
 * @param urban area type
 * @param ethnicMinority ethnic-minority household
 * @param socialProtection social-protection household
 * @param meritorious meritorious-person household
 * @param phone phone (masked by role when shown)
 * @param status status
 * @param synthetic generated demo data
 * @param version optimistic-locking version
 * @param voided voided
 * @param voidReason why voided
 */
public record Household(UUID id, String provinceCode, String code, long communeId, String communeName, long villageId,
		String villageName, String unitPath, String headName, String address, boolean urban, boolean ethnicMinority,
		boolean socialProtection, boolean meritorious, String phone, String status, boolean synthetic, int version,
		boolean voided, String voidReason) {

	public Household withPhone(String masked) {
		return new Household(this.id, this.provinceCode, this.code, this.communeId, this.communeName, this.villageId,
				this.villageName, this.unitPath, this.headName, this.address, this.urban, this.ethnicMinority,
				this.socialProtection, this.meritorious, masked, this.status, this.synthetic, this.version, this.voided,
				this.voidReason);
	}

}
