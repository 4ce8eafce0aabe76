package vn.giamngheo.targets;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.Cohort;
import vn.giamngheo.analytics.Figures;
import vn.giamngheo.analytics.Flow;
import vn.giamngheo.analytics.UnitFigures;
import vn.giamngheo.analytics.YearStatus;
import vn.giamngheo.analytics.YearStatuses;
import vn.giamngheo.analytics.domain.Group;
import vn.giamngheo.analytics.domain.Rates;
import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.targets.domain.Evaluation;
import vn.giamngheo.targets.domain.Point;
import vn.giamngheo.targets.domain.Rollup;
import vn.giamngheo.targets.domain.Rule;
import vn.giamngheo.targets.domain.Verdict;
import vn.giamngheo.targets.domain.VerdictEngine;
import vn.giamngheo.targets.persistence.TargetRepository;
import vn.giamngheo.shared.scope.Permission;

/**
 * Resolutions and their targets, judged against the registry (through the aggregates),
 * unit statuses and entered values; the scorecard of units; the data entry of indicators
 * the registry cannot tell. Reads are limited to the view scope, writes to the capture
 * scope; every change is audited.
 */
@Service
public class Targets {

	/**
	 * A resolution keeps the units it was written for (ADR 0031): its years after a unit
	 * ended count the households whose address was in the unit on its last day.
	 */
	private static final Aggregates.Span CONTINUED = Aggregates.Span.CONTINUED;

	/** Resolution files shipped with the application and loaded with the demo. */
	public static final List<String> BUNDLED = List.of("resolutions/quang-nam-2021-2025.yaml",
			"resolutions/lai-chau-2016-2020.yaml");

	/**
	 * Resolution templates a user downloads, edits and loads (issue 15: the successor
	 * targets of Thành phố Đà Nẵng 2026–2030 on the 2025 city).
	 */
	public static final List<String> TEMPLATES = List.of("da-nang-2026-2030");

	/**
	 * The text of a bundled template.
	 * @param name template name (from {@link #TEMPLATES})
	 * @return the YAML
	 */
	public String template(String name) {
		if (!TEMPLATES.contains(name)) {
			throw DomainException.notFound("TEMPLATE", name);
		}
		try (InputStream in = Targets.class.getResourceAsStream("/resolutions/" + name + ".yaml")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read template " + name, ex);
		}
	}

	private final TargetRepository repository;

	private final IndicatorCatalogue catalogue;

	private final Aggregates aggregates;

	private final Geography geography;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	private final Rollups rollups;

	private final vn.giamngheo.standards.domain.StandardCatalogue standards;

	private final vn.giamngheo.benefits.SupportCoverage coverage;

	private final vn.giamngheo.exits.ExitPlans exitPlans;

	public Targets(TargetRepository repository, IndicatorCatalogue catalogue, Aggregates aggregates,
			Geography geography, CurrentActor actor, AuditTrail audit, Clock clock,
			vn.giamngheo.standards.domain.StandardCatalogue standards, Rollups rollups,
			vn.giamngheo.benefits.SupportCoverage coverage, vn.giamngheo.exits.ExitPlans exitPlans) {
		this.coverage = coverage;
		this.exitPlans = exitPlans;
		this.standards = standards;
		this.rollups = rollups;
		this.repository = repository;
		this.catalogue = catalogue;
		this.aggregates = aggregates;
		this.geography = geography;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
	}

	public IndicatorCatalogue catalogue() {
		return this.catalogue;
	}

	// ------------------------------------------------------------------ resolutions

	/**
	 * Loads the bundled resolution files that are not stored yet (demo start).
	 * @return codes loaded
	 */
	@Transactional
	public List<String> loadBundled() {
		List<String> loaded = new ArrayList<>();
		for (String file : BUNDLED) {
			String yaml;
			try (InputStream in = Targets.class.getResourceAsStream("/" + file)) {
				yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read " + file, ex);
			}
			ResolutionFile.Resolution r = ResolutionFile.parse(yaml, this.catalogue);
			if (this.repository.resolutionByCode(r.code()).isPresent()) {
				continue;
			}
			Object[] province = this.repository.province(r.provinceCode(), r.edition())
				.orElseThrow(() -> new IllegalStateException("No province " + r.provinceCode()));
			store(r, (Long) province[0], (String) province[1], "system");
			loaded.add(r.code());
		}
		return loaded;
	}

