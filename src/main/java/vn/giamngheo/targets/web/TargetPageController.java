package vn.giamngheo.targets.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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

import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.StoredFigures;
import vn.giamngheo.analytics.YearStatus;
import vn.giamngheo.analytics.YearStatuses;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.web.Fragments;
import vn.giamngheo.targets.Resolution;
import vn.giamngheo.targets.TargetFigures;
import vn.giamngheo.targets.TargetProgress;
import vn.giamngheo.targets.Targets;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * Pages: resolutions, progress of their targets, the scorecard, the catalogue, data
 * entry.
 */
@Controller
public class TargetPageController {

	private final Targets targets;

	private final Geography geography;

	private final Clock clock;

	private final Aggregates aggregates;

	private final TargetFigures figures;

	private final Fragments fragments;

	public TargetPageController(Targets targets, Geography geography, Clock clock, Aggregates aggregates,
			TargetFigures figures, Fragments fragments) {
		this.fragments = fragments;
		this.figures = figures;
		this.aggregates = aggregates;
		this.targets = targets;
		this.geography = geography;
		this.clock = clock;
	}

	@GetMapping("/targets")
	String index(Model model) {
		model.addAttribute("resolutions", this.targets.resolutions());
		model.addAttribute("templates", Targets.TEMPLATES);
		return "targets/index";
	}

