package vn.giamngheo.models;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A household taking part in a model.
 *
 * @param modelId the model
 * @param householdId the household
 * @param householdCode its code
 * @param headName its head
 * @param villageName its village
 * @param unitPath its village's path
 * @param joinedOn the day it joined
 * @param leftOn the day it left, or null
 */
public record Participant(UUID modelId, UUID householdId, String householdCode, String headName, String villageName,
		String unitPath, LocalDate joinedOn, LocalDate leftOn) {
}
