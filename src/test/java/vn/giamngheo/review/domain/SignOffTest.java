package vn.giamngheo.review.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.review.domain.SignOff.Action;

import static org.assertj.core.api.Assertions.assertThat;

class SignOffTest {

	@ParameterizedTest(name = "{0} + {1} -> {2}")
	@CsvSource({ "OPEN, SUBMIT, SUBMITTED", "RETURNED, SUBMIT, SUBMITTED", "SUBMITTED, APPROVE, APPROVED",
			"SUBMITTED, RETURN, RETURNED", "APPROVED, REOPEN, OPEN", "OPEN, APPROVE, ", "OPEN, RETURN, ",
			"OPEN, REOPEN, ", "SUBMITTED, SUBMIT, ", "SUBMITTED, REOPEN, ", "APPROVED, SUBMIT, ", "APPROVED, RETURN, ",
			"APPROVED, APPROVE, ", "RETURNED, APPROVE, " })
	void signOffTable(SignOff from, Action action, SignOff to) {
		assertThat(from.after(action).orElse(null)).isEqualTo(to);
	}

	@ParameterizedTest(name = "two levels: {0} + {1} -> {2}")
	@CsvSource({ "OPEN, SUBMIT, SUBMITTED", "RETURNED, SUBMIT, SUBMITTED", "SUBMITTED, APPROVE, DISTRICT_APPROVED",
			"SUBMITTED, RETURN, RETURNED", "DISTRICT_APPROVED, APPROVE, APPROVED",
			"DISTRICT_APPROVED, RETURN, RETURNED", "APPROVED, REOPEN, OPEN", "DISTRICT_APPROVED, SUBMIT, ",
			"DISTRICT_APPROVED, REOPEN, ", "OPEN, APPROVE, ", "RETURNED, APPROVE, ", "APPROVED, APPROVE, ",
			"APPROVED, RETURN, ", "SUBMITTED, SUBMIT, " })
	void twoLevelTable(SignOff from, Action action, SignOff to) {
		assertThat(from.after(action, ApprovalLevels.DISTRICT_THEN_PROVINCE).orElse(null)).isEqualTo(to);
	}

	@ParameterizedTest(name = "one level: {0} + {1} -> {2}")
	@CsvSource({ "SUBMITTED, APPROVE, APPROVED", "SUBMITTED, RETURN, RETURNED", "DISTRICT_APPROVED, APPROVE, ",
			"OPEN, SUBMIT, SUBMITTED", "APPROVED, REOPEN, OPEN" })
	void oneLevelTable(SignOff from, Action action, SignOff to) {
		assertThat(from.after(action, ApprovalLevels.PROVINCE).orElse(null)).isEqualTo(to);
	}

	@ParameterizedTest(name = "{0}: editable {1}, locked {2}")
	@CsvSource({ "OPEN, true, false", "RETURNED, true, false", "SUBMITTED, false, false",
			"DISTRICT_APPROVED, false, false", "APPROVED, false, true" })
	void onlyOpenOrReturnedDataChanges(SignOff status, boolean editable, boolean locked) {
		assertThat(status.editable()).isEqualTo(editable);
		assertThat(status.locked()).isEqualTo(locked);
	}

}
