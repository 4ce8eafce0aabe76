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

	@ParameterizedTest(name = "{0}: editable {1}, locked {2}")
	@CsvSource({ "OPEN, true, false", "RETURNED, true, false", "SUBMITTED, false, false", "APPROVED, false, true" })
	void onlyOpenOrReturnedDataChanges(SignOff status, boolean editable, boolean locked) {
		assertThat(status.editable()).isEqualTo(editable);
		assertThat(status.locked()).isEqualTo(locked);
	}

}
