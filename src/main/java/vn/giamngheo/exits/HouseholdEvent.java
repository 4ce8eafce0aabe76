package vn.giamngheo.exits;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event in a household's life (a shock, a birth, a member leaving), as recorded by the
 * commune or imported from a file; voided with a reason, never deleted.
 *
 * @param id the event
 * @param householdId the household
 * @param householdCode its code
 * @param headName its head's name
 * @param communeName its commune
 * @param memberId the member it concerns, or null
 * @param memberName that member's name, or null
 * @param unitPath the household's village path (scope)
 * @param eventDate the day it happened
 * @param type its type ({@link HouseholdEventType} code)
 * @param note what happened, in words
 * @param source COMMUNE (typed), IMPORT (an event file) or DEMO
 * @param importJobId the event file that wrote it, or null
 * @param voided whether voided
 * @param voidReason why voided
 * @param version optimistic-locking version
 * @param createdBy who recorded it
 * @param createdAt when
 */
public record HouseholdEvent(UUID id, UUID householdId, String householdCode, String headName, String communeName,
		UUID memberId, String memberName, String unitPath, LocalDate eventDate, String type, String note, String source,
		UUID importJobId, boolean voided, String voidReason, int version, String createdBy, OffsetDateTime createdAt) {

	/** Whether it is a shock (adverse type). */
	public boolean adverse() {
		HouseholdEventType t = HouseholdEventType.of(this.type);
		return t != null && t.adverse();
	}

}
