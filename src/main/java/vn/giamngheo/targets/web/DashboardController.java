package vn.giamngheo.targets.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.springframework.context.i18n.LocaleContextHolder;

import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.StoredFigures;
import vn.giamngheo.analytics.YearStatus;
import vn.giamngheo.analytics.domain.Group;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.web.Fragments;
import vn.giamngheo.shared.web.PageData;
import vn.giamngheo.targets.AlkireFosterDashboard;
import vn.giamngheo.targets.AlkireFosterDashboard.View;
import vn.giamngheo.targets.Boundaries;
import vn.giamngheo.targets.Dashboards;
import vn.giamngheo.targets.Dashboards.Dashboard;
import vn.giamngheo.targets.Dashboards.Table;
import vn.giamngheo.targets.Resolution;
import vn.giamngheo.targets.TargetFigures;
import vn.giamngheo.targets.Targets;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/** The dashboards page (ECharts) and the CSV of each chart's table. */
@Controller
public class DashboardController {

	/** Texts the dashboard's script needs. */
	static final String[] CHART_LABELS = { "targets.col.poor", "targets.col.near_poor", "targets.col.poor_PLAIN",
			"targets.col.poor_MOUNTAIN", "targets.col.poor_ETHNIC_MINORITY", "targets.col.poor_URBAN",
			"targets.col.poor_RURAL", "targets.col.exited", "targets.col.newly_poor", "targets.col.fell_back",
			"targets.dashboard.target", "targets.map.no-data", "targets.map.legend" };

	private final Dashboards dashboards;

	private final Targets targets;

	private final Geography geography;

	private final Boundaries boundaries;

	private final MessageSource messages;

	private final AlkireFosterDashboard alkireFoster;

	private final Aggregates aggregates;

	private final PageData pageData;

	private final TargetFigures figures;

	private final Fragments fragments;

	public DashboardController(Dashboards dashboards, Targets targets, Geography geography, Boundaries boundaries,
			MessageSource messages, AlkireFosterDashboard alkireFoster, Aggregates aggregates, PageData pageData,
			TargetFigures figures, Fragments fragments) {
		this.fragments = fragments;
		this.figures = figures;
		this.aggregates = aggregates;
		this.pageData = pageData;
		this.messages = messages;
		this.alkireFoster = alkireFoster;
		this.dashboards = dashboards;
		this.targets = targets;
		this.geography = geography;
		this.boundaries = boundaries;
	}

	private long defaultUnit() {
		List<Resolution> resolutions = this.targets.resolutions();
		if (resolutions.isEmpty()) {
			throw DomainException.notFound("UNIT", "-");
		}
		return this.targets.progressUnit(resolutions.get(0), null).id();
	}

	@GetMapping("/dashboards")
	String dashboard(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
			Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		// read from storage while current (ADR 0056)
		StoredFigures.Stored<Dashboard> stored = this.figures.dashboard((unit != null) ? unit : defaultUnit(), year,
				LocaleContextHolder.getLocale());
		Dashboard d = stored.value();
		model.addAttribute("d", d);
		model.addAttribute("stored", stored);
		model.addAttribute("freshness", this.aggregates.freshness(d.unit()));
		// the charts' data as a JSON block, not inline script (Content-Security-Policy,
		// ADR 0019)
		model.addAttribute("chartData",
				stored.rendered("chartData:" + locale.getLanguage(),
						() -> this.pageData.object("overview", d.overview(), "comparison", d.comparison(),
								"deprivations", d.deprivations(), "flows", d.flows(), "treemap", d.treemap(), "map",
								d.map(), "targets", d.targetLines(), "labels", this.pageData.labels(CHART_LABELS))));
		// the charts' cards and tables depend on the view alone: rendered once per stored
		// view (issue 19)
		model.addAttribute("figuresHtml", stored.rendered("figures:" + locale.getLanguage(), () -> this.fragments
			.render("targets/dashboard :: figures", Map.of("d", d), locale, request, response)));
		model.addAttribute("ancestors", this.geography.ancestors(d.unit()));
		return "targets/dashboard";
	}

