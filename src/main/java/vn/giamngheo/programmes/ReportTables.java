package vn.giamngheo.programmes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.Figures;
import vn.giamngheo.analytics.YearStatus;
import vn.giamngheo.analytics.YearStatuses;
import vn.giamngheo.analytics.domain.Group;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.programmes.FrameworkTable.IndicatorLine;
import vn.giamngheo.programmes.ProgrammeReport.PovertyLine;
import vn.giamngheo.programmes.ResultsTable.ChildLine;
import vn.giamngheo.programmes.ResultsTable.NodeLine;
import vn.giamngheo.programmes.ResultsTable.OutputLine;
import vn.giamngheo.programmes.ResultsTable.SourceLine;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;

/**
 * Builds Biểu 01 and Biểu 02 (ADR 0049) from the catalogue, the outputs, the funds and
 * the analytics figures. Reads only: the view scope of the unit.
 */
@Component
class ReportTables {

	/**
	 * Indicator codes read from the review's poverty figures, whole units only (an
	 * indicator with an output is read from the outputs; any other, e.g. a group's rate,
	 * is not computed).
	 */
	static final List<String> POVERTY_INDICATORS = List.of("POOR_RATE", "NEAR_POOR_RATE", "POOR_RATE_REDUCTION",
			"POVERTY_RATE_FALL", "POOR_HOUSEHOLDS", "NEAR_POOR_HOUSEHOLDS");

	private static final LocalDate FROM = LocalDate.of(1900, 1, 1);

	private static final LocalDate TO = LocalDate.of(2999, 12, 31);

	private final ProgrammeCatalogue catalogue;

	private final ProgrammeOutputs outputs;

	private final ProgrammeFunds funds;

	private final Aggregates aggregates;

	private final Geography geography;

	private final CurrentActor actor;

	ReportTables(ProgrammeCatalogue catalogue, ProgrammeOutputs outputs, ProgrammeFunds funds, Aggregates aggregates,
			Geography geography, CurrentActor actor) {
		this.catalogue = catalogue;
		this.outputs = outputs;
		this.funds = funds;
		this.aggregates = aggregates;
		this.geography = geography;
		this.actor = actor;
	}

	/** The unit, in the view scope (else 404). */
	Unit unit(long unitId) {
		Unit unit = this.geography.unit(unitId);
		this.actor.requireView(unit.path());
		return unit;
	}

	long firstProvince() {
		return this.geography.roots("2025")
			.stream()
			.findFirst()
			.map(Unit::id)
			.orElseThrow(() -> DomainException.notFound("UNIT", "-"));
	}

	List<Programme> programmes(int year) {
		return this.catalogue.inForce(year);
	}

