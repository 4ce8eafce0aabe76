package vn.giamngheo.registry;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.audit.AuditBatch;
import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.registry.domain.NotReviewedClass;
import vn.giamngheo.registry.persistence.HouseholdBulkRepository;
import vn.giamngheo.shared.Laps;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.text.TextNormalizer;

/**
 * The registry's bulk face for file imports: look-ups by many keys at once and a set of
 * changes written in the caller's transaction (COPY for new rows, batches for updates),
 * checked against the permission (import; recognition) and each row against the capture
 * scope, and audited with old and new values like the one-at-a-time
 * {@link HouseholdRegistry}.
 */
@Service
public class HouseholdBulk {

	private static final Logger log = LoggerFactory.getLogger(HouseholdBulk.class);

	private final org.springframework.context.ApplicationEventPublisher events;

	private final HouseholdBulkRepository bulk;

	private final CurrentActor actor;

	private final AuditBatch audit;

	private final MemberTransfers transfers;

	public HouseholdBulk(HouseholdBulkRepository bulk, CurrentActor actor, AuditBatch audit,
			org.springframework.context.ApplicationEventPublisher events, MemberTransfers transfers) {
		this.transfers = transfers;
		this.events = events;
		this.bulk = bulk;
		this.actor = actor;
		this.audit = audit;
	}

	/** Households (voided too) with these codes; callers check the scope. */
	public List<Household> byCodes(Collection<String> codes) {
		return this.bulk.byCodes(codes);
	}

	public List<Household> byIds(Collection<UUID> ids) {
		return this.bulk.byIds(ids);
	}

	/**
	 * Living members with these citizen IDs that the user can see. A holder outside the
	 * view scope is not revealed (ADR 0017): its number is written pending and a transfer
	 * request goes to its unit when the changes are applied.
	 */
	public Map<String, Member> membersByCccd(Collection<String> cccds) {
		return this.bulk.membersByCccd(cccds, this.actor.get().scope().viewPatterns());
	}

	/**
	 * Households whose head has the folded name, date of birth and village:
	 * {@code "name|yyyy-mm-dd|villageId"} → ids.
	 */
	public Map<String, List<UUID>> byHeadNameBirthVillage(List<String> foldedNames, List<String> dates,
			List<Long> villages) {
		return this.bulk.byHeadNameBirthVillage(foldedNames, dates, villages);
	}

	public List<Member> members(Collection<UUID> householdIds) {
		return this.bulk.members(householdIds);
	}

	public List<BulkAssessment> assessments(Collection<UUID> householdIds) {
		return this.bulk.assessments(householdIds);
	}

