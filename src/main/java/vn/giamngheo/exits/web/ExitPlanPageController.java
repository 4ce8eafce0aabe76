package vn.giamngheo.exits.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.giamngheo.exits.ExitPlan;
import vn.giamngheo.exits.ExitPlanCheckpointInput;
import vn.giamngheo.exits.ExitPlanDecision;
import vn.giamngheo.exits.ExitPlanWithdrawal;
import vn.giamngheo.exits.ExitPlans;
import vn.giamngheo.exits.domain.PlanRules;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.registry.Household;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;
import vn.giamngheo.shared.web.FormProblems;

/**
 * Pages of the exit registrations (ADR 0040): the {@code /exits} hub, the list of a unit
 * and year, a plan with its decision, checkpoints, outcome and funding (and the forms for
 * who may use them), the registration form reached from the household page, and the
 * household page's plan fragment.
 */
@Controller
class ExitPlanPageController {

	private static final Set<String> PLAN_FIELDS = Set.of("targetYear", "ownActions", "needs", "budgetVnd", "ownVnd");

	private static final Set<String> ACTION_FIELDS = Set.of("decisionNo", "decidedOn", "note", "reason", "checkedOn",
			"progress", "incomePerCapita");

	private static final List<String> STATUSES = List.of("REGISTERED", "APPROVED", "REJECTED", "WITHDRAWN");

	private final ExitPlans plans;

	private final Geography geography;

	ExitPlanPageController(ExitPlans plans, Geography geography) {
		this.plans = plans;
		this.geography = geography;
	}

	@GetMapping("/exits")
	String hub(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year, Model model) {
		int y = (year != null) ? year : this.plans.today().getYear();
		model.addAttribute("unit", unit);
		model.addAttribute("unitName", (unit != null) ? this.geography.unit(unit).name() : null);
		model.addAttribute("year", y);
		model.addAttribute("counts", this.plans.counts(unit, y));
		model.addAttribute("statuses", STATUSES);
		return "exits/hub";
	}

	@GetMapping("/exits/plans")
	String list(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", this.plans.list(unit, year, status, page, 50));
		model.addAttribute("unit", unit);
		model.addAttribute("year", year);
		model.addAttribute("status", status);
		model.addAttribute("statuses", STATUSES);
		return "exits/plans";
	}

	@GetMapping("/exits/plans/{planId}")
	String plan(@PathVariable("planId") UUID id, Model model) {
		return planPage(this.plans.get(id), null, null, model);
	}

	private String planPage(ExitPlan plan, String failed, DomainException problem, Model model) {
		model.addAttribute("p", plan);
		model.addAttribute("funding", this.plans.funding(plan.id()));
		model.addAttribute("progresses", PlanRules.PROGRESS);
		model.addAttribute("today", this.plans.today().format(ExitPlanForm.DMY));
		model.addAttribute("failed", failed);
		model.addAttribute("problems", (problem != null) ? FormProblems.of(problem, ACTION_FIELDS) : null);
		return "exits/plan";
	}

	@GetMapping("/households/{id}/exit-plan")
	String panel(@PathVariable("id") UUID householdId, Model model) {
		Household household = this.plans.household(householdId);
		List<ExitPlan> all = this.plans.ofHousehold(householdId);
		ExitPlan shown = all.stream().filter(ExitPlan::live).findFirst().orElse(all.isEmpty() ? null : all.get(0));
		model.addAttribute("householdId", householdId);
		model.addAttribute("plan", shown);
		model.addAttribute("householdPath", household.unitPath());
		return "exits/household-plan :: panel";
	}

	@Requires(Permission.EXIT_PLANS)
	@GetMapping("/households/{id}/exit-plans/new")
	String newPlan(@PathVariable("id") UUID householdId, Model model) {
		Household household = this.plans.registrable(householdId);
		ExitPlanForm form = new ExitPlanForm();
		form.setTargetYear(String.valueOf(this.plans.today().getYear()));
		return form(household, null, form, null, model);
	}

	@Requires(Permission.EXIT_PLANS)
	@PostMapping("/households/{id}/exit-plans")
	String register(@PathVariable("id") UUID householdId, @ModelAttribute ExitPlanForm form, Model model) {
		try {
			ExitPlan saved = this.plans.register(form.toInput(householdId));
			return "redirect:/exits/plans/" + saved.id();
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			return form(this.plans.registrable(householdId), null, form, ex, model);
		}
	}

