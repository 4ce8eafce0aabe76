package vn.giamngheo.programmes.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.programmes.web.ProgrammeDashboard.Line;
import vn.giamngheo.programmes.web.ProgrammeDashboard.OutputRow;
import vn.giamngheo.programmes.web.ProgrammeDashboard.Table;
import vn.giamngheo.programmes.web.ProgrammeDashboard.View;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.scope.DataScope;
import vn.giamngheo.shared.web.PageData;

/**
 * The programme funds dashboard page
 * ({@code /programmes/dashboard?unit=&year=&programme=}), its card on the unit dashboard
 * and its tables as XLSX and CSV (ADR 0050).
 */
@Controller
public class ProgrammeDashboardController {

	private final ProgrammeDashboard dashboard;

	private final CurrentActor actor;

	private final PageData pageData;

	private final MessageSource messages;

	public ProgrammeDashboardController(ProgrammeDashboard dashboard, CurrentActor actor, PageData pageData,
			MessageSource messages) {
		this.dashboard = dashboard;
		this.actor = actor;
		this.pageData = pageData;
		this.messages = messages;
	}

	@GetMapping("/programmes/dashboard")
	String page(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String programme, Model model, Locale locale) {
		Long id = (unit != null) ? unit : homeUnit();
		if (id == null) {
			// the whole country: the page offers the unit picker only
			return "programmes/dashboard";
		}
		View v = this.dashboard.view(id, year, programme, locale);
		model.addAttribute("v", v);
		model.addAttribute("chartData",
				this.pageData.object("groups", chartLines(v.groups()), "projects", chartLines(v.projects()), "units",
						chartLines(v.units()), "outputs", chartOutputs(v.outputs()), "labels",
						this.pageData.labels("prog.dash.col.allocated", "prog.dash.col.disbursed",
								"prog.dash.col.undisbursed", "prog.dash.col.rate", "prog.dash.col.value",
								"prog.dash.col.target", "prog.dash.million")));
		return "programmes/dashboard";
	}

	/** The unit dashboard's card (loaded by htmx into /dashboards). */
	@GetMapping("/programmes/dashboard/card")
	String card(@RequestParam long unit, Model model, Locale locale) {
		model.addAttribute("card", this.dashboard.card(unit, locale));
		return "programmes/dashboard-card :: card";
	}

	@GetMapping("/programmes/dashboard/{table}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable String table, @RequestParam long unit,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String programme,
			Locale locale) {
		View v = this.dashboard.view(unit, year, programme, locale);
		Table t = this.dashboard.table(table, v, locale);
		String title = this.messages.getMessage("prog.dash.file-title",
				new Object[] { t.sheet(), v.unit().name(), v.programme().name(locale), v.year() }, locale);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(table, v) + ".xlsx\"")
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(ProgrammeDashboard.xlsx(t, title));
	}

	@GetMapping("/programmes/dashboard/{table}.csv")
	ResponseEntity<String> csv(@PathVariable String table, @RequestParam long unit,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String programme,
			Locale locale) {
		View v = this.dashboard.view(unit, year, programme, locale);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(table, v) + ".csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(ProgrammeDashboard.csv(this.dashboard.table(table, v, locale)));
	}

	private static String fileName(String table, View v) {
		if (!ProgrammeDashboard.TABLES.contains(table)) {
			throw DomainException.notFound("PROGRAMME_DASHBOARD_TABLE", table);
		}
		return "programme-" + table + "-" + v.unit().id() + "-" + v.year();
	}

	/**
	 * The user's own unit (the last unit of its first view path), or null for the nation.
	 */
	private Long homeUnit() {
		DataScope scope = this.actor.get().scope();
		if (scope.nation() || scope.viewPaths().isEmpty()) {
			return null;
		}
		String[] ids = scope.viewPaths().get(0).split("/");
		return Long.valueOf(ids[ids.length - 1]);
	}

	private static List<Map<String, Object>> chartLines(List<Line> lines) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (Line l : lines) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("name", l.name());
			m.put("planned", l.money().planned());
			m.put("allocated", l.money().allocated());
			m.put("disbursed", l.money().disbursed());
			m.put("rate", l.rate());
			out.add(m);
		}
		return out;
	}

	private static List<Map<String, Object>> chartOutputs(List<OutputRow> rows) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (OutputRow o : rows) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("name", o.name() + " (" + o.unitOfCount() + ")");
			m.put("value", o.value());
			m.put("target", o.target());
			out.add(m);
		}
		return out;
	}

}
