package vn.giamngheo.exits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.analytics.StoredFigures;
import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.benefits.DemandInput;
import vn.giamngheo.benefits.Demands;
import vn.giamngheo.benefits.SupportDemand;
import vn.giamngheo.benefits.SupportPolicies;
import vn.giamngheo.benefits.SupportPolicy;
import vn.giamngheo.exits.domain.PlanRules;
import vn.giamngheo.exits.persistence.ExitPlanRepository;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.registry.Assessment;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.shared.Page;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;

/**
 * Exit registrations (đăng ký thoát nghèo) with their plans (ADR 0040): registered by a
 * commune (or higher) officer for a poor or near-poor household, edited while not yet
 * decided, approved or rejected by another person, withdrawn, followed by checkpoints,
 * and linked to the outcome of the review of their target year ({@link ExitOutcomes}). An
 * approval registers the support asked as an {@code EXIT_PLAN} demand in the benefit
 * ledger. Every write is scoped and audited in its transaction; every read filters by the
 * caller's scope. Also counts the indicator EXIT_REGISTRANTS_FUNDED.
 */
@Service
public class ExitPlans {

	/** The audit trail's entity type. */
	static final String ENTITY = "EXIT_PLAN";

	/** The indicator of the targets counted here. */
	public static final String FUNDED_INDICATOR = "EXIT_REGISTRANTS_FUNDED";

	/** The ledger policy of exit-plan support. */
	static final String SUPPORT_POLICY = "EXIT_PLAN_SUPPORT";

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

	private final ExitPlanRepository plans;

	private final HouseholdRegistry registry;

	private final SupportPolicies policies;

	private final Demands demands;

	private final Geography geography;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	private final MessageSource messages;

	private final StoredFigures figures;

	ExitPlans(ExitPlanRepository plans, HouseholdRegistry registry, SupportPolicies policies, Demands demands,
			Geography geography, CurrentActor actor, AuditTrail audit, Clock clock, MessageSource messages,
			StoredFigures figures) {
		this.figures = figures;
		this.plans = plans;
		this.registry = registry;
		this.policies = policies;
		this.demands = demands;
		this.geography = geography;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
		this.messages = messages;
	}

	/** Today in Viet Nam (the clock's zone). */
	public LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** Refuses a caller whose role may not register or edit plans (403). */
	public void requireRegistering() {
		this.actor.require(Permission.EXIT_PLANS);
	}

	/**
	 * A household the caller may register for (the form): the permission (403), visible
	 * (404), in the capture scope (403).
	 */
	@Transactional(readOnly = true)
	public Household registrable(UUID householdId) {
		this.actor.require(Permission.EXIT_PLANS);
		Household household = this.registry.household(householdId);
		this.actor.require(Permission.EXIT_PLANS, household.unitPath());
		return household;
	}

	/**
	 * The household's latest recognised class, or null when it has none.
	 */
	@Transactional(readOnly = true)
	public String currentClass(UUID householdId) {
		return this.registry.history(householdId)
			.stream()
			.filter(Assessment::recognised)
			.findFirst()
			.map(Assessment::classification)
			.orElse(null);
	}

	/** The policies a need may name (each once, by its latest version). */
	public List<SupportPolicy> needPolicies() {
		Map<String, SupportPolicy> latest = new LinkedHashMap<>();
		for (SupportPolicy p : this.policies.all()) {
			latest.put(p.code(), p);
		}
		return List.copyOf(latest.values());
	}

