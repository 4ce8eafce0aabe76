package vn.giamngheo.analytics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.analytics.domain.Group;
import vn.giamngheo.analytics.persistence.AggregateRepository;
import vn.giamngheo.analytics.persistence.AggregateRepository.Communes;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.identity.Role;
import vn.giamngheo.shared.BoundedExecutors;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.work.PendingWork;
import vn.giamngheo.shared.work.PendingWork.Backlog;
import vn.giamngheo.standards.af.AfSpec;
import vn.giamngheo.standards.domain.Standard;
import vn.giamngheo.standards.domain.StandardCatalogue;
import vn.giamngheo.shared.scope.Permission;

/**
 * The analytics of the registry, read from precomputed aggregates. Other capabilities
 * call {@link #refreshCommunes} after they change recognised assessments (review
 * recognition, imports); the demo calls {@link #refreshAll} after loading. Every read is
 * limited to the user's view scope: a unit of the 2024 list outside the scope is not
 * found; a unit of the 2025 list is summed over the old communes the user may see.
 */
@Service
public class Aggregates {

	/** The kind of pending work that re-aggregates a commune (subject: its id). */
	public static final String PENDING = "aggregates";

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Aggregates.class);

	private final AggregateRepository repository;

	private final Geography geography;

	private final CurrentActor actor;

	private final org.springframework.transaction.support.TransactionTemplate tx;

	private final StandardCatalogue standards;

	/** The parallel parts of a province's refresh. */
	private final ThreadPoolTaskExecutor pool;

	private final PendingWork work;

	public Aggregates(AggregateRepository repository, Geography geography, CurrentActor actor,
			org.springframework.transaction.support.TransactionTemplate tx, StandardCatalogue standards,
			@Qualifier(BoundedExecutors.AGGREGATES) ThreadPoolTaskExecutor pool, PendingWork work) {
		this.pool = pool;
		this.work = work;
		this.tx = tx;
		this.standards = standards;
		this.repository = repository;
		this.geography = geography;
		this.actor = actor;
	}

	// ------------------------------------------------------------------ refresh

	/**
	 * Rebuilds the aggregates of some communes, in the caller's transaction (or a new
	 * one): call it after recognising or importing assessments of these communes.
	 * @param communeIds 2024 commune ids
	 * @return what was done
	 */
	@Transactional
	public RefreshReport refreshCommunes(Collection<Long> communeIds) {
		long t = System.nanoTime();
		if (communeIds.isEmpty()) {
			return new RefreshReport(0, 0, 0);
		}
		this.repository.refreshCommunes(communeIds);
		return new RefreshReport(communeIds.size(), -1, (System.nanoTime() - t) / 1e9);
	}

	/**
	 * Rebuilds the aggregates of a whole province: its communes in as many parallel parts
	 * as there are processors (each part one transaction, each commune always
	 * consistent), after removing the rows of communes that no longer have households.
	 * @param provinceCode province code
	 * @return what was done
	 */
	public RefreshReport refreshProvince(String provinceCode) {
		long t = System.nanoTime();
		List<Long> communes = this.repository.communesWithHouseholds(provinceCode);
		this.tx.executeWithoutResult((status) -> this.repository.removeOtherCommunes(provinceCode, communes));
		int parts = Math.max(1, Math.min(this.pool.getMaxPoolSize(), communes.size()));
		List<List<Long>> chunks = new ArrayList<>();
		for (int i = 0; i < parts; i++) {
			chunks.add(new ArrayList<>());
		}
		for (int i = 0; i < communes.size(); i++) {
			chunks.get(i % parts).add(communes.get(i));
		}
		List<Future<?>> done = new ArrayList<>();
		try {
			for (List<Long> chunk : chunks) {
				done.add(this.pool.submit(() -> this.tx.executeWithoutResult((status) -> {
					// marks committed before the refresh are covered by it
					List<Long> marks = this.work.marks(PENDING, chunk.stream().map(String::valueOf).toList());
					this.repository.refreshCommunes(chunk);
					this.work.done(marks);
				})));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		catch (RejectedExecutionException ex) {
			// the parts already running finish; each is a consistent set of communes
			throw DomainException.busy();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException r) ? r : new IllegalStateException(ex.getCause());
		}
		return new RefreshReport(this.repository.communeCount(provinceCode), this.repository.assessments(provinceCode),
				(System.nanoTime() - t) / 1e9);
	}

	/** Whether any commune has aggregates. */
	public boolean hasAggregates() {
		return this.repository.hasAggregates();
	}

	/** Rebuilds every province that has households. */
	public RefreshReport refreshAll() {
		long t = System.nanoTime();
		int communes = 0;
		long assessments = 0;
		for (String code : this.repository.provincesWithHouseholds()) {
			RefreshReport r = refreshProvince(code);
			communes += r.communes();
			assessments += r.assessments();
			log.info(String.format(java.util.Locale.ROOT,
					"Aggregates of province %s: %d communes, %d assessments," + " %.1f s", code, r.communes(),
					r.assessments(), r.seconds()));
		}
		return new RefreshReport(communes, assessments, (System.nanoTime() - t) / 1e9);
	}

	/**
	 * A refresh asked for by a user (province officer or administrator) for a province.
	 */
	public RefreshReport refreshByUser(String provinceCode) {
		this.actor.require(Permission.ANALYTICS_REFRESH);
		if (provinceCode == null || !provinceCode.matches("[0-9]{2}")) {
			throw DomainException.invalid(List.of(new FieldProblem("province", "error.field.invalid", provinceCode)));
		}
		Unit province = this.geography.byCode(provinceCode)
			.stream()
			.filter((u) -> "province".equals(u.level()) && "2024".equals(u.edition()))
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("UNIT", provinceCode));
		this.actor.require(Permission.ANALYTICS_REFRESH, province.path());
		return refreshProvince(provinceCode);
	}

	// ------------------------------------------------------------------ reads

	/**
	 * A unit the user may read, or NOT_FOUND.
	 * @param unitId unit id
	 * @return the unit
	 */
	public Unit visibleUnit(long unitId) {
		Unit unit = this.geography.unit(unitId);
		if (!"2025".equals(unit.edition())) {
			this.actor.requireView(unit.path());
		}
		return unit;
	}

	/** The communes of a unit the current user may read. */
	Communes communes(Unit unit) {
		Actor current = this.actor.get();
		Communes base = "2025".equals(unit.edition()) ? Communes.throughCrosswalk(unit.path())
				: Communes.under(unit.isVillage()
						? unit.path().substring(0, unit.path().lastIndexOf('/', unit.path().length() - 2) + 1)
						: unit.path());
		if (current.scope().nation()) {
			return base;
		}
		List<Object> params = new ArrayList<>(base.params());
		params.add(current.scope().viewPatterns());
		return new Communes(base.sql() + " and c.path like any(?)", params);
	}

	/**
	 * How fresh a unit's figures are: when its communes were last re-aggregated, and how
	 * many of them (the user may read) wait for a refresh.
	 * @param unitId unit id
	 * @return the freshness
	 */
	@Transactional(readOnly = true)
	public Freshness freshness(long unitId) {
		Communes communes = communes(visibleUnit(unitId));
		OffsetDateTime refreshed = this.repository.lastRefreshed(communes);
		Backlog backlog = this.work.backlog(PENDING,
				"p.unit_id = any(" + AggregateRepository.communeIds(communes) + ")", communes.params());
		return Freshness.of(refreshed, backlog);
	}

	/**
	 * Yearly figures of a unit for a group of households.
	 * @param unitId unit id
	 * @param group the group
	 * @param from start of the window in which unit statuses (poor district...) count
	 * @param to end of that window
	 * @return figures by year
	 */
	@Transactional(readOnly = true)
	public List<Figures> series(long unitId, Group group, LocalDate from, LocalDate to) {
		Unit unit = visibleUnit(unitId);
		return this.repository.series(communes(unit), group, from, to);
	}

	/**
	 * The aggregate rows of a unit with its communes' statuses over [from, to], read
	 * once: series of any group and any sub-unit are then summed in memory.
	 */
	@Transactional(readOnly = true)
	public Cube cube(long unitId, LocalDate from, LocalDate to) {
		return new Cube(this.repository.cube(communes(visibleUnit(unitId)), from, to));
	}

	/** Yearly figures, unit statuses taken over all years. */
	@Transactional(readOnly = true)
	public List<Figures> series(long unitId, Group group) {
		return series(unitId, group, LocalDate.of(1900, 1, 1), LocalDate.of(2999, 12, 31));
	}

	/**
	 * The figures of each child of a unit in one year (districts of a province, communes
	 * of a district; 2025 communes of a 2025 province through the crosswalk), limited to
	 * the children the user may read.
	 */
	@Transactional(readOnly = true)
	public List<UnitFigures> byChildren(long unitId, int year, Group group, LocalDate from, LocalDate to) {
		Unit unit = visibleUnit(unitId);
		Actor current = this.actor.get();
		List<UnitFigures> rows = "2025".equals(unit.edition()) ? (current.scope().nation()
				? this.repository.byChildrenThroughCrosswalk(unit.id(), unit.path(), year, group, from, to) : List.of())
				: this.repository.byChildren(unit.id(), year, group, from, to);
		if (current.scope().nation()) {
			return rows;
		}
		java.util.Set<Long> visible = new java.util.HashSet<>();
		for (Unit child : this.geography.children(unit.id())) {
			if (current.scope().canView(child.path())) {
				visible.add(child.id());
			}
		}
		return rows.stream().filter((r) -> visible.contains(r.unitId())).toList();
	}

	@Transactional(readOnly = true)
	public List<UnitFigures> byChildren(long unitId, int year, Group group) {
		return byChildren(unitId, year, group, LocalDate.of(1900, 1, 1), LocalDate.of(2999, 12, 31));
	}

	/**
	 * Every commune under a 2024 unit in one year, keyed by its parent's id (a treemap).
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<UnitFigures>> communesByParent(long unitId, int year) {
		Unit unit = visibleUnit(unitId);
		Map<Long, List<UnitFigures>> result = new LinkedHashMap<>();
		if ("2025".equals(unit.edition())) {
			return result;
		}
		for (UnitFigures f : this.repository.communes(unit.path(), year)) {
			long parent = f.level().isEmpty() ? 0 : Long.parseLong(f.level());
			result.computeIfAbsent(parent, (k) -> new ArrayList<>()).add(f);
		}
		return result;
	}

	@Transactional(readOnly = true)
	public List<Flow> flows(long unitId) {
		return this.repository.flows(communes(visibleUnit(unitId)));
	}

	@Transactional(readOnly = true)
	public List<Cohort> cohorts(long unitId) {
		return this.repository.cohorts(communes(visibleUnit(unitId)));
	}

	/**
	 * The deprivation indicators by name in the reader's language: the standard in force
	 * at the end of the year first, then any other standard naming a code.
	 * @param year the year
	 * @param locale the reader's language
	 * @return code → name
	 */
	public Map<String, String> indicatorNames(int year, java.util.Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		this.standards.inForce(LocalDate.of(year, 12, 31)).ifPresent((s) -> names(s, locale, names));
		this.standards.standards().forEach((s) -> names(s, locale, names));
		return names;
	}

	private static void names(Standard standard, java.util.Locale locale, Map<String, String> names) {
		standard.indicators()
			.forEach((i) -> names.putIfAbsent(i.code(),
					"en".equals(locale.getLanguage()) ? i.name().en() : i.name().vi()));
	}

	@Transactional(readOnly = true)
	public List<Deprivation> deprivations(long unitId, int year) {
		Unit unit = visibleUnit(unitId);
		if ("2025".equals(unit.edition())) {
			return List.of();
		}
		return this.repository.deprivations(unit.id(), unit.path(), unit.isCommune(), year);
	}

	/**
	 * Whether each year of a unit is final or provisional, with its coverage: one query
	 * over the aggregates and the review's commune statuses, limited to the communes the
	 * user may read.
	 * @param unitId unit id
	 * @return the years, oldest first
	 */
	@Transactional(readOnly = true)
	public YearStatuses statuses(long unitId) {
		List<YearStatus> years = new ArrayList<>();
		for (long[] r : this.repository.yearCounts(communes(visibleUnit(unitId)))) {
			years.add(YearStatus.of((int) r[0], (int) r[4], (int) r[5], (int) r[1], (int) r[2], r[3], r[6]));
		}
		return new YearStatuses(years);
	}

	@Transactional(readOnly = true)
	public List<Integer> years(long unitId) {
		return this.repository.years(communes(visibleUnit(unitId)));
	}

	/** Old communes only partly inside a 2025 unit: shown as a caveat, not counted. */
	@Transactional(readOnly = true)
	public List<String> partialCommunes(long unitId) {
		Unit unit = visibleUnit(unitId);
		return "2025".equals(unit.edition()) ? this.repository.partialCommunes(unit.path()) : List.of();
	}

	/**
	 * Alkire–Foster measures of a unit and its children in a year for a group of
	 * households, from the aggregates (the latest year when {@code year} is null or has
	 * no data).
	 * @param unitId unit id
	 * @param year review year, or null
	 * @param group the group of households
	 * @param locale language of the indicator names
	 * @return the report
	 */
	@Transactional(readOnly = true)
	public AfReport alkireFoster(long unitId, Integer year, Group group, java.util.Locale locale) {
		Unit unit = visibleUnit(unitId);
		LocalDate from = LocalDate.of(1900, 1, 1);
		LocalDate to = LocalDate.of(2999, 12, 31);
		Communes communes = communes(unit);
		YearStatuses statuses = statuses(unitId);
		List<Figures> all = this.repository.series(communes, group, from, to);
		Integer shown = statuses.shown(year, all.stream().map(Figures::year).toList()).orElse(null);
		// final years, and the year shown (a provisional one only when asked for)
		List<Figures> series = all.stream()
			.filter((f) -> statuses.isFinal(f.year()) || Integer.valueOf(f.year()).equals(shown))
			.toList();
		Figures current = all.stream().filter((f) -> Integer.valueOf(f.year()).equals(shown)).findFirst().orElse(null);
		if (current == null) {
			return new AfReport(unit, (year != null) ? year : 0, null, null, null, List.of(), series, Map.of(), null);
		}
		int y = current.year();
		Standard standard = this.standards.find(current.standardKey()).orElse(null);
		AfSpec spec = (standard == null) ? null : standard.alkireFosterSpec().orElse(null);
		Map<String, String> names = new LinkedHashMap<>();
		if (standard != null) {
			names(standard, locale, names);
		}
		AfUnit total = new AfUnit(unit.id(), unit.name(), current,
				this.repository.indicatorSums(communes, y, group, from, to));
		List<AfUnit> children = new ArrayList<>();
		if (!"2025".equals(unit.edition()) && !unit.isCommune()) {
			Map<Long, Map<String, long[]>> sums = this.repository.indicatorSumsByChild(unit.id(), y, group, from, to);
			for (UnitFigures u : byChildren(unit.id(), y, group, from, to)) {
				children.add(new AfUnit(u.unitId(), u.name(), u.figures(), sums.getOrDefault(u.unitId(), Map.of())));
			}
		}
		return new AfReport(unit, y, current.standardKey(), spec, total, children, series, names,
				statuses.of(y).orElse(null));
	}

}
