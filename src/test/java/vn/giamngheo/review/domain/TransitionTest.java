package vn.giamngheo.review.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.review.domain.Transition.CertificateAction;

import static org.assertj.core.api.Assertions.assertThat;

/** Every pair of last year's class × this year's class (plus "no record last year"). */
class TransitionTest {

	@ParameterizedTest(name = "{0} -> {1} (ever poor {2}, ever near {3}) = {4}, certificate {5}")
	@CsvSource(nullValues = "NONE_LAST_YEAR", value = {
			// last year POOR
			"POOR, POOR, false, false, CONTINUING_POOR, RENEW",
			"POOR, NEAR_POOR, false, false, POOR_TO_NEAR_POOR, ISSUE",
			"POOR, MIDDLE, false, false, EXITED_POOR, CANCEL", "POOR, ABOVE_MIDDLE, false, false, EXITED_POOR, CANCEL",
			"POOR, NOT_POOR, false, false, EXITED_POOR, CANCEL",
			// last year NEAR_POOR
			"NEAR_POOR, POOR, false, false, NEAR_POOR_TO_POOR, ISSUE",
			"NEAR_POOR, POOR, true, false, NEAR_POOR_TO_POOR, ISSUE",
			"NEAR_POOR, NEAR_POOR, false, false, CONTINUING_NEAR_POOR, RENEW",
			"NEAR_POOR, MIDDLE, false, false, EXITED_NEAR_POOR, CANCEL",
			"NEAR_POOR, ABOVE_MIDDLE, false, false, EXITED_NEAR_POOR, CANCEL",
			"NEAR_POOR, NOT_POOR, false, false, EXITED_NEAR_POOR, CANCEL",
			// last year above the lines, never poor before: new
			"MIDDLE, POOR, false, false, NEW_POOR, ISSUE", "ABOVE_MIDDLE, POOR, false, false, NEW_POOR, ISSUE",
			"NOT_POOR, POOR, false, false, NEW_POOR, ISSUE", "MIDDLE, NEAR_POOR, false, false, NEW_NEAR_POOR, ISSUE",
			"NOT_POOR, NEAR_POOR, false, false, NEW_NEAR_POOR, ISSUE", "MIDDLE, MIDDLE, false, false, NOT_POOR, NONE",
			"MIDDLE, ABOVE_MIDDLE, false, false, NOT_POOR, NONE", "ABOVE_MIDDLE, MIDDLE, false, false, NOT_POOR, NONE",
			"NOT_POOR, NOT_POOR, false, false, NOT_POOR, NONE",
			// last year above the lines, poor or near-poor in an earlier year: fell back
			"MIDDLE, POOR, true, false, FELL_BACK_POOR, ISSUE", "NOT_POOR, POOR, true, true, FELL_BACK_POOR, ISSUE",
			"MIDDLE, POOR, false, true, NEW_POOR, ISSUE", "MIDDLE, NEAR_POOR, false, true, FELL_BACK_NEAR_POOR, ISSUE",
			"ABOVE_MIDDLE, NEAR_POOR, true, false, FELL_BACK_NEAR_POOR, ISSUE",
			// no record last year
			"NONE_LAST_YEAR, POOR, false, false, NEW_POOR, ISSUE",
			"NONE_LAST_YEAR, POOR, true, false, FELL_BACK_POOR, ISSUE",
			"NONE_LAST_YEAR, NEAR_POOR, false, false, NEW_NEAR_POOR, ISSUE",
			"NONE_LAST_YEAR, MIDDLE, false, false, NOT_POOR, NONE",
			"NONE_LAST_YEAR, NOT_POOR, true, true, NOT_POOR, NONE" })
	void transitionAndCertificate(String lastYear, String thisYear, boolean everPoor, boolean everNear,
			Transition expected, CertificateAction certificate) {
		Transition t = Transition.of(lastYear, thisYear, everPoor, everNear);
		assertThat(t).isEqualTo(expected);
		assertThat(t.certificate()).isEqualTo(certificate);
	}

}
