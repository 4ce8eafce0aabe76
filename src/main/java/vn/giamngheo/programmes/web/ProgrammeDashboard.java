package vn.giamngheo.programmes.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.programmes.FundTotals;
import vn.giamngheo.programmes.Money;
import vn.giamngheo.programmes.OutputDef;
import vn.giamngheo.programmes.OutputFigure;
import vn.giamngheo.programmes.OutputKey;
import vn.giamngheo.programmes.Programme;
import vn.giamngheo.programmes.ProgrammeCatalogue;
import vn.giamngheo.programmes.ProgrammeFunds;
import vn.giamngheo.programmes.ProgrammeNode;
import vn.giamngheo.programmes.ProgrammeOutputs;
import vn.giamngheo.programmes.domain.Sources;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;

/**
 * The programme funds dashboard of a unit and year (ADR 0050): funds by source group and
 * by project, disbursement against the allocation per project and per child unit (lowest
 * first), outputs against their targets, and the same tables as XLSX and CSV. Reads only
 * the faces {@link ProgrammeFunds} (approved rows rolled up, and how many wait),
 * {@link ProgrammeOutputs} and {@link ProgrammeCatalogue} (names); each face checks the
 * view scope of the unit.
 */
@Component
public class ProgrammeDashboard {

	/** The tables a user can download. */
	public static final List<String> TABLES = List.of("sources", "projects", "units", "outputs");

	private final ProgrammeFunds funds;

	private final ProgrammeOutputs outputs;

	private final ProgrammeCatalogue catalogue;

	private final Geography geography;

	private final MessageSource messages;

	private final Clock clock;

