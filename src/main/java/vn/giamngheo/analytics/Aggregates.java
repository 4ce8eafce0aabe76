package vn.giamngheo.analytics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.ToLongFunction;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.analytics.domain.Group;
import vn.giamngheo.analytics.domain.ReviewYears;
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

	private final StoredFigures figures;

	public Aggregates(AggregateRepository repository, Geography geography, CurrentActor actor,
			org.springframework.transaction.support.TransactionTemplate tx, StandardCatalogue standards,
			@Qualifier(BoundedExecutors.AGGREGATES) ThreadPoolTaskExecutor pool, PendingWork work,
			StoredFigures figures) {
		this.figures = figures;
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
	 * one): call it after recognising or importing assessments of these communes, or
	 * after moving households between them. Every other commune their households lived in
	 * is rebuilt with them: a year counts on the commune of the household's address that
	 * year (ADR 0031), so a moved household's change reaches its old commune's years too.
	 * @param communeIds commune ids
	 * @return what was done
	 */
	@Transactional
	public RefreshReport refreshCommunes(Collection<Long> communeIds) {
		long t = System.nanoTime();
		if (communeIds.isEmpty()) {
			return new RefreshReport(0, 0, 0);
		}
		List<Long> all = this.repository.withCommunesLivedIn(communeIds);
		this.repository.refreshCommunes(all);
		// the stored figures read from them are stale with this commit (ADR 0056)
		this.figures.raiseCommunes(all);
		return new RefreshReport(all.size(), -1, (System.nanoTime() - t) / 1e9);
	}

	/**
	 * Rebuilds the aggregates of a whole province: its communes in as many parallel parts
	 * as there are processors (each part one transaction, each commune always
	 * consistent), after removing the rows of communes that no longer have households.
	 * @param provinceCode province code
	 * @return what was done
	 */
	public RefreshReport refreshProvince(String provinceCode) {
		return refreshProvinces(List.of(provinceCode));
	}

	/**
	 * Rebuilds the aggregates of some provinces at once, as {@link #refreshProvince} does
	 * for one: their communes are dealt to the parts together, so a household that lived
	 * in two of them (Thành phố Đà Nẵng's households in the old Quảng Nam's communes
	 * before 1 July 2025) is read once, by the part of all the communes it lived in,
	 * instead of once per province (ADR 0064).
	 * @param provinceCodes province codes
	 * @return what was done
	 */
	public RefreshReport refreshProvinces(List<String> provinceCodes) {
		long t = System.nanoTime();
		Map<String, List<Long>> byProvince = new LinkedHashMap<>();
		provinceCodes.forEach((code) -> byProvince.put(code, this.repository.communesWithHouseholds(code)));
		List<Long> communes = byProvince.values().stream().flatMap(List::stream).distinct().sorted().toList();
		this.tx.executeWithoutResult((status) -> {
			byProvince.forEach(this.repository::removeOtherCommunes);
			this.figures.raise(List.copyOf(byProvince.keySet()));
		});
		List<List<Long>> chunks = parts(communes, this.repository.householdsRead(communes),
				this.repository.communesLinked(communes), this.pool.getMaxPoolSize());
		List<Future<?>> done = new ArrayList<>();
		try {
			for (List<Long> chunk : chunks) {
				done.add(this.pool.submit(() -> this.tx.executeWithoutResult((status) -> {
					// marks committed before the refresh are covered by it
					List<Long> marks = this.work.marks(PENDING, chunk.stream().map(String::valueOf).toList());
					this.repository.refreshCommunes(chunk);
					this.work.done(marks);
					this.figures.raiseCommunes(chunk);
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
		return new RefreshReport(byProvince.keySet().stream().mapToInt(this.repository::communeCount).sum(),
				byProvince.keySet().stream().mapToLong(this.repository::assessments).sum(),
				(System.nanoTime() - t) / 1e9);
	}

	/**
	 * A province's communes in at most {@code parts} parts of about as many households
	 * read each, a commune always in the part of every commune a household links it to
	 * (lives in one, lived in the other): each part reads the households of its communes
	 * (ADR 0031), so a household split between two parts was read twice. Groups of linked
	 * communes go, largest first, to the part with the fewest households so far.
	 * @param communes the communes, each once
	 * @param households households read per commune (absent: none)
	 * @param links pairs of linked communes (pairs with a commune not listed are ignored)
	 * @param parts the most parts
	 * @return the non-empty parts, each in commune order
	 */
	static List<List<Long>> parts(List<Long> communes, Map<Long, Long> households, List<long[]> links, int parts) {
		Map<Long, Long> root = new HashMap<>();
		communes.forEach((c) -> root.put(c, c));
		for (long[] link : links) {
			if (root.containsKey(link[0]) && root.containsKey(link[1])) {
				root.put(top(root, link[0]), top(root, link[1]));
			}
		}
		Map<Long, List<Long>> groups = new LinkedHashMap<>();
		for (Long c : communes) {
			groups.computeIfAbsent(top(root, c), (k) -> new ArrayList<>()).add(c);
		}
		ToLongFunction<List<Long>> weight = (
				g) -> g.stream().mapToLong((c) -> households.getOrDefault(c, 0L) + 1).sum();
		List<List<Long>> ordered = new ArrayList<>(groups.values());
		ordered.sort(Comparator.comparingLong(weight).reversed());
		int n = Math.max(1, Math.min(parts, ordered.size()));
		List<List<Long>> out = new ArrayList<>();
		long[] load = new long[n];
		for (int i = 0; i < n; i++) {
			out.add(new ArrayList<>());
		}
		for (List<Long> g : ordered) {
			int lightest = 0;
			for (int i = 1; i < n; i++) {
				if (load[i] < load[lightest]) {
					lightest = i;
				}
			}
			out.get(lightest).addAll(g);
			load[lightest] += weight.applyAsLong(g);
		}
		out.forEach(Collections::sort);
		out.removeIf(List::isEmpty);
		return out;
	}

	private static Long top(Map<Long, Long> root, Long c) {
		Long r = c;
		while (!root.get(r).equals(r)) {
			r = root.get(r);
		}
		Long x = c;
		while (!root.get(x).equals(r)) {
			Long next = root.get(x);
			root.put(x, r);
			x = next;
		}
		return r;
	}

	/** Whether any commune has aggregates. */
	public boolean hasAggregates() {
		return this.repository.hasAggregates();
	}

	/** Rebuilds every province that has households. */
	public RefreshReport refreshAll() {
		// every province together: a household that lived in two of them is read once
		// (ADR 0064), not once per province
		List<String> codes = this.repository.provincesWithHouseholds();
		if (codes.isEmpty()) {
			return new RefreshReport(0, 0, 0);
		}
		RefreshReport r = refreshProvinces(codes);
		log.info(String.format(java.util.Locale.ROOT, "Aggregates of provinces %s: %d communes, %d assessments, %.1f s",
				codes, r.communes(), r.assessments(), r.seconds()));
		return r;
	}

	/**
	 * A refresh asked for by a user (province officer or administrator) for a province:
	 * the province in force with that code (else the ended one), and the provinces its
	 * households lived in before (Thành phố Đà Nẵng: also the old Quảng Nam's communes).
	 */
	public RefreshReport refreshByUser(String provinceCode) {
		this.actor.require(Permission.ANALYTICS_REFRESH);
		if (provinceCode == null || !provinceCode.matches("[0-9]{2}")) {
			throw DomainException.invalid(List.of(new FieldProblem("province", "error.field.invalid", provinceCode)));
		}
		Unit province = this.geography.byCode(provinceCode)
			.stream()
			.filter((u) -> "province".equals(u.level()) && ("2024".equals(u.edition()) || "2025".equals(u.edition())))
			.min(java.util.Comparator.comparing((Unit u) -> u.validTo() != null))
			.orElseThrow(() -> DomainException.notFound("UNIT", provinceCode));
		this.actor.require(Permission.ANALYTICS_REFRESH, province.path());
		return refreshProvinces(
				(province.validTo() == null) ? this.repository.provincesLivedIn(provinceCode) : List.of(provinceCode));
	}

	// ------------------------------------------------------------------ reads

	/**
	 * Which years of a unit are read (ADR 0031). {@link #OWN}: the years whose reference
	 * date falls in the unit's validity, and for a unit of the 2025 list its years
	 * before, re-based (households by their current commune). {@link #CONTINUED}, for a
	 * resolution written for a unit that has since ended (Quảng Nam 2021–2025): also its
	 * later years, counting the households whose address was in it on its last day.
	 */
	public enum Span {

		OWN, CONTINUED

	}

	/**
	 * A unit the user may read, or NOT_FOUND.
	 * @param unitId unit id
	 * @return the unit
	 */
	public Unit visibleUnit(long unitId) {
		return requireVisible(this.geography.unit(unitId));
	}

	/**
	 * The unit, checked as {@link #visibleUnit} checks it (a unit of the 2025 list is
	 * read summed over the communes the user may see; any other must be in the view
	 * scope).
	 */
	private Unit requireVisible(Unit unit) {
		if (!"2025".equals(unit.edition())) {
			this.actor.requireView(unit.path());
		}
		return unit;
	}

	/** The communes of a unit the current user may read, over its own years. */
	Communes communes(Unit unit) {
		return communes(unit, Span.OWN);
	}

	/**
	 * The communes of a unit the current user may read, and which years of them are read
	 * on which commune (see {@link Span}; a village reads its commune's years).
	 */
	Communes communes(Unit unit, Span span) {
		Actor current = this.actor.get();
		Communes base = unit.isVillage()
				? Communes.under(unit.path().substring(0, unit.path().lastIndexOf('/', unit.path().length() - 2) + 1))
				: Communes.under(unit.path())
					.years(ReviewYears.firstFrom(unit.validFrom()), ReviewYears.lastTo(unit.validTo()),
							"2025".equals(unit.edition()), span == Span.CONTINUED);
		if (current.scope().nation()) {
			return base;
		}
		return base.and("c.path like any(?)", current.scope().viewPatterns());
	}

	/**
	 * How fresh a unit's figures are: when its communes were last re-aggregated, and how
	 * many of them (the user may read) wait for a refresh.
	 * @param unitId unit id
	 * @return the freshness
	 */
	@Transactional(readOnly = true)
	public Freshness freshness(long unitId) {
		return freshness(visibleUnit(unitId));
	}

	/**
	 * How fresh the figures of a unit already read are (no second read of the unit: a
	 * page that has its unit asks this way; the scope is checked the same way).
	 * @param unit the unit
	 * @return the freshness
	 */
	@Transactional(readOnly = true)
	public Freshness freshness(Unit unit) {
		Communes communes = communes(requireVisible(unit));
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
		return cube(unitId, from, to, Span.OWN);
	}

	/** The same over the years of a span. */
	@Transactional(readOnly = true)
	public Cube cube(long unitId, LocalDate from, LocalDate to, Span span) {
		return new Cube(this.repository.cube(communes(visibleUnit(unitId), span), from, to));
	}

	/** Yearly figures, unit statuses taken over all years. */
	@Transactional(readOnly = true)
	public List<Figures> series(long unitId, Group group) {
		return series(unitId, group, LocalDate.of(1900, 1, 1), LocalDate.of(2999, 12, 31));
	}

	/**
	 * The figures of each child of a unit in one year (districts of a province, communes
	 * of a district or of a 2025 province, its "chưa xác định xã mới" bucket among them),
	 * limited to the children the user may read.
	 */
	@Transactional(readOnly = true)
	public List<UnitFigures> byChildren(long unitId, int year, Group group, LocalDate from, LocalDate to) {
		return byChildren(unitId, year, group, from, to, Span.OWN);
	}

	/** The same over the years of a span. */
	@Transactional(readOnly = true)
	public List<UnitFigures> byChildren(long unitId, int year, Group group, LocalDate from, LocalDate to, Span span) {
		Unit unit = visibleUnit(unitId);
		Actor current = this.actor.get();
		String column = communes(unit, span).column(year);
		List<UnitFigures> rows = (column == null) ? List.of()
				: this.repository.byChildren(unit.id(), column, year, group, from, to);
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
	 * Every commune under a unit in one year, keyed by its parent's id (a treemap).
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<UnitFigures>> communesByParent(long unitId, int year) {
		Unit unit = visibleUnit(unitId);
		Map<Long, List<UnitFigures>> result = new LinkedHashMap<>();
		String column = communes(unit).column(year);
		if (column == null) {
			return result;
		}
		for (UnitFigures f : this.repository.communes(unit.path(), column, year)) {
			long parent = f.level().isEmpty() ? 0 : Long.parseLong(f.level());
			result.computeIfAbsent(parent, (k) -> new ArrayList<>()).add(f);
		}
		return result;
	}

	@Transactional(readOnly = true)
	public List<Flow> flows(long unitId) {
		return flows(unitId, Span.OWN);
	}

	@Transactional(readOnly = true)
	public List<Flow> flows(long unitId, Span span) {
		return this.repository.flows(communes(visibleUnit(unitId), span));
	}

	@Transactional(readOnly = true)
	public List<Cohort> cohorts(long unitId) {
		return cohorts(unitId, Span.OWN);
	}

	@Transactional(readOnly = true)
	public List<Cohort> cohorts(long unitId, Span span) {
		return this.repository.cohorts(communes(visibleUnit(unitId), span));
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
		String column = communes(unit).column(year);
		if (column == null) {
			return List.of();
		}
		return this.repository.deprivations(unit.id(), unit.isCommune(), column, year);
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
		return statuses(unitId, Span.OWN);
	}

	/**
	 * The same over the years of a span; a year read through the other list says so
	 * ({@link YearStatus.Basis}).
	 */
	@Transactional(readOnly = true)
	public YearStatuses statuses(long unitId, Span span) {
		Communes communes = communes(visibleUnit(unitId), span);
		List<YearStatus> years = new ArrayList<>();
		boolean ended = communes.last() < ReviewYears.NONE_AFTER;
		for (long[] r : this.repository.yearCounts(communes)) {
			int year = (int) r[0];
			YearStatus.Basis basis = !communes.crossed(year) ? YearStatus.Basis.OWN
					: (year < communes.first()) ? YearStatus.Basis.REBASED : YearStatus.Basis.CONTINUED;
			// an ended unit (the reform's) counts the households of its last day, as the
			// figures of its years read continued do: it has none now
			long households = ended ? r[7] : r[6];
			years.add(YearStatus.of(year, (int) r[4], (int) r[5], (int) r[1], (int) r[2], r[3], households, basis));
		}
		return new YearStatuses(years);
	}

	@Transactional(readOnly = true)
	public List<Integer> years(long unitId) {
		return this.repository.years(communes(visibleUnit(unitId)));
	}

	/**
	 * Old communes sending households into a 2025 unit whose households have not been
	 * moved yet: counted in no 2025 unit until then, shown as a caveat.
	 */
	@Transactional(readOnly = true)
	public List<String> unmovedCommunes(long unitId) {
		Unit unit = visibleUnit(unitId);
		return "2025".equals(unit.edition()) ? this.repository.unmovedCommunes(unit.path()) : List.of();
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
		String column = communes.column(y);
		if (!unit.isCommune() && column != null) {
			Map<Long, Map<String, long[]>> sums = this.repository.indicatorSumsByChild(unit.id(), column, y, group,
					from, to);
			for (UnitFigures u : byChildren(unit.id(), y, group, from, to)) {
				children.add(new AfUnit(u.unitId(), u.name(), u.figures(), sums.getOrDefault(u.unitId(), Map.of())));
			}
		}
		return new AfReport(unit, y, current.standardKey(), spec, total, children, series, names,
				statuses.of(y).orElse(null));
	}

}