	/** Registers a household to leave poverty with its plan. */
	@Transactional
	public ExitPlan register(ExitPlanInput in) {
		this.actor.require(Permission.EXIT_PLANS);
		if (in == null || in.householdId() == null) {
			throw DomainException.invalid(List.of(new FieldProblem("householdId", "error.field.required")));
		}
		Household household = this.registry.household(in.householdId());
		Actor who = this.actor.require(Permission.EXIT_PLANS, household.unitPath());
		List<PlanRules.Need> needs = needs(in);
		check(in, needs);
		String from = currentClass(household.id());
		if (!PlanRules.mayRegister(from)) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "exits.plan.not-poor",
					(from != null) ? vietnamese("class." + from) : vietnamese("exits.plan.no-class"));
		}
		if (this.plans.page(new String[] { "%" }, null, in.targetYear(), null, household.id(), 0, 10)
			.items()
			.stream()
			.anyMatch(ExitPlan::live)) {
			throw new DomainException(ErrorCode.CONFLICT, "exits.plan.already-live", in.targetYear());
		}
		long budget = PlanRules.budget(needs, in.budgetVnd(), in.ownVnd());
		long own = (in.ownVnd() != null) ? in.ownVnd() : 0;
		UUID id;
		try {
			id = this.plans.insert(household.provinceCode(), household.id(), household.communeId(),
					household.unitPath(), from, today(), in.targetYear(), in.ownActions().strip(), budget, own,
					who.username());
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			// registered at the same moment by someone else (the index keeps one live
			// plan)
			throw new DomainException(ErrorCode.CONFLICT, "exits.plan.already-live", in.targetYear());
		}
		List<ExitPlan.Need> rows = rows(needs);
		this.plans.replaceNeeds(id, household.provinceCode(), rows);
		this.audit.record(new AuditEntry(who.username(), "CREATE", ENTITY, id.toString(), household.id(),
				household.unitPath(), household.provinceCode(),
				AuditTrail.diff(null, fields(from, in.targetYear(), in.ownActions().strip(), budget, own, rows)),
				null));
		return get(id);
	}

	/** Edits a registration not yet decided (version → 409 when stale). */
	@Transactional
	public ExitPlan edit(UUID id, ExitPlanInput in) {
		this.actor.require(Permission.EXIT_PLANS);
		ExitPlan plan = get(id);
		Actor who = this.actor.require(Permission.EXIT_PLANS, plan.unitPath());
		if (in == null || in.version() == null) {
			throw DomainException.invalid(List.of(new FieldProblem("version", "error.field.required")));
		}
		List<PlanRules.Need> needs = needs(in);
		check(in, needs);
		if (!"REGISTERED".equals(plan.status())) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "exits.plan.not-editable",
					vietnamese("exits.plan.status." + plan.status()));
		}
		long budget = PlanRules.budget(needs, in.budgetVnd(), in.ownVnd());
		long own = (in.ownVnd() != null) ? in.ownVnd() : 0;
		if (this.plans.update(id, in.version(), in.targetYear(), in.ownActions().strip(), budget, own) == 0) {
			throw stale();
		}
		List<ExitPlan.Need> rows = rows(needs);
		this.plans.replaceNeeds(id, provinceOf(plan), rows);
		this.audit.record(new AuditEntry(who.username(), "UPDATE", ENTITY, id.toString(), plan.householdId(),
				plan.unitPath(), provinceOf(plan),
				AuditTrail.diff(
						fields(plan.fromClass(), plan.targetYear(), plan.ownActions(), plan.budgetVnd(), plan.ownVnd(),
								plan.needs()),
						fields(plan.fromClass(), in.targetYear(), in.ownActions().strip(), budget, own, rows)),
				null));
		return get(id);
	}

	/**
	 * Approves a registration: by a person other than who registered it, with the
	 * decision's number and day; registers the support asked as an {@code EXIT_PLAN}
	 * demand.
	 */
	@Transactional
	public ExitPlan approve(UUID id, ExitPlanDecision d) {
		Decided decided = decide(id, d, true);
		ExitPlan plan = decided.plan();
		SupportDemand demand = this.demands.register(new DemandInput(plan.householdId(), null, "EXIT_PLAN",
				SUPPORT_POLICY, vietnamese("exits.plan.demand-purpose", plan.targetYear()),
				(plan.supportVnd() > 0) ? plan.supportVnd() : null, decided.on()));
		this.plans.demand(id, demand.id());
		return get(id);
	}

	/** Rejects a registration, by a person other than who registered it, with a note. */
	@Transactional
	public ExitPlan reject(UUID id, ExitPlanDecision d) {
		return decide(id, d, false).plan();
	}

	private record Decided(ExitPlan plan, LocalDate on) {
	}

	private Decided decide(UUID id, ExitPlanDecision d, boolean approve) {
		this.actor.require(Permission.EXIT_PLAN_APPROVAL);
		ExitPlan plan = get(id);
		Actor who = this.actor.require(Permission.EXIT_PLAN_APPROVAL, plan.unitPath());
		List<FieldProblem> missing = new ArrayList<>();
		if (d == null || d.version() == null) {
			missing.add(new FieldProblem("version", "error.field.required"));
		}
		if (approve && (d == null || blank(d.decisionNo()) == null)) {
			missing.add(new FieldProblem("decisionNo", "error.field.required"));
		}
		if (approve && (d == null || d.decidedOn() == null)) {
			missing.add(new FieldProblem("decidedOn", "error.field.required"));
		}
		if (!approve && (d == null || blank(d.note()) == null)) {
			missing.add(new FieldProblem("note", "error.field.required"));
		}
		if (!missing.isEmpty()) {
			throw DomainException.invalid(missing);
		}
		LocalDate on = (d.decidedOn() != null) ? d.decidedOn() : today();
		if (!"REGISTERED".equals(plan.status())) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "exits.plan.already-decided",
					vietnamese("exits.plan.status." + plan.status()));
		}
		if (who.username().equals(plan.createdBy())) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "exits.plan.same-person");
		}
		List<FieldProblem> rules = new ArrayList<>();
		if (on.isAfter(today())) {
			rules.add(new FieldProblem("decidedOn", "exits.plan.future"));
		}
		if (on.isBefore(plan.registeredOn())) {
			rules.add(new FieldProblem("decidedOn", "exits.plan.before-registration",
					plan.registeredOn().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
		}
		if (!rules.isEmpty()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "exits.plan.rejected", rules);
		}
		String status = approve ? "APPROVED" : "REJECTED";
		if (this.plans.decide(id, d.version(), status, on, who.username(), blank(d.decisionNo()),
				blank(d.note())) == 0) {
			throw stale();
		}
		Map<String, Change> changes = new LinkedHashMap<>();
		changes.put("status",
				new Change(vietnamese("exits.plan.status.REGISTERED"), vietnamese("exits.plan.status." + status)));
		changes.put("decisionNo", new Change(null, blank(d.decisionNo())));
		changes.put("decidedOn", new Change(null, on));
		changes.put("note", new Change(null, blank(d.note())));
		this.audit.record(new AuditEntry(who.username(), approve ? "APPROVE" : "REJECT", ENTITY, id.toString(),
				plan.householdId(), plan.unitPath(), provinceOf(plan), changes, blank(d.note())));
		return new Decided(get(id), on);
	}

	/**
	 * Withdraws a live registration with a reason; the open demand its approval
	 * registered is withdrawn with it.
	 */
	@Transactional
	public ExitPlan withdraw(UUID id, ExitPlanWithdrawal w) {
		this.actor.require(Permission.EXIT_PLANS);
		ExitPlan plan = get(id);
		Actor who = this.actor.require(Permission.EXIT_PLANS, plan.unitPath());
		List<FieldProblem> missing = new ArrayList<>();
		if (w == null || w.version() == null) {
			missing.add(new FieldProblem("version", "error.field.required"));
		}
		if (w == null || blank(w.reason()) == null) {
			missing.add(new FieldProblem("reason", "error.field.required"));
		}
		if (!missing.isEmpty()) {
			throw DomainException.invalid(missing);
		}
		if (!plan.live()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "exits.plan.not-live",
					vietnamese("exits.plan.status." + plan.status()));
		}
		String reason = blank(w.reason());
		if (this.plans.withdraw(id, w.version(), today(), reason) == 0) {
			throw stale();
		}
		this.plans.demandOf(id).ifPresent((demandId) -> {
			SupportDemand demand = this.demands.get(demandId);
			if ("OPEN".equals(demand.status())) {
				this.demands.withdraw(demandId, demand.version(), reason);
			}
		});
		this.audit.record(
				new AuditEntry(who.username(), "WITHDRAW", ENTITY, id.toString(), plan.householdId(), plan.unitPath(),
						provinceOf(plan), Map.of("status", new Change(vietnamese("exits.plan.status." + plan.status()),
								vietnamese("exits.plan.status.WITHDRAWN"))),
						reason));
		return get(id);
	}

	/** Records a checkpoint of an approved plan waiting for its outcome. */
	@Transactional
	public ExitPlan checkpoint(UUID id, ExitPlanCheckpointInput c) {
		this.actor.require(Permission.EXIT_PLANS);
		ExitPlan plan = get(id);
		Actor who = this.actor.require(Permission.EXIT_PLANS, plan.unitPath());
		List<FieldProblem> missing = new ArrayList<>();
		if (c == null || c.checkedOn() == null) {
			missing.add(new FieldProblem("checkedOn", "error.field.required"));
		}
		if (c == null || blank(c.progress()) == null) {
			missing.add(new FieldProblem("progress", "error.field.required"));
		}
		else if (!PlanRules.PROGRESS.contains(c.progress().strip())) {
			missing.add(new FieldProblem("progress", "error.field.invalid", c.progress()));
		}
		if (!missing.isEmpty()) {
			throw DomainException.invalid(missing);
		}
		if (!plan.awaitingOutcome()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "exits.plan.not-followed",
					vietnamese("exits.plan.status." + plan.status()));
		}
		List<FieldProblem> rules = new ArrayList<>();
		if (c.checkedOn().isAfter(today())) {
			rules.add(new FieldProblem("checkedOn", "exits.plan.future"));
		}
		if (c.checkedOn().isBefore(plan.registeredOn())) {
			rules.add(new FieldProblem("checkedOn", "exits.plan.before-registration",
					plan.registeredOn().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
		}
		if (c.incomePerCapita() != null && c.incomePerCapita() < 0) {
			rules.add(new FieldProblem("incomePerCapita", "exits.plan.negative"));
		}
		if (!rules.isEmpty()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "exits.plan.rejected", rules);
		}
		String progress = c.progress().strip();
		UUID checkpoint = this.plans.checkpoint(id, provinceOf(plan), c.checkedOn(), progress, c.incomePerCapita(),
				blank(c.note()), who.username());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("checkedOn", c.checkedOn());
		after.put("progress", vietnamese("exits.plan.progress." + progress));
		after.put("incomePerCapita", c.incomePerCapita());
		after.put("note", blank(c.note()));
		this.audit.record(new AuditEntry(who.username(), "CHECKPOINT", ENTITY, id + "/" + checkpoint,
				plan.householdId(), plan.unitPath(), provinceOf(plan), AuditTrail.diff(null, after), null));
		return get(id);
	}

	/** A plan the caller may read, else 404. */
	@Transactional(readOnly = true)
	public ExitPlan get(UUID id) {
		ExitPlan plan = this.plans.find(id).orElseThrow(() -> DomainException.notFound(ENTITY, id));
		if (!this.actor.get().scope().canView(plan.unitPath())) {
			throw DomainException.notFound(ENTITY, id);
		}
		return named(plan);
	}

	/**
	 * A page of the plans the caller may read under a unit (or its whole scope), of a
	 * target year and a status (or any).
	 */
	@Transactional(readOnly = true)
	public Page<ExitPlan> list(Long unit, Integer year, String status, int page, int size) {
		String unitPath = (unit != null) ? this.geography.unit(unit).path() : null;
		int p = Math.max(0, page);
		int s = Math.min(Math.max(1, size), 500);
		ExitPlanRepository.Found found = this.plans.page(scope(), unitPath, year, blank(status), null, p, s);
		return new Page<>(found.items().stream().map(this::named).toList(), p, s, found.total());
	}

	/** A household the caller may read (404 outside the scope). */
	@Transactional(readOnly = true)
	public Household household(UUID householdId) {
		return this.registry.household(householdId);
	}

	/** A household's plans, newest registration first (404 outside the scope). */
	@Transactional(readOnly = true)
	public List<ExitPlan> ofHousehold(UUID householdId) {
		this.registry.household(householdId);
		return this.plans.page(scope(), null, null, null, householdId, 0, 100)
			.items()
			.stream()
			.map(this::named)
			.toList();
	}

	/**
	 * The plans of a target year under a unit (or the caller's scope) by status, and the
	 * approved by outcome ({@code EXITED}, {@code NOT_EXITED}, {@code PENDING}).
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> counts(Long unit, int year) {
		String unitPath = (unit != null) ? this.geography.unit(unit).path() : null;
		return this.plans.counts(scope(), unitPath, year);
	}

	/** The ledger records counted as the plan's funding, oldest first. */
	@Transactional(readOnly = true)
	public List<ExitPlanFunding> funding(UUID id) {
		get(id);
		return this.plans.funding(id)
			.stream()
			.map((f) -> new ExitPlanFunding(f.recordId(), f.deliveredOn(), f.policyCode(), policyName(f.policyCode()),
					f.amountVnd(), f.status()))
			.toList();
	}

	/**
	 * The indicator EXIT_REGISTRANTS_FUNDED of a unit (ADR 0040): for each target year,
	 * the approved plans (neither withdrawn nor rejected) of the unit's households whose
	 * household received, between the registration and the end of that year, delivered
	 * support of the exit-plan policy or of a policy named in the plan's needs, as a
	 * percentage of the approved plans, one decimal. A year with no approved plan has no
	 * value.
	 * @param unitId the unit
	 * @param fromYear first target year wanted
	 * @param toYear last target year wanted
	 * @return percent by year, oldest first
	 */
	@Transactional(readOnly = true)
	public Map<Integer, Double> fundedSeries(long unitId, int fromYear, int toYear) {
		Unit unit = this.geography.unit(unitId);
		// seconds over a province's plans and ledger: stored per unit until a plan or the
		// ledger changes (ADR 0058)
		return this.figures
			.get(StoredFigures.LEDGER, "exit-funded", unit, fromYear + "/" + toYear, Funded.class, () -> {
				TreeMap<Integer, Double> values = new TreeMap<>();
				this.plans.funded(scope(), unit.path(), fromYear, toYear).forEach((year, counts) -> {
					if (counts[0] > 0) {
						values.put(year, Math.round(counts[1] * 1000.0 / counts[0]) / 10.0);
					}
				});
				return new Funded(values);
			})
			.value()
			.values();
	}

	/** The funded series as stored. */
	record Funded(TreeMap<Integer, Double> values) {
	}

	private ExitPlan named(ExitPlan plan) {
		return plan.with(plan.needs()
			.stream()
			.map((n) -> new ExitPlan.Need(n.seq(), n.policyCode(), policyName(n.policyCode()), n.description(),
					n.amountVnd()))
			.toList(), plan.checkpoints());
	}

	private String policyName(String code) {
		return (code == null) ? null : this.policies.find(code).map(SupportPolicy::name).orElse(code);
	}

	private void check(ExitPlanInput in, List<PlanRules.Need> needs) {
		PlanRules.Problems problems = PlanRules.check(in.targetYear(), in.ownActions(), needs, in.budgetVnd(),
				in.ownVnd(), today(), (code) -> this.policies.find(code).isPresent());
		if (!problems.missing().isEmpty()) {
			throw DomainException.invalid(problems.missing());
		}
		if (!problems.rules().isEmpty()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "exits.plan.rejected", problems.rules());
		}
	}

	private static List<PlanRules.Need> needs(ExitPlanInput in) {
		List<PlanRules.Need> needs = new ArrayList<>();
		for (ExitPlanInput.Need n : (in.needs() != null) ? in.needs() : List.<ExitPlanInput.Need>of()) {
			if (n != null) {
				needs.add(new PlanRules.Need(blank(n.policyCode()), blank(n.description()), n.amountVnd()));
			}
		}
		return needs;
	}

	private static List<ExitPlan.Need> rows(List<PlanRules.Need> needs) {
		List<ExitPlan.Need> rows = new ArrayList<>();
		for (int i = 0; i < needs.size(); i++) {
			PlanRules.Need n = needs.get(i);
			rows.add(new ExitPlan.Need(i + 1, n.policyCode(), null, n.description(), n.amountVnd()));
		}
		return rows;
	}

	/** The audited fields of a plan, in officers' words. */
	private Map<String, Object> fields(String from, int targetYear, String ownActions, long budget, long own,
			List<ExitPlan.Need> needs) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("fromClass", vietnamese("class." + from));
		fields.put("targetYear", targetYear);
		fields.put("ownActions", ownActions);
		fields.put("budgetVnd", budget);
		fields.put("ownVnd", own);
		fields.put("needs",
				needs.stream()
					.map((n) -> ((n.policyCode() != null) ? policyName(n.policyCode()) : n.description()) + ": "
							+ n.amountVnd())
					.toList());
		return fields;
	}

	private String provinceOf(ExitPlan plan) {
		return this.registry.household(plan.householdId()).provinceCode();
	}

	private String[] scope() {
		return this.actor.get().scope().viewPatterns();
	}

	private String vietnamese(String key, Object... args) {
		return this.messages.getMessage(key, args, key, VIETNAMESE);
	}

	static DomainException stale() {
		return new DomainException(ErrorCode.STALE_VERSION, "exits.plan.stale");
	}

	private static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
