package vn.giamngheo.models;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.shared.ClockConfiguration;
import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.YearStatus;
import vn.giamngheo.analytics.YearStatuses;
import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.models.PovertyModel.Funding;
import vn.giamngheo.models.PovertyModel.ModelUnit;
import vn.giamngheo.models.domain.OutcomeComparison;
import vn.giamngheo.models.domain.OutcomeComparison.Group;
import vn.giamngheo.models.domain.OutcomeComparison.Observation;
import vn.giamngheo.models.domain.OutcomeComparison.Outcome;
import vn.giamngheo.models.domain.OutcomeComparison.Point;
import vn.giamngheo.models.domain.Replication;
import vn.giamngheo.models.persistence.ModelRepository;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.shared.Page;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.text.Bilingual;

/**
 * The registry of poverty-reduction models (ADR 0043). A model is read by whoever may
 * read its owner unit or one of the units where it runs; it is written (created, edited,
 * voided, its participants added or changed) by a role with
 * {@link Permission#POVERTY_MODELS} whose capture scope holds its owner unit. Every write
 * checks the version (409 when stale) and writes the audit trail in the same transaction;
 * a participant must live in a unit where the model runs (422, nothing written). The
 * outcome is computed on read from the recognised assessments
 * ({@link OutcomeComparison}).
 */
@Service
public class PovertyModels {

	static final String ENTITY = "POVERTY_MODEL";

	static final String PARTICIPANT = "POVERTY_MODEL_PARTICIPANT";

	private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final ModelRepository models;

	private final HouseholdRegistry registry;

	private final Geography geography;

	private final Aggregates aggregates;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	PovertyModels(ModelRepository models, HouseholdRegistry registry, Geography geography, Aggregates aggregates,
			CurrentActor actor, AuditTrail audit, Clock clock) {
		this.models = models;
		this.registry = registry;
		this.geography = geography;
		this.aggregates = aggregates;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
	}

