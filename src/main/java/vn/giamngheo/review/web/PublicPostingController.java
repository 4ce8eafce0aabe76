package vn.giamngheo.review.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.giamngheo.review.Postings;

/**
 * The public posting list (niêm yết công khai) of a commune — head's name, village and
 * class, no codes or ID numbers — and a complaint by its tracking number: status and
 * dates for anyone, the answer for whoever proves to have filed it (ADR 0017). Public by
 * law: no sign-in (see {@code SecurityConfiguration.PUBLIC_PATHS}).
 */
@Controller
class PublicPostingController {

	private final Postings postings;

	private final PublicComplaintLimiter limiter;

	PublicPostingController(Postings postings, PublicComplaintLimiter limiter) {
		this.postings = postings;
		this.limiter = limiter;
	}

	/**
	 * A citizen files a complaint about a household of the posted list during the posting
	 * period; the tracking number is shown on the complaint status page. Limited per
	 * client address (HTTP 429 with the list and a message when over the limit).
	 */
	@PostMapping("/public/reviews/{reviewId}/communes/{communeId}/complaints")
	String complain(@PathVariable UUID reviewId, @PathVariable long communeId,
			@RequestParam(required = false) UUID household, @RequestParam(required = false) String complainant,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String contact,
			@RequestParam(required = false) String content, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		java.time.Duration wait = this.limiter.acquire(request.getRemoteAddr());
		if (!wait.isZero()) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
			model.addAttribute("list", this.postings.publicList(reviewId, communeId));
			model.addAttribute("limited", true);
			return "review/public-list";
		}
		var complaint = this.postings.complainPublic(reviewId, communeId, household, complainant, phone, contact,
				content);
		redirect.addFlashAttribute("filed", complaint.trackingNo());
		return "redirect:/public/complaints?no=" + complaint.trackingNo();
	}

	@GetMapping("/public/reviews/{reviewId}/communes/{communeId}")
	String list(@PathVariable UUID reviewId, @PathVariable long communeId, Model model) {
		model.addAttribute("list", this.postings.publicList(reviewId, communeId));
		return "review/public-list";
	}

	/** A complaint's status and dates by its tracking number: no personal data. */
	@GetMapping("/public/complaints")
	String complaint(@RequestParam(required = false) String no, Model model) {
		if (no != null && !no.isBlank()) {
			model.addAttribute("complaint", this.postings.complaintStatus(no));
		}
		model.addAttribute("no", no);
		return "review/public-complaint";
	}

	/**
	 * The answer to a complaint, for whoever gives the last digits of the phone given
	 * with it; wrong digits are counted per complaint (HTTP 429 once too many today).
	 */
	@PostMapping("/public/complaints")
	String answer(@RequestParam(required = false) String no, @RequestParam(required = false) String digits, Model model,
			HttpServletResponse response) {
		Postings.Proof proof = this.postings.complaintAnswer(no, digits);
		model.addAttribute("complaint", proof.complaint());
		model.addAttribute("proof", proof);
		model.addAttribute("no", proof.complaint().trackingNo());
		if (!proof.proven()) {
			response.setStatus((proof.lockedUntil() != null) ? HttpStatus.TOO_MANY_REQUESTS.value()
					: HttpStatus.BAD_REQUEST.value());
			if (proof.lockedUntil() != null) {
				model.addAttribute("lockedUntil",
						proof.lockedUntil().atZoneSameInstant(vn.giamngheo.shared.ClockConfiguration.VIETNAM));
			}
		}
		return "review/public-complaint";
	}

}