	/**
	 * Writes the changes in the caller's transaction with their audit rows.
	 * @param changes what to write
	 * @param reason written to every audit row (e.g. the import it comes from)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void apply(Changes changes, String reason) {
		Actor current = this.actor.require(Permission.REGISTRY_IMPORT);
		Map<UUID, String> paths = checkScope(current, changes);
		this.bulk.insertHouseholds(changes.newHouseholds());
		this.bulk.updateHouseholds(changes.householdUpdates().stream().map(HouseholdUpdate::after).toList());
		this.bulk.insertMembers(changes.newMembers());
		this.bulk.updateMembers(changes.memberUpdates().stream().map(MemberUpdate::after).toList());
		this.bulk.insertAssessments(
				changes.assessments().stream().filter((c) -> c.before() == null).map(AssessmentChange::after).toList());
		this.bulk.updateAssessments(
				changes.assessments().stream().filter((c) -> c.before() != null).map(AssessmentChange::after).toList());
		// audit rows are made one at a time while they are copied: a large import never
		// holds them all
		this.audit.recordAll(entries(current.username(), changes, paths, reason)::iterator);
		this.transfers.sync();
		publish(paths.values());
	}

	/**
	 * Stages changes planned from the registry (checked against the capture scope, with
	 * their audit rows) under a batch id, replacing what the batch staged before, with
	 * the versions the plan read of the stored households it changes; nothing is written
	 * to the registry until {@link #applyStaged}.
	 * @param batch batch id (an import job)
	 * @param changes planned changes
	 * @param seen every row the plan read of the stored households it changes: the
	 * household, its living members and its classifications, with their versions
	 * @param reason written to every audit row
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void stage(UUID batch, Changes changes, Collection<Seen> seen, String reason) {
		Actor current = this.actor.require(Permission.REGISTRY_IMPORT);
		Map<UUID, String> paths = checkScope(current, changes);
		dropStaged(batch);
		this.bulk.stage(batch, changes.newHouseholds(),
				changes.householdUpdates().stream().map(HouseholdUpdate::after).toList(), changes.newMembers(),
				changes.memberUpdates().stream().map(MemberUpdate::after).toList(),
				changes.assessments().stream().filter((c) -> c.before() == null).map(AssessmentChange::after).toList(),
				changes.assessments().stream().filter((c) -> c.before() != null).map(AssessmentChange::after).toList());
		this.bulk.seen(batch, seen);
		Laps laps = new Laps();
		// the audit rows of created households are made from the staged rows when they
		// are applied; the rest (updates, with their old values read now) are staged
		this.audit.stage(batch, entries(current.username(), changes, paths, reason)
			.filter((e) -> !("CREATE".equals(e.action()) && "HOUSEHOLD".equals(e.entityType())))::iterator);
		log.info("Batch {}: audit rows of changes to stored households staged in {}", batch, laps.lap("audit rows"));
	}

	/**
	 * The households of a staged plan that the registry changed under since the plan was
	 * made (ADR 0018): stored households of which a row the plan read has another version
	 * now or which gained a member or classification, new households whose code was taken
	 * since, and households with a member whose citizen ID another member holds now.
	 * @param batch batch id
	 * @return empty when nothing is staged (never, applied, or emptied by a crash of the
	 * database: plan again)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<List<Conflict>> stagedConflicts(UUID batch) {
		if (!this.bulk.isStaged(batch)) {
			return Optional.empty();
		}
		return Optional.of(visible(this.bulk.conflicts(batch, this.actor.get().scope().viewPatterns())));
	}

	/**
	 * The households of a fresh plan (made again because the staged one was lost) that
	 * differ from what the batch's dry run read: a stored household whose rows read now
	 * are not the rows, with the versions, the dry run read, or that the dry run did not
	 * plan to change; a household the plan creates whose code the dry run had matched to
	 * a stored household.
	 * @param batch batch id
	 * @param changes the fresh plan's changes
	 * @param seen the rows the fresh plan read of the stored households it changes
	 */
	public List<Conflict> conflicts(UUID batch, Changes changes, Collection<Seen> seen) {
		Map<UUID, Set<Seen>> before = new HashMap<>();
		Map<String, UUID> storedByCode = new HashMap<>();
		for (Seen s : this.bulk.seen(batch)) {
			before.computeIfAbsent(s.householdId(), (k) -> new java.util.HashSet<>()).add(s);
			if (Seen.HOUSEHOLD.equals(s.kind())) {
				storedByCode.put(s.code(), s.householdId());
			}
		}
		Map<UUID, Set<Seen>> now = new HashMap<>();
		Map<UUID, String> codes = new HashMap<>();
		for (Seen s : seen) {
			now.computeIfAbsent(s.householdId(), (k) -> new java.util.HashSet<>()).add(s);
			if (Seen.HOUSEHOLD.equals(s.kind())) {
				codes.put(s.householdId(), s.code());
			}
		}
		List<Conflict> conflicts = new ArrayList<>();
		now.forEach((household, rows) -> {
			if (!rows.equals(before.get(household))) {
				conflicts.add(new Conflict(household, codes.get(household), household, Conflict.CHANGED));
			}
		});
		for (BulkHousehold h : changes.newHouseholds()) {
			UUID stored = storedByCode.get(h.code());
			if (stored != null) {
				conflicts.add(new Conflict(h.id(), h.code(), stored, Conflict.CHANGED));
			}
		}
		conflicts.sort(java.util.Comparator.comparing(Conflict::code));
		return visible(conflicts);
	}

