package vn.giamngheo.analytics.domain;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewYearsTest {

	@ParameterizedTest
	@CsvSource({ "2010-01-01, 2025-06-30, 2010, 2024", // the 2024 list: years up to 2024
			"2025-07-01, , 2025, 32767", // the 2025 list: from 2025 on, still in force
			"2025-07-01, 2026-12-31, 2025, 2026", // ended on a reference date: owns that
													// year
			"2025-07-01, 2026-12-30, 2025, 2025", // ended the day before: does not
			"2026-01-01, , 2026, 32767" })
	void aUnitOwnsTheYearsWhoseReferenceDateFallsInItsValidity(LocalDate from, LocalDate to, int first, int last) {
		assertThat(ReviewYears.firstFrom(from)).isEqualTo(first);
		assertThat(ReviewYears.lastTo(to)).isEqualTo(last);
		// the rule itself: 31/12 of the first year is inside, of the year before outside
		assertThat(ReviewYears.referenceDate(first)).isAfterOrEqualTo(from);
		assertThat(ReviewYears.referenceDate(first - 1)).isBefore(from);
	}

	@ParameterizedTest
	@CsvSource({ "2024, false", "2025, true", "2026, true" })
	void reviewsFrom2025ReadTheNewUnits(int year, boolean onNew) {
		assertThat(year >= ReviewYears.firstAfterReform()).isEqualTo(onNew);
	}

}
