package vn.giamngheo.exits.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import vn.giamngheo.exits.ExitPlan;
import vn.giamngheo.exits.ExitPlanInput;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;

/**
 * The registration form as typed: amounts may be written "30.000.000", days dd/MM/yyyy;
 * need rows left empty are dropped. Re-rendered with what was typed when refused.
 */
public class ExitPlanForm {

	static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/** Empty need rows the form offers. */
	static final int NEED_ROWS = 5;

	private String targetYear;

	private String ownActions;

	private String budgetVnd;

	private String ownVnd;

	private Integer version;

	private List<String> needPolicy = new ArrayList<>();

	private List<String> needDescription = new ArrayList<>();

	private List<String> needAmount = new ArrayList<>();

	/** The form of a plan (its edit). */
	static ExitPlanForm of(ExitPlan p) {
		ExitPlanForm f = new ExitPlanForm();
		f.targetYear = String.valueOf(p.targetYear());
		f.ownActions = p.ownActions();
		f.budgetVnd = String.valueOf(p.budgetVnd());
		f.ownVnd = String.valueOf(p.ownVnd());
		f.version = p.version();
		for (ExitPlan.Need n : p.needs()) {
			f.needPolicy.add(n.policyCode());
			f.needDescription.add(n.description());
			f.needAmount.add(String.valueOf(n.amountVnd()));
		}
		return f;
	}

	/** The input, or 400 naming the malformed fields. */
	ExitPlanInput toInput(UUID householdId) {
		List<FieldProblem> problems = new ArrayList<>();
		Integer year = null;
		if (this.targetYear != null && !this.targetYear.isBlank()) {
			try {
				year = Integer.valueOf(this.targetYear.strip());
			}
			catch (NumberFormatException ex) {
				problems.add(new FieldProblem("targetYear", "error.field.invalid", this.targetYear));
			}
		}
		List<ExitPlanInput.Need> needs = new ArrayList<>();
		for (int i = 0; i < rows(); i++) {
			String policy = at(this.needPolicy, i);
			String description = at(this.needDescription, i);
			String amount = at(this.needAmount, i);
			if (policy == null && description == null && amount == null) {
				continue;
			}
			needs.add(new ExitPlanInput.Need(policy, description,
					amount(amount, "needs[" + needs.size() + "]", problems)));
		}
		Long budget = amount(blank(this.budgetVnd), "budgetVnd", problems);
		Long own = amount(blank(this.ownVnd), "ownVnd", problems);
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		return new ExitPlanInput(householdId, year, this.ownActions, needs, budget, own, this.version);
	}

	/** The need rows to show: those typed and a few empty ones. */
	public int rows() {
		return Math.max(Math.max(this.needPolicy.size(), this.needDescription.size()),
				Math.max(this.needAmount.size(), 0));
	}

	/** The rows the form shows: those typed, then empty ones up to a few. */
	public int shownRows() {
		return Math.max(rows() + 2, NEED_ROWS);
	}

	public String policyAt(int i) {
		return at(this.needPolicy, i);
	}

	public String descriptionAt(int i) {
		return at(this.needDescription, i);
	}

	public String amountAt(int i) {
		return at(this.needAmount, i);
	}

	/** An amount in VND as typed ("30.000.000", "30 000 000"), or null when empty. */
	static Long amount(String typed, String field, List<FieldProblem> problems) {
		if (typed == null) {
			return null;
		}
		String digits = typed.replace(".", "").replace(" ", "").replace(",", "");
		try {
			return Long.valueOf(digits);
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "error.field.invalid", typed));
			return null;
		}
	}

	/** A day typed dd/MM/yyyy, or null when empty. */
	static LocalDate day(String typed, String field, List<FieldProblem> problems) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(typed.strip(), DMY);
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "error.field.invalid", typed));
			return null;
		}
	}

	private static String at(List<String> list, int i) {
		return (list != null && i < list.size()) ? blank(list.get(i)) : null;
	}

	static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	public String getTargetYear() {
		return this.targetYear;
	}

	public void setTargetYear(String targetYear) {
		this.targetYear = targetYear;
	}

	public String getOwnActions() {
		return this.ownActions;
	}

	public void setOwnActions(String ownActions) {
		this.ownActions = ownActions;
	}

	public String getBudgetVnd() {
		return this.budgetVnd;
	}

	public void setBudgetVnd(String budgetVnd) {
		this.budgetVnd = budgetVnd;
	}

	public String getOwnVnd() {
		return this.ownVnd;
	}

	public void setOwnVnd(String ownVnd) {
		this.ownVnd = ownVnd;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public List<String> getNeedPolicy() {
		return this.needPolicy;
	}

	public void setNeedPolicy(List<String> needPolicy) {
		this.needPolicy = needPolicy;
	}

	public List<String> getNeedDescription() {
		return this.needDescription;
	}

	public void setNeedDescription(List<String> needDescription) {
		this.needDescription = needDescription;
	}

	public List<String> getNeedAmount() {
		return this.needAmount;
	}

	public void setNeedAmount(List<String> needAmount) {
		this.needAmount = needAmount;
	}

}
