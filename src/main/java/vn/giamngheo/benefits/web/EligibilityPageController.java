package vn.giamngheo.benefits.web;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.giamngheo.benefits.EligibilityLists;
import vn.giamngheo.benefits.EligibilityLists.EntryPage;
import vn.giamngheo.benefits.EligibilityLists.Filter;
import vn.giamngheo.benefits.EligibilityLists.RunSummary;
import vn.giamngheo.benefits.SupportPolicies;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * Pages of the eligibility lists: a commune's policies with their counts and the last run
 * ({@code /support/lists?unitId=}), one policy's list with the reasons, new and ended
 * entries ({@code &policy=}), and the button that draws the lists again.
 */
@Controller
public class EligibilityPageController {

	static final int PAGE = 100;

	private final EligibilityLists lists;

	private final SupportPolicies policies;

	public EligibilityPageController(EligibilityLists lists, SupportPolicies policies) {
		this.lists = lists;
		this.policies = policies;
	}

	@GetMapping("/support/lists")
	String lists(@RequestParam(required = false) Long unitId, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String policy, @RequestParam(required = false) String change,
			@RequestParam(required = false) Long villageId, @RequestParam(required = false) String name,
			@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
		if (unitId == null && (unit == null || unit.isBlank())) {
			return "support/lists";
		}
		long commune = this.lists.unitId(unit, unitId);
		model.addAttribute("unitId", commune);
		EligibilityLists.Summary summary = this.lists.summary(commune);
		model.addAttribute("summary", summary);
		model.addAttribute("runs", this.lists.runs(commune).stream().limit(10).toList());
		if (policy == null || policy.isBlank()) {
			return "support/lists";
		}
		model.addAttribute("policy", this.policies.require(policy));
		String shown = (change == null || change.isBlank()) ? "ALL" : change;
		EntryPage entries = this.lists.entries(new Filter(commune, policy, shown, villageId, name), page, PAGE, locale);
		model.addAttribute("entries", entries);
		model.addAttribute("change", shown);
		model.addAttribute("villageId", villageId);
		model.addAttribute("name", name);
		model.addAttribute("villages", this.lists.villages(commune));
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("pages", Math.max(1, (entries.total() + PAGE - 1) / PAGE));
		return "support/list";
	}

	@Requires(Permission.SUPPORT_LISTS)
	@PostMapping("/support/lists/runs")
	String generate(@RequestParam Long unitId, @RequestParam(required = false) String policy,
			RedirectAttributes redirect) {
		int entries = 0;
		int started = 0;
		int ended = 0;
		for (RunSummary s : this.lists.request(unitId)) {
			entries += s.entries();
			started += s.started();
			ended += s.ended();
		}
		redirect.addFlashAttribute("generated", new int[] { entries, started, ended });
		redirect.addAttribute("unitId", unitId);
		if (policy != null && !policy.isBlank()) {
			redirect.addAttribute("policy", policy);
		}
		return "redirect:/support/lists";
	}

}
