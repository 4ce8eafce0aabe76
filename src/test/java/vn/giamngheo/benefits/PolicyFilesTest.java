package vn.giamngheo.benefits;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.benefits.domain.Term;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bad policy file stops the start with the file and the field: one broken copy of a
 * valid file per mistake (test resources {@code policies-broken/<case>/}).
 */
class PolicyFilesTest {

	static SupportPolicies load(String dir) {
		return new SupportPolicies("classpath:policies-broken/" + dir + "/*.yaml");
	}

	@Test
	void theValidFileLoadsBothVersionsWithTheirRules() {
		SupportPolicies policies = load("valid");
		assertThat(policies.versions("TEST_POLICY")).extracting(SupportPolicy::version).containsExactly(1, 2);
		SupportPolicy first = policies.find("TEST_POLICY", LocalDate.of(2022, 12, 31)).orElseThrow();
		assertThat(first.version()).isEqualTo(1);
		assertThat(first.rule().rates()).singleElement().extracting(Term::percent).isEqualTo(new BigDecimal("6.60"));
		assertThat(first.rule().amounts().get(0).vnd()).isEqualTo(100_000_000L);
		assertThat(first.allVerified()).isTrue();
		assertThat(policies.find("TEST_POLICY", LocalDate.of(2023, 1, 1)).orElseThrow().version()).isEqualTo(2);
	}

	@ParameterizedTest(name = "{0} → {2}")
	@CsvSource({ "unknown-key, test-policy.yaml, colour, unknown key",
			"missing-citation, test-policy.yaml, versions[0].eligibility.citation, missing",
			"missing-verified, test-policy.yaml, versions[0].amounts[0].verified, verified: true or false",
			"bad-date, test-policy.yaml, versions[0].valid_to, not a date",
			"overlapping-versions, test-policy.yaml, versions[1].valid_from, overlaps version 1",
			"unknown-agency, test-policy.yaml, agency, unknown agency",
			"unknown-benefit-unit, test-policy.yaml, benefit_unit, unknown benefit unit",
			"unknown-class, test-policy.yaml, versions[1].eligibility.any_of[0].class_in, unknown class",
			"unknown-designation, test-policy.yaml, versions[0].eligibility.any_of[0].designation_any, unknown designation",
			"unknown-need, test-policy.yaml, needs, unknown need code",
			"shares-not-100, test-policy.yaml, versions[0].shares, sum to 90",
			"float-rate, test-policy.yaml, versions[0].rates[0].percent, never as a float",
			"float-money, test-policy.yaml, versions[0].amounts[0].vnd, whole number of VND",
			"unverified-without-note, test-policy.yaml, versions[0].rates[0].note, needs a note",
			"wrong-file-name, loan-poor.yaml, code, must be named test-policy.yaml" })
	void aBrokenFileStopsTheStartNamingTheFileAndTheField(String dir, String file, String field, String reason) {
		assertThatThrownBy(() -> load(dir)).isInstanceOfSatisfying(PolicyFileException.class, (ex) -> {
			assertThat(ex.file()).isEqualTo(file);
			assertThat(ex.field()).isEqualTo(field);
			assertThat(ex.getMessage()).startsWith("Support policy file " + file + ": " + field + ": ")
				.contains(reason);
		});
	}

}
