package vn.giamngheo.benefits.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.giamngheo.benefits.SupportPolicies;
import vn.giamngheo.benefits.SupportPolicy;

/**
 * The support policies' pages: the list, and one policy with every version's rules, each
 * unverified fact marked. Open to every signed-in role.
 */
@Controller
public class PolicyPageController {

	private final SupportPolicies policies;

	private final PolicyApiController api;

	private final PolicyTexts texts;

	PolicyPageController(SupportPolicies policies, PolicyApiController api, PolicyTexts texts) {
		this.policies = policies;
		this.api = api;
		this.texts = texts;
	}

	@GetMapping("/support/policies")
	String list(Model model) {
		model.addAttribute("policies", this.api.byCode().values().stream().map((v) -> v.get(v.size() - 1)).toList());
		model.addAttribute("summaries",
				this.api.byCode()
					.values()
					.stream()
					.map(PolicyApiController::summary)
					.collect(java.util.stream.Collectors.toMap(PolicyApiController.PolicySummary::code, (s) -> s)));
		return "benefits/policies";
	}

	@GetMapping("/support/policies/{code}")
	String policy(@PathVariable String code, Model model) {
		SupportPolicy latest = this.policies.require(code);
		List<SupportPolicy> versions = this.policies.versions(code);
		model.addAttribute("policy", latest);
		model.addAttribute("title", this.texts.name(latest));
		model.addAttribute("summary", PolicyApiController.summary(versions));
		List<SupportPolicy> newestFirst = new java.util.ArrayList<>(versions);
		java.util.Collections.reverse(newestFirst);
		model.addAttribute("versions", newestFirst);
		return "benefits/policy";
	}

}
