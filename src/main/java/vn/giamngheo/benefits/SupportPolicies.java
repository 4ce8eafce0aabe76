package vn.giamngheo.benefits;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;

/**
 * The support policies, read once at start from {@code policies/*.yaml}. (Skeleton of the
 * issue 16 contract: the policies part makes the loading strict and adds the rules.)
 */
@Component
public class SupportPolicies {

	private final List<SupportPolicy> policies;

	public SupportPolicies() {
		List<SupportPolicy> loaded = new ArrayList<>();
		try {
			for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:policies/*.yaml")) {
				try (InputStream in = r.getInputStream()) {
					Map<String, Object> m = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
					@SuppressWarnings("unchecked")
					Map<String, Object> basis = (Map<String, Object>) m.get("legal_basis");
					@SuppressWarnings("unchecked")
					List<String> needs = (List<String>) m.get("needs");
					loaded.add(new SupportPolicy(str(m, "code"), ((Number) m.get("version")).intValue(), str(m, "name"),
							str(m, "name_en"), str(m, "agency"), str(m, "benefit_unit"), date(m.get("valid_from")),
							date(m.get("valid_to")), str(basis, "citation"), Boolean.TRUE.equals(basis.get("verified")),
							needs, Boolean.TRUE.equals(m.get("demand_required")), r.getFilename()));
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Support policy files cannot be read", ex);
		}
		loaded.sort(Comparator.comparing(SupportPolicy::code).thenComparing(SupportPolicy::version));
		this.policies = List.copyOf(loaded);
	}

	private static String str(Map<String, Object> m, String key) {
		Object v = m.get(key);
		return (v == null) ? null : v.toString();
	}

	private static LocalDate date(Object v) {
		if (v instanceof java.util.Date d) {
			return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
		}
		return (v == null) ? null : LocalDate.parse(v.toString());
	}

	/** Every version of every policy, by code then version. */
	public List<SupportPolicy> all() {
		return this.policies;
	}

	/** The latest version of a policy. */
	public Optional<SupportPolicy> find(String code) {
		return this.policies.stream().filter((p) -> p.code().equals(code)).reduce((a, b) -> b);
	}

	/** The version of a policy in force on a day. */
	public Optional<SupportPolicy> find(String code, LocalDate day) {
		return this.policies.stream().filter((p) -> p.code().equals(code) && p.inForceOn(day)).reduce((a, b) -> b);
	}

	/** The latest version of a policy, or 404. */
	public SupportPolicy require(String code) {
		return find(code).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "support.policy.unknown", code));
	}

	/** The pure eligibility rules of every policy (built from the files). */
	public vn.giamngheo.benefits.domain.EligibilityRules rules() {
		return new vn.giamngheo.benefits.domain.EligibilityRules();
	}

	/** The policies in force on a day (one version each). */
	public List<SupportPolicy> inForceOn(LocalDate day) {
		return this.policies.stream().filter((p) -> p.inForceOn(day)).toList();
	}

}
