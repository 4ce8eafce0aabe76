package vn.giamngheo.exits;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A household event as typed (form or API).
 *
 * @param householdId the household
 * @param memberId the member it concerns, or null
 * @param eventDate the day it happened (not after today)
 * @param eventType its type ({@link HouseholdEventType} code)
 * @param eventNote what happened, in words (optional)
 */
public record EventInput(UUID householdId, UUID memberId, LocalDate eventDate, String eventType, String eventNote) {

}
