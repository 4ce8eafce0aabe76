package vn.giamngheo.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.giamngheo.identity.Rescoping;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * The re-scope page (ADR 0029): the dry run lists every account holding an ended unit
 * with its scope before and after and the units left for the administrator; one button
 * applies it as one batch.
 */
@Controller
@RequestMapping("/admin/users/rescope")
class RescopeController {

	private final Rescoping rescoping;

	RescopeController(Rescoping rescoping) {
		this.rescoping = rescoping;
	}

	@Requires(Permission.USER_ADMIN)
	@GetMapping
	String plan(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("plan", this.rescoping.plan(q));
		model.addAttribute("q", q);
		return "admin/rescope";
	}

	@Requires(Permission.USER_ADMIN)
	@PostMapping
	String apply(@RequestParam(required = false) String q, RedirectAttributes redirect) {
		Rescoping.Batch batch = this.rescoping.apply(q);
		redirect.addAttribute("batch", batch.id());
		redirect.addAttribute("changed", batch.changed());
		redirect.addAttribute("flagged", batch.flagged());
		if (q != null && !q.isBlank()) {
			redirect.addAttribute("q", q);
		}
		return "redirect:/admin/users/rescope";
	}

}