	/** Today in Vietnam. */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(ClockConfiguration.VIETNAM));
	}

	/**
	 * A page of the models the caller may read, each with its participants' poverty
	 * before and after in one line (the comparison group is on the model's page).
	 * @param unit models owned by or running in this unit (narrows the scope), or null
	 * @param type one type, or null
	 */
	@Transactional(readOnly = true)
	public Page<Listed> list(Long unit, String type, int page, int size) {
		Actor who = this.actor.get();
		String unitPath = null;
		if (unit != null) {
			unitPath = visibleUnit(unit).path();
		}
		String t = (type == null || type.isBlank()) ? null : type.strip();
		int p = Math.max(0, page);
		int s = Math.min(Math.max(1, size), 500);
		ModelRepository.Rows rows = this.models.page(who.scope().viewPatterns(), unitPath, t, p, s);
		List<UUID> ids = rows.items().stream().map(PovertyModel::id).toList();
		Map<UUID, List<UUID>> participants = this.models.participantIds(ids);
		Set<UUID> households = new HashSet<>();
		participants.values().forEach(households::addAll);
		Map<UUID, List<Point>> histories = this.models.histories(households);
		List<Listed> items = new ArrayList<>();
		for (PovertyModel m : rows.items()) {
			List<Observation> obs = new ArrayList<>();
			for (UUID h : participants.getOrDefault(m.id(), List.of())) {
				obs.add(observe(true, histories.get(h), m));
			}
			items.add(new Listed(m, OutcomeComparison.compare(obs).participants()));
		}
		return new Page<>(items, p, s, rows.total());
	}

	/**
	 * One model as its page shows it: the model, the participants the caller may read,
	 * its outcome and where else it runs. 404 when the caller may not read it.
	 */
	@Transactional(readOnly = true)
	public ModelView view(UUID id) {
		PovertyModel m = readable(id);
		Actor who = this.actor.get();
		List<Participant> all = this.models.participants(id);
		List<Participant> visible = all.stream().filter((p) -> who.scope().canView(p.unitPath())).toList();
		List<UUID> spread = Replication.spread(id, this.models.copies());
		List<PovertyModel> copies = this.models.byIds(spread)
			.stream()
			.filter((c) -> visible(who, c))
			.sorted(java.util.Comparator.comparingInt((c) -> spread.indexOf(c.id())))
			.toList();
		return new ModelView(m, visible, all.size() - visible.size(), outcome(m, all), copies,
				spread.size() - copies.size());
	}

	/** A model the caller may read (voided ones too), else 404. */
	@Transactional(readOnly = true)
	public PovertyModel get(UUID id) {
		return readable(id);
	}

	/**
	 * The outcome of a model over all its participants (see {@link OutcomeComparison}).
	 */
	ModelOutcome outcome(PovertyModel m, List<Participant> participants) {
		Map<UUID, List<Point>> histories = this.models
			.histories(participants.stream().map(Participant::householdId).toList());
		List<Observation> obs = new ArrayList<>();
		for (Participant p : participants) {
			obs.add(observe(true, histories.get(p.householdId()), m));
		}
		Set<Long> communes = new LinkedHashSet<>();
		m.units().forEach((u) -> communes.add(u.communeId()));
		this.models.comparison(m.id(), communes).values().forEach((h) -> obs.add(observe(false, h, m)));
		Outcome figures = OutcomeComparison.compare(obs);
		List<Integer> provisional = provisionalYears(figures.years(), communes);
		return new ModelOutcome(figures, !provisional.isEmpty(), provisional, participants.size(),
				figures.participants().withBoth());
	}

	/**
	 * The years read that are not final in one of the model's communes the caller may
	 * read (or have no counted figures there).
	 */
	private List<Integer> provisionalYears(Set<Integer> years, Set<Long> communes) {
		List<YearStatuses> statuses = new ArrayList<>();
		for (long c : communes) {
			Unit commune = this.geography.unit(c);
			if (this.actor.get().scope().canView(commune.path())) {
				statuses.add(this.aggregates.statuses(c));
			}
		}
		List<Integer> provisional = new ArrayList<>();
		for (int y : years) {
			boolean isFinal = !statuses.isEmpty()
					&& statuses.stream().allMatch((s) -> s.of(y).map(YearStatus::isFinal).orElse(false));
			if (!isFinal) {
				provisional.add(y);
			}
		}
		return provisional;
	}

	private static Observation observe(boolean participant, List<Point> history, PovertyModel m) {
		return OutcomeComparison.observe(participant, (history != null) ? history : List.of(), m.startedOn().getYear(),
				(m.endedOn() != null) ? m.endedOn().getYear() : null);
	}

	/** The models a household takes part in (404 when the caller may not read it). */
	@Transactional(readOnly = true)
	public HouseholdModels ofHousehold(UUID householdId) {
		Household h = this.registry.household(householdId);
		List<Joined> joined = new ArrayList<>();
		Actor who = this.actor.get();
		for (PovertyModel m : this.models.ofHousehold(householdId)) {
			if (!visible(who, m)) {
				continue;
			}
			this.models.participants(m.id())
				.stream()
				.filter((p) -> p.householdId().equals(householdId))
				.findFirst()
				.ifPresent((p) -> joined.add(new Joined(m, p.joinedOn(), p.leftOn())));
		}
		return new HouseholdModels(h, joined);
	}

	/**
	 * The unit dashboard's card: the models running in the unit (or owned by it) the
	 * caller may read, by type, and the households taking part now.
	 */
	@Transactional(readOnly = true)
	public Panel panel(long unitId) {
		Unit unit = visibleUnit(unitId);
		Actor who = this.actor.get();
		Page<Listed> all = list(unitId, null, 0, 500);
		Map<String, Integer> byType = new TreeMap<>(
				java.util.Comparator.comparingInt((String t) -> PovertyModel.TYPES.indexOf(t)));
		for (Listed l : all.items()) {
			byType.merge(l.model().type(), 1, Integer::sum);
		}
		long participants = this.models.participantsUnder(who.scope().viewPatterns(), unit.path());
		return new Panel(unit, all.total(), byType, participants);
	}

	/**
	 * The map page's figures: for each unit below the unit (its districts, communes or
	 * villages), the models running there the caller may read.
	 */
	@Transactional(readOnly = true)
	public UnitMap map(long unitId) {
		Unit unit = visibleUnit(unitId);
		Actor who = this.actor.get();
		List<String[]> rows = this.models.unitsUnder(who.scope().viewPatterns(), unit.path());
		List<MapRow> result = new ArrayList<>();
		for (Unit child : this.geography.children(unitId)) {
			if (!who.scope().canView(child.path())) {
				continue;
			}
			Set<String> ids = new HashSet<>();
			Map<String, Integer> types = new TreeMap<>(
					java.util.Comparator.comparingInt((String t) -> PovertyModel.TYPES.indexOf(t)));
			for (String[] r : rows) {
				if (r[0].startsWith(child.path()) && ids.add(r[1])) {
					types.merge(r[2], 1, Integer::sum);
				}
			}
			result.add(new MapRow(child.id(), child.name(), ids.size(), types));
		}
		result.sort(java.util.Comparator.comparing(MapRow::models).reversed().thenComparing(MapRow::name));
		return new UnitMap(unit, result);
	}

	/** A unit the caller may read figures of (as the dashboards have it), else 404. */
	private Unit visibleUnit(long unitId) {
		return this.aggregates.visibleUnit(unitId);
	}

	/** The models the caller may read, by name (the "replicated from" choice). */
	@Transactional(readOnly = true)
	public List<PovertyModel> choices() {
		return this.models.visible(this.actor.get().scope().viewPatterns());
	}

	/**
	 * A model the caller may edit (the form): the permission (403), readable (404), its
	 * owner unit in the capture scope (403).
	 */
	@Transactional(readOnly = true)
	public PovertyModel editable(UUID id) {
		this.actor.require(Permission.POVERTY_MODELS);
		PovertyModel m = readable(id);
		this.actor.require(Permission.POVERTY_MODELS, m.ownerPath());
		return m;
	}

	/** Refuses a caller whose role may not manage models (403). */
	public void requireManaging() {
		this.actor.require(Permission.POVERTY_MODELS);
	}

	/**
	 * Registers a model: missing fields 400, rules 422 (nothing written).
	 * @param in what was typed
	 * @return the model
	 */
	@Transactional
	public PovertyModel create(ModelInput in) {
		this.actor.require(Permission.POVERTY_MODELS);
		Checked c = checked(null, in);
		Actor who = this.actor.require(Permission.POVERTY_MODELS, c.owner().path());
		UUID id = this.models.insert(c.model(), who.username());
		this.models.replaceUnits(id, c.units());
		this.models.replaceFunding(id, c.funding());
		PovertyModel saved = find(id);
		this.audit.record(new AuditEntry(who.username(), "CREATE", ENTITY, id.toString(), null, saved.ownerPath(),
				saved.provinceCode(), AuditTrail.diff(null, fields(saved)), null));
		return saved;
	}

	/**
	 * Edits a model: checked as a new one; units null keeps them; the version must match
	 * (409); a change of units may not leave a current participant outside them (422).
	 */
	@Transactional
	public PovertyModel update(UUID id, int version, ModelInput in) {
		PovertyModel before = editable(id);
		writable(before);
		Checked c = checked(before, in);
		Actor who = this.actor.require(Permission.POVERTY_MODELS, c.owner().path());
		List<ModelUnit> units = (in.units() == null) ? before.units() : c.units();
		if (in.units() != null) {
			for (Participant p : this.models.participants(id)) {
				if (p.leftOn() == null && runsAt(units, p.unitPath()) == null) {
					throw new DomainException(ErrorCode.RULE_REJECTED, "models.units-drop-participant",
							List.of(new FieldProblem("units", "models.units-drop-participant", p.headName())),
							p.headName());
				}
			}
		}
		if (this.models.update(withId(c.model(), id), version) == 0) {
			throw stale();
		}
		this.models.replaceUnits(id, units);
		this.models.replaceFunding(id, c.funding());
		PovertyModel after = find(id);
		this.audit.record(new AuditEntry(who.username(), "UPDATE", ENTITY, id.toString(), null, after.ownerPath(),
				after.provinceCode(), AuditTrail.diff(fields(before), fields(after)), null));
		return after;
	}

	/**
	 * Sets where a model runs, its other fields as they are (the model page's add and
	 * remove of a unit); checked as {@link #update}.
	 */
	@Transactional
	public PovertyModel setUnits(UUID id, int version, List<ModelInput.UnitInput> units) {
		PovertyModel m = editable(id);
		Map<String, Long> funding = new LinkedHashMap<>();
		m.funding().forEach((f) -> funding.put(f.source(), f.amountVnd()));
		return update(id, version, new ModelInput(m.name(), m.type(), m.description(), m.ownerUnitId(), m.startedOn(),
				m.endedOn(), m.replicatedFrom(), units, funding));
	}

	/** Voids a model with a reason (it stays, marked). */
	@Transactional
	public PovertyModel voidModel(UUID id, int version, String reason) {
		PovertyModel before = editable(id);
		writable(before);
		if (reason == null || reason.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("reason", "error.field.required")));
		}
		Actor who = this.actor.get();
		if (this.models.voidModel(id, version, reason.strip()) == 0) {
			throw stale();
		}
		PovertyModel after = find(id);
		this.audit.record(new AuditEntry(who.username(), "VOID", ENTITY, id.toString(), null, after.ownerPath(),
				after.provinceCode(), AuditTrail.diff(Map.of("voided", false), Map.of("voided", true)),
				reason.strip()));
		return after;
	}

	/**
	 * Adds a household to a model: the household by id or by code, one the caller may
	 * read (404); it must live in a unit where the model runs and join while the model
	 * runs (422); not twice (409); the model's version must match (409). Nothing is
	 * written before all of this passes.
	 */
	@Transactional
	public Participant addParticipant(UUID id, int version, UUID householdId, String householdCode, LocalDate joinedOn,
			LocalDate leftOn) {
		PovertyModel m = editable(id);
		writable(m);
		Household h = household(householdId, householdCode);
		List<FieldProblem> missing = new ArrayList<>();
		if (joinedOn == null) {
			missing.add(new FieldProblem("joinedOn", "error.field.required"));
		}
		if (!missing.isEmpty()) {
			throw DomainException.invalid(missing);
		}
		if (runsAt(m.units(), h.unitPath()) == null) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "models.participant.outside",
					List.of(new FieldProblem("household", "models.participant.outside", h.headName(), m.name())),
					h.headName(), m.name());
		}
		checkDates(m, joinedOn, leftOn);
		if (this.models.participates(id, h.id())) {
			throw new DomainException(ErrorCode.CONFLICT, "models.participant.already", h.headName());
		}
		Actor who = this.actor.get();
		if (this.models.touch(id, version) == 0) {
			throw stale();
		}
		this.models.insertParticipant(id, h.id(), h.provinceCode(), joinedOn, leftOn);
		this.audit.record(new AuditEntry(who.username(), "CREATE", PARTICIPANT, id.toString(), h.id(), h.unitPath(),
				h.provinceCode(), AuditTrail.diff(null, participantFields(m, joinedOn, leftOn)), null));
		return participant(id, h.id());
	}

	/**
	 * Changes a participant's dates (the day it left, mostly); the same checks as adding.
	 */
	@Transactional
	public Participant changeParticipant(UUID id, int version, UUID householdId, LocalDate joinedOn, LocalDate leftOn) {
		PovertyModel m = editable(id);
		writable(m);
		Household h = this.registry.household(householdId);
		if (!this.models.participates(id, h.id())) {
			throw DomainException.notFound(PARTICIPANT, householdId);
		}
		Participant before = participant(id, h.id());
		LocalDate joined = (joinedOn != null) ? joinedOn : before.joinedOn();
		checkDates(m, joined, leftOn);
		Actor who = this.actor.get();
		if (this.models.touch(id, version) == 0) {
			throw stale();
		}
		this.models.updateParticipant(id, h.id(), joined, leftOn);
		this.audit.record(new AuditEntry(who.username(), "UPDATE", PARTICIPANT, id.toString(), h.id(), h.unitPath(),
				h.provinceCode(), AuditTrail.diff(participantFields(m, before.joinedOn(), before.leftOn()),
						participantFields(m, joined, leftOn)),
				null));
		return participant(id, h.id());
	}

	private Participant participant(UUID modelId, UUID householdId) {
		return this.models.participants(modelId)
			.stream()
			.filter((p) -> p.householdId().equals(householdId))
			.findFirst()
			.orElseThrow(() -> DomainException.notFound(PARTICIPANT, householdId));
	}

	private Household household(UUID householdId, String householdCode) {
		UUID id = householdId;
		if (id == null && householdCode != null && !householdCode.isBlank()) {
			id = this.models.householdByCode(householdCode.strip())
				// as a household outside the scope: an unknown code and a hidden one read
				// alike
				.orElseThrow(() -> DomainException.notFound("HOUSEHOLD", householdCode.strip()));
		}
		if (id == null) {
			throw DomainException.invalid(List.of(new FieldProblem("household", "error.field.required")));
		}
		return this.registry.household(id);
	}

	private static void checkDates(PovertyModel m, LocalDate joinedOn, LocalDate leftOn) {
		List<FieldProblem> rules = new ArrayList<>();
		if (joinedOn.isBefore(m.startedOn()) || (m.endedOn() != null && joinedOn.isAfter(m.endedOn()))) {
			rules.add(new FieldProblem("joinedOn", "models.participant.joined-outside", m.startedOn().format(DMY),
					(m.endedOn() != null) ? m.endedOn().format(DMY) : "…"));
		}
		if (leftOn != null && leftOn.isBefore(joinedOn)) {
			rules.add(new FieldProblem("leftOn", "models.participant.left-before-joined"));
		}
		if (!rules.isEmpty()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "models.rejected", rules);
		}
	}

	/** The unit of a model's units that holds a path, or null. */
	private static ModelUnit runsAt(List<ModelUnit> units, String path) {
		for (ModelUnit u : units) {
			if (path != null && path.startsWith(u.path())) {
				return u;
			}
		}
		return null;
	}

	/**
	 * Checks what was typed: missing fields 400, rules 422. Returns the model's columns,
	 * units and funding as they will be stored.
	 */
	private Checked checked(PovertyModel before, ModelInput in) {
		if (in == null) {
			throw DomainException.invalid(List.of(new FieldProblem("name", "error.field.required")));
		}
		List<FieldProblem> missing = new ArrayList<>();
		if (in.name() == null || in.name().isBlank()) {
			missing.add(new FieldProblem("name", "error.field.required"));
		}
		if (in.type() == null || in.type().isBlank()) {
			missing.add(new FieldProblem("type", "error.field.required"));
		}
		else if (!PovertyModel.TYPES.contains(in.type().strip())) {
			missing.add(new FieldProblem("type", "error.field.invalid", in.type()));
		}
		if (in.ownerUnitId() == null) {
			missing.add(new FieldProblem("ownerUnitId", "error.field.required"));
		}
		if (in.startedOn() == null) {
			missing.add(new FieldProblem("startedOn", "error.field.required"));
		}
		Map<String, Long> funding = (in.funding() != null) ? in.funding() : Map.of();
		for (String source : funding.keySet()) {
			if (!PovertyModel.SOURCES.contains(source)) {
				missing.add(new FieldProblem("funding", "error.field.invalid", source));
			}
		}
		if (!missing.isEmpty()) {
			throw DomainException.invalid(missing);
		}
		Unit owner = this.geography.unit(in.ownerUnitId());
		this.actor.requireView(owner.path());
		List<FieldProblem> rules = new ArrayList<>();
		if ("village".equals(owner.level())) {
			rules.add(new FieldProblem("ownerUnitId", "models.owner-level"));
		}
		if (in.endedOn() != null && in.endedOn().isBefore(in.startedOn())) {
			rules.add(new FieldProblem("endedOn", "models.dates-order"));
		}
		List<Funding> money = new ArrayList<>();
		for (String source : PovertyModel.SOURCES) {
			Long amount = funding.get(source);
			if (amount != null && amount < 0) {
				rules.add(new FieldProblem(source.toLowerCase(java.util.Locale.ROOT) + "Vnd", "models.negative"));
			}
			else if (amount != null && amount > 0) {
				money.add(new Funding(source, amount));
			}
		}
		List<ModelUnit> units = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (ModelInput.UnitInput u : (in.units() != null) ? in.units() : List.<ModelInput.UnitInput>of()) {
			if (u == null || u.unitId() == null || !seen.add(u.unitId())) {
				continue;
			}
			Unit unit = this.geography.unit(u.unitId());
			LocalDate since = (u.since() != null) ? u.since() : in.startedOn();
			if (!"commune".equals(unit.level()) && !"village".equals(unit.level())) {
				rules.add(new FieldProblem("units", "models.unit-level", unit.name()));
			}
			else if (!unit.path().startsWith(owner.path())) {
				rules.add(new FieldProblem("units", "models.unit-outside-owner", unit.name(), owner.name()));
			}
			else if (since.isBefore(in.startedOn())) {
				rules.add(new FieldProblem("units", "models.unit-since", unit.name(), in.startedOn().format(DMY)));
			}
			long commune = "village".equals(unit.level()) ? unit.parentId() : unit.id();
			units.add(new ModelUnit(unit.id(), unit.name(), unit.path(), commune, since));
		}
		String fromName = null;
		if (in.replicatedFrom() != null) {
			PovertyModel source = this.models.find(in.replicatedFrom())
				.filter((s) -> !s.voided() && visible(this.actor.get(), s))
				.orElse(null);
			if (source == null) {
				rules.add(new FieldProblem("replicatedFrom", "models.source-unknown"));
			}
			else if (!Replication.mayCopy((before != null) ? before.id() : null, source.id(), this.models.copies())) {
				rules.add(new FieldProblem("replicatedFrom", "models.source-circle", source.name()));
			}
			else {
				fromName = source.name();
			}
		}
		if (!rules.isEmpty()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "models.rejected", rules);
		}
		PovertyModel model = new PovertyModel(null, owner.provinceCode(), in.name().strip(), in.type().strip(),
				blankToNull(in.description()), owner.id(), owner.name(), owner.path(), in.startedOn(), in.endedOn(),
				in.replicatedFrom(), fromName, 0, false, null, units, money, 0);
		return new Checked(model, owner, units, money);
	}

	private record Checked(PovertyModel model, Unit owner, List<ModelUnit> units, List<Funding> funding) {
	}

	private static PovertyModel withId(PovertyModel m, UUID id) {
		return new PovertyModel(id, m.provinceCode(), m.name(), m.type(), m.description(), m.ownerUnitId(),
				m.ownerName(), m.ownerPath(), m.startedOn(), m.endedOn(), m.replicatedFrom(), m.replicatedFromName(),
				m.version(), m.voided(), m.voidReason(), m.units(), m.funding(), m.participants());
	}

	private PovertyModel readable(UUID id) {
		PovertyModel m = find(id);
		if (!visible(this.actor.get(), m)) {
			throw DomainException.notFound(ENTITY, id);
		}
		return m;
	}

	private static boolean visible(Actor who, PovertyModel m) {
		return who.scope().canView(m.ownerPath()) || m.units().stream().anyMatch((u) -> who.scope().canView(u.path()));
	}

	private static void writable(PovertyModel m) {
		if (m.voided()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "models.voided-write");
		}
	}

	private PovertyModel find(UUID id) {
		return this.models.find(id).orElseThrow(() -> DomainException.notFound(ENTITY, id));
	}

	private static DomainException stale() {
		return new DomainException(ErrorCode.STALE_VERSION, "models.stale");
	}

	/** The fields of a model as the audit trail keeps them (names, not codes). */
	static Map<String, Object> fields(PovertyModel m) {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("modelName", m.name());
		f.put("modelType", Bilingual.vietnamese("models.type." + m.type()));
		f.put("description", m.description());
		f.put("ownerUnit", m.ownerName());
		f.put("startedOn", m.startedOn());
		f.put("endedOn", m.endedOn());
		f.put("replicatedFrom", m.replicatedFromName());
		f.put("modelUnits", String.join("; ",
				m.units().stream().map((u) -> u.name() + " (" + u.since().format(DMY) + ")").toList()));
		for (String source : PovertyModel.SOURCES) {
			f.put(source.toLowerCase(java.util.Locale.ROOT) + "Vnd", m.funding(source));
		}
		return f;
	}

	private static Map<String, Object> participantFields(PovertyModel m, LocalDate joinedOn, LocalDate leftOn) {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("modelName", m.name());
		f.put("joinedOn", joinedOn);
		f.put("leftOn", leftOn);
		return f;
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	/**
	 * A model in the list.
	 *
	 * @param model the model
	 * @param participants its participants' poverty before and after
	 */
	public record Listed(PovertyModel model, Group participants) {
	}

	/**
	 * A model's page.
	 *
	 * @param model the model
	 * @param participants the participants the caller may read
	 * @param participantsHidden participants outside the caller's scope (counted, not
	 * named)
	 * @param outcome the outcome over all participants
	 * @param copies the models that replicate it (directly or not) the caller may read
	 * @param copiesHidden copies outside the caller's scope
	 */
	public record ModelView(PovertyModel model, List<Participant> participants, int participantsHidden,
			ModelOutcome outcome, List<PovertyModel> copies, int copiesHidden) {
	}

	/**
	 * A household's participation.
	 *
	 * @param household the household
	 * @param models its models with its dates
	 */
	public record HouseholdModels(Household household, List<Joined> models) {
	}

	/**
	 * One model a household takes part in.
	 *
	 * @param model the model
	 * @param joinedOn joined
	 * @param leftOn left, or null
	 */
	public record Joined(PovertyModel model, LocalDate joinedOn, LocalDate leftOn) {
	}

	/**
	 * The dashboard's card.
	 *
	 * @param unit the unit
	 * @param models models running in it or owned by it
	 * @param byType their count by type
	 * @param participants households taking part now
	 */
	public record Panel(Unit unit, long models, Map<String, Integer> byType, long participants) {
	}

	/**
	 * The map's figures.
	 *
	 * @param unit the unit
	 * @param rows its sub-units, most models first
	 */
	public record UnitMap(Unit unit, List<MapRow> rows) {
	}

	/**
	 * One sub-unit on the map.
	 *
	 * @param unitId its id (the boundary's)
	 * @param name its name
	 * @param models models running there
	 * @param byType by type
	 */
	public record MapRow(long unitId, String name, int models, Map<String, Integer> byType) {
	}

}
