package vn.giamngheo.registry.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.giamngheo.registry.MemberTransfers;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;

/**
 * The transfer requests page: decide the unit's requests, read the outcomes of its own.
 */
@Controller
public class TransferPageController {

	private final MemberTransfers transfers;

	public TransferPageController(MemberTransfers transfers) {
		this.transfers = transfers;
	}

	@GetMapping("/transfers")
	String list(Model model) {
		model.addAttribute("lists", this.transfers.lists());
		return "registry/transfers";
	}

	@PostMapping("/transfers/{id}/accept")
	String accept(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
		return decided(() -> this.transfers.accept(id, version), "ACCEPTED", redirect);
	}

	@PostMapping("/transfers/{id}/refuse")
	String refuse(@PathVariable UUID id, @RequestParam int version, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return decided(() -> this.transfers.refuse(id, version, reason), "REFUSED", redirect);
	}

	private static String decided(Runnable decision, String status, RedirectAttributes redirect) {
		try {
			decision.run();
			redirect.addFlashAttribute("decided", status);
		}
		catch (DomainException ex) {
			if (ex.code() == ErrorCode.NOT_FOUND || ex.code() == ErrorCode.FORBIDDEN) {
				throw ex;
			}
			redirect.addFlashAttribute("problem", ex);
		}
		return "redirect:/transfers";
	}

}
