package vn.giamngheo.exits;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A ledger record counted as funding of a plan: delivered (or closed, or overdue) between
 * the registration and the end of the target year, of the exit-plan support or of a
 * policy named in the plan's needs.
 *
 * @param recordId the ledger record
 * @param deliveredOn the day delivered
 * @param policyCode its policy
 * @param policyName the policy's name
 * @param amountVnd the amount
 * @param status its ledger status
 */
public record ExitPlanFunding(UUID recordId, LocalDate deliveredOn, String policyCode, String policyName,
		long amountVnd, String status) {
}
