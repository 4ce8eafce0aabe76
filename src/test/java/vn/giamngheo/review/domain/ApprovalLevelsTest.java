package vn.giamngheo.review.domain;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.review.domain.ApprovalLevels.Level;
import vn.giamngheo.review.domain.SignOff.Action;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalLevelsTest {

	@ParameterizedTest(name = "under district {0}, decided {1} -> {2}")
	@CsvSource({ "true, 2024-12-20, DISTRICT_THEN_PROVINCE", "true, 2025-06-30, DISTRICT_THEN_PROVINCE",
			"true, 2025-07-01, PROVINCE", "true, 2025-12-20, PROVINCE", "false, 2024-12-20, PROVINCE",
			"false, 2025-12-20, PROVINCE" })
	void twoLevelsOnlyUnderADistrictBeforeTheReform(boolean underDistrict, LocalDate decided, ApprovalLevels levels) {
		assertThat(ApprovalLevels.of(underDistrict, decided)).isEqualTo(levels);
	}

	@ParameterizedTest(name = "{0}: {1} {2} by {3}")
	@CsvSource({ "DISTRICT_THEN_PROVINCE, OPEN, SUBMIT, COMMUNE",
			"DISTRICT_THEN_PROVINCE, SUBMITTED, APPROVE, DISTRICT",
			"DISTRICT_THEN_PROVINCE, SUBMITTED, RETURN, DISTRICT",
			"DISTRICT_THEN_PROVINCE, DISTRICT_APPROVED, APPROVE, PROVINCE",
			"DISTRICT_THEN_PROVINCE, DISTRICT_APPROVED, RETURN, PROVINCE",
			"DISTRICT_THEN_PROVINCE, APPROVED, REOPEN, PROVINCE", "PROVINCE, RETURNED, SUBMIT, COMMUNE",
			"PROVINCE, SUBMITTED, APPROVE, PROVINCE", "PROVINCE, SUBMITTED, RETURN, PROVINCE",
			"PROVINCE, APPROVED, REOPEN, PROVINCE" })
	void whoActs(ApprovalLevels levels, SignOff from, Action action, Level level) {
		assertThat(levels.actor(from, action)).isEqualTo(level);
	}

}
