package vn.giamngheo.benefits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.audit.AuditBatch;
import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.benefits.persistence.DemandRepository;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.review.NeedsRecognised;
import vn.giamngheo.shared.Page;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;

import static vn.giamngheo.shared.ClockConfiguration.VIETNAM;

/**
 * The demand (nhu cầu) of households and members: registered at the commune, or taken
 * from Phiếu C when a review's list is recognised. A demand is open until withdrawn (with
 * a reason) or met by a delivered ledger record that answers it (ADR 0036).
 */
@Service
public class Demands {

	static final String ENTITY = "SUPPORT_DEMAND";

	private final DemandRepository demands;

	private final HouseholdRegistry registry;

	private final SupportPolicies policies;

	private final Geography geography;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final AuditBatch auditBatch;

	private final Clock clock;

	private final MessageSource messages;

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

	Demands(DemandRepository demands, HouseholdRegistry registry, SupportPolicies policies, Geography geography,
			CurrentActor actor, AuditTrail audit, AuditBatch auditBatch, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.demands = demands;
		this.registry = registry;
		this.policies = policies;
		this.geography = geography;
		this.actor = actor;
		this.audit = audit;
		this.auditBatch = auditBatch;
		this.clock = clock;
	}

	/** Registers a demand of a household (or one of its members). */
	@Transactional
	public SupportDemand register(DemandInput in) {
		this.actor.require(Permission.SUPPORT_DEMAND);
		if (in == null || in.householdId() == null) {
			throw DomainException.invalid(List.of(new FieldProblem("householdId", "error.field.required")));
		}
		Household household = this.registry.household(in.householdId());
		Actor who = this.actor.require(Permission.SUPPORT_DEMAND, household.unitPath());
		if (in.kind() == null || in.kind().isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("kind", "error.field.required")));
		}
		LocalDate today = LocalDate.now(this.clock.withZone(VIETNAM));
		LocalDate on = (in.registeredOn() != null) ? in.registeredOn() : today;
		List<FieldProblem> rules = new ArrayList<>();
		if (!SupportDemand.KINDS.contains(in.kind().strip())) {
			rules.add(new FieldProblem("kind", "support.demand.kind-unknown"));
		}
		String policy = (in.policyCode() == null || in.policyCode().isBlank()) ? null : in.policyCode().strip();
		if (policy != null) {
			SupportPolicy p = this.policies.find(policy).orElse(null);
			if (p == null) {
				rules.add(new FieldProblem("policyCode", "support.ledger.policy-unknown"));
			}
			else if (!p.needs().contains(in.kind().strip())) {
				rules.add(new FieldProblem("policyCode", "support.demand.policy-other-need", p.name()));
			}
		}
		if (in.memberId() != null && this.registry.members(household.id(), false)
			.stream()
			.noneMatch((m) -> m.id().equals(in.memberId()))) {
			rules.add(new FieldProblem("memberId", "support.ledger.member-not-in-household"));
		}
		if (in.amountVnd() != null && in.amountVnd() < 0) {
			rules.add(new FieldProblem("amountVnd", "support.ledger.negative"));
		}
		if (on.isAfter(today)) {
			rules.add(new FieldProblem("registeredOn", "support.demand.future"));
		}
		if (!rules.isEmpty()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "support.ledger.rejected", rules);
		}
		String purpose = (in.purpose() == null || in.purpose().isBlank()) ? null : in.purpose().strip();
		UUID id = this.demands.insert(
				new SupportDemand(null, household.id(), in.memberId(), null, in.kind().strip(), policy, purpose,
						in.amountVnd(), on, "REGISTRATION", null, "OPEN", null, null, 0, null),
				household.provinceCode(), who.username());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("kind", kindName(in.kind().strip()));
		after.put("policy", (policy != null) ? this.policies.require(policy).name() : null);
		after.put("member",
				this.registry.members(household.id(), false)
					.stream()
					.filter((m) -> m.id().equals(in.memberId()))
					.map(vn.giamngheo.registry.Member::fullName)
					.findFirst()
					.orElse(null));
		after.put("purpose", purpose);
		after.put("amountVnd", in.amountVnd());
		after.put("registeredOn", on);
		this.audit.record(new AuditEntry(who.username(), "CREATE", ENTITY, id.toString(), household.id(),
				household.unitPath(), household.provinceCode(), AuditTrail.diff(null, after), null));
		return find(id).orElseThrow();
	}

	/**
	 * A household the caller may register demand for (the form): the permission (403),
	 * visible (404), in the capture scope (403).
	 */
	@Transactional(readOnly = true)
	public Household registrable(UUID householdId) {
		this.actor.require(Permission.SUPPORT_DEMAND);
		Household household = this.registry.household(householdId);
		this.actor.require(Permission.SUPPORT_DEMAND, household.unitPath());
		return household;
	}

	/** Withdraws an open demand with a reason. */
	@Transactional
	public SupportDemand withdraw(UUID id, int version, String reason) {
		this.actor.require(Permission.SUPPORT_DEMAND);
		SupportDemand d = get(id);
		Household household = this.registry.household(d.householdId());
		Actor who = this.actor.require(Permission.SUPPORT_DEMAND, household.unitPath());
		if (reason == null || reason.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("reason", "error.field.required")));
		}
		if (!"OPEN".equals(d.status())) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "support.demand.not-open");
		}
		if (this.demands.withdraw(id, version, LocalDate.now(this.clock.withZone(VIETNAM)), reason.strip()) == 0) {
			throw BenefitLedger.stale();
		}
		this.audit.record(new AuditEntry(who.username(), "WITHDRAW", ENTITY, id.toString(), household.id(),
				household.unitPath(), household.provinceCode(),
				Map.of("demandStatus", new Change(statusName("OPEN"), statusName("WITHDRAWN"))), reason.strip()));
		return find(id).orElseThrow();
	}

	/**
	 * Marks a demand met by a delivered record (called by the ledger in its transaction,
	 * after its own checks); a demand no longer open stays as it is.
	 */
	@Transactional
	void meet(UUID id, LocalDate on, String username) {
		SupportDemand d = find(id).orElseThrow();
		if (this.demands.meet(id, on) == 1) {
			Household household = this.registry.household(d.householdId());
			this.audit.record(new AuditEntry(username, "MEET", ENTITY, id.toString(), household.id(),
					household.unitPath(), household.provinceCode(),
					Map.of("demandStatus", new Change(statusName("OPEN"), statusName("MET"))), null));
		}
	}

	/**
	 * The Phiếu C needs of the households a recognition made poor or near-poor become
	 * demand dated the decision's day, in the recognition's transaction. Done again (a
	 * commune recognised once more), it adds none twice.
	 */
	@EventListener
	@Transactional
	public void fromPhieuC(NeedsRecognised event) {
		List<AuditEntry> entries = new ArrayList<>();
		String username = this.actor.get().username();
		for (NeedsRecognised.HouseholdNeeds h : event.households()) {
			for (String kind : h.needs()) {
				if (!SupportDemand.KINDS.contains(kind)) {
					continue;
				}
				this.demands
					.insertFromPhieuC(event.reviewId(), h.householdId(), event.provinceCode(), kind,
							event.decisionDate(), username)
					.ifPresent(
							(id) -> entries.add(
									new AuditEntry(username, "CREATE", ENTITY, id.toString(), h.householdId(),
											h.unitPath(), event.provinceCode(),
											Map.of("kind", new Change(null, kindName(kind)), "source",
													new Change(null, vietnamese("support.demand.source.PHIEU_C"))),
											null)));
			}
		}
		if (!entries.isEmpty()) {
			this.auditBatch.recordAll(entries);
		}
	}

	/** A demand (no scope check: for the ledger's own checks). */
	Optional<SupportDemand> find(UUID id) {
		return this.demands.find(id);
	}

	/** A demand the caller may read, else 404. */
	@Transactional(readOnly = true)
	public SupportDemand get(UUID id) {
		SupportDemand d = find(id).orElseThrow(() -> DomainException.notFound(ENTITY, id));
		if (!this.actor.get().scope().canView(d.unitPath())) {
			throw DomainException.notFound(ENTITY, id);
		}
		return d;
	}

	/** A page of the demands the caller may read. */
	@Transactional(readOnly = true)
	public Page<SupportDemand> list(Long unit, String kind, String status, UUID household, int page, int size) {
		String unitPath = (unit != null) ? this.geography.unit(unit).path() : null;
		int p = Math.max(0, page);
		int s = Math.min(Math.max(1, size), 500);
		vn.giamngheo.benefits.persistence.Rows<SupportDemand> found = this.demands
			.page(this.actor.get().scope().viewPatterns(), unitPath, blank(kind), blank(status), household, p, s);
		return new Page<>(found.items(), p, s, found.total());
	}

	/** A household's demands, newest first. */
	@Transactional(readOnly = true)
	public List<SupportDemand> ofHousehold(UUID householdId) {
		this.registry.household(householdId);
		return this.demands.page(this.actor.get().scope().viewPatterns(), null, null, null, householdId, 0, 1000)
			.items();
	}

	/**
	 * A kind of need by its Vietnamese name (stored in the audit trail as officers read
	 * it).
	 */
	String kindName(String kind) {
		return vietnamese("EXIT_PLAN".equals(kind) ? "support.need.EXIT_PLAN" : "review.need." + kind);
	}

	private String statusName(String status) {
		return vietnamese("support.demand.status." + status);
	}

	private String vietnamese(String key) {
		return this.messages.getMessage(key, null, key, VIETNAMESE);
	}

	private static String blank(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
