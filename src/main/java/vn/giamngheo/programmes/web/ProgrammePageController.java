package vn.giamngheo.programmes.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.programmes.Programme;
import vn.giamngheo.programmes.ProgrammeCatalogue;
import vn.giamngheo.programmes.ProgrammeNode;
import vn.giamngheo.shared.ClockConfiguration;
import vn.giamngheo.shared.scope.DataScope;

/**
 * The catalogue page (programmes as a tree with citations, unverified marks and the
 * mapping old → new) and a programme's outputs for a unit and year. Open to every
 * signed-in role; the outputs need the view scope of the unit.
 */
@Controller
public class ProgrammePageController {

	private final ProgrammeCatalogue catalogue;

	private final ProgrammeApiController api;

	private final Geography geography;

	private final CurrentActor actor;

	private final Clock clock;

	ProgrammePageController(ProgrammeCatalogue catalogue, ProgrammeApiController api, Geography geography,
			CurrentActor actor, Clock clock) {
		this.catalogue = catalogue;
		this.api = api;
		this.geography = geography;
		this.actor = actor;
		this.clock = clock;
	}

	@GetMapping("/programmes")
	String catalogue(Model model, Locale locale) {
		model.addAttribute("programmes", this.catalogue.programmes());
		Map<String, String> names = new LinkedHashMap<>();
		for (Programme p : this.catalogue.programmes()) {
			names.put(p.code(), p.name(locale));
			for (ProgrammeNode n : ProgrammeCatalogue.flatten(p)) {
				names.put(p.code() + "/" + n.code(), n.name(locale));
			}
		}
		model.addAttribute("names", names);
		model.addAttribute("continuations", this.catalogue.continuations());
		model.addAttribute("units", myUnits());
		model.addAttribute("thisYear", LocalDate.now(this.clock.withZone(ClockConfiguration.VIETNAM)).getYear());
		return "programmes/catalogue";
	}

	@GetMapping("/programmes/outputs")
	String outputs(@RequestParam String programme, @RequestParam long unit,
			@RequestParam(required = false) Integer year, Model model, Locale locale) {
		Programme p = this.api.require(programme);
		int thisYear = LocalDate.now(this.clock.withZone(ClockConfiguration.VIETNAM)).getYear();
		int y = (year != null) ? year : Math.max(p.periodFrom(), Math.min(p.periodTo(), thisYear));
		model.addAttribute("programme", p);
		model.addAttribute("outputs", this.api.figures(p, unit, y, locale));
		List<Integer> years = new ArrayList<>();
		for (int i = p.periodFrom(); i <= Math.min(p.periodTo(), Math.max(thisYear, p.periodFrom())); i++) {
			years.add(i);
		}
		model.addAttribute("years", years);
		model.addAttribute("year", y);
		return "programmes/outputs";
	}

	/**
	 * The units the user sees at the top of their scope (the provinces for a nation
	 * user).
	 */
	private List<Unit> myUnits() {
		DataScope scope = this.actor.get().scope();
		if (scope.nation()) {
			List<Unit> out = new ArrayList<>(this.geography.roots("2025"));
			out.addAll(this.geography.roots("2024"));
			return out;
		}
		List<Unit> out = new ArrayList<>();
		for (String path : scope.viewPaths()) {
			String[] ids = path.split("/");
			if (ids.length > 0 && !ids[ids.length - 1].isEmpty()) {
				out.add(this.geography.unit(Long.parseLong(ids[ids.length - 1])));
			}
		}
		return out;
	}

}
