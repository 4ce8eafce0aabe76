package vn.giamngheo.targets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.shared.text.CsvWriter;
import vn.giamngheo.shared.ClockConfiguration;
import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.Deprivation;
import vn.giamngheo.analytics.Figures;
import vn.giamngheo.analytics.Flow;
import vn.giamngheo.analytics.UnitFigures;
import vn.giamngheo.analytics.YearStatus;
import vn.giamngheo.analytics.YearStatuses;
import vn.giamngheo.analytics.domain.Group;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.targets.domain.Comparator;

/**
 * The data behind the dashboards of a unit: each chart is a table (header + rows) that
 * the page draws with ECharts and offers as CSV.
 */
@Service
public class Dashboards {

	/** Groups drawn next to the whole unit on the overview. */
	static final List<String> OVERVIEW_GROUPS = List.of("ALL", "PLAIN", "MOUNTAIN", "ETHNIC_MINORITY", "URBAN",
			"RURAL");

	private final Aggregates aggregates;

	private final Targets targets;

	private final Boundaries boundaries;

	public Dashboards(Aggregates aggregates, Targets targets, Boundaries boundaries) {
		this.aggregates = aggregates;
		this.targets = targets;
		this.boundaries = boundaries;
	}

	/**
	 * A chart's table.
	 *
	 * @param header column names (codes; the page labels them)
	 * @param rows values
	 */
	public record Table(List<String> header, List<List<Object>> rows) {
	}

	/**
	 * A target line drawn on the rate charts.
	 *
	 * @param code target code
	 * @param value the rate
	 * @param year year due
	 * @param quote the sentence
	 */
	public record TargetLine(String code, double value, Integer year, String quote) {
	}

	/**
	 * Everything the dashboard of a unit shows.
	 *
	 * @param unit the unit
	 * @param year the year shown: the last final one unless another was asked for
	 * @param years years with figures
	 * @param statuses whether each year is final or provisional, with its coverage
	 * @param overview rates by year (final years, and the year shown)
	 * @param comparison children in the year shown
	 * @param deprivations children × indicators in the year shown
	 * @param flows flows by year (final years, and the year shown)
	 * @param treemap communes in the year shown
	 * @param targetLines targets drawn on the rate charts
	 * @param partial old communes of a 2025 unit whose households are not moved yet
	 * @param map the choropleth, or null
	 */
	public record Dashboard(Unit unit, int year, List<Integer> years, YearStatuses statuses, Table overview,
			Table comparison, Table deprivations, Table flows, List<Map<String, Object>> treemap,
			List<TargetLine> targetLines, List<String> partial, Map<String, Object> map) {

		/** The status of the year shown (null: no figures). */
		public YearStatus status() {
			return this.statuses.of(this.year).orElse(null);
		}

		/**
		 * The last year of the unit's own figures (an ended unit's series stops there).
		 */
		public int lastOwnYear() {
			return vn.giamngheo.analytics.domain.ReviewYears.lastTo(this.unit.validTo());
		}

		/** Whether the year shown is provisional. */
		public boolean provisional() {
			YearStatus s = status();
			return s != null && s.provisional();
		}

	}

	/**
	 * The years a view shows: the year asked for (a provisional one only when asked for
	 * by name), else the last final year; series show the final years and the year shown.
	 */
	record View(int year, List<Integer> years, YearStatuses statuses) {

		boolean inSeries(int y) {
			return this.statuses.isFinal(y) || y == this.year;
		}

		String status(int y) {
			return this.statuses.isFinal(y) ? YearStatus.Status.FINAL.name() : YearStatus.Status.PROVISIONAL.name();
		}

	}

	View view(long unitId, Integer year) {
		List<Integer> years = this.aggregates.years(unitId);
		YearStatuses statuses = this.aggregates.statuses(unitId);
		int y = statuses.shown(year, years).orElse(LocalDate.now(ClockConfiguration.VIETNAM).getYear());
		return new View(y, years, statuses);
	}

	@Transactional(readOnly = true)
	public Dashboard dashboard(long unitId, Integer year) {
		Unit unit = this.aggregates.visibleUnit(unitId);
		View v = view(unit.id(), year);
		int y = v.year();
		Table comparison = comparison(unit.id(), y);
		return new Dashboard(unit, y, v.years(), v.statuses(), overview(unit.id(), v), comparison,
				deprivations(unit.id(), y), flows(unit.id(), v), treemap(unit.id(), y), targetLines(unit),
				this.aggregates.unmovedCommunes(unit.id()), map(comparison));
	}

	/**
	 * The choropleth of a unit's children in a year: a GeoJSON FeatureCollection of the
	 * children that have a boundary, each with the figures of the comparison chart.
	 * @param unitId unit
	 * @param year year (null: the latest)
	 * @return the collection, or null when no child has a boundary
	 */
	@Transactional(readOnly = true)
	public Map<String, Object> map(long unitId, Integer year) {
		Unit unit = this.aggregates.visibleUnit(unitId);
		return map(table("comparison", unit.id(), year));
	}

