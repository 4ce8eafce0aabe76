package vn.giamngheo.benefits;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A demand as registered at the commune.
 *
 * @param householdId the household
 * @param memberId the member it is for (training, a student loan), or null
 * @param kind a Phiếu C need code or {@code EXIT_PLAN}
 * @param policyCode the policy asked for, or null
 * @param purpose what for
 * @param amountVnd the amount asked for (loans), integer VND
 * @param registeredOn the day registered (today when empty)
 */
public record DemandInput(UUID householdId, UUID memberId, String kind, String policyCode, String purpose,
		Long amountVnd, LocalDate registeredOn) {
}
