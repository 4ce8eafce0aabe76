package vn.giamngheo.exits;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A household's registration to leave poverty (đăng ký thoát nghèo) with its plan, as
 * officers read it (ADR 0040). Codes (class, status, progress, outcome) are shown by name
 * from the bundles.
 *
 * @param id plan id
 * @param householdId the household
 * @param householdName its head's name
 * @param villageName its village
 * @param communeId its commune when registered
 * @param unitPath its village path when registered (scope)
 * @param fromClass POOR or NEAR_POOR: the class it registers to leave
 * @param registeredOn the day registered
 * @param targetYear the review year in which it means to leave the list
 * @param ownActions what the household will do itself
 * @param budgetVnd the plan's whole budget, integer VND
 * @param ownVnd of which its own contribution
 * @param status REGISTERED, APPROVED, REJECTED or WITHDRAWN
 * @param decidedOn the day of the commune's decision (approval or rejection)
 * @param decidedBy who decided
 * @param decisionNo the decision's number
 * @param decisionNote the decision's note (a rejection's reason)
 * @param withdrawnOn the day withdrawn
 * @param withdrawnReason why withdrawn
 * @param outcome EXITED or NOT_EXITED once the target year's class is recognised, else
 * null (pending)
 * @param outcomeYear the review year of the outcome
 * @param outcomeClass the class recognised that year
 * @param createdBy who registered it
 * @param version optimistic-lock version
 * @param funded whether support counted for it was delivered (an approved plan)
 * @param needs the support it needs
 * @param checkpoints progress during the year, oldest first
 */
public record ExitPlan(UUID id, UUID householdId, String householdName, String villageName, long communeId,
		String unitPath, String fromClass, LocalDate registeredOn, int targetYear, String ownActions, long budgetVnd,
		long ownVnd, String status, LocalDate decidedOn, String decidedBy, String decisionNo, String decisionNote,
		LocalDate withdrawnOn, String withdrawnReason, String outcome, Integer outcomeYear, String outcomeClass,
		String createdBy, int version, boolean funded, List<Need> needs, List<Checkpoint> checkpoints) {

	/**
	 * A need of the plan.
	 *
	 * @param seq its place in the plan (from 1)
	 * @param policyCode the ledger policy asked for, or null
	 * @param policyName that policy's name, or null
	 * @param description what is needed (where no policy fits)
	 * @param amountVnd the amount expected
	 */
	public record Need(int seq, String policyCode, String policyName, String description, long amountVnd) {
	}

	/**
	 * A checkpoint.
	 *
	 * @param id its id
	 * @param checkedOn the day
	 * @param progress ON_TRACK, AT_RISK, OFF_TRACK or DONE
	 * @param incomePerCapita estimated income per person per month, or null
	 * @param note a note
	 * @param recordedBy who recorded it
	 */
	public record Checkpoint(UUID id, LocalDate checkedOn, String progress, Long incomePerCapita, String note,
			String recordedBy) {
	}

	/** The support asked of the programmes: the budget less the household's own part. */
	public long supportVnd() {
		return this.budgetVnd - this.ownVnd;
	}

	/** The progress of the last checkpoint, or null. */
	public String progress() {
		return this.checkpoints.isEmpty() ? null : this.checkpoints.get(this.checkpoints.size() - 1).progress();
	}

	/** Approved and waiting for the review of its target year. */
	public boolean awaitingOutcome() {
		return "APPROVED".equals(this.status) && this.outcome == null;
	}

	/** Still live (registered or approved, no outcome yet): it may be withdrawn. */
	public boolean live() {
		return ("REGISTERED".equals(this.status) || "APPROVED".equals(this.status)) && this.outcome == null;
	}

	/** The plan with its needs and checkpoints. */
	public ExitPlan with(List<Need> needs, List<Checkpoint> checkpoints) {
		return new ExitPlan(this.id, this.householdId, this.householdName, this.villageName, this.communeId,
				this.unitPath, this.fromClass, this.registeredOn, this.targetYear, this.ownActions, this.budgetVnd,
				this.ownVnd, this.status, this.decidedOn, this.decidedBy, this.decisionNo, this.decisionNote,
				this.withdrawnOn, this.withdrawnReason, this.outcome, this.outcomeYear, this.outcomeClass,
				this.createdBy, this.version, this.funded, List.copyOf(needs), List.copyOf(checkpoints));
	}

}