	/**
	 * Imports a resolution file (province officer or administrator, for a unit in the
	 * capture scope).
	 * @param yaml the file
	 * @return the stored resolution
	 */
	@Transactional
	public Resolution importFile(String yaml) {
		Actor current = this.actor.require(Permission.RESOLUTION_EDIT);
		if (yaml == null || yaml.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("file", "targets.file.empty")));
		}
		ResolutionFile.Resolution r = ResolutionFile.parse(yaml, this.catalogue);
		Object[] province = this.repository.province(r.provinceCode(), r.edition())
			.orElseThrow(() -> DomainException
				.invalid(List.of(new FieldProblem("scope.province", "targets.file.bad-province", r.provinceCode()))));
		long unitId = (Long) province[0];
		String path = (String) province[1];
		if (r.unitCode() != null) {
			Unit unit = this.geography.byCode(r.unitCode())
				.stream()
				.filter((u) -> r.edition().equals(u.edition()) && u.provinceCode().equals(r.provinceCode()))
				.findFirst()
				.orElseThrow(() -> DomainException
					.invalid(List.of(new FieldProblem("scope.unit", "targets.file.bad-unit", r.unitCode()))));
			unitId = unit.id();
			path = unit.path();
		}
		this.actor.require(Permission.RESOLUTION_EDIT, path);
		if (this.repository.resolutionByCode(r.code()).isPresent()) {
			throw new DomainException(ErrorCode.CONFLICT, "targets.file.exists", r.code());
		}
		return store(r, unitId, path, current.username());
	}

	private Resolution store(ResolutionFile.Resolution r, long unitId, String path, String by) {
		long id = this.repository.insert(r, unitId, path, by);
		Map<String, Change> changes = new LinkedHashMap<>();
		changes.put("number", new Change(null, r.number()));
		changes.put("title", new Change(null, r.title()));
		changes.put("targets", new Change(null, r.targets().size()));
		this.audit.record(new AuditEntry(by, "CREATE", "RESOLUTION", Long.toString(id), null, path, r.provinceCode(),
				changes, null));
		return this.repository.resolution(id).orElseThrow();
	}

	/**
	 * Resolutions the user may read: those covering a unit of the view scope or an
	 * ancestor of it (a district officer sees the province's resolution).
	 */
	@Transactional(readOnly = true)
	public List<Resolution> resolutions() {
		Actor current = this.actor.get();
		return this.repository.resolutions().stream().filter((r) -> readable(current, r)).toList();
	}

	static boolean readable(Actor actor, Resolution r) {
		if (actor.scope().canView(r.scopePath())) {
			return true;
		}
		return actor.scope().viewPaths().stream().anyMatch((p) -> p.startsWith(r.scopePath()));
	}

	@Transactional(readOnly = true)
	public Resolution resolution(long id) {
		Resolution r = this.repository.resolution(id).orElseThrow(() -> DomainException.notFound("RESOLUTION", id));
		if (!readable(this.actor.get(), r)) {
			throw DomainException.notFound("RESOLUTION", id);
		}
		return r;
	}

	@Transactional(readOnly = true)
	public List<Target> targets(long resolutionId) {
		return this.repository.targets(resolution(resolutionId).id());
	}

	@Transactional(readOnly = true)
	public String yaml(long resolutionId) {
		return this.repository.yaml(resolution(resolutionId).id());
	}

	/**
	 * The unit a progress view is for: the one asked (inside the resolution's scope) or
	 * the resolution's scope unit, or the user's own unit under it.
	 */
	@Transactional(readOnly = true)
	public Unit progressUnit(Resolution r, Long unitId) {
		Actor current = this.actor.get();
		if (unitId != null) {
			Unit unit = this.aggregates.visibleUnit(unitId);
			if (!unit.path().startsWith(r.scopePath())) {
				throw DomainException.notFound("UNIT", unitId);
			}
			return unit;
		}
		if (current.scope().canView(r.scopePath())) {
			return this.geography.unit(r.scopeUnitId());
		}
		String own = current.scope()
			.viewPaths()
			.stream()
			.filter((p) -> p.startsWith(r.scopePath()))
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("RESOLUTION", r.id()));
		String[] ids = own.split("/");
		return this.aggregates.visibleUnit(Long.parseLong(ids[ids.length - 1]));
	}

	// ------------------------------------------------------------------ progress

	/**
	 * Every target of a resolution judged for a unit.
	 * @param resolutionId resolution
	 * @param unitId unit (null: the resolution's scope, or the user's unit under it)
	 * @return the progress of each target
	 */
	@Transactional(readOnly = true)
	public List<TargetProgress> progress(long resolutionId, Long unitId) {
		Resolution r = resolution(resolutionId);
		Unit unit = progressUnit(r, unitId);
		List<TargetProgress> result = new ArrayList<>();
		Cubes cubes = new Cubes(unit.id(), null);
		YearStatuses statuses = this.aggregates.statuses(unit.id(), CONTINUED);
		for (Target t : this.repository.targets(r.id())) {
			result.add(judge(r, t, unit, cubes, statuses));
		}
		return result;
	}

	/**
	 * The cubes read for one view, by window: a cube of {@code unitId} (the unit judged
	 * or an ancestor), series taken under {@code prefix} (null: the whole cube).
	 */
	final class Cubes {

		private final long unitId;

		private final String prefix;

		private final Map<String, vn.giamngheo.analytics.Cube> cache;

		Cubes(long unitId, String prefix) {
			this(unitId, prefix, new java.util.HashMap<>());
		}

		private Cubes(long unitId, String prefix, Map<String, vn.giamngheo.analytics.Cube> cache) {
			this.unitId = unitId;
			this.prefix = prefix;
			this.cache = cache;
		}

		Cubes under(String path) {
			return new Cubes(this.unitId, path, this.cache);
		}

		List<Figures> series(Group group, LocalDate from, LocalDate to) {
			return this.cache
				.computeIfAbsent(from + "/" + to, (k) -> Targets.this.aggregates.cube(this.unitId, from, to, CONTINUED))
				.series(group, this.prefix);
		}

	}

	/**
	 * Judges a target for a unit on its final years only: a registry value of a year
	 * whose review is in progress (provisional for the unit whose statuses are given)
	 * never feeds the verdict; the latest such value is returned apart, with its
	 * coverage.
	 */
	TargetProgress judge(Resolution r, Target t, Unit unit, Cubes cubes, YearStatuses statuses) {
		IndicatorDef ind = this.catalogue.find(t.indicatorCode()).orElseThrow();
		Actual actual = actual(r, t, ind, unit, cubes);
		List<Point> points = actual.points();
		TargetProgress.Provisional provisional = null;
		if ("COMPUTED".equals(ind.kind())) {
			points = actual.points().stream().filter((p) -> statuses.isFinal(p.year())).toList();
			int lastFinal = statuses.lastFinal().orElse(Integer.MIN_VALUE);
			for (Point p : actual.points()) {
				if (p.year() > lastFinal && !statuses.isFinal(p.year())) {
					YearStatus status = statuses.of(p.year()).orElse(null);
					if (status != null) {
						provisional = new TargetProgress.Provisional(p.year(), p.value(), status);
					}
				}
			}
		}
		Rule rule = new Rule(t.comparator(), t.value(), t.valueMax(), t.targetYear(), r.periodFrom(), r.periodTo(),
				t.baselineYear(), t.baselineValue(), ind.lowerIsBetter(), t.reference(), ind.approxTolerance(),
				"COMPUTED".equals(ind.kind()) ? statuses.lastFinal().orElse(null) : null)
			.judged(t.judging());
		Evaluation e = VerdictEngine.evaluate(rule, points);
		if (e.verdict() == Verdict.NO_DATA && actual.assumed()) {
			e = new Evaluation(Verdict.NO_DATA, "targets.rule.status-not-recorded", List.of(), e.goal(), null, null,
					null, null, false, e.points());
		}
		return new TargetProgress(t, ind, unit.id(), e, provisional);
	}

	/**
	 * The actual values of a target's indicator.
	 *
	 * @param points values by year
	 * @param assumed unit statuses were counted but are demo assumptions (their end is
	 * the programme's, not a recorded exit): no value is made of them
	 */
	record Actual(List<Point> points, boolean assumed) {
	}

	/** The actual values of a target's indicator for a unit, by year. */
	Actual actual(Resolution r, Target t, IndicatorDef ind, Unit unit, Cubes cubes) {
		boolean assumed = false;
		int startYear = (t.baselineYear() != null) ? t.baselineYear() : r.periodFrom() - 1;
		LocalDate from = LocalDate.of(startYear, 1, 1);
		LocalDate to = LocalDate.of(r.periodTo(), 12, 31);
		// a group's unit statuses are those of the resolution's own period (poor
		// districts
		// of 2021–2025 come from Decision 353/QĐ-TTg, not from the 2016–2020 list that
		// held in the baseline year); the values still start at the baseline
		LocalDate statusFrom = LocalDate.of(r.periodFrom(), 1, 1);
		Group group = Group.parse(t.groupCode());
		List<Point> points = new ArrayList<>();
		switch (ind.kind()) {
			case "COMPUTED" -> {
				switch (ind.code()) {
					case "LOANS_WITH_DEMAND", "TRAINING_WITH_DEMAND", "POOR_NEAR_POOR_HI_CARDS",
							"HOUSING_SUPPORT_DONE" ->
						// counted from the support ledger (ADR 0038)
						this.coverage.indicatorSeries(ind.code(), unit.id(), startYear, r.periodTo())
							.forEach((year, v) -> points.add(new Point(year, v)));
					case vn.giamngheo.exits.ExitPlans.FUNDED_INDICATOR ->
						// counted from the approved exit plans and the ledger (ADR 0040)
						this.exitPlans
							.fundedSeries(unit.id(), startYear,
									Math.min(r.periodTo(), LocalDate.now(this.clock).getYear()))
							.forEach((year, v) -> points.add(new Point(year, v)));
					case "EXITED_HOUSEHOLDS", "NEWLY_POOR_HOUSEHOLDS", "FELL_BACK_HOUSEHOLDS" -> {
						for (Flow f : this.aggregates.flows(unit.id(), CONTINUED)) {
							long v = switch (ind.code()) {
								case "EXITED_HOUSEHOLDS" -> f.exited();
								case "NEWLY_POOR_HOUSEHOLDS" -> f.newlyPoor();
								default -> f.fellBack();
							};
							points.add(new Point(f.year(), v));
						}
					}
					case "POOR_AGAIN_WITHIN_3_YEARS" -> {
						for (Cohort c : this.aggregates.cohorts(unit.id(), CONTINUED)) {
							Double v = c.poorAgainRate(3);
							if (v != null) {
								points.add(new Point(c.exitYear(), v));
							}
						}
					}
					default -> {
						List<Figures> series = cubes.series(group, statusFrom, to);
						Map<Integer, Figures> numerators = new TreeMap<>();
						if (t.numeratorGroup() != null) {
							EnumSet<Group.Part> parts = EnumSet.noneOf(Group.Part.class);
							parts.addAll(group.parts());
							parts.addAll(Group.parse(t.numeratorGroup()).parts());
							for (Figures f : cubes.series(new Group(parts), statusFrom, to)) {
								numerators.put(f.year(), f);
							}
						}
						for (Figures f : series) {
							Double v = value(ind.code(), f, (t.numeratorGroup() == null) ? null : numerators
								.getOrDefault(f.year(),
										new Figures(f.year(), f.standardKey(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
							if (v != null) {
								points.add(new Point(f.year(), v, basis(f.standardKey())));
							}
						}
					}
				}
			}
			case "UNIT_STATUS" -> {
				List<String> attributes = "POOR_DISTRICTS_LEFT".equals(ind.code()) ? List.of("POOR_DISTRICT")
						: List.of("DBKK_COMMUNE", "DBKK_VILLAGE");
				int last = Math.min(r.periodTo(), LocalDate.now(this.clock).getYear());
				this.aggregates.visibleUnit(unit.id());
				for (int y = r.periodFrom(); y <= last; y++) {
					long[] held = this.repository.statusLeft(unit.path(), attributes, from, to,
							LocalDate.of(y, 12, 31));
					if (held[0] == 0) {
						continue;
					}
					if (held[2] > 0) {
						// a status ending with its programme (a demo assumption) says
						// nothing
						// of a unit leaving the list: no value rather than a count of 0
						assumed = true;
						continue;
					}
					points.add(new Point(y,
							"POOR_DISTRICTS_LEFT".equals(ind.code()) ? held[1] : Rates.percent(held[1], held[0])));
				}
			}
			default -> this.rollups.series(ind, unit).forEach((year, v) -> points.add(new Point(year, v)));
		}
		return new Actual(points, assumed);
	}

	/**
	 * What rates of a standard are measured against: the standard it keeps (its base,
	 * e.g. 2021 keeps 2016-2020, 2026 keeps 2022-2025), or itself. Yearly changes are
	 * taken only within one basis.
	 */
	String basis(String standardKey) {
		return this.standards.find(standardKey)
			.map((s) -> (s.base() != null) ? s.base() : s.key())
			.orElse(String.valueOf(standardKey));
	}

	/**
	 * A registry indicator from the figures of a year (numerator: households counted).
	 */
	static Double value(String code, Figures f, Figures numerator) {
		if (numerator != null) {
			return switch (code) {
				case "POOR_RATE" -> Rates.percent(numerator.poorHouseholds(), f.households());
				case "NEAR_POOR_RATE" -> Rates.percent(numerator.nearPoorHouseholds(), f.households());
				case "POOR_NEAR_POOR_RATE" ->
					Rates.percent(numerator.poorHouseholds() + numerator.nearPoorHouseholds(), f.households());
				default -> null;
			};
		}
		return switch (code) {
			case "POOR_RATE" -> f.poorRate();
			case "NEAR_POOR_RATE" -> f.nearPoorRate();
			case "POOR_NEAR_POOR_RATE" -> Rates.percent(f.poorHouseholds() + f.nearPoorHouseholds(), f.households());
			case "POOR_HOUSEHOLDS" -> (double) f.poorHouseholds();
			case "NEAR_POOR_HOUSEHOLDS" -> (double) f.nearPoorHouseholds();
			case "POOR_PERSONS" -> (double) f.poorPersons();
			case "POOR_INCOME_PER_HEAD" -> (f.poorIncomePerHead() == null) ? null : f.poorIncomePerHead().doubleValue();
			case "POOR_MEAN_DEPRIVATIONS" -> f.poorMeanDeprivations();
			case "AF_H" -> f.afHeadcount();
			case "AF_A" -> f.afIntensity();
			case "AF_M0" -> f.afM0();
			default -> null;
		};
	}

	// ------------------------------------------------------------------ scorecard

	/**
	 * The units directly under a resolution's scope, ranked by the verdicts of the
	 * scorecard targets on the scope's final years (met 3, on track 2, at risk 1 point,
	 * behind or missed 0; a target without data for a unit is left out of its score,
	 * never counted as failed), ties broken by the lower poverty rate of the last final
	 * year. Units with no target judged are listed last, unranked.
	 */
	@Transactional(readOnly = true)
	public List<ScorecardRow> scorecard(long resolutionId) {
		Resolution r = resolution(resolutionId);
		List<Target> criteria = this.repository.targets(r.id()).stream().filter(Target::scorecard).toList();
		Actor current = this.actor.get();
		List<Unit> units = this.geography.children(r.scopeUnitId())
			.stream()
			.filter((u) -> current.scope().canView(u.path()))
			.toList();
		Map<Long, Double> latest = new LinkedHashMap<>();
		boolean wholeScope = current.scope().canView(r.scopePath());
		YearStatuses statuses = wholeScope ? this.aggregates.statuses(r.scopeUnitId(), CONTINUED) : null;
		if (wholeScope) {
			Integer year = statuses.finalYears()
				.stream()
				.filter((y) -> y <= r.periodTo())
				.reduce((a, b) -> b)
				.orElse(null);
			if (year != null) {
				for (UnitFigures f : this.aggregates.byChildren(r.scopeUnitId(), year, Group.ALL,
						LocalDate.of(1900, 1, 1), LocalDate.of(2999, 12, 31), CONTINUED)) {
					latest.put(f.unitId(), f.figures().poorRate());
				}
			}
		}
		List<ScorecardRow> rows = new ArrayList<>();
		Cubes whole = wholeScope ? new Cubes(r.scopeUnitId(), null) : null;
		for (Unit u : units) {
			Cubes cubes = (whole != null) ? whole.under(u.path()) : new Cubes(u.id(), null);
			YearStatuses judgedOn = (statuses != null) ? statuses : this.aggregates.statuses(u.id(), CONTINUED);
			List<Verdict> verdicts = new ArrayList<>();
			int[] counts = new int[Verdict.values().length];
			int points = 0;
			int judged = 0;
			for (Target t : criteria) {
				Verdict v = judge(r, t, u, cubes, judgedOn).evaluation().verdict();
				verdicts.add(v);
				counts[v.ordinal()]++;
				if (v.judged()) {
					judged++;
					points += v.points();
				}
			}
			Double score = (judged == 0) ? null : Rates.round2(100.0 * points / (3.0 * judged));
			rows.add(new ScorecardRow(0, u.id(), u.code(), u.name(), score, judged, counts[Verdict.MET.ordinal()],
					counts[Verdict.ON_TRACK.ordinal()], counts[Verdict.AT_RISK.ordinal()],
					counts[Verdict.BEHIND.ordinal()], counts[Verdict.MISSED.ordinal()],
					counts[Verdict.NO_DATA.ordinal()], verdicts, latest.get(u.id())));
		}
		rows.sort(java.util.Comparator.comparing((ScorecardRow s) -> s.score() == null)
			.thenComparing((s) -> (s.score() == null) ? 0.0 : s.score(), java.util.Comparator.reverseOrder())
			.thenComparing((s) -> (s.latestRate() == null) ? Double.MAX_VALUE : s.latestRate()));
		List<ScorecardRow> ranked = new ArrayList<>();
		for (int k = 0; k < rows.size(); k++) {
			ScorecardRow s = rows.get(k);
			ranked.add(s.ranked((s.score() == null) ? 0 : k + 1));
		}
		return ranked;
	}

	@Transactional(readOnly = true)
	public List<Target> scorecardCriteria(long resolutionId) {
		return targets(resolutionId).stream().filter(Target::scorecard).toList();
	}

	// ------------------------------------------------------------------ data entry

	/**
	 * One line of a data-entry form: the indicator and its value for the unit and year.
	 *
	 * @param indicator the indicator
	 * @param value the stored value, or null
	 * @param rolledUp for a district or province, the value made from the units under it
	 * (with the communes that reported), or null
	 */
	public record EntryLine(IndicatorDef indicator, IndicatorValue value, Rollup.Result rolledUp) {
	}

	/** The data-entry form of a unit and year. */
	@Transactional(readOnly = true)
	public List<EntryLine> entryForm(long unitId, int year) {
		Unit unit = this.aggregates.visibleUnit(unitId);
		checkYear(year);
		Map<String, IndicatorValue> stored = new LinkedHashMap<>();
		for (IndicatorValue v : this.repository.values(unit.id(), year)) {
			stored.put(v.indicatorCode(), v);
		}
		Rollups.Scope scope = this.rollups.new Scope(unit, year);
		return this.catalogue.entered()
			.stream()
			.map((d) -> new EntryLine(d, stored.get(d.code()),
					(unit.isCommune() || unit.isVillage()) ? null : this.rollups.result(d, scope)))
			.toList();
	}

	/**
	 * The value of an entered indicator for a unit and year: its own approved value, or
	 * the roll-up of the units under it, with the communes that reported.
	 * @param indicatorCode an entered indicator
	 * @param unitId unit id (NOT_FOUND outside the view scope)
	 * @param year year
	 * @return the value and its completeness
	 */
	@Transactional(readOnly = true)
	public Rollup.Result rollup(String indicatorCode, long unitId, int year) {
		IndicatorDef d = this.catalogue.find(indicatorCode)
			.filter(IndicatorDef::entered)
			.orElseThrow(() -> DomainException.notFound("INDICATOR", indicatorCode));
		Unit unit = this.aggregates.visibleUnit(unitId);
		return this.rollups.result(d, this.rollups.new Scope(unit, year));
	}

	/**
	 * For the entered targets of a district or province judged on a rolled-up value: the
	 * completeness of their latest year (communes that reported).
	 * @param progress the judged targets of the unit
	 * @param unitId the unit
	 * @return target code → roll-up of its latest year (targets on the unit's own value
	 * left out)
	 */
	@Transactional(readOnly = true)
	public Map<String, Rollup.Result> completeness(List<TargetProgress> progress, long unitId) {
		Unit unit = this.aggregates.visibleUnit(unitId);
		Map<String, Rollup.Result> result = new LinkedHashMap<>();
		if (unit.isCommune() || unit.isVillage()) {
			return result;
		}
		Map<Integer, Rollups.Scope> scopes = new TreeMap<>();
		for (TargetProgress p : progress) {
			Integer year = p.evaluation().latestYear();
			if (!p.indicator().entered() || year == null || p.indicator().rollup() == Rollup.Aggregation.NONE) {
				continue;
			}
			Rollup.Result r = this.rollups.result(p.indicator(),
					scopes.computeIfAbsent(year, (y) -> this.rollups.new Scope(unit, y)));
			if (!r.own()) {
				result.put(p.target().code(), r);
			}
		}
		return result;
	}

	private void checkYear(int year) {
		int now = LocalDate.now(this.clock).getYear();
		if (year < 2000 || year > now) {
			throw DomainException.invalid(List.of(new FieldProblem("year", "targets.entry.bad-year", year, now)));
		}
	}

	/**
	 * Saves entered values for a unit and year: every value is checked against its
	 * indicator's range, and nothing is saved if one is wrong. Approved values are
	 * locked.
	 * @param unitId unit
	 * @param year year
	 * @param values indicator code → text of the value (blank: leave as is)
	 * @param comment comment
	 * @return values saved
	 */
	@Transactional
	public int enter(long unitId, int year, Map<String, String> values, String comment) {
		this.actor.require(Permission.TARGET_ENTRY);
		Unit unit = this.aggregates.visibleUnit(unitId);
		Actor current = this.actor.require(Permission.TARGET_ENTRY, unit.path());
		checkYear(year);
		List<FieldProblem> problems = new ArrayList<>();
		Map<IndicatorDef, BigDecimal> parsed = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : values.entrySet()) {
			if (e.getValue() == null || e.getValue().isBlank()) {
				continue;
			}
			IndicatorDef d = this.catalogue.find(e.getKey()).filter(IndicatorDef::entered).orElse(null);
			if (d == null) {
				problems.add(new FieldProblem(e.getKey(), "targets.entry.unknown-indicator", e.getKey()));
				continue;
			}
			BigDecimal v;
			try {
				v = new BigDecimal(e.getValue().trim().replace(',', '.'));
			}
			catch (NumberFormatException ex) {
				problems.add(new FieldProblem(d.code(), "targets.entry.not-a-number", e.getValue()));
				continue;
			}
			if ((d.min() != null && v.doubleValue() < d.min()) || (d.max() != null && v.doubleValue() > d.max())) {
				problems.add(new FieldProblem(d.code(), "targets.entry.out-of-range", v.toPlainString(),
						Target.plain(d.min()), Target.plain(d.max())));
				continue;
			}
			IndicatorValue existing = this.repository.value(d.code(), unit.id(), year).orElse(null);
			if (existing != null && "APPROVED".equals(existing.status()) && existing.value().compareTo(v) != 0) {
				problems.add(new FieldProblem(d.code(), "targets.entry.locked"));
				continue;
			}
			parsed.put(d, v);
		}
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		int saved = 0;
		for (Map.Entry<IndicatorDef, BigDecimal> e : parsed.entrySet()) {
			IndicatorDef d = e.getKey();
			IndicatorValue existing = this.repository.value(d.code(), unit.id(), year).orElse(null);
			if (existing != null && existing.value().compareTo(e.getValue()) == 0
					&& !"RETURNED".equals(existing.status())) {
				continue;
			}
			long id;
			if (existing == null) {
				id = this.repository.insertValue(d.code(), unit.id(), unit.path(), unit.provinceCode(), year,
						e.getValue(), comment, current.username());
			}
			else {
				id = existing.id();
				if (this.repository.updateValue(id, e.getValue(), comment, current.username(),
						existing.version()) == 0) {
					throw new DomainException(ErrorCode.STALE_VERSION, "targets.entry.stale");
				}
			}
			this.audit
				.record(new AuditEntry(current.username(), (existing == null) ? "CREATE" : "UPDATE", "INDICATOR_VALUE",
						Long.toString(id), null, unit.path(), unit.provinceCode(), Map.of(d.code() + "@" + year,
								new Change((existing == null) ? null : existing.value(), e.getValue())),
						comment));
			saved++;
		}
		return saved;
	}

	/**
	 * Approves or returns an entered value (province or district officer, administrator;
	 * not the person who entered it).
	 */
	@Transactional
	public IndicatorValue decide(long valueId, boolean approve, int version) {
		this.actor.require(Permission.TARGET_APPROVAL);
		IndicatorValue v = this.repository.value(valueId)
			.orElseThrow(() -> DomainException.notFound("INDICATOR_VALUE", valueId));
		Actor current = this.actor.require(Permission.TARGET_APPROVAL, v.unitPath());
		if (current.username().equals(v.enteredBy())) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "targets.entry.own-value");
		}
		if (!"ENTERED".equals(v.status())) {
			throw new DomainException(ErrorCode.CONFLICT, "targets.entry.already-decided");
		}
		String status = approve ? "APPROVED" : "RETURNED";
		if (this.repository.decide(valueId, status, current.username(), version) == 0) {
			throw new DomainException(ErrorCode.STALE_VERSION, "targets.entry.stale");
		}
		this.audit.record(new AuditEntry(current.username(), approve ? "APPROVE" : "RETURN", "INDICATOR_VALUE",
				Long.toString(valueId), null, v.unitPath(), v.unitPath().isEmpty() ? null : provinceOf(v),
				Map.of("status", new Change(v.status(), status)), null));
		return this.repository.value(valueId).orElseThrow();
	}

	private String provinceOf(IndicatorValue v) {
		return this.geography.unit(v.unitId()).provinceCode();
	}

	/** Values waiting for a decision in the user's capture scope. */
	@Transactional(readOnly = true)
	public List<IndicatorValue> pending() {
		Actor current = this.actor.get();
		String[] patterns = current.scope().nation() ? new String[] { "/%" }
				: current.scope().capturePaths().stream().map((p) -> p + "%").toArray(String[]::new);
		return (patterns.length == 0) ? List.of() : this.repository.pending(patterns);
	}

}