	@Requires(Permission.EXIT_PLANS)
	@GetMapping("/exits/plans/{planId}/edit")
	String edit(@PathVariable("planId") UUID id, Model model) {
		this.plans.requireRegistering();
		ExitPlan plan = this.plans.get(id);
		return form(this.plans.registrable(plan.householdId()), plan, ExitPlanForm.of(plan), null, model);
	}

	@Requires(Permission.EXIT_PLANS)
	@PostMapping("/exits/plans/{planId}")
	String save(@PathVariable("planId") UUID id, @ModelAttribute ExitPlanForm form, Model model) {
		this.plans.requireRegistering();
		ExitPlan plan = this.plans.get(id);
		try {
			this.plans.edit(id, form.toInput(plan.householdId()));
			return "redirect:/exits/plans/" + id;
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			return form(this.plans.registrable(plan.householdId()), plan, form, ex, model);
		}
	}

	private String form(Household household, ExitPlan plan, ExitPlanForm form, DomainException problem, Model model) {
		model.addAttribute("household", household);
		model.addAttribute("plan", plan);
		model.addAttribute("form", form);
		model.addAttribute("currentClass", this.plans.currentClass(household.id()));
		model.addAttribute("policies", this.plans.needPolicies());
		model.addAttribute("problems", (problem != null) ? FormProblems.of(problem, PLAN_FIELDS) : null);
		return "exits/plan-form";
	}

	@Requires(Permission.EXIT_PLAN_APPROVAL)
	@PostMapping("/exits/plans/{planId}/approval")
	String approve(@PathVariable("planId") UUID id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String decisionNo, @RequestParam(required = false) String decidedOn,
			@RequestParam(required = false) String note, Model model) {
		return decide(id, true, version, decisionNo, decidedOn, note, model);
	}

	@Requires(Permission.EXIT_PLAN_APPROVAL)
	@PostMapping("/exits/plans/{planId}/rejection")
	String reject(@PathVariable("planId") UUID id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String decisionNo, @RequestParam(required = false) String decidedOn,
			@RequestParam(required = false) String note, Model model) {
		return decide(id, false, version, decisionNo, decidedOn, note, model);
	}

	private String decide(UUID id, boolean approve, Integer version, String decisionNo, String decidedOn, String note,
			Model model) {
		return act(id, "decision", model, () -> {
			List<FieldProblem> problems = new ArrayList<>();
			ExitPlanDecision decision = new ExitPlanDecision(version, decisionNo,
					ExitPlanForm.day(decidedOn, "decidedOn", problems), note);
			invalid(problems);
			if (approve) {
				this.plans.approve(id, decision);
			}
			else {
				this.plans.reject(id, decision);
			}
		});
	}

	@Requires(Permission.EXIT_PLANS)
	@PostMapping("/exits/plans/{planId}/withdrawal")
	String withdraw(@PathVariable("planId") UUID id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String reason, Model model) {
		return act(id, "withdrawal", model, () -> this.plans.withdraw(id, new ExitPlanWithdrawal(version, reason)));
	}

	@Requires(Permission.EXIT_PLANS)
	@PostMapping("/exits/plans/{planId}/checkpoints")
	String checkpoint(@PathVariable("planId") UUID id, @RequestParam(required = false) String checkedOn,
			@RequestParam(required = false) String progress, @RequestParam(required = false) String incomePerCapita,
			@RequestParam(required = false) String note, Model model) {
		return act(id, "checkpoint", model, () -> {
			List<FieldProblem> problems = new ArrayList<>();
			var on = ExitPlanForm.day(checkedOn, "checkedOn", problems);
			Long income = ExitPlanForm.amount(ExitPlanForm.blank(incomePerCapita), "incomePerCapita", problems);
			invalid(problems);
			this.plans.checkpoint(id, new ExitPlanCheckpointInput(on, progress, income, note));
		});
	}

	/**
	 * Does an action of the plan page: back to the plan when done, or the plan again with
	 * the refusal next to the form that was posted.
	 */
	private String act(UUID id, String form, Model model, Runnable action) {
		try {
			action.run();
			return "redirect:/exits/plans/" + id;
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			return planPage(this.plans.get(id), form, ex, model);
		}
	}

	private static void invalid(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
	}

}
