package vn.giamngheo.benefits;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SupportPoliciesTest {

	@Test
	void theShippedPoliciesLoadWithTheirAgencyAndDates() {
		SupportPolicies policies = new SupportPolicies();
		assertThat(policies.all()).extracting(SupportPolicy::code)
			.contains("HI_POOR", "HI_NEAR_POOR", "LOAN_POOR", "LOAN_NEAR_POOR", "LOAN_EXITED", "LOAN_HOUSING",
					"LOAN_STUDENT", "TUITION_EXEMPTION", "LEARNING_SUPPORT", "ELECTRICITY", "HOUSING_2016",
					"HOUSING_2021", "VOCATIONAL_TRAINING", "JOB_SUPPORT", "LIVELIHOOD", "LEGAL_AID", "TET_GIFT",
					"EXIT_PLAN_SUPPORT");
		SupportPolicy exited = policies.require("LOAN_EXITED");
		assertThat(exited.agency()).isEqualTo("VBSP");
		assertThat(exited.validFrom()).isEqualTo(LocalDate.of(2015, 9, 5));
		assertThat(policies.find("HOUSING_2016", LocalDate.of(2021, 1, 1))).isEmpty();
		assertThat(policies.find("HOUSING_2016", LocalDate.of(2020, 12, 31))).isPresent();
	}

}