	/**
	 * Takes households out of a staged plan, with their members, classifications and
	 * audit rows.
	 * @return what the plan still writes
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Counts leaveOut(UUID batch, Collection<UUID> households) {
		this.bulk.leaveOut(batch, households);
		this.audit.dropStaged(batch, households);
		return this.bulk.stagedCounts(batch);
	}

	/**
	 * Applies what a batch staged, in the caller's transaction, with set-based statements
	 * and its audit rows, after checking that every row is still in the current user's
	 * capture scope; call {@link #stagedConflicts} first. The staged rows are kept; call
	 * {@link #dropStaged} once the transaction is over.
	 * @param batch batch id
	 * @param reason written to the audit rows of created rows (those of updates were
	 * staged with theirs)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void applyStaged(UUID batch, String reason) {
		this.actor.require(Permission.REGISTRY_IMPORT);
		Laps laps = new Laps();
		Actor current = this.actor.get();
		List<String> paths = this.bulk.stagedPaths(batch);
		paths.forEach((p) -> requireCapture(current, p));
		laps.lap("checks");
		this.bulk.applyStaged(batch);
		laps.lap("rows");
		this.audit.recordStaged(batch);
		this.audit.recordSelected(HouseholdBulkRepository.CREATED_AUDIT,
				Map.of("actor", current.username(), "reason", reason, "batch", batch));
		laps.lap("audit rows");
		this.transfers.sync();
		publish(paths);
		log.info("Batch {}: applied in {}", batch, laps);
	}

	/**
	 * Forgets the versions a batch's plan read (once it is committed, or replaced by a
	 * new plan).
	 */
	public void forgetSeen(UUID batch) {
		this.bulk.forgetSeen(batch);
	}

	/** The conflicts, with the stored household shown only when the user may view it. */
	private List<Conflict> visible(List<Conflict> conflicts) {
		Map<UUID, Conflict> first = new LinkedHashMap<>();
		conflicts.forEach((c) -> first.putIfAbsent(c.planned(), c));
		Set<UUID> stored = new java.util.HashSet<>();
		first.values().stream().map(Conflict::stored).filter(java.util.Objects::nonNull).forEach(stored::add);
		Actor current = this.actor.get();
		Set<UUID> viewable = new java.util.HashSet<>();
		this.bulk.byIds(stored)
			.stream()
			.filter((h) -> current.scope().canView(h.unitPath()))
			.forEach((h) -> viewable.add(h.id()));
		return first.values()
			.stream()
			.map((c) -> (c.stored() == null || viewable.contains(c.stored())) ? c
					: new Conflict(c.planned(), c.code(), null, c.reason()))
			.toList();
	}

	/** Forgets what a batch staged. */
	public void dropStaged(UUID batch) {
		this.bulk.dropStaged(batch);
		this.audit.dropStaged(batch);
	}

	/**
	 * Streams one after another, lazily: a {@code flatMap} would buffer a whole inner
	 * stream when read through an iterator (COPY reads it so), 400,000 audit rows at
	 * once.
	 */
	@SafeVarargs
	public static <T> java.util.stream.Stream<T> concat(java.util.stream.Stream<? extends T>... streams) {
		java.util.stream.Stream<T> all = java.util.stream.Stream.empty();
		for (java.util.stream.Stream<? extends T> s : streams) {
			all = java.util.stream.Stream.concat(all, s);
		}
		return all;
	}

	private void publish(Collection<String> villagePaths) {
		// households counted and classified by the aggregates changed in these communes
		villagePaths.stream()
			.distinct()
			.map(AssessmentsChanged::ofVillagePath)
			.distinct()
			.forEach(this.events::publishEvent);
	}

