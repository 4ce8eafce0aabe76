package vn.giamngheo.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A request to move a person, whose citizen ID a unit recorded while another unit holds
 * it, to the requesting household (ADR 0017). The holding unit's officers see all of it
 * and decide; the requesting unit sees only the outcome ({@link #forRequester()}).
 *
 * @param id request
 * @param status OPEN, ACCEPTED, REFUSED or WITHDRAWN
 * @param live the pending record still waits on this request
 * @param cccd the citizen ID (masked by role when shown)
 * @param memberId the requesting record
 * @param fullName its name
 * @param sex its sex (M/F)
 * @param dateOfBirth its date of birth
 * @param householdId the requesting household
 * @param householdCode its code
 * @param unitPath its village path
 * @param villageName its village
 * @param communeName its commune
 * @param requestedBy who recorded the person
 * @param requestedAt when
 * @param holderMemberId the holding record (null for the requester)
 * @param holderName its name
 * @param holderRelation its relation to its head
 * @param holderHolds the holding record still holds the number
 * @param holderHouseholdId its household
 * @param holderHouseholdCode its household's code
 * @param holderHouseholdVoided its household is voided
 * @param holderUnitPath its village path
 * @param provinceCode the holder's province
 * @param requesterProvince the requester's province
 * @param decidedBy who decided
 * @param decidedAt when
 * @param reason the reason of a refusal
 * @param version version
 */
public record MemberTransfer(UUID id, String status, boolean live, String cccd, UUID memberId, String fullName,
		String sex, LocalDate dateOfBirth, UUID householdId, String householdCode, String unitPath, String villageName,
		String communeName, String requestedBy, OffsetDateTime requestedAt, UUID holderMemberId, String holderName,
		String holderRelation, boolean holderHolds, UUID holderHouseholdId, String holderHouseholdCode,
		boolean holderHouseholdVoided, String holderUnitPath, String provinceCode, String requesterProvince,
		String decidedBy, OffsetDateTime decidedAt, String reason, int version) {

	/** What the requesting unit sees: the outcome, nothing of the holder. */
	public MemberTransfer forRequester() {
		return new MemberTransfer(this.id, this.status, this.live, this.cccd, this.memberId, this.fullName, this.sex,
				this.dateOfBirth, this.householdId, this.householdCode, this.unitPath, this.villageName,
				this.communeName, null, this.requestedAt, null, null, null, false, null, null, false, null, null,
				this.requesterProvince, null, this.decidedAt, this.reason, this.version);
	}

	/** The same request with the citizen ID as the viewer may see it. */
	public MemberTransfer withCccd(String shown) {
		return new MemberTransfer(this.id, this.status, this.live, shown, this.memberId, this.fullName, this.sex,
				this.dateOfBirth, this.householdId, this.householdCode, this.unitPath, this.villageName,
				this.communeName, this.requestedBy, this.requestedAt, this.holderMemberId, this.holderName,
				this.holderRelation, this.holderHolds, this.holderHouseholdId, this.holderHouseholdCode,
				this.holderHouseholdVoided, this.holderUnitPath, this.provinceCode, this.requesterProvince,
				this.decidedBy, this.decidedAt, this.reason, this.version);
	}

}
