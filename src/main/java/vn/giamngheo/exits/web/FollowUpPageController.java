package vn.giamngheo.exits.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.giamngheo.exits.FollowUps;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.web.FormDates;

/**
 * The "mới thoát nghèo" list of a unit (ADR 0041): the households followed after their
 * exit, each with an expandable detail (class each year, support, shocks), and the "đã
 * tái nghèo" filter.
 */
@Controller
class FollowUpPageController {

	private final FollowUps followUps;

	FollowUpPageController(FollowUps followUps) {
		this.followUps = followUps;
	}

	@GetMapping("/exits/follow-up")
	String list(@RequestParam(required = false) Long unit, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String on, @RequestParam(defaultValue = "0") int page, Model model) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate day = FormDates.parse("on", on, problems, "exits.event.date-format");
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		if (day == null) {
			day = this.followUps.today();
		}
		model.addAttribute("result", this.followUps.list(unit, kind, day, page, 50));
		model.addAttribute("unit", unit);
		model.addAttribute("kind", (kind == null) ? "" : kind);
		model.addAttribute("years", this.followUps.years());
		model.addAttribute("day", day);
		model.addAttribute("on", day.format(FormDates.DMY));
		return "exits/follow-up";
	}

}