	/**
	 * Checks every row against the capture scope before anything is written.
	 * @return the unit path of every household the changes touch
	 */
	private static Map<UUID, String> checkScope(Actor current, Changes changes) {
		Map<UUID, String> paths = new HashMap<>(changes.paths());
		changes.newHouseholds().forEach((h) -> paths.put(h.id(), h.unitPath()));
		changes.householdUpdates().forEach((u) -> paths.put(u.before().id(), u.before().unitPath()));
		for (BulkHousehold h : changes.newHouseholds()) {
			requireCapture(current, h.unitPath());
		}
		for (HouseholdUpdate u : changes.householdUpdates()) {
			requireCapture(current, u.before().unitPath());
			requireCapture(current, u.after().unitPath());
		}
		changes.newMembers().forEach((m) -> requireCapture(current, requirePath(paths, m.householdId())));
		changes.memberUpdates().forEach((u) -> requireCapture(current, requirePath(paths, u.before().householdId())));
		changes.assessments().forEach((c) -> requireCapture(current, requirePath(paths, c.after().householdId())));
		return paths;
	}

	/**
	 * Audit rows of the changes, made one at a time as they are read. A created household
	 * has one row, with its members and classifications counted in it (ADR 0013): the
	 * values of its members and classifications are their rows' first versions, and every
	 * later change to them is audited with its old values.
	 */
	private static java.util.stream.Stream<AuditEntry> entries(String actor, Changes changes, Map<UUID, String> paths,
			String reason) {
		Map<UUID, Integer> members = new HashMap<>();
		Map<UUID, TreeMap<Integer, String>> classes = new HashMap<>();
		changes.newHouseholds().forEach((h) -> {
			members.put(h.id(), 0);
			classes.put(h.id(), new TreeMap<>());
		});
		changes.newMembers().forEach((m) -> members.computeIfPresent(m.householdId(), (k, n) -> n + 1));
		changes.assessments()
			.stream()
			.filter((c) -> c.before() == null && classes.containsKey(c.after().householdId()))
			.forEach((c) -> classes.get(c.after().householdId()).put(c.after().year(), c.after().classification()));
		return HouseholdBulk.<AuditEntry>concat(
				changes.newHouseholds()
					.stream()
					.map((h) -> created(actor, h, reason, members.get(h.id()), classes.get(h.id()))),
				changes.householdUpdates().stream().map((u) -> updated(actor, u, reason)),
				changes.newMembers()
					.stream()
					.filter((m) -> !members.containsKey(m.householdId()))
					.map((m) -> new AuditEntry(actor, "CREATE", "MEMBER", m.id().toString(), m.householdId(),
							paths.get(m.householdId()), m.provinceCode(),
							AuditTrail.diff(Map.of(), HouseholdRegistry.memberFields(m.data())), reason)),
				changes.memberUpdates()
					.stream()
					.map((u) -> new AuditEntry(actor, "UPDATE", "MEMBER", u.before().id().toString(),
							u.before().householdId(), paths.get(u.before().householdId()), u.after().provinceCode(),
							AuditTrail.diff(HouseholdRegistry.memberFields(u.before()),
									HouseholdRegistry.memberFields(u.after().data())),
							reason)),
				changes.assessments()
					.stream()
					.filter((c) -> c.before() != null || !members.containsKey(c.after().householdId()))
					.map((c) -> new AuditEntry(actor, (c.before() == null) ? "CREATE" : "UPDATE", "ASSESSMENT",
							c.after().id().toString(), c.after().householdId(), paths.get(c.after().householdId()),
							c.after().provinceCode(),
							AuditTrail.diff(assessmentFields(c.before()), assessmentFields(c.after())), reason)));
	}

