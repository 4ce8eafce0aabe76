package vn.giamngheo.review.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.identity.Role;
import vn.giamngheo.review.CommuneProgress;
import vn.giamngheo.review.Review;
import vn.giamngheo.review.Reviews;
import vn.giamngheo.shared.scope.Actor;

/**
 * The home page {@code /}, where everyone lands after logging in: the page of the own
 * work (ADR 0025). A commune officer or reviewer: the commune's page in the review of
 * this year, else the commune's households; a district or province officer: the progress
 * board of this year's review, else the reviews; a leader: the targets; a partner agency:
 * the households; an auditor: the audit trail; the administrator: the users. Lives in
 * review because the review is the only page that needs a look-up; the others are links.
 */
@Controller
class LandingController {

	private final Reviews reviews;

	private final CurrentActor actor;

	private final Clock clock;

	LandingController(Reviews reviews, CurrentActor actor, Clock clock) {
		this.reviews = reviews;
		this.actor = actor;
		this.clock = clock;
	}

	@GetMapping("/")
	String home() {
		Actor current = this.actor.get();
		if (has(current, Role.SYSTEM_ADMIN)) {
			return "redirect:/admin/users";
		}
		if (has(current, Role.LEADER)) {
			return "redirect:/targets";
		}
		if (has(current, Role.AUDITOR)) {
			return "redirect:/audit";
		}
		if (has(current, Role.COMMUNE_OFFICER) || has(current, Role.REVIEWER)) {
			return commune(current);
		}
		if (has(current, Role.PROVINCE_OFFICER) || has(current, Role.DISTRICT_OFFICER)) {
			Review review = currentReview();
			return (review != null) ? "redirect:/reviews/" + review.id() : "redirect:/reviews";
		}
		return "redirect:/households";
	}

	/** The commune's page in this year's review, else the commune's households. */
	private String commune(Actor current) {
		Review review = currentReview();
		if (review != null) {
			List<CommuneProgress> communes = this.reviews.board(review.id()).communes();
			if (communes.size() == 1) {
				return "redirect:/reviews/" + review.id() + "/communes/" + communes.get(0).communeId();
			}
		}
		List<String> paths = current.scope().viewPaths();
		if (paths.size() == 1) {
			String[] ids = paths.get(0).split("/");
			if (ids.length > 0 && !ids[ids.length - 1].isEmpty()) {
				return "redirect:/households?unit=" + ids[ids.length - 1];
			}
		}
		return "redirect:/households";
	}

	/**
	 * The review under way: the latest of the user's scope held this year (Viet Nam's
	 * date) or later, or {@code null}.
	 */
	private Review currentReview() {
		int year = LocalDate.now(this.clock).getYear();
		List<Review> list = this.reviews.list();
		return (!list.isEmpty() && list.get(0).year() >= year) ? list.get(0) : null;
	}

	private static boolean has(Actor actor, Role role) {
		return actor.hasRole(role.name());
	}

}
