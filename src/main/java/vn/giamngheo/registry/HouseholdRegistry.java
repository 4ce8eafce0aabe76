package vn.giamngheo.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.Disclosures;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.AuditEvent;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.registry.domain.HouseholdData;
import vn.giamngheo.registry.domain.MemberData;
import vn.giamngheo.registry.persistence.HouseholdBulkRepository;
import vn.giamngheo.registry.persistence.HouseholdRepository;
import vn.giamngheo.shared.Page;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.DataScope;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.PersonalData;

/**
 * The household registry: households, members and their yearly assessments. Every read is
 * limited to the user's view scope (out of scope = not found), every write to the capture
 * scope (out of scope = forbidden); every change is versioned and audited in its
 * transaction. Rows are voided with a reason, never deleted.
 */
@Service
public class HouseholdRegistry {

	private final HouseholdRepository households;

	private final Geography geography;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final HouseholdBulkRepository bulk;

	private final Disclosures disclosures;

	private final MemberTransfers transfers;

	private final TransactionTemplate readOnly;

	public HouseholdRegistry(HouseholdRepository households, Geography geography, CurrentActor actor, AuditTrail audit,
			Clock clock, ApplicationEventPublisher events, HouseholdBulkRepository bulk, Disclosures disclosures,
			MemberTransfers transfers, PlatformTransactionManager transactions) {
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.households = households;
		this.transfers = transfers;
		this.disclosures = disclosures;
		this.bulk = bulk;
		this.geography = geography;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * A page of households of the user's scope, filtered. A search by citizen ID is
	 * audited ({@code SEARCH}, the number masked, with the households found), written
	 * even though the read is read-only (ADR 0017).
	 */
	public Page<HouseholdRow> search(HouseholdQuery query) {
		// the read in its transaction, then the audit row in its own: never two
		// connections held at once by one request
		record Found(Filter filter, Page<HouseholdRow> page) {
		}
		Found found = this.readOnly.execute((status) -> {
			Filter f = filter(query);
			return new Found(f,
					this.households.search(query, f.communeId(), f.unitPath(), f.scope(), f.year(), f.provinceCode()));
		});
		Filter f = found.filter();
		Page<HouseholdRow> page = found.page();
		if (query.isCitizenIdSearch()) {
			Map<String, Change> changes = new LinkedHashMap<>();
			changes.put("cccd", new Change(null, PersonalData.mask(query.q().trim(), PersonalData.Kind.CCCD)));
			changes.put("households", new Change(null, page.total()));
			ExportScope where = exportScope(query, f, page.total());
			this.disclosures.record(new AuditEntry(this.actor.get().username(), Disclosures.SEARCH, "HOUSEHOLD_LIST",
					"cccd", null, where.unitPath(), where.provinceCode(), changes, null));
		}
		return page;
	}

	/**
	 * The year whose class a list shows: the one asked for, else the latest year with
	 * assessments (of the unit's province), so a page names it even when no household
	 * matches.
	 */
	public int yearOf(HouseholdQuery query) {
		return this.readOnly.execute((status) -> filter(query).year());
	}

	/**
	 * What an export of a filtered list will disclose, read before the first row is
	 * written: its rows, and the filter as its audit row names it.
	 * @param query the list filter
	 * @param members one row per living member (else one row per household)
	 * @return the rows and the filter's unit, village and year
	 */
	@Transactional(readOnly = true)
	public ExportScope exportScope(HouseholdQuery query, boolean members) {
		Filter f = filter(query);
		List<Object> params = new ArrayList<>();
		String where = exportWhere(query, f, params);
		return exportScope(query, f, this.bulk.count(where, params, f.year(), members));
	}

	private ExportScope exportScope(HouseholdQuery query, Filter f, long rows) {
		Actor current = this.actor.get();
		Unit unit = (query.unitId() != null) ? this.geography.unit(query.unitId()) : null;
		Unit village = (query.villageId() != null) ? this.geography.unit(query.villageId()) : null;
		// the audit row sits where its rows are: the filter's unit when it lies in the
		// scope, else (no unit, or an ancestor shown for navigation) the user's one scope
		// path; users who see several areas without a unit filter: no unit (nation-wide
		// auditors)
		String path = (village != null) ? village.path() : (unit != null) ? unit.path() : null;
		if (path == null || !current.scope().canView(path)) {
			path = (current.scope().viewPaths().size() == 1 && !current.scope().nation())
					? current.scope().viewPaths().get(0) : null;
		}
		String province = (unit != null) ? unit.provinceCode() : f.provinceCode();
		return new ExportScope(rows, f.year(), (unit != null) ? unit.name() + " (" + unit.code() + ")" : null,
				(village != null) ? village.name() : null, path, province);
	}

	/**
	 * The extent of an export.
	 *
	 * @param rows rows it will write
	 * @param year review year of its classification columns
	 * @param unit the filter's unit, "name (code)", or null
	 * @param village the filter's village name, or null
	 * @param unitPath where its audit row sits (scope of auditors), or null
	 * @param provinceCode province, when one
	 */
	public record ExportScope(long rows, int year, String unit, String village, String unitPath, String provinceCode) {
	}

	/**
	 * Streams the households of a filtered list (the user's view scope) with their living
	 * members and the year's classification: one row per member, ordered by household
	 * code. Personal data is not masked here; the caller masks by role.
	 * @param query the list filter (page and size are ignored)
	 * @param rows receives each row
	 * @return the review year of the classification columns
	 */
	@Transactional(readOnly = true)
	public int export(HouseholdQuery query, java.util.function.Consumer<HouseholdExportRow> rows) {
		return export(query, true, rows);
	}

	/**
	 * As {@link #export(HouseholdQuery, java.util.function.Consumer)}, with or without
	 * the members: without, one row per household with empty member fields.
	 */
	@Transactional(readOnly = true)
	public int export(HouseholdQuery query, boolean members, java.util.function.Consumer<HouseholdExportRow> rows) {
		Filter f = filter(query);
		List<Object> params = new ArrayList<>();
		String where = exportWhere(query, f, params);
		this.bulk.stream(where, params, f.year(), members, (rs) -> rows.accept(HouseholdExportRow.of(rs)));
		return f.year();
	}

	private static String exportWhere(HouseholdQuery query, Filter f, List<Object> params) {
		String where = HouseholdRepository.filter(query, f.communeId(), f.unitPath(), f.scope(), f.provinceCode(),
				params);
		if (query.classification() != null && !query.classification().isBlank()) {
			where += " and a.classification = ?";
			params.add(query.classification());
		}
		return where;
	}

	private Filter filter(HouseholdQuery query) {
		Actor current = this.actor.get();
		String unitPath = null;
		Long communeId = null;
		String provinceCode = null;
		if (query.unitId() != null) {
			Unit unit = this.geography.unit(query.unitId());
			unitPath = unit.path();
			provinceCode = unit.provinceCode();
			communeId = unit.isCommune() ? unit.id() : null;
		}
		if (query.villageId() != null) {
			Unit village = this.geography.unit(query.villageId());
			if (!village.isVillage()) {
				throw DomainException.invalid(List.of(new FieldProblem("village", "registry.village.not-village")));
			}
		}
		if (query.classification() != null && !query.classification().isBlank()
				&& !vn.giamngheo.registry.domain.Codes.CLASSES.contains(query.classification())) {
			throw DomainException
				.invalid(List.of(new FieldProblem("classification", "error.field.invalid", query.classification())));
		}
		int year = (query.year() != null) ? query.year()
				: this.households.latestYear(provinceCode).orElse(LocalDate.now(this.clock).getYear());
		// a unit inside the view scope already limits the rows to the scope; ancestors of
		// the scope
		// (visible for navigation) do not, so the scope clause stays for them
		String[] scope = (unitPath != null && current.scope().canView(unitPath)) ? DataScope.NATION.viewPatterns()
				: current.scope().viewPatterns();
		return new Filter(communeId, unitPath, scope, year,
				(provinceCode != null) ? provinceCode : singleProvince(current));
	}

	/**
	 * A list's filter, resolved.
	 *
	 * @param provinceCode set when every row lies in one province
	 */
	private record Filter(Long communeId, String unitPath, String[] scope, int year, String provinceCode) {
	}

	/**
	 * The province code when everything the user may see lies in one province (a
	 * province, district or commune officer), else null.
	 */
	private String singleProvince(Actor current) {
		if (current.scope().nation() || current.scope().viewPaths().isEmpty()) {
			return null;
		}
		String first = null;
		for (String path : current.scope().viewPaths()) {
			String segment = path.substring(0, path.indexOf('/', 1) + 1);
			if (first != null && !first.equals(segment)) {
				return null;
			}
			first = segment;
		}
		return this.geography.unit(Long.parseLong(first.substring(1, first.length() - 1))).provinceCode();
	}

	/** A household visible to the user, or NOT_FOUND. */
	@Transactional(readOnly = true)
	public Household household(UUID id) {
		Household household = this.households.find(id).orElseThrow(() -> DomainException.notFound("HOUSEHOLD", id));
		if (!this.actor.get().scope().canView(household.unitPath())) {
			throw DomainException.notFound("HOUSEHOLD", id);
		}
		return household;
	}

	/**
	 * A household as a document of its time names it (ADR 0030): visible where it lives
	 * now, or at an address it had before (a review of 2024 lists the household at its
	 * village of the 2024 list although it has moved to a commune of the units in force
	 * since) when the user may view that address; else NOT_FOUND.
	 * @param id household
	 * @param listedPath the village path it was listed at
	 * @return the household
	 */
	@Transactional(readOnly = true)
	public Household householdListedAt(UUID id, String listedPath) {
		Household household = this.households.find(id).orElseThrow(() -> DomainException.notFound("HOUSEHOLD", id));
		DataScope scope = this.actor.get().scope();
		boolean now = scope.canView(household.unitPath());
		boolean then = listedPath != null && scope.canView(listedPath) && this.households.livedAt(id, listedPath);
		if (!now && !then) {
			throw DomainException.notFound("HOUSEHOLD", id);
		}
		return household;
	}

	/** The members of a household as a document of its time names them (ADR 0030). */
	@Transactional(readOnly = true)
	public List<Member> membersListedAt(UUID householdId, String listedPath) {
		householdListedAt(householdId, listedPath);
		return this.households.members(householdId, false);
	}

	/**
	 * A household the user may edit (for the edit forms): the registry-edit permission
	 * (403), visible (404) and in the capture scope (403).
	 */
	@Transactional(readOnly = true)
	public Household editable(UUID id) {
		this.actor.require(Permission.REGISTRY_EDIT);
		Household household = household(id);
		this.actor.require(Permission.REGISTRY_EDIT, household.unitPath());
		return household;
	}

	@Transactional(readOnly = true)
	public List<Member> members(UUID householdId, boolean includeVoided) {
		household(householdId);
		return this.households.members(householdId, includeVoided);
	}

	/** The classification history, newest year first. */
	@Transactional(readOnly = true)
	public List<Assessment> history(UUID householdId) {
		household(householdId);
		return this.households.assessments(householdId);
	}

	/** Who changed what and when, newest first. */
	@Transactional(readOnly = true)
	public List<AuditEvent> changes(UUID householdId) {
		household(householdId);
		return this.audit.ofHousehold(householdId);
	}

	@Transactional
	public Household create(HouseholdData data, MemberData head) {
		Actor current = this.actor.require(Permission.REGISTRY_EDIT);
		List<FieldProblem> problems = new ArrayList<>(data.problems());
		head.problems(today())
			.forEach((p) -> problems.add(new FieldProblem("head." + p.field(), p.messageKey(), p.args())));
		if (!"HEAD".equals(head.relation())) {
			problems.add(new FieldProblem("head.relation", "registry.head.relation"));
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		Unit village = village(data.villageId());
		this.actor.require(Permission.REGISTRY_EDIT, village.path());
		Unit commune = this.geography.unit(village.parentId());
		requireInForce(village, commune);
		refuseDuplicateCccd(head.cccd(), null);
		String prefix = commune.code() + "-";
		String code = prefix + String.format("%06d", this.households.countHouseholdsWithCodePrefix(prefix) + 1);
		boolean urban = (data.urban() != null) ? data.urban() : village.urban();
		UUID id = this.households.insertHousehold(commune.provinceCode(), code, commune.id(), village.path(),
				head.fullName().trim(), data, urban);
		UUID headId = this.households.insertMember(id, commune.provinceCode(), normalise(head), 0);
		Household created = this.households.find(id).orElseThrow();
		this.audit.record(new AuditEntry(current.username(), "CREATE", "HOUSEHOLD", id.toString(), id,
				created.unitPath(), created.provinceCode(), AuditTrail.diff(Map.of(), householdFields(created)), null));
		this.audit.record(new AuditEntry(current.username(), "CREATE", "MEMBER", headId.toString(), id,
				created.unitPath(), created.provinceCode(), AuditTrail.diff(Map.of(), memberFields(head)), null));
		this.transfers.sync();
		return created;
	}

	@Transactional
	public Household update(UUID id, int version, HouseholdData data) {
		Actor current = this.actor.require(Permission.REGISTRY_EDIT);
		Household before = household(id);
		this.actor.require(Permission.REGISTRY_EDIT, before.unitPath());
		if (!data.problems().isEmpty()) {
			throw DomainException.invalid(data.problems());
		}
		Unit village = village(data.villageId());
		this.actor.require(Permission.REGISTRY_EDIT, village.path());
		if (village.parentId() != before.communeId()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "registry.household.move-commune");
		}
		if (village.id() != before.villageId()) {
			requireInForce(village, this.geography.unit(village.parentId()));
		}
		checkVersion(before.version(), version);
		boolean urban = (data.urban() != null) ? data.urban() : before.urban();
		if (this.households.updateHousehold(id, version, data, village.path(), urban) == 0) {
			throw new DomainException(ErrorCode.STALE_VERSION, "error.stale", before.version(), version);
		}
		Household after = this.households.find(id).orElseThrow();
		Map<String, Change> changes = AuditTrail.diff(householdFields(before), householdFields(after));
		this.audit.record(new AuditEntry(current.username(), "UPDATE", "HOUSEHOLD", id.toString(), id, after.unitPath(),
				after.provinceCode(), changes, null));
		// the figures group households by area, ethnicity and social protection
		this.events.publishEvent(new AssessmentsChanged(after.communeId()));
		return after;
	}

	@Transactional
	public void voidHousehold(UUID id, int version, String reason) {
		Actor current = this.actor.require(Permission.REGISTRY_EDIT);
		Household before = household(id);
		this.actor.require(Permission.REGISTRY_EDIT, before.unitPath());
		requireReason(reason);
		checkVersion(before.version(), version);
		if (this.households.voidHousehold(id, version, reason.trim()) == 0) {
			throw new DomainException(ErrorCode.STALE_VERSION, "error.stale", before.version(), version);
		}
		this.audit.record(new AuditEntry(current.username(), "VOID", "HOUSEHOLD", id.toString(), id, before.unitPath(),
				before.provinceCode(), Map.of("voided", new Change(false, true)), reason.trim()));
		this.transfers.sync();
		// a voided household is no longer counted
		this.events.publishEvent(new AssessmentsChanged(before.communeId()));
	}

	@Transactional
	public Member addMember(UUID householdId, MemberData data) {
		Actor current = this.actor.require(Permission.REGISTRY_EDIT);
		Household household = household(householdId);
		this.actor.require(Permission.REGISTRY_EDIT, household.unitPath());
		validate(data);
		if ("HEAD".equals(data.relation())) {
			throw DomainException.invalid(List.of(new FieldProblem("relation", "registry.head.exists")));
		}
		refuseDuplicateCccd(data.cccd(), null);
		int order = this.households.members(householdId, true).size();
		UUID id = this.households.insertMember(householdId, household.provinceCode(), normalise(data), order);
		this.households.touchHousehold(householdId);
		this.audit.record(new AuditEntry(current.username(), "CREATE", "MEMBER", id.toString(), householdId,
				household.unitPath(), household.provinceCode(), AuditTrail.diff(Map.of(), memberFields(data)), null));
		this.transfers.sync();
		return this.households.findMember(id).orElseThrow();
	}

	@Transactional
	public Member updateMember(UUID householdId, UUID memberId, int version, MemberData data) {
		Actor current = this.actor.require(Permission.REGISTRY_EDIT);
		Household household = household(householdId);
		this.actor.require(Permission.REGISTRY_EDIT, household.unitPath());
		Member before = memberOf(household, memberId);
		validate(data);
		if ("HEAD".equals(before.relation()) != "HEAD".equals(data.relation())) {
			throw DomainException.invalid(List.of(new FieldProblem("relation", "registry.head.change")));
		}
		refuseDuplicateCccd(data.cccd(), memberId);
		checkVersion(before.version(), version);
		MemberData clean = normalise(data);
		if (this.households.updateMember(memberId, version, clean) == 0) {
			throw new DomainException(ErrorCode.STALE_VERSION, "error.stale", before.version(), version);
		}
		if ("HEAD".equals(data.relation())) {
			this.households.updateHeadName(householdId, clean.fullName());
		}
		this.households.touchHousehold(householdId);
		Member after = this.households.findMember(memberId).orElseThrow();
		this.audit.record(new AuditEntry(current.username(), "UPDATE", "MEMBER", memberId.toString(), householdId,
				household.unitPath(), household.provinceCode(),
				AuditTrail.diff(memberFields(before), memberFields(after)), null));
		this.transfers.sync();
		return after;
	}

	@Transactional
	public void voidMember(UUID householdId, UUID memberId, int version, String reason) {
		Actor current = this.actor.require(Permission.REGISTRY_EDIT);
		Household household = household(householdId);
		this.actor.require(Permission.REGISTRY_EDIT, household.unitPath());
		Member before = memberOf(household, memberId);
		requireReason(reason);
		if ("HEAD".equals(before.relation())) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "registry.head.void");
		}
		checkVersion(before.version(), version);
		if (this.households.voidMember(memberId, version, reason.trim()) == 0) {
			throw new DomainException(ErrorCode.STALE_VERSION, "error.stale", before.version(), version);
		}
		this.households.touchHousehold(householdId);
		this.audit.record(new AuditEntry(current.username(), "VOID", "MEMBER", memberId.toString(), householdId,
				household.unitPath(), household.provinceCode(), Map.of("voided", new Change(false, true)),
				reason.trim()));
		this.transfers.sync();
	}

	/**
	 * Writes the recognised class of a review year into the household's assessment
	 * history (the review capability calls this at step 5, after the commune chairman's
	 * decision). Needs the capture scope of the household; audited with the old and new
	 * class in the same transaction.
	 * @param recognised the recognised result
	 */
	@Transactional
	public void recordRecognised(RecognisedAssessment recognised) {
		Actor current = this.actor.get();
		Household household = household(recognised.householdId());
		this.actor.requireAny(household.unitPath(), Permission.REVIEW_RECOGNITION, Permission.IN_YEAR_REQUESTS);
		if (!vn.giamngheo.registry.domain.Codes.CLASSES.contains(recognised.classification())) {
			throw DomainException.invalid(
					List.of(new FieldProblem("classification", "error.field.invalid", recognised.classification())));
		}
		Assessment before = this.households.assessment(household.id(), recognised.year()).orElse(null);
		this.households.upsertRecognised(household.provinceCode(), recognised);
		Map<String, Object> old = new LinkedHashMap<>();
		if (before != null) {
			old.put("classification", before.classification());
			old.put("standardKey", before.standardKey());
			old.put("incomePerCapita", before.incomePerCapita());
			old.put("decisionNo", before.decisionNo());
			old.put("source", before.source());
		}
		this.audit.record(new AuditEntry(current.username(), (before == null) ? "CREATE" : "UPDATE", "ASSESSMENT",
				household.id() + "/" + recognised.year(), household.id(), household.unitPath(),
				household.provinceCode(), AuditTrail.diff(old, recognisedFields(recognised)),
				AuditTrail.byDecision(recognised.decisionNo())));
		this.events.publishEvent(new AssessmentsChanged(household.communeId()));
	}

	/** The audited fields of a recognised assessment. */
	static Map<String, Object> recognisedFields(RecognisedAssessment recognised) {
		Map<String, Object> neu = new LinkedHashMap<>();
		neu.put("classification", recognised.classification());
		neu.put("standardKey", recognised.standardKey());
		neu.put("incomePerCapita", recognised.incomePerCapita());
		neu.put("decisionNo", recognised.decisionNo());
		neu.put("source", "REVIEW");
		return neu;
	}

	public List<String[]> ethnicities() {
		return this.households.ethnicities();
	}

	private Member memberOf(Household household, UUID memberId) {
		Member member = this.households.findMember(memberId)
			.orElseThrow(() -> DomainException.notFound("MEMBER", memberId));
		if (!member.householdId().equals(household.id()) || member.voided()) {
			throw DomainException.notFound("MEMBER", memberId);
		}
		return member;
	}

	private Unit village(Long villageId) {
		Unit village = this.geography.unit(villageId);
		if (!village.isVillage()) {
			throw DomainException.invalid(List.of(new FieldProblem("villageId", "registry.village.not-village")));
		}
		return village;
	}

	/**
	 * A household is registered in, or moved to, a village and commune in force today
	 * (422 naming the unit and the day it ended): after 1 July 2025 not on the 2024 list.
	 */
	private void requireInForce(Unit village, Unit commune) {
		LocalDate today = today();
		for (Unit unit : List.of(village, commune)) {
			if (!unit.validOn(today)) {
				java.time.format.DateTimeFormatter dmy = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
				throw (unit.validTo() != null)
						? new DomainException(ErrorCode.RULE_REJECTED, "registry.unit.ended", unit.name(),
								unit.validTo().format(dmy))
						: new DomainException(ErrorCode.RULE_REJECTED, "registry.unit.not-yet", unit.name(),
								unit.validFrom().format(dmy));
			}
		}
	}

	private void validate(MemberData data) {
		List<FieldProblem> problems = data.problems(today());
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
	}

	/**
	 * Refuses a citizen ID that a living member the user can see already has (409, with
	 * the household it is in). A holder outside the user's view scope is not revealed
	 * (ADR 0017): the write goes ahead as for a free number, the record keeps the number
	 * pending and {@link MemberTransfers#sync} sends a transfer request to the holder's
	 * unit.
	 */
	private void refuseDuplicateCccd(String cccd, UUID self) {
		if (cccd == null || cccd.isBlank()) {
			return;
		}
		Actor current = this.actor.get();
		for (HouseholdRepository.CccdHolder holder : this.households.holders(cccd.trim())) {
			if (!holder.memberId().equals(self) && current.scope().canView(holder.unitPath())) {
				throw new DomainException(ErrorCode.CONFLICT, "registry.cccd.duplicate-at",
						List.of(new FieldProblem("cccd", "registry.cccd.duplicate")), holder.householdCode())
					.with("existing", "/households/" + holder.householdId())
					.with("existingMember", holder.memberId());
			}
		}
	}

	private static void checkVersion(int current, int sent) {
		if (current != sent) {
			throw new DomainException(ErrorCode.STALE_VERSION, "error.stale", current, sent);
		}
	}

	private static void requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("reason", "error.field.required")));
		}
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private static MemberData normalise(MemberData m) {
		return new MemberData(vn.giamngheo.shared.text.TextNormalizer.clean(m.fullName()), m.sex(), m.dateOfBirth(),
				m.ethnicityCode(), m.relation(), (m.cccd() == null) ? null : m.cccd().trim(), m.phone(),
				m.educationLevel(), m.inSchool(), m.employment(), m.healthInsurance(), m.disability(),
				m.socialAllowance(), m.malnourished(), m.illNoCare());
	}

	static Map<String, Object> householdFields(Household h) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("village", h.villageName());
		fields.put("address", h.address());
		fields.put("urban", h.urban());
		fields.put("ethnicMinority", h.ethnicMinority());
		fields.put("socialProtection", h.socialProtection());
		fields.put("meritorious", h.meritorious());
		fields.put("phone", h.phone());
		fields.put("status", h.status());
		return fields;
	}

	static Map<String, Object> memberFields(MemberData m) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("fullName", m.fullName());
		fields.put("sex", m.sex() == null ? null : m.sex().code());
		fields.put("dateOfBirth", m.dateOfBirth());
		fields.put("ethnicityCode", m.ethnicityCode());
		fields.put("relation", m.relation());
		fields.put("cccd", m.cccd());
		fields.put("educationLevel", m.educationLevel());
		fields.put("inSchool", m.inSchool());
		fields.put("employment", m.employment());
		fields.put("healthInsurance", m.healthInsurance());
		fields.put("disability", m.disability());
		fields.put("socialAllowance", m.socialAllowance());
		fields.put("malnourished", m.malnourished());
		fields.put("illNoCare", m.illNoCare());
		return fields;
	}

	static Map<String, Object> memberFields(Member m) {
		return memberFields(new MemberData(m.fullName(), vn.giamngheo.registry.domain.Sex.ofCode(m.sex()),
				m.dateOfBirth(), m.ethnicityCode(), m.relation(), m.cccd(), m.phone(), m.educationLevel(), m.inSchool(),
				m.employment(), m.healthInsurance(), m.disability(), m.socialAllowance(), m.malnourished(),
				m.illNoCare()));
	}

}
