package vn.giamngheo.benefits.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.benefits.SupportPolicies;
import vn.giamngheo.benefits.SupportPolicy;
import vn.giamngheo.benefits.domain.PolicyRule;

/**
 * The support policies as cited data: every version with its eligibility, amounts, rates
 * and shares, each with its citation and verified flag. Open to every signed-in role.
 */
@RestController
@RequestMapping("/api/v1/support-policies")
public class PolicyApiController {

	private final SupportPolicies policies;

	PolicyApiController(SupportPolicies policies) {
		this.policies = policies;
	}

	/**
	 * A policy as the API lists it.
	 *
	 * @param code the policy's code
	 * @param name Vietnamese name
	 * @param nameEn English name
	 * @param agency the delivering agency
	 * @param benefitUnit {@code HOUSEHOLD} or {@code MEMBER}
	 * @param validFrom first day of the first version
	 * @param validTo last day of the last version, or null while in force
	 * @param needs demand kinds it answers
	 * @param demandRequired whether coverage counts only the eligible with a demand
	 * @param allVerified whether every rule of every version was verified
	 * @param latestVersion the latest version's number
	 */
	public record PolicySummary(String code, String name, String nameEn, String agency, String benefitUnit,
			LocalDate validFrom, LocalDate validTo, List<String> needs, boolean demandRequired, boolean allVerified,
			int latestVersion) {
	}

	/** The list. */
	public record PolicyList(List<PolicySummary> items) {
	}

	/** One policy with every version's rules. */
	public record PolicyDetail(PolicySummary policy, List<PolicyRule> versions) {
	}

	@GetMapping
	public PolicyList list() {
		return new PolicyList(byCode().values().stream().map(PolicyApiController::summary).toList());
	}

	@GetMapping("/{code}")
	public PolicyDetail get(@PathVariable String code) {
		this.policies.require(code);
		List<SupportPolicy> versions = this.policies.versions(code);
		return new PolicyDetail(summary(versions), versions.stream().map(SupportPolicy::rule).toList());
	}

	/** Every policy's versions, by code. */
	Map<String, List<SupportPolicy>> byCode() {
		Map<String, List<SupportPolicy>> out = new LinkedHashMap<>();
		for (SupportPolicy p : this.policies.all()) {
			out.computeIfAbsent(p.code(), (c) -> new ArrayList<>()).add(p);
		}
		return out;
	}

	static PolicySummary summary(List<SupportPolicy> versions) {
		SupportPolicy first = versions.get(0);
		SupportPolicy last = versions.get(versions.size() - 1);
		return new PolicySummary(last.code(), last.name(), last.nameEn(), last.agency(), last.benefitUnit(),
				first.validFrom(), last.validTo(), last.needs(), last.demandRequired(),
				versions.stream().allMatch(SupportPolicy::allVerified), last.version());
	}

}
