package vn.giamngheo.benefits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.benefits.domain.LedgerStatus;
import vn.giamngheo.benefits.persistence.LedgerRepository;
import vn.giamngheo.benefits.persistence.LedgerRepository.Past;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.identity.Role;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.registry.Member;
import vn.giamngheo.shared.Page;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.text.Vnd;

import static vn.giamngheo.shared.ClockConfiguration.VIETNAM;

/**
 * The benefit ledger: support under one policy to a household or one of its members.
 * Every write checks the role, the scope and (for a partner) the agency
 * ({@link CurrentActor#requireSupport}), keeps the row as it was in the history, checks
 * the version (409 when stale) and writes the audit trail in the same transaction. A
 * partner reads only its own agency's records. Records are voided with a reason, never
 * deleted (ADR 0036).
 */
@Service
public class BenefitLedger {

	static final String ENTITY = "BENEFIT_RECORD";

	private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final LedgerRepository ledger;

	private final SupportPolicies policies;

	private final HouseholdRegistry registry;

	private final Geography geography;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Demands demands;

	private final Clock clock;

	BenefitLedger(LedgerRepository ledger, SupportPolicies policies, HouseholdRegistry registry, Geography geography,
			CurrentActor actor, AuditTrail audit, Demands demands, Clock clock) {
		this.ledger = ledger;
		this.policies = policies;
		this.registry = registry;
		this.geography = geography;
		this.actor = actor;
		this.audit = audit;
		this.demands = demands;
		this.clock = clock;
	}

