package vn.giamngheo.registry.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Suggestions for the household picker as the user types a code or a head's name. */
@Controller
class HouseholdPickerController {

	private final HouseholdNames names;

	HouseholdPickerController(HouseholdNames names) {
		this.names = names;
	}

	@GetMapping("/households/suggest")
	String suggest(@RequestParam(required = false) String q, @RequestParam(defaultValue = "") String field,
			Model model) {
		model.addAttribute("hits", this.names.find(q, 10));
		model.addAttribute("field", field.replaceAll("[^A-Za-z0-9_-]", ""));
		model.addAttribute("q", q);
		return "fragments/picker :: household-options";
	}

}