	/**
	 * Many recognised classes of a review year at once
	 * ({@link HouseholdRegistry#recordRecognised} for a commune's whole decision): every
	 * household checked against the capture scope first, upserted in batches, one audit
	 * row each with the old and new class, and the aggregates of the communes refreshed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordRecognised(List<RecognisedAssessment> recognised) {
		Actor current = this.actor.require(Permission.REVIEW_RECOGNITION);
		if (recognised.isEmpty()) {
			return;
		}
		Map<UUID, Household> households = new HashMap<>();
		for (Household h : this.bulk.byIds(recognised.stream().map(RecognisedAssessment::householdId).toList())) {
			households.put(h.id(), h);
		}
		Map<UUID, String> provinces = new HashMap<>();
		Set<Integer> years = new TreeSet<>();
		for (RecognisedAssessment r : recognised) {
			Household h = households.get(r.householdId());
			if (h == null || h.voided()) {
				throw DomainException.notFound("HOUSEHOLD", r.householdId());
			}
			requireCapture(current, h.unitPath());
			if (!vn.giamngheo.registry.domain.Codes.CLASSES.contains(r.classification())) {
				throw DomainException.invalid(List
					.of(new DomainException.FieldProblem("classification", "error.field.invalid", r.classification())));
			}
			provinces.put(h.id(), h.provinceCode());
			years.add(r.year());
		}
		Map<String, Map<String, Object>> before = new HashMap<>();
		for (int year : years) {
			this.bulk.recognisedBefore(households.keySet(), year)
				.forEach((id, old) -> before.put(id + "/" + year, old));
		}
		this.bulk.upsertRecognised(recognised, provinces);
		String username = current.username();
		this.audit.recordAll(() -> recognised.stream().map((r) -> {
			Household h = households.get(r.householdId());
			Map<String, Object> old = before.getOrDefault(r.householdId() + "/" + r.year(), Map.of());
			return new AuditEntry(username, old.isEmpty() ? "CREATE" : "UPDATE", "ASSESSMENT", h.id() + "/" + r.year(),
					h.id(), h.unitPath(), h.provinceCode(), AuditTrail.diff(old, HouseholdRegistry.recognisedFields(r)),
					AuditTrail.byDecision(r.decisionNo()));
		}).iterator());
		households.values()
			.stream()
			.map(Household::communeId)
			.distinct()
			.map(AssessmentsChanged::new)
			.forEach(this.events::publishEvent);
	}

	/**
	 * The class of a review year for every active household of a commune that the
	 * decision did not recognise itself and that has no class of that year yet (a
	 * commune's recognition writes the listed households first), as
	 * {@link NotReviewedClass} decides it. One audit row per household.
	 * @param communeId commune
	 * @param year review year
	 * @param standardKey the review's standard
	 * @param decisionNo the commune's decision
	 * @param decisionDate its date
	 * @param listedAt when the commune's list was last drawn, or {@code null} if unknown
	 * @return households written per reason
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<String, Integer> recordNotReviewed(long communeId, int year, String standardKey, String decisionNo,
			java.time.LocalDate decisionDate, OffsetDateTime listedAt) {
		Actor current = this.actor.require(Permission.REVIEW_RECOGNITION);
		this.bulk.activeVillagePaths(communeId).forEach((p) -> requireCapture(current, p));
		List<HouseholdBulkRepository.NotReviewed> rows = this.bulk.unclassed(communeId, year).stream().map((u) -> {
			NotReviewedClass c = NotReviewedClass.of(u.latestRecognised(), u.createdAt(), listedAt);
			return new HouseholdBulkRepository.NotReviewed(u, c.classification(), c.recognised(), c.reason());
		}).toList();
		Set<UUID> inserted = this.bulk.insertNotReviewed(rows, year, standardKey, decisionNo, decisionDate);
		List<HouseholdBulkRepository.NotReviewed> written = rows.stream()
			.filter((w) -> inserted.contains(w.household().householdId()))
			.toList();
		Map<String, Integer> counts = new TreeMap<>();
		written.forEach((w) -> counts.merge(w.reason(), 1, Integer::sum));
		String username = current.username();
		this.audit.recordAll(() -> written.stream().map((w) -> {
			Map<String, Object> neu = new LinkedHashMap<>();
			neu.put("classification", w.classification());
			neu.put("recognised", w.recognised());
			neu.put("reason", w.reason());
			neu.put("decisionNo", decisionNo);
			neu.put("source", "REVIEW");
			UUID id = w.household().householdId();
			return new AuditEntry(username, "CREATE", "ASSESSMENT", id + "/" + year, id, w.household().unitPath(),
					w.household().provinceCode(), AuditTrail.diff(Map.of(), neu), AuditTrail.byDecision(decisionNo));
		}).iterator());
		this.events.publishEvent(new AssessmentsChanged(communeId));
		return counts;
	}

	private static AuditEntry created(String actor, BulkHousehold h, String reason, int members,
			TreeMap<Integer, String> classes) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("code", h.code());
		fields.put("headName", h.headName());
		fields.put("villageId", h.data().villageId());
		fields.put("address", TextNormalizer.blankToNull(h.data().address()));
		fields.put("urban", h.urban());
		fields.put("ethnicMinority", h.data().ethnicMinority());
		fields.put("socialProtection", h.data().socialProtection());
		fields.put("meritorious", h.data().meritorious());
		fields.put("phone", TextNormalizer.blankToNull(h.data().phone()));
		fields.put("status", h.data().status());
		fields.put("members", members);
		fields.put("classifications", classes.isEmpty() ? null
				: String.join(", ", classes.entrySet().stream().map((e) -> e.getKey() + " " + e.getValue()).toList()));
		return new AuditEntry(actor, "CREATE", "HOUSEHOLD", h.id().toString(), h.id(), h.unitPath(), h.provinceCode(),
				AuditTrail.diff(Map.of(), fields), reason);
	}

	private static AuditEntry updated(String actor, HouseholdUpdate u, String reason) {
		Household before = u.before();
		Map<String, Object> old = HouseholdRegistry.householdFields(before);
		old.put("headName", before.headName());
		old.put("villageId", before.villageId());
		Map<String, Object> neu = new LinkedHashMap<>();
		BulkHousehold a = u.after();
		neu.put("village", (a.data().villageId() == before.villageId()) ? before.villageName() : u.villageName());
		neu.put("address", a.data().address());
		neu.put("urban", a.urban());
		neu.put("ethnicMinority", a.data().ethnicMinority());
		neu.put("socialProtection", a.data().socialProtection());
		neu.put("meritorious", a.data().meritorious());
		neu.put("phone", a.data().phone());
		neu.put("status", a.data().status());
		neu.put("headName", a.headName());
		neu.put("villageId", a.data().villageId());
		return new AuditEntry(actor, "UPDATE", "HOUSEHOLD", before.id().toString(), before.id(), a.unitPath(),
				before.provinceCode(), AuditTrail.diff(old, neu), reason);
	}

	/**
	 * Takes back what an import did: created households and members are voided with the
	 * reason, created assessments removed, updated rows get their old values back.
	 * Refused (409) when a row was changed after {@code since} by someone else.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void revert(Collection<UUID> createdHouseholds, Collection<UUID> createdMembers,
			Collection<UUID> createdAssessments, Changes restore, OffsetDateTime since, String reason) {
		Actor current = this.actor.require(Permission.REGISTRY_IMPORT);
		List<UUID> touchedHouseholds = new ArrayList<>(createdHouseholds);
		restore.householdUpdates().forEach((u) -> touchedHouseholds.add(u.before().id()));
		List<UUID> touchedMembers = new ArrayList<>(createdMembers);
		restore.memberUpdates().forEach((u) -> touchedMembers.add(u.before().id()));
		if (this.bulk.changedSince(touchedHouseholds, touchedMembers, since) > 0) {
			throw new DomainException(ErrorCode.CONFLICT, "registry.bulk.changed-since");
		}
		List<AuditEntry> entries = new ArrayList<>();
		for (Household h : this.bulk.byIds(createdHouseholds)) {
			requireCapture(current, h.unitPath());
			entries.add(new AuditEntry(current.username(), "VOID", "HOUSEHOLD", h.id().toString(), h.id(), h.unitPath(),
					h.provinceCode(), Map.of("voided", new Change(false, true)), reason));
		}
		this.bulk.voidHouseholds(createdHouseholds, reason);
		this.bulk.voidMembers(createdMembers, reason);
		this.bulk.deleteImportedAssessments(createdAssessments);
		this.audit.recordAll(entries);
		publish(entries.stream().map(AuditEntry::unitPath).toList());
		apply(restore, reason);
	}

	private static String requirePath(Map<UUID, String> paths, UUID householdId) {
		String path = paths.get(householdId);
		if (path == null) {
			throw new IllegalStateException("no unit path for household " + householdId);
		}
		return path;
	}

	private static void requireCapture(Actor actor, String path) {
		if (!actor.scope().canCapture(path)) {
			throw new DomainException(ErrorCode.FORBIDDEN, "error.forbidden");
		}
	}

	private static Map<String, Object> assessmentFields(BulkAssessment a) {
		Map<String, Object> fields = new LinkedHashMap<>();
		if (a == null) {
			return fields;
		}
		fields.put("year", a.year());
		fields.put("standardKey", a.standardKey());
		fields.put("memberCount", a.memberCount());
		fields.put("incomePerCapita", a.incomePerCapita());
		fields.put("waterSource", a.waterSource());
		fields.put("latrine", a.latrine());
		fields.put("deprivations", a.deprivations());
		fields.put("classification", a.classification());
		fields.put("decisionNo", a.decisionNo());
		return fields;
	}

	/**
	 * An update of a household.
	 *
	 * @param before as stored
	 * @param after the new values
	 * @param villageName name of the new village
	 */
	public record HouseholdUpdate(Household before, BulkHousehold after, String villageName) {
	}

