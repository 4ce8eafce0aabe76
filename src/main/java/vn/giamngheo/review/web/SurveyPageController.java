package vn.giamngheo.review.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.review.ReviewHousehold;
import vn.giamngheo.review.Reviews;
import vn.giamngheo.review.Surveys;
import vn.giamngheo.review.Surveys.SurveyInput;
import vn.giamngheo.review.domain.PhieuC;
import vn.giamngheo.standards.HouseholdFacts;

/**
 * Step 2 on a phone: the reviewer's own worklist and the survey form (Phiếu B + Phiếu C)
 * of one household, with the proposed class and the engine's explanation once saved.
 */
@Controller
class SurveyPageController {

	private final Reviews reviews;

	private final Surveys surveys;

	private final HouseholdRegistry registry;

	SurveyPageController(Reviews reviews, Surveys surveys, HouseholdRegistry registry) {
		this.reviews = reviews;
		this.surveys = surveys;
		this.registry = registry;
	}

	@GetMapping("/reviews/households/{reviewHouseholdId}/survey")
	String form(@PathVariable UUID reviewHouseholdId, Model model) {
		ReviewHousehold rh = this.reviews.household(reviewHouseholdId);
		model.addAttribute("rh", rh);
		model.addAttribute("review", this.reviews.review(rh.reviewId()));
		model.addAttribute("members", this.registry.members(rh.householdId(), false));
		model.addAttribute("today", LocalDate.now());
		model.addAttribute("causes", PhieuC.CAUSES);
		model.addAttribute("needs", PhieuC.NEEDS);
		model.addAttribute("housing", HouseholdFacts.HousingQuality.values());
		model.addAttribute("water", HouseholdFacts.WaterSource.values());
		model.addAttribute("latrines", HouseholdFacts.Latrine.values());
		model.addAttribute("waste", HouseholdFacts.WasteHandling.values());
		return "review/survey";
	}

	@PostMapping("/reviews/households/{reviewHouseholdId}/survey")
	String submit(@PathVariable UUID reviewHouseholdId, @RequestParam int version,
			@RequestParam(defaultValue = "INCOME") String way, @RequestParam(required = false) Long incomePerCapita,
			@RequestParam(required = false) Integer scoreA, @RequestParam(required = false) Integer scoreB,
			@RequestParam(required = false) String housingQuality,
			@RequestParam(required = false) BigDecimal floorAreaM2, @RequestParam(required = false) String waterSource,
			@RequestParam(required = false) String latrine, @RequestParam(defaultValue = "false") boolean telecomUse,
			@RequestParam(defaultValue = "false") boolean internetUse,
			@RequestParam(defaultValue = "false") boolean infoDevices,
			@RequestParam(defaultValue = "false") boolean loudspeakerReach,
			@RequestParam(required = false) String wasteHandling, @RequestParam(required = false) List<String> causes,
			@RequestParam(required = false) List<String> needs, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		this.surveys.submit(reviewHouseholdId,
				new SurveyInput(version, way, incomePerCapita, scoreA, scoreB, housingQuality, floorAreaM2, waterSource,
						latrine, telecomUse, internetUse, infoDevices, loudspeakerReach, wasteHandling, causes, needs,
						note));
		redirect.addFlashAttribute("saved", true);
		return "redirect:/reviews/households/" + reviewHouseholdId + "/survey";
	}

}