	private Map<String, Object> map(Table comparison) {
		List<Long> ids = comparison.rows().stream().map((r) -> ((Number) r.get(0)).longValue()).toList();
		Map<Long, Object> geometries = this.boundaries.geometries(ids);
		if (geometries.isEmpty()) {
			return null;
		}
		List<Map<String, Object>> features = new ArrayList<>();
		for (List<Object> r : comparison.rows()) {
			Object geometry = geometries.get(((Number) r.get(0)).longValue());
			if (geometry == null) {
				continue;
			}
			Map<String, Object> properties = new LinkedHashMap<>();
			for (int k = 0; k < comparison.header().size(); k++) {
				properties.put(comparison.header().get(k), "".equals(r.get(k)) ? null : r.get(k));
			}
			features.add(Map.of("type", "Feature", "geometry", geometry, "properties", properties));
		}
		return Map.of("type", "FeatureCollection", "features", features);
	}

	/**
	 * One chart's table (for its CSV).
	 * @param chart overview, comparison, deprivations or flows
	 * @param unitId unit
	 * @param year year (null: the latest)
	 * @return the table, or null for an unknown chart
	 */
	@Transactional(readOnly = true)
	public Table table(String chart, long unitId, Integer year) {
		View v = view(unitId, year);
		int y = v.year();
		return switch (chart) {
			case "overview" -> overview(unitId, v);
			case "comparison" -> comparison(unitId, y);
			case "deprivations" -> deprivations(unitId, y);
			case "flows" -> flows(unitId, v);
			default -> null;
		};
	}

	/**
	 * The status of the year a table of a unit shows (for its caption and its file).
	 * @param unitId unit
	 * @param year the year asked for, or null
	 * @return the year's status, or null without figures
	 */
	@Transactional(readOnly = true)
	public YearStatus status(long unitId, Integer year) {
		View v = view(unitId, year);
		return v.statuses().of(v.year()).orElse(null);
	}

	/**
	 * Poor rate by year for the unit and its groups, and the near-poor rate; final years
	 * and the year shown, each with its status.
	 */
	Table overview(long unitId, View view) {
		Map<Integer, List<Object>> rows = new TreeMap<>();
		List<String> header = new ArrayList<>(List.of("year", "status", "standard", "households", "poor", "near_poor"));
		vn.giamngheo.analytics.Cube cube = this.aggregates.cube(unitId, LocalDate.of(1900, 1, 1),
				LocalDate.of(2999, 12, 31));
		for (Figures f : cube.series(Group.ALL)) {
			if (!view.inSeries(f.year())) {
				continue;
			}
			rows.put(f.year(), new ArrayList<>(List.of(f.year(), view.status(f.year()), f.standardKey(), f.households(),
					f.poorRate(), (Object) nz(f.nearPoorRate()))));
		}
		for (String g : OVERVIEW_GROUPS.subList(1, OVERVIEW_GROUPS.size())) {
			header.add("poor_" + g);
			Map<Integer, Double> byYear = new TreeMap<>();
			for (Figures f : cube.series(Group.parse(g))) {
				byYear.put(f.year(), f.poorRate());
			}
			rows.forEach((year, row) -> row.add(byYear.get(year)));
		}
		return new Table(header, new ArrayList<>(rows.values()));
	}

	private static Object nz(Double v) {
		return v;
	}

