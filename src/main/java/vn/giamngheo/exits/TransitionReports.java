package vn.giamngheo.exits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.YearStatus;
import vn.giamngheo.analytics.YearStatuses;
import vn.giamngheo.exits.domain.Column;
import vn.giamngheo.exits.domain.Dynamics;
import vn.giamngheo.exits.domain.Dynamics.Child;
import vn.giamngheo.exits.domain.Dynamics.Listed;
import vn.giamngheo.exits.domain.PairGroup;
import vn.giamngheo.exits.persistence.TransitionRepository;
import vn.giamngheo.exits.persistence.TransitionRepository.Entrant;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.scope.Actor;

/**
 * The transition reports of a unit and a review year (ADR 0044): the two dynamics forms
 * by household and person, total, urban, rural and by child unit; the causes and shocks
 * of the households that became poor; and the exit cohorts. Read only, limited to the
 * reader's view scope (a unit outside it is not found).
 */
@Service
public class TransitionReports {

	/** Adverse event types (shocks), as the contract of issue 17 has them. */
	public static final List<String> SHOCKS = List.of("NATURAL_DISASTER", "SERIOUS_ILLNESS", "EARNER_DEATH",
			"EARNER_DISABILITY", "JOB_LOSS", "LAND_LOSS");

	static final int FIRST_YEAR = 2000;

	private final TransitionRepository repository;

	private final Geography geography;

	private final CurrentActor actor;

	private final Aggregates aggregates;

	private final MessageSource messages;

	private final Clock clock;

	TransitionReports(TransitionRepository repository, Geography geography, CurrentActor actor, Aggregates aggregates,
			MessageSource messages, Clock clock) {
		this.repository = repository;
		this.geography = geography;
		this.actor = actor;
		this.aggregates = aggregates;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * A unit the reader may see: the one asked for, else the first unit of the reader's
	 * scope, else the first province in force.
	 * @param unitId the unit asked for, or null
	 * @return the unit
	 */
	public Unit unit(Long unitId) {
		if (unitId != null) {
			Unit unit = this.geography.unit(unitId);
			this.actor.requireView(unit.path());
			return unit;
		}
		Actor a = this.actor.get();
		for (String path : a.scope().viewPaths()) {
			String[] ids = path.split("/");
			if (ids.length > 1) {
				return this.geography.unit(Long.parseLong(ids[ids.length - 1]));
			}
		}
		return this.geography.roots("2025")
			.stream()
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("UNIT", "-"));
	}

	/**
	 * The report of a unit and year.
	 * @param unitId the unit (null: the reader's)
	 * @param year the review year N (null: the unit's last final year, else its latest)
	 * @param locale language of the names of causes and shocks
	 * @return the report
	 */
	@Transactional(readOnly = true)
	public TransitionReport report(Long unitId, Integer year, Locale locale) {
		Unit unit = unit(unitId);
		YearStatuses statuses = statuses(unit);
		// the aggregates know the unit's years; read the assessments only when they do
		// not
		List<Integer> years = statuses.years().isEmpty() ? this.repository.years(unit.path())
				: statuses.years().stream().map(YearStatus::year).toList();
		int n = year(year, years, statuses);
		LocalDate start = placed(unit, LocalDate.of(n - 1, 12, 31));
		LocalDate end = placed(unit, LocalDate.of(n, 12, 31));
		List<PairGroup> groups = this.repository.pairs(unit.path(), n, start, end);
		List<Child> children = children(unit, groups, end);
		List<Entrant> entrants = this.repository.entrants(unit.path(), n, start, end);
		Map<UUID, Column> how = new HashMap<>();
		for (Entrant e : entrants) {
			how.put(e.id(), Dynamics.entry(Listed.POOR, e.start(), e.poorBefore()));
		}
		List<UUID> ids = new ArrayList<>(how.keySet());
		Map<Column, Long> byColumn = counts();
		how.values().forEach((c) -> byColumn.merge(c, 1L, Long::sum));
		return new TransitionReport(unit.id(), unit.name(), n, start, end, statuses.of(n).orElse(null),
				statuses.of(n - 1).orElse(null), Dynamics.lines(Listed.POOR, groups, children),
				Dynamics.lines(Listed.NEAR_POOR, groups, children),
				causes(this.repository.causes(ids, n), how, "review.cause.", locale),
				causes(this.repository.shocks(ids, SHOCKS, LocalDate.of(n - 1, 1, 1), LocalDate.of(n, 12, 31)), how,
						"exits.event.type.", locale),
				byColumn, this.repository.cohorts(unit.path(), n, unit.validFrom(), unit.validTo()), years);
	}

