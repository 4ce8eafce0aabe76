package vn.giamngheo.programmes.domain;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Due days of Mẫu 01 (ADR 0049), checked against a calendar by hand. */
class ReportDeadlinesTest {

	@ParameterizedTest(name = "{0} {1} {2} due {3}")
	@CsvSource({
			// province: before 01/06 and before 01/12 (Art. 4.2.a)
			"province, 2024, H1, 2024-05-31", "province, 2024, YEAR, 2024-11-30",
			// 30/06/2024 is a Sunday: 15 working days = 01/07 … 19/07 (Friday)
			"commune, 2024, H1, 2024-07-19", "district, 2024, H1, 2024-07-19",
			// 31/12/2024 is a Tuesday: 01/01/2025 … 21/01/2025 (Tuesday), weekends
			// skipped
			"commune, 2024, YEAR, 2025-01-21",
			// 30/06/2025 is a Monday: 01/07 … 21/07/2025 (Monday)
			"commune, 2025, H1, 2025-07-21" })
	void due(String level, int year, String period, LocalDate due) {
		assertThat(ReportDeadlines.due(level, year, period)).isEqualTo(due);
	}

	@ParameterizedTest(name = "due {0}, submitted {1}, today {2}: late {3}")
	@CsvSource({ "2024-07-19, 2024-07-19, 2024-08-01, false", "2024-07-19, 2024-07-22, 2024-08-01, true",
			"2024-07-19, , 2024-07-19, false", "2024-07-19, , 2024-07-20, true" })
	void late(LocalDate due, LocalDate submitted, LocalDate today, boolean late) {
		assertThat(ReportDeadlines.late(due, submitted, today)).isEqualTo(late);
	}

}
