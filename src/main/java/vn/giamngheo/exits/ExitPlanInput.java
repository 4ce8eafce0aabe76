package vn.giamngheo.exits;

import java.util.List;
import java.util.UUID;

/**
 * A registration to leave poverty, or its edit (ADR 0040).
 *
 * @param householdId the household (a registration)
 * @param targetYear the review year in which it means to leave the list (this year or
 * later)
 * @param ownActions what the household will do itself (required)
 * @param needs the support it needs: a ledger policy or a description, with an amount
 * @param budgetVnd the whole budget, or null for the needs plus its own contribution
 * @param ownVnd its own contribution, or null for none
 * @param version the version edited (an edit)
 */
public record ExitPlanInput(UUID householdId, Integer targetYear, String ownActions, List<Need> needs, Long budgetVnd,
		Long ownVnd, Integer version) {

	/**
	 * A need.
	 *
	 * @param policyCode a support policy's code (chosen by name), or null
	 * @param description what is needed, where no policy fits
	 * @param amountVnd the amount expected, integer VND
	 */
	public record Need(String policyCode, String description, Long amountVnd) {
	}

}