	private YearStatuses statuses(Unit unit) {
		try {
			return this.aggregates.statuses(unit.id());
		}
		catch (DomainException ex) {
			// a unit the analytics do not read (no communes of the reader's): no status
			return new YearStatuses(List.of());
		}
	}

	private int year(Integer year, List<Integer> years, YearStatuses statuses) {
		if (year != null) {
			if (year < FIRST_YEAR || year > LocalDate.now(this.clock).getYear() + 1) {
				throw DomainException.invalid(List.of(new FieldProblem("year", "error.field.invalid", year)));
			}
			return year;
		}
		return statuses.lastFinal()
			.filter(years::contains)
			.orElse(years.isEmpty() ? LocalDate.now(this.clock).getYear() : years.get(years.size() - 1));
	}

	/**
	 * The day whose address places a household in the unit for a year: 31/12 of the year,
	 * or the nearest day the unit was in force (a unit of the 2025 list reads its
	 * households of 01/07/2025 back; an ended unit its households of its last day).
	 */
	static LocalDate placed(Unit unit, LocalDate day) {
		if (day.isBefore(unit.validFrom())) {
			return unit.validFrom();
		}
		if (unit.validTo() != null && day.isAfter(unit.validTo())) {
			return unit.validTo();
		}
		return day;
	}

	/** The child units: those in force at the end, and any the households lived in. */
	private List<Child> children(Unit unit, List<PairGroup> groups, LocalDate end) {
		Map<Long, Child> children = new LinkedHashMap<>();
		for (Unit c : this.geography.children(unit.id())) {
			if (c.validOn(end)) {
				children.put(c.id(), new Child(c.id(), c.name()));
			}
		}
		List<Long> more = new ArrayList<>();
		for (PairGroup g : groups) {
			for (String k : new String[] { g.startChild(), g.endChild() }) {
				if (k != null && !k.isEmpty() && !children.containsKey(Long.valueOf(k))) {
					more.add(Long.valueOf(k));
				}
			}
		}
		for (Unit c : this.geography.units(more.stream().distinct().toList())) {
			children.put(c.id(), new Child(c.id(), c.name()));
		}
		return new ArrayList<>(children.values());
	}

	private List<TransitionReport.Cause> causes(List<Map.Entry<UUID, String>> rows, Map<UUID, Column> how,
			String prefix, Locale locale) {
		Map<String, Map<Column, Long>> byCode = new LinkedHashMap<>();
		for (Map.Entry<UUID, String> r : rows) {
			byCode.computeIfAbsent(r.getValue(), (k) -> counts()).merge(how.get(r.getKey()), 1L, Long::sum);
		}
		return byCode.entrySet()
			.stream()
			.map((e) -> new TransitionReport.Cause(e.getKey(),
					this.messages.getMessage(prefix + e.getKey(), null, prefix + e.getKey(), locale), e.getValue(),
					e.getValue().values().stream().mapToLong(Long::longValue).sum()))
			.sorted(java.util.Comparator.comparingLong(TransitionReport.Cause::total).reversed())
			.toList();
	}

	private static Map<Column, Long> counts() {
		Map<Column, Long> m = new EnumMap<>(Column.class);
		for (Column c : TransitionReport.ENTRY) {
			m.put(c, 0L);
		}
		return m;
	}

}
