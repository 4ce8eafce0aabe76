package vn.giamngheo.geography.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.giamngheo.shared.ClockConfiguration;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/** Pages: the unit tree navigator (province → district → commune → village). */
@Controller
public class UnitPageController {

	private final Geography geography;

	public UnitPageController(Geography geography) {
		this.geography = geography;
	}

	@GetMapping("/units")
	String roots(@RequestParam(defaultValue = "2024") String edition, Model model) {
		model.addAttribute("edition", "2025".equals(edition) ? "2025" : "2024");
		model.addAttribute("units", this.geography.roots("2025".equals(edition) ? "2025" : "2024"));
		return "geography/units";
	}

	@GetMapping("/units/{id}")
	String unit(@PathVariable long id, Model model) {
		Unit unit = this.geography.unit(id);
		List<Unit> children = this.geography.children(id);
		model.addAttribute("unit", unit);
		model.addAttribute("ancestors", this.geography.ancestors(unit));
		model.addAttribute("children", children);
		model.addAttribute("attributes", this.geography.attributes(id));
		model.addAttribute("effective",
				this.geography.effectiveAttributes(unit, LocalDate.now(ClockConfiguration.VIETNAM)));
		return "geography/unit";
	}

	@Requires(Permission.UNIT_EDIT)
	@PostMapping("/units/{id}/villages")
	String createVillage(@PathVariable long id, @RequestParam String type, @RequestParam String name,
			RedirectAttributes redirect) {
		try {
			Unit village = this.geography.createVillage(id, type, name);
			redirect.addFlashAttribute("ok", village.name());
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			redirect.addFlashAttribute("error", ex);
		}
		return "redirect:/units/" + id;
	}

}
