package vn.giamngheo.review.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.giamngheo.review.InYearRequest;
import vn.giamngheo.review.InYearRequests;
import vn.giamngheo.review.Surveys.SurveyInput;
import vn.giamngheo.standards.HouseholdFacts;

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
		model.addAttribute("housing", HouseholdFacts.HousingQuality.values());
		model.addAttribute("water", HouseholdFacts.WaterSource.values());
		model.addAttribute("latrines", HouseholdFacts.Latrine.values());
		model.addAttribute("waste", HouseholdFacts.WasteHandling.values());
		return "review/request";
	}

	@PostMapping("/reviews/requests/{requestId}/survey")
	String survey(@PathVariable UUID requestId, @RequestParam int version,
			@RequestParam(defaultValue = "INCOME") String way, @RequestParam(required = false) Long incomePerCapita,
			@RequestParam(required = false) Integer scoreA, @RequestParam(required = false) Integer scoreB,
			@RequestParam(required = false) String housingQuality,
			@RequestParam(required = false) BigDecimal floorAreaM2, @RequestParam(required = false) String waterSource,
			@RequestParam(required = false) String latrine, @RequestParam(defaultValue = "false") boolean telecomUse,
			@RequestParam(defaultValue = "false") boolean internetUse,
			@RequestParam(defaultValue = "false") boolean infoDevices,
			@RequestParam(defaultValue = "false") boolean loudspeakerReach,
			@RequestParam(required = false) String wasteHandling) {
		this.requests.survey(requestId,
				new SurveyInput(version, way, incomePerCapita, scoreA, scoreB, housingQuality, floorAreaM2, waterSource,
						latrine, telecomUse, internetUse, infoDevices, loudspeakerReach, wasteHandling, null, null,
						null));
		return "redirect:/reviews/requests/" + requestId;
	}

	@PostMapping("/reviews/requests/{requestId}/decisions")
	String recognise(@PathVariable UUID requestId, @RequestParam int version,
			@RequestParam(required = false) String decisionNo,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate) {
		this.requests.recognise(requestId, version, decisionNo, decisionDate);
		return "redirect:/reviews/requests/" + requestId;
	}

	@PostMapping("/reviews/requests/{requestId}/refusals")
	String refuse(@PathVariable UUID requestId, @RequestParam int version,
			@RequestParam(required = false) String reason) {
		this.requests.refuse(requestId, version, reason);
		return "redirect:/reviews/requests/" + requestId;
	}

}
