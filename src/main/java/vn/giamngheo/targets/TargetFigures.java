package vn.giamngheo.targets;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.StoredFigures;
import vn.giamngheo.analytics.StoredFigures.Stored;
import vn.giamngheo.analytics.YearStatuses;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.targets.Dashboards.Dashboard;
import vn.giamngheo.targets.domain.Evaluation;
import vn.giamngheo.targets.domain.Phrase;
import vn.giamngheo.targets.domain.Point;
import vn.giamngheo.targets.domain.Projection;
import vn.giamngheo.targets.domain.Rollup;
import vn.giamngheo.targets.domain.Verdict;

/**
 * The dashboard and the targets progress of a unit read from storage (ADR 0056): each is
 * computed by {@link Dashboards} and {@link Targets} as before, stored by
 * {@link StoredFigures} and read back while nothing it is computed from has changed. Call
 * outside a transaction (the store writes in its own). The unit is checked against the
 * user's view scope before anything is read.
 */
@Service
public class TargetFigures {

	private final StoredFigures figures;

	private final Dashboards dashboards;

	private final Targets targets;

	private final Aggregates aggregates;

	private final Clock clock;

	private final vn.giamngheo.geography.Geography geography;

	private final AlkireFosterDashboard alkireFosterDashboard;

	public TargetFigures(StoredFigures figures, Dashboards dashboards, Targets targets, Aggregates aggregates,
			Clock clock, vn.giamngheo.geography.Geography geography, AlkireFosterDashboard alkireFosterDashboard) {
		this.geography = geography;
		this.alkireFosterDashboard = alkireFosterDashboard;
		this.figures = figures;
		this.dashboards = dashboards;
		this.targets = targets;
		this.aggregates = aggregates;
		this.clock = clock;
	}

	/**
	 * The dashboard of a unit (NOT_FOUND outside the view scope).
	 * @param unitId the unit
	 * @param year the year asked for, or null (the last final year)
	 * @param locale the reader's language (the indicators' names)
	 * @return the dashboard with when it was computed
	 */
	public Stored<Dashboard> dashboard(long unitId, Integer year, Locale locale) {
		Unit unit = this.aggregates.visibleUnit(unitId);
		return this.figures.get("dashboard", unit, variant(year, locale.getLanguage()), Dashboard.class,
				() -> this.dashboards.dashboard(unit.id(), year));
	}

	/**
	 * What the progress page and API show of a resolution for a unit.
	 *
	 * @param progress every target judged
	 * @param statuses the unit's years (final or provisional) over the resolution's span
	 * @param completeness entered targets judged on a roll-up: the communes that reported
	 */
	public record Progress(List<TargetProgress> progress, YearStatuses statuses,
			Map<String, Rollup.Result> completeness) {
	}

	/**
	 * The progress of a resolution's targets for a unit.
	 * @param resolutionId the resolution (NOT_FOUND if not readable)
	 * @param unitId the unit, or null (the resolution's scope, or the user's unit under
	 * it)
	 * @return the progress with when it was computed
	 */
	public Stored<Progress> progress(long resolutionId, Long unitId) {
		Resolution r = this.targets.resolution(resolutionId);
		return progress(r, this.targets.progressUnit(r, unitId));
	}

	/**
	 * The progress of a resolution's targets for a unit.
	 * @param r the resolution, readable by the user
	 * @param unit the unit ({@link Targets#progressUnit})
	 * @return the progress with when it was computed
	 */
	public Stored<Progress> progress(Resolution r, Unit unit) {
		Stored<StoredProgress> s = this.figures.get("progress", unit, variant(r.id(), null), StoredProgress.class,
				() -> StoredProgress.of(compute(r.id(), unit)));
		// the targets' texts change only with the resolution, which raises every
		// generation (V79): restored once per stored view
		return s.as(s.derived("restored", () -> {
			Map<Long, Target> byId = new LinkedHashMap<>();
			this.targets.targets(r.id()).forEach((t) -> byId.put(t.id(), t));
			return s.value().restore(byId, this.targets.catalogue(), unit.id());
		}));
	}

	/**
	 * The scorecard of a resolution: the units under its scope ranked.
	 *
	 * @param rows the ranked units
	 */
	public record Scorecard(List<ScorecardRow> rows) {
	}

	/**
	 * The scorecard of a resolution (stored when the user may read its whole scope).
	 * @param resolutionId the resolution (NOT_FOUND if not readable)
	 * @return the scorecard with when it was computed
	 */
	public Stored<Scorecard> scorecard(long resolutionId) {
		Resolution r = this.targets.resolution(resolutionId);
		Unit scope = this.geography.unit(r.scopeUnitId());
		return this.figures.get("scorecard", scope, variant(r.id(), null), Scorecard.class,
				() -> new Scorecard(this.targets.scorecard(r.id())));
	}

	/**
	 * What the Alkire–Foster page shows.
	 *
	 * @param view the measures and charts
	 * @param statuses the unit's years, final or provisional
	 */
	public record AlkireFoster(AlkireFosterDashboard.View view, YearStatuses statuses) {
	}

