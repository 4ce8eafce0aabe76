package vn.giamngheo.identity.web;

import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.giamngheo.identity.AccessTokens;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * The login page and the signed-in user's own page: role, scope, personal access tokens.
 */
@Controller
class AccountController {

	private final CurrentActor current;

	private final AccessTokens tokens;

	private final Clock clock;

	AccountController(CurrentActor current, AccessTokens tokens, Clock clock) {
		this.clock = clock;
		this.current = current;
		this.tokens = tokens;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/account")
	String account(Model model) {
		model.addAttribute("actor", this.current.get());
		model.addAttribute("role", this.current.role());
		model.addAttribute("tokens", this.tokens.mine());
		model.addAttribute("now", this.clock.instant());
		return "account";
	}

	@Requires(Permission.OWN_ACCOUNT)
	@PostMapping("/account/tokens")
	String issue(@RequestParam String name, @RequestParam(defaultValue = "90") Integer days,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("issued", this.tokens.issue(name, days));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("tokenError", true);
		}
		return "redirect:/account";
	}

	@Requires(Permission.OWN_ACCOUNT)
	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@PathVariable long id) {
		this.tokens.revoke(id);
		return "redirect:/account";
	}

}
