package vn.giamngheo.programmes.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.giamngheo.programmes.Programme;
import vn.giamngheo.programmes.ProgrammeReport;
import vn.giamngheo.programmes.ProgrammeReports;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * Pages of the M&E reports (ADR 0049): {@code /programmes/reports} (a unit's Biểu 01 and
 * 02 with their downloads, its Mẫu 01 versions, and where the reports of the units under
 * it stand) and {@code /programmes/reports/{id}} (a version: its content, and the forms
 * to edit, submit or correct it for who may).
 */
@Controller
class ReportPageController {

	private final ProgrammeReports reports;

	ReportPageController(ProgrammeReports reports) {
		this.reports = reports;
	}

	@GetMapping("/programmes/reports")
	String index(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String programme, @RequestParam(required = false) String period,
			Model model, Locale locale) {
		long u = (unit != null) ? unit : this.reports.defaultUnit();
		int y = (year != null) ? year : this.reports.todayInVietnam().getYear();
		List<Programme> programmes = this.reports.programmes(y);
		String code = (programme != null) ? programme
				: programmes.isEmpty() ? null : programmes.get(programmes.size() - 1).code();
		String p = "H1".equals(period) ? "H1" : "YEAR";
		model.addAttribute("unit", this.reports.unit(u));
		model.addAttribute("year", y);
		model.addAttribute("period", p);
		model.addAttribute("programmes", programmes);
		model.addAttribute("programme", code);
		model.addAttribute("versions", this.reports.list(u, y));
		if (code != null) {
			model.addAttribute("results", this.reports.results(code, u, y, locale));
			model.addAttribute("chain", this.reports.chain(u, code, y, p));
		}
		return "programmes/reports";
	}

	@GetMapping("/programmes/reports/{id}")
	String report(@PathVariable UUID id, Model model) {
		return show(this.reports.get(id), null, model);
	}

	private String show(ProgrammeReport r, DomainException problem, Model model) {
		model.addAttribute("r", r);
		model.addAttribute("rendered", this.reports.content(r.id()));
		model.addAttribute("frozen", this.reports.frozen(r.id()));
		model.addAttribute("versions",
				this.reports.list(r.unitId(), r.year())
					.stream()
					.filter((v) -> v.programme().equals(r.programme()) && v.period().equals(r.period()))
					.toList());
		model.addAttribute("problem", problem);
		return "programmes/report";
	}

	@Requires(Permission.PROGRAMME_REPORTS)
	@PostMapping("/programmes/reports")
	String create(@RequestParam long unit, @RequestParam String programme, @RequestParam int year,
			@RequestParam String period) {
		ProgrammeReport r = this.reports.create(new ProgrammeReports.NewReport(unit, programme, year, period));
		return "redirect:/programmes/reports/" + r.id();
	}

	@Requires(Permission.PROGRAMME_REPORTS)
	@PostMapping("/programmes/reports/{id}")
	String edit(@PathVariable UUID id, @RequestParam(required = false) String assessment,
			@RequestParam(required = false) String difficulties, @RequestParam(required = false) String proposals,
			@RequestParam int version, Model model) {
		return act(id, model,
				() -> this.reports.edit(id, new ProgrammeReports.Edit(assessment, difficulties, proposals, version)));
	}

	@Requires(Permission.PROGRAMME_REPORTS)
	@PostMapping("/programmes/reports/{id}/submit")
	String submit(@PathVariable UUID id, @RequestParam int version, Model model) {
		return act(id, model, () -> this.reports.submit(id, new ProgrammeReports.Submission(version)));
	}

	@Requires(Permission.PROGRAMME_REPORTS)
	@PostMapping("/programmes/reports/{id}/corrections")
	String correct(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model) {
		return act(id, model, () -> this.reports.correct(id, new ProgrammeReports.Correction(reason)));
	}

	private interface Action {

		ProgrammeReport run();

	}

	/**
	 * Runs a step; a refusal the user can fix shows the report again with the message.
	 */
	private String act(UUID id, Model model, Action action) {
		try {
			return "redirect:/programmes/reports/" + action.run().id();
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			return show(this.reports.get(id), ex, model);
		}
	}

}