	/**
	 * A resolution template to download, edit and load (issue 15: Thành phố Đà Nẵng
	 * 2026–2030).
	 */
	@GetMapping("/targets/templates/{name}.yaml")
	ResponseEntity<String> template(@PathVariable String name) {
		String yaml = this.targets.template(name);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".yaml\"")
			.contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
			.body(yaml);
	}

	@GetMapping("/targets/indicators")
	String indicators(Model model) {
		model.addAttribute("indicators", this.targets.catalogue().all());
		return "targets/indicators";
	}

	@Requires(Permission.RESOLUTION_EDIT)
	@PostMapping("/targets/resolutions")
	String importResolution(@RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String yaml, Model model, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		String text = (file != null && !file.isEmpty()) ? new String(file.getBytes(), StandardCharsets.UTF_8) : yaml;
		try {
			Resolution r = this.targets.importFile(text);
			redirect.addFlashAttribute("imported", r.code());
			return "redirect:/targets/resolutions/" + r.id();
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			response.setStatus(ex.code().status().value());
			model.addAttribute("resolutions", this.targets.resolutions());
			model.addAttribute("templates", Targets.TEMPLATES);
			model.addAttribute("problem", ex);
			model.addAttribute("yaml", text);
			return "targets/index";
		}
	}

	@GetMapping("/targets/resolutions/{id}")
	String progress(@PathVariable long id, @RequestParam(required = false) Long unit, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		Resolution r = this.targets.resolution(id);
		Unit shown = this.targets.progressUnit(r, unit);
		// read from storage while current (ADR 0056)
		StoredFigures.Stored<TargetFigures.Progress> stored = this.figures.progress(r, shown);
		List<TargetProgress> progress = stored.value().progress();
		model.addAttribute("resolution", r);
		model.addAttribute("unit", shown);
		model.addAttribute("progress", progress);
		model.addAttribute("stored", stored);
		model.addAttribute("years", years(r));
		model.addAttribute("children",
				this.geography.children(r.scopeUnitId()).stream().filter((u) -> !u.isVillage()).toList());
		model.addAttribute("verdicts", counts(progress));
		model.addAttribute("completeness", stored.value().completeness());
		model.addAttribute("freshness", this.aggregates.freshness(shown));
		YearStatuses statuses = stored.value().statuses();
		Integer lastFinal = statuses.lastFinal().orElse(null);
		// the latest year, when its review is still in progress: said at the top of the
		// page
		YearStatus latest = statuses.years().isEmpty() ? null : statuses.years().get(statuses.years().size() - 1);
		model.addAttribute("inProgress", (latest != null && latest.provisional()) ? latest : null);
		model.addAttribute("lastFinal", lastFinal);
		model.addAttribute("lastOwnYear", vn.giamngheo.analytics.domain.ReviewYears.lastTo(shown.validTo()));
		// the verdicts and the table depend on the stored view alone (its unit and
		// resolution included): rendered once per view (issue 19)
		model.addAttribute("figuresHtml",
				stored.rendered("figures:" + locale.getLanguage(),
						() -> this.fragments.render(
								"targets/progress :: figures", Map.of("progress", progress, "completeness",
										stored.value().completeness(), "unit", shown, "verdicts", counts(progress)),
								locale, request, response)));
		return "targets/progress";
	}

	static List<Integer> years(Resolution r) {
		return java.util.stream.IntStream.rangeClosed(r.periodFrom() - 1, r.periodTo()).boxed().toList();
	}

	static Map<String, Integer> counts(List<TargetProgress> progress) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (vn.giamngheo.targets.domain.Verdict v : vn.giamngheo.targets.domain.Verdict.values()) {
			counts.put(v.name(), 0);
		}
		progress.forEach((p) -> counts.merge(p.evaluation().verdict().name(), 1, Integer::sum));
		return counts;
	}

	@GetMapping("/targets/resolutions/{id}/scorecard")
	String scorecard(@PathVariable long id, Model model) {
		model.addAttribute("resolution", this.targets.resolution(id));
		model.addAttribute("criteria", this.targets.scorecardCriteria(id));
		// read from storage while current (ADR 0056)
		StoredFigures.Stored<TargetFigures.Scorecard> stored = this.figures.scorecard(id);
		model.addAttribute("rows", stored.value().rows());
		model.addAttribute("stored", stored);
		model.addAttribute("today", LocalDate.now(this.clock));
		return "targets/scorecard";
	}

	@GetMapping("/targets/resolutions/{id}/file")
	ResponseEntity<String> file(@PathVariable long id) {
		Resolution r = this.targets.resolution(id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + r.code() + ".yaml\"")
			.contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
			.body(this.targets.yaml(id));
	}

	@GetMapping("/targets/entry")
	String entry(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year, Model model) {
		int y = (year != null) ? year : LocalDate.now(this.clock).getYear() - 1;
		model.addAttribute("year", y);
		model.addAttribute("pending", this.targets.pending());
		if (unit != null) {
			Unit u = this.geography.unit(unit);
			model.addAttribute("unit", u);
			model.addAttribute("lines", this.targets.entryForm(unit, y));
		}
		model.addAttribute("units", this.geography.roots("2024"));
		return "targets/entry";
	}

	@Requires(Permission.TARGET_ENTRY)
	@PostMapping("/targets/entry")
	String saveEntry(@RequestParam long unit, @RequestParam int year, @RequestParam Map<String, String> form,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> values = new LinkedHashMap<>();
		form.forEach((k, v) -> {
			if (k.startsWith("v.")) {
				values.put(k.substring(2), v);
			}
		});
		try {
			int saved = this.targets.enter(unit, year, values, form.get("comment"));
			redirect.addFlashAttribute("saved", saved);
			return "redirect:/targets/entry?unit=" + unit + "&year=" + year;
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			response.setStatus(ex.code().status().value());
			model.addAttribute("problem", ex);
			model.addAttribute("submitted", values);
			model.addAttribute("year", year);
			model.addAttribute("unit", this.geography.unit(unit));
			model.addAttribute("lines", this.targets.entryForm(unit, year));
			model.addAttribute("pending", this.targets.pending());
			model.addAttribute("units", this.geography.roots("2024"));
			return "targets/entry";
		}
	}

	@Requires(Permission.TARGET_APPROVAL)
	@PostMapping("/targets/entry/{id}/decision")
	String decide(@PathVariable long id, @RequestParam boolean approve, @RequestParam int version,
			RedirectAttributes redirect) {
		var v = this.targets.decide(id, approve, version);
		redirect.addFlashAttribute("decided", v.status());
		return "redirect:/targets/entry?unit=" + v.unitId() + "&year=" + v.year();
	}

}