	/**
	 * An update of a member.
	 *
	 * @param before as stored
	 * @param after the new values (same id)
	 */
	public record MemberUpdate(Member before, BulkMember after) {
	}

	/**
	 * A new or changed assessment.
	 *
	 * @param before as stored, null for a new one
	 * @param after the new values
	 */
	public record AssessmentChange(BulkAssessment before, BulkAssessment after) {
	}

	/**
	 * A row a plan read of a stored household it changes, with its version.
	 *
	 * @param kind HOUSEHOLD, MEMBER or ASSESSMENT
	 * @param rowId the row's id
	 * @param householdId its household
	 * @param code the household's code in the file (HOUSEHOLD rows), or null
	 * @param version the version read
	 */
	public record Seen(String kind, UUID rowId, UUID householdId, String code, int version) {

		public static final String HOUSEHOLD = "HOUSEHOLD";

		public static final String MEMBER = "MEMBER";

		public static final String ASSESSMENT = "ASSESSMENT";

		public static Seen of(Household h, String code) {
			return new Seen(HOUSEHOLD, h.id(), h.id(), code, h.version());
		}

		public static Seen of(Member m) {
			return new Seen(MEMBER, m.id(), m.householdId(), null, m.version());
		}

		public static Seen of(BulkAssessment a) {
			return new Seen(ASSESSMENT, a.id(), a.householdId(), null, a.version());
		}

	}

