package vn.giamngheo.review.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.giamngheo.shared.ClockConfiguration;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.review.ReviewHousehold;
import vn.giamngheo.review.Reviews;
import vn.giamngheo.review.Surveys;
import vn.giamngheo.review.domain.PhieuC;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.web.FormProblems;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * Step 2 on a phone: the reviewer's own worklist and the survey form (Phiếu B + Phiếu C)
 * of one household, with the proposed class and the engine's explanation once saved.
 * Reopened, the form shows what was saved; refused, it shows what was typed with each
 * message next to its field.
 */
@Controller
class SurveyPageController {

	/** The fields of the form, where their problems are shown. */
	static final List<String> FIELDS = List.of("way", "incomePerCapita", "scoreA", "scoreB", "housingQuality",
			"floorAreaM2", "waterSource", "latrine", "wasteHandling", "telecomUse", "internetUse", "infoDevices",
			"loudspeakerReach", "causes", "needs", "note");

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
		return page(rh, SurveyForm.of(rh), model);
	}

	private String page(ReviewHousehold rh, SurveyForm form, Model model) {
		model.addAttribute("rh", rh);
		model.addAttribute("form", form);
		model.addAttribute("review", this.reviews.review(rh.reviewId()));
		model.addAttribute("members", this.registry.members(rh.householdId(), false));
		model.addAttribute("today", LocalDate.now(ClockConfiguration.VIETNAM));
		model.addAttribute("causes", PhieuC.CAUSES);
		model.addAttribute("needs", PhieuC.NEEDS);
		SurveyForm.choices(model);
		return "review/survey";
	}

	@Requires(Permission.REVIEW_SURVEY)
	@PostMapping("/reviews/households/{reviewHouseholdId}/survey")
	String submit(@PathVariable UUID reviewHouseholdId, @ModelAttribute("form") SurveyForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.surveys.submit(reviewHouseholdId, form.toInput());
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			response.setStatus(ex.code().status().value());
			model.addAttribute("problems", FormProblems.of(ex, FIELDS));
			return page(this.reviews.household(reviewHouseholdId), form, model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/reviews/households/" + reviewHouseholdId + "/survey";
	}

}