	/**
	 * The Alkire–Foster page of a unit (NOT_FOUND outside the view scope).
	 * @param unitId the unit
	 * @param year the year asked for, or null
	 * @param group the group of households
	 * @param groupCode its code
	 * @param locale the reader's language
	 * @return the page's figures with when they were computed
	 */
	public Stored<AlkireFoster> alkireFoster(long unitId, Integer year, vn.giamngheo.analytics.domain.Group group,
			String groupCode, Locale locale) {
		Unit unit = this.aggregates.visibleUnit(unitId);
		return this.figures.get("af", unit, variant(year + "/" + groupCode, locale.getLanguage()), AlkireFoster.class,
				() -> new AlkireFoster(this.alkireFosterDashboard.view(unit.id(), year, group, groupCode, locale),
						this.aggregates.statuses(unit.id())));
	}

	/** The progress as the page computed it before it was stored. */
	Progress compute(long resolutionId, Unit unit) {
		List<TargetProgress> progress = this.targets.progress(resolutionId, unit.id());
		return new Progress(progress, this.aggregates.statuses(unit.id(), Aggregates.Span.CONTINUED),
				this.targets.completeness(progress, unit.id()));
	}

	/**
	 * What else a view depends on, and the year (a view's default years move with it).
	 */
	private String variant(Object asked, String language) {
		return ((asked == null) ? "-" : asked) + ":" + ((language == null) ? "" : language) + ":"
				+ LocalDate.now(this.clock).getYear();
	}

	/**
	 * The stored form of a progress view: each target by id with its evaluation, whose
	 * sentence's arguments keep their types (a year stays an integer, a phrase a phrase).
	 */
	record StoredProgress(List<Judged> judged, YearStatuses statuses, Map<String, Rollup.Result> completeness) {

		static StoredProgress of(Progress p) {
			return new StoredProgress(p.progress()
				.stream()
				.map((t) -> new Judged(t.target().id(), Judgement.of(t.evaluation()), t.provisional()))
				.toList(), p.statuses(), p.completeness());
		}

		Progress restore(Map<Long, Target> targets, IndicatorCatalogue catalogue, long unitId) {
			List<TargetProgress> progress = new ArrayList<>();
			for (Judged j : this.judged) {
				Target t = targets.get(j.targetId());
				if (t != null) {
					progress.add(new TargetProgress(t, catalogue.find(t.indicatorCode()).orElseThrow(), unitId,
							j.evaluation().evaluation(), j.provisional()));
				}
			}
			return new Progress(progress, this.statuses, this.completeness);
		}

	}

	record Judged(long targetId, Judgement evaluation, TargetProgress.Provisional provisional) {
	}

	/** An {@link Evaluation} with its sentence's arguments typed. */
	record Judgement(Verdict verdict, String ruleKey, List<Arg> ruleArgs, Double goal, Integer latestYear,
			Double latest, Projection projection, Double meanReduction, boolean rebased, List<Point> points) {

		static Judgement of(Evaluation e) {
			return new Judgement(e.verdict(), e.ruleKey(), Arg.of(e.ruleArgs()), e.goal(), e.latestYear(), e.latest(),
					e.projection(), e.meanReduction(), e.rebased(), e.points());
		}

		Evaluation evaluation() {
			return new Evaluation(this.verdict, this.ruleKey, Arg.values(this.ruleArgs), this.goal, this.latestYear,
					this.latest, this.projection, this.meanReduction, this.rebased, this.points);
		}

	}

	/**
	 * An argument of a sentence with its type: i(nteger), l(ong), d(ouble), b(ig
	 * decimal), s(tring), t(rue/false), n(ull) or p(hrase: key and arguments).
	 */
	record Arg(String type, String value, List<Arg> args) {

		static List<Arg> of(List<Object> values) {
			return values.stream().map(Arg::of).toList();
		}

		static Arg of(Object v) {
			if (v == null) {
				return new Arg("n", null, null);
			}
			if (v instanceof Phrase p) {
				return new Arg("p", p.key(), of(p.args()));
			}
			String type = (v instanceof Integer) ? "i"
					: (v instanceof Long) ? "l" : (v instanceof Double) ? "d" : (v instanceof BigDecimal) ? "b"
							: (v instanceof String) ? "s" : (v instanceof Boolean) ? "t" : null;
			if (type == null) {
				throw new IllegalArgumentException("no stored form of " + v.getClass());
			}
			return new Arg(type, v.toString(), null);
		}

		static List<Object> values(List<Arg> args) {
			List<Object> values = new ArrayList<>();
			args.forEach((a) -> values.add(a.decoded()));
			return java.util.Collections.unmodifiableList(values);
		}

		Object decoded() {
			return switch (this.type) {
				case "n" -> null;
				case "i" -> Integer.valueOf(this.value);
				case "l" -> Long.valueOf(this.value);
				case "d" -> Double.valueOf(this.value);
				case "b" -> new BigDecimal(this.value);
				case "t" -> Boolean.valueOf(this.value);
				case "p" -> new Phrase(this.value, values(this.args));
				default -> this.value;
			};
		}

	}

}