	/**
	 * A household of a plan that the registry changed under since the plan was made.
	 *
	 * @param planned the household's id in the plan (a stored household's id, or the id
	 * chosen for a new one)
	 * @param code the household's code in the file
	 * @param stored the stored household to look at (the one changed, the one that took
	 * the code, the one holding the citizen ID), null when the user may not view it
	 * @param reason CHANGED, CODE_TAKEN or CCCD_TAKEN
	 */
	public record Conflict(UUID planned, String code, UUID stored, String reason) {

		public static final String CHANGED = "CHANGED";

	}

	/**
	 * What a staged plan writes.
	 *
	 * @param householdsCreated households created
	 * @param householdsUpdated households updated
	 * @param membersCreated members created
	 * @param membersUpdated members updated
	 * @param assessments classifications created or updated
	 */
	public record Counts(int householdsCreated, int householdsUpdated, int membersCreated, int membersUpdated,
			int assessments) {
	}

	/**
	 * A set of changes.
	 *
	 * @param newHouseholds households to create
	 * @param householdUpdates households to update
	 * @param newMembers members to create
	 * @param memberUpdates members to update
	 * @param assessments assessments to create or update
	 * @param paths unit paths of the existing households the members and assessments hang
	 * off
	 */
	public record Changes(List<BulkHousehold> newHouseholds, List<HouseholdUpdate> householdUpdates,
			List<BulkMember> newMembers, List<MemberUpdate> memberUpdates, List<AssessmentChange> assessments,
			Map<UUID, String> paths) {

		public int size() {
			return this.newHouseholds.size() + this.householdUpdates.size() + this.newMembers.size()
					+ this.memberUpdates.size() + this.assessments.size();
		}

	}

}
