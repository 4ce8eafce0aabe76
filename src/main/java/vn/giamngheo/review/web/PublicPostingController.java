package vn.giamngheo.review.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.giamngheo.review.Postings;

/**
 * The public posting list (niêm yết công khai) of a commune — head's name, village and
 * class, no codes or ID numbers — and the status of a complaint by its tracking number.
 * Public by law: no sign-in (see {@code SecurityConfiguration.PUBLIC_PATHS}).
 */
@Controller
class PublicPostingController {

	private final Postings postings;

	PublicPostingController(Postings postings) {
		this.postings = postings;
	}

	@GetMapping("/public/reviews/{reviewId}/communes/{communeId}")
	String list(@PathVariable UUID reviewId, @PathVariable long communeId, Model model) {
		model.addAttribute("list", this.postings.publicList(reviewId, communeId));
		return "review/public-list";
	}

	@GetMapping("/public/complaints")
	String complaint(@RequestParam(required = false) String no, Model model) {
		if (no != null && !no.isBlank()) {
			model.addAttribute("complaint", this.postings.complaintStatus(no));
		}
		model.addAttribute("no", no);
		return "review/public-complaint";
	}

}