	/** Today in Vietnam. */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(VIETNAM));
	}

	/**
	 * Records one support. The policy must be known and in force on the first day of the
	 * period; a member policy needs a member of the household, a household policy none;
	 * the shares must sum to the amount (422 naming the fields).
	 * @param in what was typed
	 * @return the record
	 */
	@Transactional
	public BenefitRecord record(BenefitInput in) {
		this.actor.require(Permission.SUPPORT_RECORD);
		if (in == null || in.householdId() == null) {
			throw DomainException.invalid(List.of(new FieldProblem("householdId", "error.field.required")));
		}
		Household household = this.registry.household(in.householdId());
		this.actor.require(Permission.SUPPORT_RECORD, household.unitPath());
		LedgerStatus status = (in.status() == null || in.status().isBlank()) ? LedgerStatus.PLANNED
				: LedgerStatus.parse(in.status());
		if (status == null || !LedgerStatus.INITIAL.contains(status)) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "support.ledger.status-initial",
					List.of(new FieldProblem("status", "support.ledger.status-initial")));
		}
		SupportPolicy policy = checked(household, in, status);
		Actor who = this.actor.requireSupport(policy.agency(), household.unitPath());
		BenefitRecord row = values(null, household, policy, in, status.name(), 0);
		UUID id = this.ledger.insert(row, household.provinceCode(), who.username());
		BenefitRecord saved = find(id);
		this.audit.record(new AuditEntry(who.username(), "CREATE", ENTITY, id.toString(), household.id(),
				household.unitPath(), household.provinceCode(), AuditTrail.diff(null, fields(saved)), null));
		meetDemand(saved, who);
		return saved;
	}

	/**
	 * Corrects a record: the row as it was is kept in the history with the reason, the
	 * new values are checked as a new record's are. The status is changed by
	 * {@link #changeStatus}, not here.
	 */
	@Transactional
	public BenefitRecord correct(UUID id, int version, BenefitInput in, String reason) {
		this.actor.require(Permission.SUPPORT_RECORD);
		BenefitRecord before = writable(id);
		requireReason(reason);
		if (in == null) {
			throw DomainException.invalid(List.of(new FieldProblem("data", "error.field.required")));
		}
		Household household = this.registry.household(before.householdId());
		SupportPolicy policy = checked(household, withHousehold(in, before.householdId()),
				LedgerStatus.valueOf(before.status()));
		Actor who = this.actor.requireSupport(policy.agency(), before.unitPath());
		BenefitRecord row = values(before, household, policy, in, before.status(), version);
		if (this.ledger.keep(id, version, who.username(), reason.strip()) == 0
				|| this.ledger.update(row, version, who.username()) == 0) {
			throw stale();
		}
		BenefitRecord after = find(id);
		this.audit.record(
				new AuditEntry(who.username(), "UPDATE", ENTITY, id.toString(), after.householdId(), after.unitPath(),
						household.provinceCode(), AuditTrail.diff(fields(before), fields(after)), reason.strip()));
		meetDemand(after, who);
		return after;
	}

	/**
	 * Moves a record to another status along the allowed steps (anything else 422): to a
	 * delivered status it needs the day it was delivered.
	 */
	@Transactional
	public BenefitRecord changeStatus(UUID id, int version, String status, LocalDate deliveredOn, String reason) {
		this.actor.require(Permission.SUPPORT_RECORD);
		BenefitRecord before = writable(id);
		Actor who = this.actor.requireSupport(before.agency(), before.unitPath());
		LedgerStatus from = LedgerStatus.valueOf(before.status());
		LedgerStatus to = LedgerStatus.parse(status);
		if (to == null) {
			throw DomainException.invalid(List.of(new FieldProblem("status", "error.field.required")));
		}
		if (!from.mayBecome(to)) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "support.ledger.transition",
					new org.springframework.context.support.DefaultMessageSourceResolvable(
							new String[] { "support.status." + from.name() }, from.name()),
					new org.springframework.context.support.DefaultMessageSourceResolvable(
							new String[] { "support.status." + to.name() }, to.name()));
		}
		if (to == LedgerStatus.OVERDUE && !"VBSP".equals(before.agency())) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "support.ledger.overdue-loans");
		}
		LocalDate delivered = (deliveredOn != null) ? deliveredOn : before.deliveredOn();
		if (to.delivered()) {
			if (delivered == null) {
				throw new DomainException(ErrorCode.RULE_REJECTED, "support.ledger.delivered-required",
						List.of(new FieldProblem("deliveredOn", "support.ledger.delivered-required")));
			}
			if (delivered.isAfter(today())) {
				throw new DomainException(ErrorCode.RULE_REJECTED, "support.ledger.delivered-future",
						List.of(new FieldProblem("deliveredOn", "support.ledger.delivered-future")));
			}
		}
		String why = (reason != null && !reason.isBlank()) ? reason.strip() : null;
		if (this.ledger.keep(id, version, who.username(), why) == 0 || this.ledger.status(id, version, to.name(),
				to.delivered() ? delivered : before.deliveredOn(), who.username()) == 0) {
			throw stale();
		}
		BenefitRecord after = find(id);
		this.audit.record(new AuditEntry(who.username(), "STATUS", ENTITY, id.toString(), after.householdId(),
				after.unitPath(), provinceOf(after), AuditTrail.diff(fields(before), fields(after)), why));
		meetDemand(after, who);
		return after;
	}

	/** Voids a record with a reason (it stays, marked, with its history). */
	@Transactional
	public BenefitRecord voidRecord(UUID id, int version, String reason) {
		this.actor.require(Permission.SUPPORT_RECORD);
		BenefitRecord before = writable(id);
		Actor who = this.actor.requireSupport(before.agency(), before.unitPath());
		requireReason(reason);
		if (this.ledger.keep(id, version, who.username(), reason.strip()) == 0
				|| this.ledger.voidRecord(id, version, reason.strip(), who.username()) == 0) {
			throw stale();
		}
		BenefitRecord after = find(id);
		this.audit.record(new AuditEntry(who.username(), "VOID", ENTITY, id.toString(), after.householdId(),
				after.unitPath(), provinceOf(after), AuditTrail.diff(Map.of("voided", false), Map.of("voided", true)),
				reason.strip()));
		return after;
	}

	/** One record the caller may read (a partner: its agency's only), else 404. */
	@Transactional(readOnly = true)
	public BenefitRecord get(UUID id) {
		BenefitRecord r = this.ledger.find(id).orElseThrow(() -> DomainException.notFound(ENTITY, id));
		Actor who = this.actor.get();
		if (!who.scope().canView(r.unitPath()) || !readable(who, r.agency())) {
			throw DomainException.notFound(ENTITY, id);
		}
		return r;
	}

	/**
	 * The versions of a record: the earlier ones (oldest first), then the current one.
	 */
	@Transactional(readOnly = true)
	public List<Version> history(UUID id) {
		BenefitRecord current = get(id);
		List<Version> versions = new ArrayList<>();
		for (Past p : this.ledger.history(id)) {
			versions
				.add(new Version(p.version(), pastFields(p.row()), p.changedBy(), p.changedAt(), p.reason(), false));
		}
		Map<String, Object> now = new LinkedHashMap<>(fields(current));
		versions.add(new Version(current.version(), now, null, current.updatedAt(), null, true));
		return versions;
	}

	/**
	 * A page of the records the caller may read.
	 * @param unit a unit id (its records and those below), or null for the whole scope
	 * @param policy a policy code, or null
	 * @param status a status code, or null
	 * @param year records whose period overlaps the year, or null
	 * @param household one household, or null
	 */
	@Transactional(readOnly = true)
	public Page<BenefitRecord> list(Long unit, String policy, String status, Integer year, UUID household, int page,
			int size) {
		Actor who = this.actor.get();
		// the unit narrows the caller's scope; it never widens it
		String unitPath = (unit != null) ? this.geography.unit(unit).path() : null;
		int p = Math.max(0, page);
		int s = Math.min(Math.max(1, size), 500);
		vn.giamngheo.benefits.persistence.Rows<BenefitRecord> found = this.ledger.page(who.scope().viewPatterns(),
				partnerAgency(who), unitPath, blankToNull(policy), blankToNull(status), year, household, false, p, s);
		return new Page<>(found.items(), p, s, found.total());
	}

	/** A household's records (not voided), newest first, as the caller may read them. */
	@Transactional(readOnly = true)
	public List<BenefitRecord> ofHousehold(UUID householdId) {
		this.registry.household(householdId);
		return this.ledger
			.page(this.actor.get().scope().viewPatterns(), partnerAgency(this.actor.get()), null, null, null, null,
					householdId, false, 0, 1000)
			.items();
	}

	/**
	 * A household the caller may record support for (the form): the permission (403),
	 * visible (404), in the capture scope (403).
	 */
	@Transactional(readOnly = true)
	public Household recordable(UUID householdId) {
		this.actor.require(Permission.SUPPORT_RECORD);
		Household household = this.registry.household(householdId);
		this.actor.require(Permission.SUPPORT_RECORD, household.unitPath());
		return household;
	}

	/**
	 * Refuses a caller whose role may not record support (403), before anything is looked
	 * up.
	 */
	public void requireRecording() {
		this.actor.require(Permission.SUPPORT_RECORD);
	}

	/** The policies the caller may record (a partner: its agency's), by name. */
	public List<SupportPolicy> recordablePolicies() {
		String agency = partnerAgency(this.actor.get());
		return this.policies.all()
			.stream()
			.filter((p) -> agency == null || agency.equals(p.agency()))
			.collect(java.util.stream.Collectors.toMap(SupportPolicy::code, (p) -> p, (a, b) -> b))
			.values()
			.stream()
			.sorted(java.util.Comparator.comparing(SupportPolicy::name))
			.toList();
	}

	private BenefitRecord find(UUID id) {
		return this.ledger.find(id).orElseThrow(() -> DomainException.notFound(ENTITY, id));
	}

	/** A record to change: readable (else 404), not voided (422). */
	private BenefitRecord writable(UUID id) {
		BenefitRecord r = get(id);
		if (r.voided()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "support.ledger.voided");
		}
		return r;
	}

	static boolean readable(Actor who, String agency) {
		return !who.hasRole(Role.PARTNER.name()) || (who.agency() != null && who.agency().equals(agency));
	}

	/**
	 * The agency a partner is limited to ("none" for a partner without one), else null.
	 */
	static String partnerAgency(Actor who) {
		if (!who.hasRole(Role.PARTNER.name())) {
			return null;
		}
		return (who.agency() != null) ? who.agency() : "-";
	}

	private static BenefitInput withHousehold(BenefitInput in, UUID householdId) {
		return new BenefitInput(householdId, in.memberId(), in.policyCode(), in.periodFrom(), in.periodTo(),
				in.amountVnd(), in.centralVnd(), in.localVnd(), in.creditVnd(), in.mobilisedVnd(), in.ownVnd(),
				in.status(), in.decisionNo(), in.decisionDate(), in.deliveredOn(), in.validFrom(), in.validTo(),
				in.partnerRef(), in.evidence(), in.demandId());
	}

	/**
	 * Checks the input against the policy and the household: missing fields are 400,
	 * rules 422. Nothing is written before this passes.
	 */
	private SupportPolicy checked(Household household, BenefitInput in, LedgerStatus status) {
		List<FieldProblem> missing = new ArrayList<>();
		if (in.policyCode() == null || in.policyCode().isBlank()) {
			missing.add(new FieldProblem("policyCode", "error.field.required"));
		}
		if (in.periodFrom() == null) {
			missing.add(new FieldProblem("periodFrom", "error.field.required"));
		}
		if (in.amountVnd() == null) {
			missing.add(new FieldProblem("amountVnd", "error.field.required"));
		}
		if (!missing.isEmpty()) {
			throw DomainException.invalid(missing);
		}
		SupportPolicy policy = this.policies.find(in.policyCode().strip())
			.orElseThrow(() -> new DomainException(ErrorCode.RULE_REJECTED, "support.ledger.policy-unknown",
					List.of(new FieldProblem("policyCode", "support.ledger.policy-unknown"))));
		List<FieldProblem> rules = new ArrayList<>();
		SupportPolicy inForce = this.policies.find(policy.code(), in.periodFrom()).orElse(null);
		if (inForce == null) {
			rules.add(new FieldProblem("periodFrom", "support.ledger.policy-not-in-force", policy.name(),
					in.periodFrom().format(DMY)));
		}
		LocalDate periodTo = (in.periodTo() != null) ? in.periodTo() : in.periodFrom();
		if (periodTo.isBefore(in.periodFrom())) {
			rules.add(new FieldProblem("periodTo", "support.ledger.period-order"));
		}
		if (in.validFrom() != null && in.validTo() != null && in.validTo().isBefore(in.validFrom())) {
			rules.add(new FieldProblem("validTo", "support.ledger.valid-order"));
		}
		if (policy.perMember()) {
			if (in.memberId() == null) {
				rules.add(new FieldProblem("memberId", "support.ledger.member-required", policy.name()));
			}
			else if (this.registry.members(household.id(), false)
				.stream()
				.noneMatch((m) -> m.id().equals(in.memberId()))) {
				rules.add(new FieldProblem("memberId", "support.ledger.member-not-in-household"));
			}
		}
		else if (in.memberId() != null) {
			rules.add(new FieldProblem("memberId", "support.ledger.member-not-allowed", policy.name()));
		}
		String[] shares = { "centralVnd", "localVnd", "creditVnd", "mobilisedVnd", "ownVnd" };
		Long[] values = { in.centralVnd(), in.localVnd(), in.creditVnd(), in.mobilisedVnd(), in.ownVnd() };
		boolean negative = in.amountVnd() < 0;
		if (in.amountVnd() < 0) {
			rules.add(new FieldProblem("amountVnd", "support.ledger.negative"));
		}
		for (int i = 0; i < shares.length; i++) {
			if (values[i] != null && values[i] < 0) {
				rules.add(new FieldProblem(shares[i], "support.ledger.negative"));
				negative = true;
			}
		}
		if (!negative && in.sharesTotal() != in.amountVnd()) {
			String total = Vnd.dong(in.sharesTotal());
			String amount = Vnd.dong(in.amountVnd());
			rules.add(new FieldProblem("amountVnd", "support.ledger.shares-sum", total, amount));
			for (String share : shares) {
				rules.add(new FieldProblem(share, "support.ledger.shares-sum", total, amount));
			}
		}
		if (status.delivered() && in.deliveredOn() == null) {
			rules.add(new FieldProblem("deliveredOn", "support.ledger.delivered-required"));
		}
		if (in.deliveredOn() != null && in.deliveredOn().isAfter(today())) {
			rules.add(new FieldProblem("deliveredOn", "support.ledger.delivered-future"));
		}
		if (in.demandId() != null) {
			SupportDemand demand = this.demands.find(in.demandId()).orElse(null);
			if (demand == null || !demand.householdId().equals(household.id())) {
				rules.add(new FieldProblem("demandId", "support.ledger.demand-other-household"));
			}
			else if (!policy.needs().contains(demand.kind()) && !policy.code().equals(demand.policyCode())) {
				rules.add(new FieldProblem("demandId", "support.ledger.demand-other-need", policy.name()));
			}
		}
		if (!rules.isEmpty()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "support.ledger.rejected", rules);
		}
		return inForce;
	}

	private BenefitRecord values(BenefitRecord before, Household household, SupportPolicy policy, BenefitInput in,
			String status, int version) {
		return new BenefitRecord((before != null) ? before.id() : null, household.id(), household.code(),
				household.headName(), in.memberId(), null,
				(before != null) ? before.communeId() : household.communeId(),
				(before != null) ? before.unitPath() : household.unitPath(), policy.code(), policy.version(),
				policy.name(), policy.agency(), in.periodFrom(),
				(in.periodTo() != null) ? in.periodTo() : in.periodFrom(), in.amountVnd(),
				BenefitInput.zero(in.centralVnd()), BenefitInput.zero(in.localVnd()), BenefitInput.zero(in.creditVnd()),
				BenefitInput.zero(in.mobilisedVnd()), BenefitInput.zero(in.ownVnd()), status, trim(in.decisionNo()),
				in.decisionDate(), in.deliveredOn(), in.validFrom(), in.validTo(), trim(in.partnerRef()),
				trim(in.evidence()), in.demandId(), null, version, false, null, null, null);
	}

	/** A delivered record that answers a demand meets it (ADR 0036). */
	private void meetDemand(BenefitRecord r, Actor who) {
		if (r.demandId() != null && LedgerStatus.valueOf(r.status()).delivered()) {
			this.demands.meet(r.demandId(), r.deliveredOn(), who.username());
		}
	}

	/** The fields of a record as the audit trail and the history show them. */
	static Map<String, Object> fields(BenefitRecord r) {
		Map<String, Object> f = new LinkedHashMap<>();
		// names, not codes or ids: the household's change list shows these values
		f.put("policy", r.policyName());
		f.put("member", r.memberName());
		f.put("periodFrom", r.periodFrom());
		f.put("periodTo", r.periodTo());
		f.put("amountVnd", r.amountVnd());
		f.put("centralVnd", r.centralVnd());
		f.put("localVnd", r.localVnd());
		f.put("creditVnd", r.creditVnd());
		f.put("mobilisedVnd", r.mobilisedVnd());
		f.put("ownVnd", r.ownVnd());
		f.put("status", r.status());
		f.put("decisionNo", r.decisionNo());
		f.put("decisionDate", r.decisionDate());
		f.put("deliveredOn", r.deliveredOn());
		f.put("validFrom", r.validFrom());
		f.put("validTo", r.validTo());
		f.put("partnerRef", r.partnerRef());
		f.put("evidence", r.evidence());
		f.put("voided", r.voided());
		f.put("voidReason", r.voidReason());
		return f;
	}

	/** The stored columns of an earlier version under the names of {@link #fields}. */
	private Map<String, Object> pastFields(Map<String, Object> row) {
		Map<String, Object> f = new LinkedHashMap<>();
		String code = (String) row.get("policy_code");
		f.put("policy", this.policies.find(code).map(SupportPolicy::name).orElse(code));
		for (String column : List.of("period_from", "period_to", "amount_vnd", "central_vnd", "local_vnd", "credit_vnd",
				"mobilised_vnd", "own_vnd", "status", "decision_no", "decision_date", "delivered_on", "valid_from",
				"valid_to", "partner_ref", "evidence", "voided", "void_reason")) {
			Object v = row.get(column);
			if (v instanceof String text && text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
				v = LocalDate.parse(text);
			}
			f.put(camel(column), v);
		}
		return f;
	}

	private static String camel(String column) {
		StringBuilder sb = new StringBuilder();
		boolean up = false;
		for (char c : column.toCharArray()) {
			if (c == '_') {
				up = true;
			}
			else {
				sb.append(up ? Character.toUpperCase(c) : c);
				up = false;
			}
		}
		return sb.toString();
	}

	private String provinceOf(BenefitRecord r) {
		return this.registry.household(r.householdId()).provinceCode();
	}

	private static void requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("reason", "error.field.required")));
		}
	}

	static DomainException stale() {
		return new DomainException(ErrorCode.STALE_VERSION, "support.ledger.stale");
	}

	private static String trim(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	/**
	 * One version of a record.
	 *
	 * @param version its number
	 * @param fields its fields then (the stored columns for earlier versions)
	 * @param changedBy who changed it away from this version (null for the current one)
	 * @param at when it was changed away (the current one: when last written)
	 * @param reason why it was changed
	 * @param current whether this is the record as it stands
	 */
	public record Version(int version, Map<String, Object> fields, String changedBy, java.time.OffsetDateTime at,
			String reason, boolean current) {
	}

}
