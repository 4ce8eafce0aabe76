package vn.giamngheo.exits.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.giamngheo.exits.EarlyWarnings;
import vn.giamngheo.exits.EarlyWarnings.Worklist;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;

/**
 * The early-warning pages (ADR 0042): a unit's worklist, the rules with their weights,
 * notes and backtest, and the household page's warning panel (loaded by htmx).
 */
@Controller
class WarningPageController {

	private final EarlyWarnings warnings;

	private final Geography geography;

	WarningPageController(EarlyWarnings warnings, Geography geography) {
		this.warnings = warnings;
		this.geography = geography;
	}

	@GetMapping("/exits/warnings")
	String list(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
			@RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
		long u = (unit != null) ? unit : this.warnings.defaultUnit();
		Worklist w = this.warnings.list(u, year, page, 50, locale);
		model.addAttribute("w", w);
		picker(w.unit(), model);
		return "exits/warnings";
	}

	@GetMapping("/exits/warnings/rules")
	String rules(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year, Model model) {
		model.addAttribute("book", this.warnings.rules());
		model.addAttribute("followUpYears", this.warnings.followUpYears());
		long u = (unit != null) ? unit : this.warnings.defaultUnit();
		// the running year's review is seldom recognised yet: the backtest opens on last
		// year
		int y = (year != null) ? year : this.warnings.thisYear() - 1;
		model.addAttribute("backtest", this.warnings.backtest(u, y));
		picker(this.geography.unit(u), model);
		return "exits/warning-rules";
	}

	@GetMapping("/households/{id}/warning")
	String panel(@PathVariable("id") UUID householdId, Locale locale, Model model) {
		model.addAttribute("warning", this.warnings.household(householdId, locale));
		return "exits/household-warning :: panel";
	}

	/** The unit picker: the way up (ancestors), the way down (children) and the years. */
	private void picker(Unit unit, Model model) {
		model.addAttribute("ancestors", this.geography.ancestors(unit));
		model.addAttribute("children", unit.isVillage() ? List.of() : this.geography.children(unit.id()));
		List<Integer> years = new ArrayList<>();
		for (int y = this.warnings.thisYear(); y >= this.warnings.thisYear() - 6; y--) {
			years.add(y);
		}
		model.addAttribute("years", years);
	}

}