	/** The programme, in force in the year (else 404 / 422). */
	Programme programme(String code, int year) {
		Programme p = this.catalogue.programme(code)
			.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "prog.report.error.programme", code));
		if (year < p.periodFrom() || year > p.periodTo()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "prog.report.error.year", String.valueOf(year), p.code(),
					String.valueOf(p.periodFrom()), String.valueOf(p.periodTo()));
		}
		return p;
	}

	/** Biểu 02 of a programme, unit and year. */
	ResultsTable results(String code, long unitId, int year, Locale locale) {
		Unit unit = unit(unitId);
		Programme p = programme(code, year);
		Map<OutputKey, OutputFigure> figures = this.outputs.outputs(code, unitId, year);
		FundTotals totals = this.funds.totals(code, unitId, year);
		List<NodeLine> nodes = new ArrayList<>();
		for (ProgrammeNode n : p.projects()) {
			nodes(n, 0, figures, totals, locale, nodes);
		}
		List<SourceLine> sources = new ArrayList<>();
		for (int g = 0; g < ResultsTable.GROUPS.size(); g++) {
			List<String> group = ResultsTable.GROUPS.get(g);
			String groupCode = ResultsTable.GROUP_CODES.get(g);
			Money sum = Money.ZERO;
			List<SourceLine> lines = new ArrayList<>();
			for (String s : group) {
				Money m = totals.bySource().getOrDefault(s, Money.ZERO);
				sum = sum.plus(m);
				lines.add(new SourceLine(groupCode, s, m));
			}
			sources.add(new SourceLine(groupCode, null, sum));
			if (group.size() > 1) {
				sources.addAll(lines);
			}
		}
		List<ChildLine> children = new ArrayList<>();
		Map<Long, FundTotals> byChild = this.funds.totalsByChild(code, unitId, year);
		Map<Long, String> names = new LinkedHashMap<>();
		this.geography.units(byChild.keySet()).forEach((u) -> names.put(u.id(), u.name()));
		byChild.forEach((id, t) -> {
			if (names.containsKey(id)) {
				children.add(new ChildLine(id, names.get(id), t.total()));
			}
		});
		return new ResultsTable(p.code(), p.name(locale), p.legalBasis(), unit.id(), unit.name(), year,
				List.copyOf(nodes), List.copyOf(sources), totals.total(), List.copyOf(children), totals.pending());
	}

	private void nodes(ProgrammeNode n, int depth, Map<OutputKey, OutputFigure> figures, FundTotals totals,
			Locale locale, List<NodeLine> into) {
		List<OutputLine> lines = new ArrayList<>();
		for (OutputDef o : n.outputs()) {
			OutputFigure f = figures.get(new OutputKey(n.code(), o.code()));
			String unit = "en".equals(locale.getLanguage()) ? o.unitEn() : o.unitVi();
			lines.add((f != null)
					? new OutputLine(o.code(), o.name(locale), unit, f.value(), f.how().name(), f.target(), f.pending())
					: new OutputLine(o.code(), o.name(locale), unit, 0, "NONE", null, 0));
		}
		into.add(new NodeLine(n.code(), n.level(), depth, n.name(locale), totals.byNode().get(n.code()),
				List.copyOf(lines)));
		for (ProgrammeNode c : n.children()) {
			nodes(c, depth + 1, figures, totals, locale, into);
		}
	}

	/** Biểu 01 of a programme, unit and year. */
	FrameworkTable framework(String code, long unitId, int year, Locale locale) {
		Unit unit = unit(unitId);
		Programme p = programme(code, year);
		Map<Integer, Figures> byYear = figures(unitId);
		YearStatus status = this.aggregates.statuses(unitId, Aggregates.Span.CONTINUED).of(year).orElse(null);
		Map<OutputKey, OutputFigure> outs = this.outputs.outputs(code, unitId, year);
		int base = p.periodFrom() - 1;
		List<IndicatorLine> lines = new ArrayList<>();
		indicators("", p.name(locale), p.indicators(), outs, byYear, year, base, locale, lines);
		for (ProgrammeNode n : p.projects()) {
			indicators(n, outs, byYear, year, base, locale, lines);
		}
		return new FrameworkTable(p.code(), p.name(locale), unit.id(), unit.name(), year, base,
				(status != null && byYear.containsKey(year)) ? status.status().name() : null,
				(status != null) ? status.communesDone() : 0, (status != null) ? status.communes() : 0,
				List.copyOf(lines));
	}

	private void indicators(ProgrammeNode n, Map<OutputKey, OutputFigure> outs, Map<Integer, Figures> byYear, int year,
			int base, Locale locale, List<IndicatorLine> into) {
		indicators(n.code(), n.name(locale), n.indicators(), outs, byYear, year, base, locale, into);
		for (ProgrammeNode c : n.children()) {
			indicators(c, outs, byYear, year, base, locale, into);
		}
	}

	/** The indicators of a node (or of the programme itself: node ""). */
	private void indicators(String node, String nodeName, List<ProgrammeIndicator> indicators,
			Map<OutputKey, OutputFigure> outs, Map<Integer, Figures> byYear, int year, int base, Locale locale,
			List<IndicatorLine> into) {
		boolean en = "en".equals(locale.getLanguage());
		for (ProgrammeIndicator i : (indicators != null) ? indicators : List.<ProgrammeIndicator>of()) {
			Double baseline = null;
			Double actual = null;
			String how;
			Optional<String> poverty = povertyIndicator(i.code());
			if (i.output() != null) {
				OutputFigure f = outs.get(new OutputKey(node, i.output()));
				how = (f != null) ? f.how().name() : "NONE";
				actual = (f != null && f.how() != OutputFigure.How.NONE) ? (double) f.value() : null;
			}
			else if (poverty.isPresent()) {
				how = "FIGURES";
				actual = povertyValue(poverty.get(), byYear.get(year), byYear.get(year - 1));
				baseline = povertyValue(poverty.get(), byYear.get(base), byYear.get(base - 1));
			}
			else {
				how = "NOT_COMPUTED";
			}
			into.add(new IndicatorLine(node, nodeName, i.code(), i.name(locale), i.level(),
					en ? i.unitEn() : i.unitVi(), i.target(), baseline, actual, how, i.source(), i.verified()));
		}
	}

	/** The poverty figure an indicator code names, if any. */
	static Optional<String> povertyIndicator(String code) {
		String c = code.toUpperCase(Locale.ROOT);
		return POVERTY_INDICATORS.stream().filter(c::equals).findFirst();
	}

	/** The value of a poverty indicator from a year's figures (and the year before). */
	static Double povertyValue(String indicator, Figures now, Figures before) {
		if (now == null) {
			return null;
		}
		return switch (indicator) {
			case "POOR_RATE" -> now.poorRate();
			case "NEAR_POOR_RATE" -> now.nearPoorRate();
			case "POOR_HOUSEHOLDS" -> (double) now.poorHouseholds();
			case "NEAR_POOR_HOUSEHOLDS" -> (double) now.nearPoorHouseholds();
			case "POOR_RATE_REDUCTION", "POVERTY_RATE_FALL" ->
				(before == null || before.poorRate() == null || now.poorRate() == null) ? null
						: Math.round((before.poorRate() - now.poorRate()) * 100) / 100.0;
			default -> null;
		};
	}

	private Map<Integer, Figures> figures(long unitId) {
		Map<Integer, Figures> byYear = new LinkedHashMap<>();
		for (Figures f : this.aggregates.cube(unitId, FROM, TO, Aggregates.Span.CONTINUED).series(Group.ALL)) {
			byYear.put(f.year(), f);
		}
		return byYear;
	}

	/**
	 * The poverty figures of the year before and of the year (those that exist), with
	 * their status.
	 */
	List<PovertyLine> poverty(long unitId, int year) {
		Map<Integer, Figures> byYear = figures(unitId);
		YearStatuses statuses = this.aggregates.statuses(unitId, Aggregates.Span.CONTINUED);
		List<PovertyLine> lines = new ArrayList<>();
		for (int y = year - 1; y <= year; y++) {
			Figures f = byYear.get(y);
			if (f == null) {
				continue;
			}
			YearStatus s = statuses.of(y).orElse(null);
			lines.add(new PovertyLine(y, (s != null) ? s.status().name() : "PROVISIONAL",
					(s != null) ? s.communesDone() : 0, (s != null) ? s.communes() : 0, f.households(),
					f.poorHouseholds(), f.poorRate(), f.nearPoorHouseholds(), f.nearPoorRate()));
		}
		return List.copyOf(lines);
	}

}
