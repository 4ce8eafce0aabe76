package vn.giamngheo.exits;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A household in its newly-exited window (ADR 0041): its exit, the window, its class each
 * year since the year before the exit, the support it received since the exit day, the
 * shocks recorded since, and whether it fell back.
 *
 * @param householdId the household
 * @param householdCode its code
 * @param headName its head
 * @param communeName its commune
 * @param villageName its village
 * @param exitFrom the list it left: POOR ("thoát nghèo") or NEAR_POOR ("thoát cận nghèo")
 * @param exitYear the review year of the exit
 * @param exitDay the exit day
 * @param windowEnd the window's last day
 * @param fellBack whether it is on that list (or a worse one) again
 * @param fellBackYear the year it fell back, or null
 * @param fellBackOn the day it fell back, or null
 * @param classes its class each year, from the year before the exit
 * @param support support delivered since the exit day (newest first)
 * @param supportVnd their total (VND)
 * @param shocks adverse events since the exit day (newest first)
 */
public record FollowUp(UUID householdId, String householdCode, String headName, String communeName, String villageName,
		String exitFrom, int exitYear, LocalDate exitDay, LocalDate windowEnd, boolean fellBack, Integer fellBackYear,
		LocalDate fellBackOn, List<YearClass> classes, List<Support> support, long supportVnd, List<Shock> shocks) {

	/**
	 * A recognised class of a year.
	 *
	 * @param year the review year
	 * @param classification the class code
	 */
	public record YearClass(int year, String classification) {
	}

	/**
	 * Support received.
	 *
	 * @param day the day delivered
	 * @param policyCode its policy
	 * @param policyName the policy's name
	 * @param amountVnd the amount
	 * @param status DELIVERED, CLOSED or OVERDUE
	 */
	public record Support(LocalDate day, String policyCode, String policyName, long amountVnd, String status) {
	}

	/**
	 * A shock.
	 *
	 * @param day the day it happened
	 * @param type its type code
	 * @param note its note
	 */
	public record Shock(LocalDate day, String type, String note) {
	}

}
