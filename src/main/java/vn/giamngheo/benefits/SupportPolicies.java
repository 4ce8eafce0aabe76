package vn.giamngheo.benefits;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import vn.giamngheo.benefits.domain.EligibilityRules;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;

/**
 * The support policies, read once at start from {@code policies/*.yaml} and checked
 * strictly (format: ADR 0034): a bad file stops the start with a message naming the file
 * and the field.
 */
@Component
public class SupportPolicies {

	/** Where the shipped policy files are. */
	public static final String LOCATION = "classpath:policies/*.yaml";

	private final List<SupportPolicy> policies;

	private final EligibilityRules rules;

	public SupportPolicies() {
		this(LOCATION);
	}

	/**
	 * Reads the policy files at a location.
	 * @param location a resource pattern ({@code classpath:policies/*.yaml})
	 * @throws PolicyFileException when a file is malformed
	 */
	public SupportPolicies(String location) {
		List<SupportPolicy> loaded = new ArrayList<>();
		Map<String, String> fileOfCode = new HashMap<>();
		try {
			for (Resource r : new PathMatchingResourcePatternResolver().getResources(location)) {
				String file = r.getFilename();
				Object yaml;
				try (InputStream in = r.getInputStream()) {
					LoaderOptions options = new LoaderOptions();
					options.setAllowDuplicateKeys(false);
					yaml = new Yaml(new SafeConstructor(options)).load(in);
				}
				catch (YAMLException ex) {
					throw new PolicyFileException(file, "(file)", "not valid YAML: " + ex.getMessage());
				}
				List<SupportPolicy> versions = PolicyFiles.read(file, yaml);
				String code = versions.get(0).code();
				String other = fileOfCode.putIfAbsent(code, file);
				if (other != null) {
					throw new PolicyFileException(file, "code", "policy " + code + " is already stated in " + other);
				}
				loaded.addAll(versions);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Support policy files cannot be read", ex);
		}
		loaded.sort(Comparator.comparing(SupportPolicy::code).thenComparing(SupportPolicy::version));
		this.policies = List.copyOf(loaded);
		this.rules = new EligibilityRules(this.policies.stream().map(SupportPolicy::rule).toList());
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

	/** Every version of one policy, oldest first. */
	public List<SupportPolicy> versions(String code) {
		return this.policies.stream().filter((p) -> p.code().equals(code)).toList();
	}

	/** The latest version of a policy, or 404. */
	public SupportPolicy require(String code) {
		return find(code).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "support.policy.unknown", code));
	}

	/** The pure eligibility rules of every policy (built from the files). */
	public EligibilityRules rules() {
		return this.rules;
	}

	/** The policies in force on a day (one version each). */
	public List<SupportPolicy> inForceOn(LocalDate day) {
		return this.policies.stream().filter((p) -> p.inForceOn(day)).toList();
	}

}