	public ProgrammeDashboard(ProgrammeFunds funds, ProgrammeOutputs outputs, ProgrammeCatalogue catalogue,
			Geography geography, MessageSource messages, Clock clock) {
		this.funds = funds;
		this.outputs = outputs;
		this.catalogue = catalogue;
		this.geography = geography;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Money of one line of a table (a source group, a project, a child unit).
	 *
	 * @param key the group, project code or unit id
	 * @param name what the user reads
	 * @param money planned, allocated, disbursed
	 * @param pending rows waiting for approval (child units only; else 0)
	 * @param unitId the child unit (for a link), or null
	 */
	public record Line(String key, String name, Money money, int pending, Long unitId) {

		/**
		 * @return disbursed in % of the allocation with one decimal, or null
		 */
		public Double rate() {
			Long perMille = this.money.ratePerMille();
			return (perMille == null) ? null : perMille / 10.0;
		}

		/**
		 * @return allocated in % of the plan with one decimal, or null
		 */
		public Double allocatedOfPlan() {
			return (this.money.planned() == 0) ? null
					: Math.round(this.money.allocated() * 1000.0 / this.money.planned()) / 10.0;
		}

		/**
		 * @param vnd an amount
		 * @return the amount in million VND, rounded half up (what pages show)
		 */
		public static long millions(long vnd) {
			return (vnd + 500_000) / 1_000_000;
		}

		/**
		 * @return the plan in million VND
		 */
		public long plannedMillions() {
			return millions(this.money.planned());
		}

		/**
		 * @return the allocation in million VND
		 */
		public long allocatedMillions() {
			return millions(this.money.allocated());
		}

		/**
		 * @return the disbursement in million VND
		 */
		public long disbursedMillions() {
			return millions(this.money.disbursed());
		}

		/**
		 * @return whether the unit entered nothing (approved or waiting)
		 */
		public boolean empty() {
			return this.money.equals(Money.ZERO) && this.pending == 0;
		}

	}

	/**
	 * An output of a project against its target.
	 *
	 * @param project the project code
	 * @param projectName the project's name
	 * @param output the output code
	 * @param name the output's name
	 * @param unitOfCount "hộ", "người"…
	 * @param value the value
	 * @param target the approved target, or null
	 * @param how how the value was obtained
	 * @param pending entered rows waiting for approval
	 */
	public record OutputRow(String project, String projectName, String output, String name, String unitOfCount,
			long value, Long target, OutputFigure.How how, int pending) {

		/**
		 * @return the value in % of the target with one decimal, or null
		 */
		public Double ofTarget() {
			return (this.target == null || this.target == 0) ? null
					: Math.round(this.value * 1000.0 / this.target) / 10.0;
		}

	}

	/**
	 * The dashboard of a unit, year and programme.
	 *
	 * @param unit the unit
	 * @param ancestors its ancestors (breadcrumb)
	 * @param year the year
	 * @param years the years a user can choose, latest first
	 * @param programme the programme
	 * @param programmes the programmes in force that year
	 * @param totals the unit's totals (approved rows)
	 * @param groups by source group
	 * @param sources by source
	 * @param projects by project
	 * @param units by child unit, lowest disbursement first (units with nothing last)
	 * @param outputs outputs against targets
	 */
	public record View(Unit unit, List<Unit> ancestors, int year, List<Integer> years, Programme programme,
			List<Programme> programmes, FundTotals totals, List<Line> groups, List<Line> sources, List<Line> projects,
			List<Line> units, List<OutputRow> outputs) {

		/**
		 * @return rows waiting for approval at or under the unit
		 */
		public int pending() {
			return this.totals.pending();
		}

		/**
		 * @return whether the figures are provisional (rows wait for approval)
		 */
		public boolean provisional() {
			return this.totals.pending() > 0;
		}

		/**
		 * @return the unit's total
		 */
		public Line total() {
			return new Line("TOTAL", null, this.totals.total(), this.totals.pending(), null);
		}

	}

	/**
	 * The dashboard card of a unit: the total of the latest year with approved money.
	 *
	 * @param unit the unit
	 * @param year the year, or null when the unit has no programme money
	 * @param programme the programme, or null
	 * @param total the total
	 * @param pending rows waiting for approval
	 */
	public record Card(Unit unit, Integer year, Programme programme, Line total, int pending) {
	}

	/**
	 * The dashboard of a unit.
	 * @param unitId the unit
	 * @param year the year, or null for the latest year with approved money
	 * @param programme the programme code, or null for the one in force that year
	 * @param locale the reader's language
	 * @return the view
	 */
	public View view(long unitId, Integer year, String programme, Locale locale) {
		List<Integer> years = years();
		int y = (year != null) ? year : latestWithMoney(unitId, years).orElse(years.get(0));
		if (!years.contains(y)) {
			throw DomainException.invalid(List.of(new FieldProblem("year", "prog.dash.no-programme", y)));
		}
		List<Programme> inForce = this.catalogue.inForce(y);
		Programme p = chosen(inForce, programme, y);
		FundTotals totals = this.funds.totals(p.code(), unitId, y);
		Unit unit = this.geography.unit(unitId);
		List<Line> groups = new ArrayList<>();
		Map<String, Money> byGroup = new LinkedHashMap<>();
		Sources.GROUPS.forEach((g) -> byGroup.put(g, Money.ZERO));
		totals.bySource().forEach((s, m) -> byGroup.merge(Sources.groupOf(s), m, Money::plus));
		byGroup.forEach((g, m) -> groups.add(new Line(g, text(locale, "prog.dash.group." + g), m, 0, null)));
		List<Line> sources = new ArrayList<>();
		totals.bySource()
			.forEach((s, m) -> sources.add(new Line(s, text(locale, "prog.dash.source." + s), m, 0, null)));
		List<Line> projects = new ArrayList<>();
		for (ProgrammeNode n : p.projects()) {
			projects
				.add(new Line(n.code(), n.name(locale), totals.byNode().getOrDefault(n.code(), Money.ZERO), 0, null));
		}
		return new View(unit, this.geography.ancestors(unit), y, years, p, inForce, totals, groups, sources, projects,
				children(p.code(), unitId, y), outputRows(p, unitId, y, locale));
	}

	/**
	 * The card of the unit dashboard.
	 * @param unitId the unit
	 * @param locale the reader's language
	 * @return the card
	 */
	public Card card(long unitId, Locale locale) {
		Optional<Integer> year = latestWithMoney(unitId, years());
		Unit unit = this.geography.unit(unitId);
		if (year.isEmpty()) {
			return new Card(unit, null, null, null, 0);
		}
		Programme p = chosen(this.catalogue.inForce(year.get()), null, year.get());
		FundTotals t = this.funds.totals(p.code(), unitId, year.get());
		return new Card(unit, year.get(), p, new Line("TOTAL", null, t.total(), t.pending(), null), t.pending());
	}

	/** The programme years up to the current one, latest first. */
	private List<Integer> years() {
		int now = LocalDate.now(this.clock).getYear();
		List<Integer> years = new ArrayList<>();
		for (Programme p : this.catalogue.programmes()) {
			for (int y = p.periodFrom(); y <= Math.min(p.periodTo(), now); y++) {
				if (!years.contains(y)) {
					years.add(y);
				}
			}
		}
		years.sort(Comparator.reverseOrder());
		if (years.isEmpty()) {
			throw DomainException.invalid(List.of(new FieldProblem("year", "prog.dash.no-programme", now)));
		}
		return years;
	}

	/** The latest year in which some programme of the unit has approved allocations. */
	private Optional<Integer> latestWithMoney(long unitId, List<Integer> years) {
		for (int y : years) {
			if (this.funds.programmeTotals(unitId, y).stream().anyMatch((t) -> t.total().allocated() > 0)) {
				return Optional.of(y);
			}
		}
		return Optional.empty();
	}

	private Programme chosen(List<Programme> inForce, String code, int year) {
		if (inForce.isEmpty()) {
			throw DomainException.invalid(List.of(new FieldProblem("year", "prog.dash.no-programme", year)));
		}
		if (code == null || code.isBlank()) {
			// the newest programme of the year (2021–2025 after 2016–2020 when both ran)
			return inForce.get(inForce.size() - 1);
		}
		return inForce.stream()
			.filter((p) -> p.code().equals(code.trim()))
			.findFirst()
			.orElseThrow(() -> DomainException
				.invalid(List.of(new FieldProblem("programme", "prog.dash.not-in-force", code.trim(), year))));
	}

	private List<Line> children(String programme, long unitId, int year) {
		Map<Long, FundTotals> byChild = this.funds.totalsByChild(programme, unitId, year);
		Map<Long, String> names = new LinkedHashMap<>();
		this.geography.units(byChild.keySet()).forEach((u) -> names.put(u.id(), u.name()));
		List<Line> lines = new ArrayList<>();
		byChild.forEach((id, t) -> lines
			.add(new Line(Long.toString(id), names.getOrDefault(id, ""), t.total(), t.pending(), id)));
		lines.sort(Comparator.comparing(Line::empty)
			.thenComparing(Line::rate, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(Line::name));
		return lines;
	}

	private List<OutputRow> outputRows(Programme p, long unitId, int year, Locale locale) {
		Map<OutputKey, OutputFigure> figures = this.outputs.outputs(p.code(), unitId, year);
		List<OutputRow> rows = new ArrayList<>();
		for (ProgrammeNode project : p.projects()) {
			addOutputs(rows, project, project, figures, locale);
		}
		return rows;
	}

	private void addOutputs(List<OutputRow> rows, ProgrammeNode project, ProgrammeNode node,
			Map<OutputKey, OutputFigure> figures, Locale locale) {
		for (OutputDef def : node.outputs()) {
			OutputFigure f = figures.get(new OutputKey(node.code(), def.code()));
			if (f != null) {
				rows.add(new OutputRow(project.code(), project.name(locale), def.code(), def.name(locale),
						"en".equals(locale.getLanguage()) ? def.unitEn() : def.unitVi(), f.value(), f.target(), f.how(),
						f.pending()));
			}
		}
		for (ProgrammeNode child : node.children()) {
			addOutputs(rows, project, child, figures, locale);
		}
	}

	private String text(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	// ------------------------------------------------------------------ files

	/**
	 * A table of the dashboard: header labels and rows (money in whole VND, rates in %).
	 *
	 * @param sheet the sheet's name
	 * @param header the column labels
	 * @param rows the rows
	 */
	public record Table(String sheet, List<String> header, List<List<Object>> rows) {
	}

	/**
	 * A table of the view for a file; every row of a provisional view says so with the
	 * number of rows waiting.
	 * @param name one of {@link #TABLES}
	 * @param v the view
	 * @param locale the reader's language
	 * @return the table
	 */
	public Table table(String name, View v, Locale locale) {
		List<String> header = new ArrayList<>();
		List<List<Object>> rows = new ArrayList<>();
		String status = v.provisional() ? text(locale, "prog.dash.provisional", v.pending())
				: text(locale, "prog.dash.approved");
		switch (name) {
			case "sources", "projects", "units" -> {
				header.addAll(List.of(text(locale, "prog.dash.col." + name), text(locale, "prog.dash.col.planned"),
						text(locale, "prog.dash.col.allocated"), text(locale, "prog.dash.col.disbursed"),
						text(locale, "prog.dash.col.rate")));
				List<Line> lines = switch (name) {
					case "sources" -> v.sources();
					case "projects" -> v.projects();
					default -> v.units();
				};
				for (Line l : lines) {
					rows.add(moneyRow(l.name(), l));
				}
				rows.add(moneyRow(text(locale, "prog.dash.total"), v.total()));
			}
			case "outputs" -> {
				header.addAll(List.of(text(locale, "prog.dash.col.projects"), text(locale, "prog.dash.col.output"),
						text(locale, "prog.dash.col.unit-of-count"), text(locale, "prog.dash.col.value"),
						text(locale, "prog.dash.col.target"), text(locale, "prog.dash.col.of-target"),
						text(locale, "prog.dash.col.how")));
				for (OutputRow o : v.outputs()) {
					List<Object> row = new ArrayList<>();
					row.add(o.projectName());
					row.add(o.name());
					row.add(o.unitOfCount());
					row.add(o.value());
					row.add(o.target());
					row.add(o.ofTarget());
					row.add(text(locale, "prog.dash.how." + o.how().name()));
					rows.add(row);
				}
			}
			default -> throw DomainException.notFound("PROGRAMME_DASHBOARD_TABLE", name);
		}
		header.add(text(locale, "prog.dash.col.status"));
		rows.forEach((r) -> r.add(status));
		String sheet = text(locale, "prog.dash.sheet." + name);
		return new Table(sheet, header, rows);
	}

	private static List<Object> moneyRow(String name, Line l) {
		List<Object> row = new ArrayList<>();
		row.add(name);
		row.add(l.money().planned());
		row.add(l.money().allocated());
		row.add(l.money().disbursed());
		row.add(l.rate());
		return row;
	}

	/**
	 * A table as an XLSX workbook: a title row (unit, programme, year), the header, the
	 * rows; numbers as numbers.
	 * @param t the table
	 * @param title the title row
	 * @return the workbook
	 */
	public static byte[] xlsx(Table t, String title) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook wb = new Workbook(out, "giamngheo", "1.0");
			Worksheet ws = wb.newWorksheet(t.sheet());
			ws.value(0, 0, title);
			ws.style(0, 0).bold().set();
			for (int c = 0; c < t.header().size(); c++) {
				ws.value(2, c, t.header().get(c));
				ws.style(2, c).bold().set();
			}
			int r = 3;
			for (List<Object> row : t.rows()) {
				for (int c = 0; c < row.size(); c++) {
					Object v = row.get(c);
					if (v instanceof Number n) {
						ws.value(r, c, n);
						if (v instanceof Long) {
							ws.style(r, c).format("#,##0").set();
						}
					}
					else if (v != null) {
						ws.value(r, c, v.toString());
					}
				}
				r++;
			}
			wb.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A table as CSV (UTF-8 with BOM so spreadsheet programs read Vietnamese).
	 * @param t the table
	 * @return the text
	 */
	public static String csv(Table t) {
		StringBuilder b = new StringBuilder("\uFEFF");
		List<List<Object>> all = new ArrayList<>();
		all.add(new ArrayList<>(t.header()));
		all.addAll(t.rows());
		for (List<Object> row : all) {
			for (int k = 0; k < row.size(); k++) {
				if (k > 0) {
					b.append(',');
				}
				Object v = row.get(k);
				String s = (v == null) ? "" : v.toString();
				if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
					s = "\"" + s.replace("\"", "\"\"") + "\"";
				}
				b.append(s);
			}
			b.append("\r\n");
		}
		return b.toString();
	}

}
