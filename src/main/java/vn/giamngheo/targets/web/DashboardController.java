package vn.giamngheo.targets.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.giamngheo.geography.Geography;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.targets.Dashboards;
import vn.giamngheo.targets.Dashboards.Dashboard;
import vn.giamngheo.targets.Dashboards.Table;
import vn.giamngheo.targets.Resolution;
import vn.giamngheo.targets.Targets;

/** The dashboards page (ECharts) and the CSV of each chart's table. */
@Controller
public class DashboardController {

	private final Dashboards dashboards;

	private final Targets targets;

	private final Geography geography;

	public DashboardController(Dashboards dashboards, Targets targets, Geography geography) {
		this.dashboards = dashboards;
		this.targets = targets;
		this.geography = geography;
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
			Model model) {
		Dashboard d = this.dashboards.dashboard((unit != null) ? unit : defaultUnit(), year);
		model.addAttribute("d", d);
		model.addAttribute("ancestors", this.geography.ancestors(d.unit()));
		model.addAttribute("resolutions", this.targets.resolutions());
		return "targets/dashboard";
	}

	@GetMapping("/dashboards/{chart}.csv")
	ResponseEntity<String> csv(@PathVariable String chart, @RequestParam long unit,
			@RequestParam(required = false) Integer year) {
		Table table = this.dashboards.table(chart, unit, year);
		if (table == null) {
			throw DomainException.notFound("UNIT", chart);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + chart + "-" + unit + ((year != null) ? "-" + year : "") + ".csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(Dashboards.csv(table));
	}

}