	/** Children of the unit in a year, sorted by poor rate (highest first). */
	public Table comparison(long unitId, int year) {
		List<List<Object>> rows = new ArrayList<>();
		List<UnitFigures> children = new ArrayList<>(this.aggregates.byChildren(unitId, year, Group.ALL));
		children.sort(java.util.Comparator.comparing((UnitFigures u) -> u.figures().poorRate(),
				java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
		for (UnitFigures u : children) {
			rows.add(List.of(u.unitId(), u.name(), u.figures().households(), u.figures().poorHouseholds(),
					u.figures().poorRate() == null ? "" : u.figures().poorRate(),
					u.figures().nearPoorRate() == null ? "" : u.figures().nearPoorRate()));
		}
		return new Table(List.of("unit_id", "unit", "households", "poor_households", "poor", "near_poor"), rows);
	}

	/** Units × deprivation indicators: share of poor households deprived. */
	public Table deprivations(long unitId, int year) {
		List<Deprivation> list = this.aggregates.deprivations(unitId, year);
		List<String> indicators = list.stream().map(Deprivation::indicator).distinct().sorted().toList();
		Map<String, Map<String, Object>> byUnit = new LinkedHashMap<>();
		for (Deprivation d : list) {
			byUnit.computeIfAbsent(d.unitName(), (k) -> new LinkedHashMap<>())
				.put(d.indicator(), d.poorShare() == null ? "" : d.poorShare());
		}
		// the columns by the indicators' names: the heatmap's axis, the table's and the
		// export's headers are read by people
		Map<String, String> names = this.aggregates.indicatorNames(year,
				org.springframework.context.i18n.LocaleContextHolder.getLocale());
		List<String> header = new ArrayList<>(List.of("unit"));
		indicators.forEach((code) -> header.add(names.getOrDefault(code, code)));
		List<List<Object>> rows = new ArrayList<>();
		byUnit.forEach((name, values) -> {
			List<Object> row = new ArrayList<>(List.of(name));
			indicators.forEach((i) -> row.add(values.getOrDefault(i, "")));
			rows.add(row);
		});
		return new Table(header, rows);
	}

	/** Exits, newly poor and fallen back per year (final years and the year shown). */
	Table flows(long unitId, View view) {
		List<List<Object>> rows = new ArrayList<>();
		for (Flow f : this.aggregates.flows(unitId)) {
			if (!view.inSeries(f.year())) {
				continue;
			}
			rows.add(List.of(f.year(), view.status(f.year()), f.exited(), f.newlyPoor(), f.fellBack(),
					f.nearPoorToPoor(), f.poorToNearPoor(), f.stayedPoor()));
		}
		return new Table(List.of("year", "status", "exited", "newly_poor", "fell_back", "near_poor_to_poor",
				"poor_to_near_poor", "stayed_poor"), rows);
	}

	/**
	 * Districts → communes, sized by households, with their poor rate (ECharts treemap).
	 */
	public List<Map<String, Object>> treemap(long unitId, int year) {
		List<Map<String, Object>> nodes = new ArrayList<>();
		Map<Long, List<UnitFigures>> byParent = this.aggregates.communesByParent(unitId, year);
		Map<Long, String> parentNames = new LinkedHashMap<>();
		for (UnitFigures u : this.aggregates.byChildren(unitId, year, Group.ALL)) {
			parentNames.put(u.unitId(), u.name());
		}
		// a 2025 province's communes hang directly under it
		parentNames.putIfAbsent(unitId, this.aggregates.visibleUnit(unitId).name());
		byParent.forEach((parent, communes) -> {
			List<Map<String, Object>> children = new ArrayList<>();
			long households = 0;
			long poor = 0;
			for (UnitFigures c : communes) {
				children.add(Map.of("name", c.name(), "value", List.of(c.figures().households(),
						c.figures().poorRate() == null ? 0 : c.figures().poorRate())));
				households += c.figures().households();
				poor += c.figures().poorHouseholds();
			}
			Double rate = vn.giamngheo.analytics.domain.Rates.percent(poor, households);
			nodes.add(Map.of("name", parentNames.getOrDefault(parent, String.valueOf(parent)), "value",
					List.of(households, rate == null ? 0 : rate), "children", children));
		});
		return nodes;
	}

	/**
	 * Level targets on the poverty rate of all households, from the resolutions covering
	 * the unit (e.g. 2.87% by 2025 for Quảng Nam).
	 */
	public List<TargetLine> targetLines(Unit unit) {
		List<TargetLine> lines = new ArrayList<>();
		for (Resolution r : this.targets.resolutions()) {
			if (!unit.path().startsWith(r.scopePath()) && !r.scopePath().startsWith(unit.path())) {
				continue;
			}
			if (!unit.path().equals(r.scopePath())) {
				continue;
			}
			for (Target t : this.targets.targets(r.id())) {
				if ("POOR_RATE".equals(t.indicatorCode()) && "ALL".equals(t.groupCode()) && t.numeratorGroup() == null
						&& (t.comparator() == Comparator.LE || t.comparator() == Comparator.LT)) {
					lines.add(new TargetLine(t.code(), t.value(), t.targetYear(), t.quote()));
				}
			}
		}
		return lines;
	}

	/**
	 * A table as an XLSX workbook: one sheet, the labelled header then the rows (numbers
	 * as numbers, blanks left empty) — the same rows as {@link #csv(Table)}.
	 * @param table the table
	 * @param labels column labels (same order as the header)
	 * @param sheet sheet name
	 * @return the workbook bytes
	 */
	public static byte[] xlsx(Table table, List<String> labels, String sheet) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try {
			org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "giamngheo", "1.0");
			org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet(sheet);
			for (int c = 0; c < labels.size(); c++) {
				ws.value(0, c, labels.get(c));
			}
			int r = 1;
			for (List<Object> row : table.rows()) {
				for (int c = 0; c < row.size(); c++) {
					Object v = row.get(c);
					if (v instanceof Number n) {
						ws.value(r, c, n);
					}
					else if (v != null && !"".equals(v)) {
						ws.value(r, c, v.toString());
					}
				}
				r++;
			}
			wb.finish();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A table as CSV (UTF-8 with BOM so spreadsheet programs read Vietnamese). */
	public static String csv(Table table) {
		StringBuilder b = new StringBuilder().append(CsvWriter.BOM);
		try {
			CsvWriter.line(b, table.header());
			for (List<Object> row : table.rows()) {
				CsvWriter.line(b, row);
			}
		}
		catch (java.io.IOException ex) {
			// a StringBuilder does not throw
			throw new java.io.UncheckedIOException(ex);
		}
		return b.toString();
	}

}
