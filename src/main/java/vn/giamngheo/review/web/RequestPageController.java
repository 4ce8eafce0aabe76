package vn.giamngheo.review.web;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.giamngheo.review.InYearRequest;
import vn.giamngheo.review.InYearRequests;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * Pages of the in-year review: requests (Mẫu 01 / Mẫu 04), survey, decision or refusal.
 */
@Controller
class RequestPageController {

	private final InYearRequests requests;

	RequestPageController(InYearRequests requests) {
		this.requests = requests;
	}

	@GetMapping("/reviews/requests")
	String list(@RequestParam(defaultValue = "false") boolean open, Model model) {
		model.addAttribute("requests", this.requests.list(open));
		model.addAttribute("open", open);
		model.addAttribute("today", this.requests.today());
		model.addAttribute("reportDue", this.requests.monthlyReportDue());
		model.addAttribute("forms", InYearRequests.FORMS);
		return "review/requests";
	}

	@Requires(Permission.IN_YEAR_REQUESTS)
	@PostMapping("/reviews/requests")
	String receive(@RequestParam(required = false) String householdCode, @RequestParam(required = false) String form,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
			@RequestParam(required = false) String applicant, @RequestParam(required = false) String reason) {
		InYearRequest request = this.requests.receive(householdCode, form, receivedOn, applicant, reason);
		return "redirect:/reviews/requests/" + request.id();
	}

	@GetMapping("/reviews/requests/{requestId}")
	String request(@PathVariable UUID requestId, Model model) {
		model.addAttribute("r", this.requests.request(requestId));
		model.addAttribute("today", this.requests.today());
		SurveyForm.choices(model);
		return "review/request";
	}

	@Requires(Permission.IN_YEAR_REQUESTS)
	@PostMapping("/reviews/requests/{requestId}/survey")
	String survey(@PathVariable UUID requestId, @ModelAttribute SurveyForm form) {
		// an in-year request records Phiếu B only (no Phiếu C)
		form.setCauses(null);
		form.setNeeds(null);
		form.setNote(null);
		this.requests.survey(requestId, form.toInput());
		return "redirect:/reviews/requests/" + requestId;
	}

	@Requires(Permission.IN_YEAR_REQUESTS)
	@PostMapping("/reviews/requests/{requestId}/decisions")
	String recognise(@PathVariable UUID requestId, @RequestParam int version,
			@RequestParam(required = false) String decisionNo,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate) {
		this.requests.recognise(requestId, version, decisionNo, decisionDate);
		return "redirect:/reviews/requests/" + requestId;
	}

	@Requires(Permission.IN_YEAR_REQUESTS)
	@PostMapping("/reviews/requests/{requestId}/refusals")
	String refuse(@PathVariable UUID requestId, @RequestParam int version,
			@RequestParam(required = false) String reason) {
		this.requests.refuse(requestId, version, reason);
		return "redirect:/reviews/requests/" + requestId;
	}

}