	/** The Alkire–Foster dashboard: H, A, M0 and the indicators' contributions. */
	@GetMapping("/dashboards/af")
	String alkireFoster(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String group, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		String code = (group == null || group.isBlank()) ? "ALL" : group.trim().toUpperCase(Locale.ROOT);
		// read from storage while current (ADR 0056)
		StoredFigures.Stored<TargetFigures.AlkireFoster> stored = this.figures
			.alkireFoster((unit != null) ? unit : defaultUnit(), year, group(code), code, locale);
		View v = stored.value().view();
		model.addAttribute("v", v);
		model.addAttribute("stored", stored);
		model.addAttribute("statuses", stored.value().statuses());
		model.addAttribute("freshness", this.aggregates.freshness(v.unit()));
		model.addAttribute("chartData", stored.rendered("chartData:" + locale.getLanguage(),
				() -> this.pageData.object("series", v.series(), "units", v.units(), "contributions", v.contributions(),
						"heatmap", v.heatmap(), "labels", this.pageData.labels("targets.col.af_h", "targets.col.af_a",
								"targets.col.af_m0", "targets.col.af_contribution", "targets.col.af_censored"))));
		// the cards depend on the view alone: rendered once per stored view (issue 19)
		model.addAttribute("figuresHtml", stored.rendered("figures:" + locale.getLanguage(),
				() -> this.fragments.render("targets/af :: figures", Map.of("v", v), locale, request, response)));
		model.addAttribute("groups", AlkireFosterDashboard.GROUPS);
		model.addAttribute("ancestors", this.geography.ancestors(v.unit()));
		return "targets/af";
	}

	private static Group group(String code) {
		try {
			return Group.parse(code);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid(List.of(new FieldProblem("group", "error.field.invalid", ex.getMessage())));
		}
	}

	/**
	 * A chart's table for a file: the Alkire–Foster charts (af_*) take a group, the
	 * others not. The status of each year is worded; a table of a provisional year gets a
	 * status column saying so with its coverage, on every row (ADR 0021).
	 */
	private Table table(String chart, long unit, Integer year, String group, Locale locale) {
		Table table = chart.startsWith("af_") ? this.alkireFoster.table(chart, unit, year, group(group), locale)
				: this.dashboards.table(chart, unit, year);
		if (table == null) {
			throw DomainException.notFound("UNIT", chart);
		}
		return labelled(table, this.dashboards.status(unit, year), locale);
	}

	private Table labelled(Table table, YearStatus status, Locale locale) {
		int col = table.header().indexOf("status");
		boolean provisional = status != null && status.provisional();
		if (col < 0 && !provisional) {
			return table;
		}
		List<String> header = new ArrayList<>(table.header());
		String stamp = provisional ? word(YearStatus.Status.PROVISIONAL, locale) + " — " + coverage(status, locale)
				: null;
		if (col < 0) {
			header.add("status");
		}
		List<List<Object>> rows = new ArrayList<>();
		for (List<Object> r : table.rows()) {
			List<Object> row = new ArrayList<>(r);
			if (col < 0) {
				row.add(stamp);
			}
			else {
				YearStatus.Status s = YearStatus.Status.valueOf(String.valueOf(row.get(col)));
				boolean shown = provisional && s == YearStatus.Status.PROVISIONAL;
				row.set(col, shown ? stamp : word(s, locale));
			}
			rows.add(row);
		}
		return new Table(header, rows);
	}

	private String word(YearStatus.Status status, Locale locale) {
		return this.messages.getMessage("targets.status." + status.name(), null, locale);
	}

	/** The coverage sentence of a provisional year. */
	private String coverage(YearStatus s, Locale locale) {
		return this.messages.getMessage(
				s.review() ? "targets.status.coverage.review" : "targets.status.coverage.partial",
				new Object[] { s.year(), s.communesDone(), s.communes(), s.householdsAssessed(), s.households() },
				locale);
	}

	@Requires(Permission.UNIT_EDIT)
	@PostMapping("/dashboards/boundaries")
	String uploadBoundaries(@RequestParam long unit, @RequestParam(required = false) MultipartFile file, Model model,
			Locale locale, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect)
			throws IOException {
		try {
			int stored = this.boundaries.upload(unit, (file == null) ? null : file.getBytes());
			redirect.addFlashAttribute("boundariesStored", stored);
			return "redirect:/dashboards?unit=" + unit;
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			response.setStatus(ex.code().status().value());
			model.addAttribute("problem", ex);
			return dashboard(unit, null, model, locale, request, response);
		}
	}

	@GetMapping("/dashboards/{chart}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable String chart, @RequestParam long unit,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String group, Locale locale) {
		Table table = table(chart, unit, year, group, locale);
		List<String> labels = table.header()
			.stream()
			.map((h) -> this.messages.getMessage("targets.col." + h, null, h, locale))
			.toList();
		String sheet = this.messages.getMessage("targets.chart.sheet." + chart, null, chart, locale);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + chart + "-" + unit + ((year != null) ? "-" + year : "") + ".xlsx\"")
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(Dashboards.xlsx(table, labels, sheet));
	}

	@GetMapping("/dashboards/{chart}.csv")
	ResponseEntity<String> csv(@PathVariable String chart, @RequestParam long unit,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String group, Locale locale) {
		Table table = table(chart, unit, year, group, locale);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + chart + "-" + unit + ((year != null) ? "-" + year : "") + ".csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(Dashboards.csv(table));
	}

}
