package vn.giamngheo.geography.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.geography.UnitHit;

/**
 * The unit picker's server side (ADR 0025): suggestions for the text box as the user
 * types (an htmx fragment), and, for browsers without script, a page to search or browse
 * the units of the user's scope and choose one, which goes back to the form's page with
 * the unit set.
 */
@Controller
class UnitPickerController {

	/** Suggestions shown at once. */
	static final int SUGGESTIONS = 12;

	private final Geography geography;

	UnitPickerController(Geography geography) {
		this.geography = geography;
	}

	@GetMapping("/units/suggest")
	String suggest(@RequestParam(required = false) String q, @RequestParam(defaultValue = "") String field,
			@RequestParam(defaultValue = "") String level, Model model) {
		model.addAttribute("hits", this.geography.find(q, levels(level), null, SUGGESTIONS));
		model.addAttribute("field", field.replaceAll("[^A-Za-z0-9_-]", ""));
		model.addAttribute("q", q);
		return "fragments/picker :: options";
	}

	@GetMapping("/units/choose")
	String choose(@RequestParam(required = false) String q, @RequestParam(required = false) Long parent,
			@RequestParam(defaultValue = "unit") String field, @RequestParam(defaultValue = "") String level,
			@RequestParam(name = "return", defaultValue = "/") String back, Model model) {
		String safeField = field.replaceAll("[^A-Za-z0-9_-]", "");
		String safeBack = local(back);
		List<String> levels = levels(level);
		List<UnitHit> hits;
		UnitHit parentHit = null;
		if (q != null && !q.isBlank()) {
			hits = this.geography.find(q, levels, null, 50);
		}
		else if (parent != null) {
			parentHit = this.geography.hit(parent).orElse(null);
			hits = this.geography.hits(this.geography.children(parent).stream().map(Unit::id).toList());
		}
		else {
			hits = this.geography.hits(scopeTops());
		}
		List<Choice> choices = new ArrayList<>();
		for (UnitHit hit : hits) {
			boolean offered = (levels.isEmpty() || levels.contains(hit.level())) && this.geography.inScope(hit);
			String href = offered ? withUnit(safeBack, safeField, hit.id()) : null;
			choices.add(new Choice(hit, href, !"village".equals(hit.level())));
		}
		model.addAttribute("choices", choices);
		model.addAttribute("q", q);
		model.addAttribute("parent", parentHit);
		model.addAttribute("field", safeField);
		model.addAttribute("level", level);
		model.addAttribute("back", safeBack);
		model.addAttribute("clear", withoutUnit(safeBack, safeField));
		return "geography/choose";
	}

	/** The units at the top of the user's view scope (the nation: the provinces). */
	private List<Long> scopeTops() {
		List<Long> ids = new ArrayList<>();
		this.geography.roots("2024").forEach((u) -> ids.add(u.id()));
		this.geography.roots("2025").forEach((u) -> ids.add(u.id()));
		return ids;
	}

	static List<String> levels(String level) {
		return Arrays.stream(level.split(",")).map(String::strip).filter(Geography.LEVELS::contains).toList();
	}

	/** A path of this application (never another site): else the home page. */
	static String local(String back) {
		if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
				|| back.chars().anyMatch(Character::isISOControl)) {
			return "/";
		}
		return back;
	}

	static String withUnit(String back, String field, long id) {
		return UriComponentsBuilder.fromUriString(back).replaceQueryParam(field, id).build().toUriString();
	}

	static String withoutUnit(String back, String field) {
		return UriComponentsBuilder.fromUriString(back).replaceQueryParam(field).build().toUriString();
	}

	/**
	 * A unit offered on the choosing page.
	 *
	 * @param unit the unit
	 * @param href the link that chooses it, or {@code null} when its level is not asked
	 * for (it can still be opened to reach the units below)
	 * @param hasChildren whether units lie below it
	 */
	record Choice(UnitHit unit, String href, boolean hasChildren) {
	}

}
