package vn.giamngheo.review.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Window and deadlines computed from a fixed clock (Asia/Ho_Chi_Minh). */
class ReviewCalendarTest {

	static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

	static LocalDate today(String instant) {
		return LocalDate.now(Clock.fixed(Instant.parse(instant), VN));
	}

	@ParameterizedTest(name = "{0} -> window open {1}")
	@CsvSource({ "2025-08-31T16:59:59Z, false", "2025-08-31T17:00:00Z, true", "2025-12-14T16:59:59Z, true",
			"2025-12-14T17:00:00Z, false", "2025-10-10T03:00:00Z, true" })
	void windowFromTheFirstOfSeptemberToTheEndOfTheFourteenthOfDecember(String now, boolean open) {
		ReviewCalendar calendar = ReviewCalendar.DEFAULT;
		assertThat(ReviewCalendar.within(today(now), calendar.windowFrom(2025), calendar.windowTo(2025)))
			.isEqualTo(open);
	}

	@ParameterizedTest(name = "{0} {1}: overdue {2} (done {3})")
	@CsvSource({ "PRELIMINARY, 2025-11-14T10:00:00Z, false, false", "PRELIMINARY, 2025-11-14T17:00:00Z, true, false",
			"PRELIMINARY, 2025-11-20T10:00:00Z, false, true", "OFFICIAL, 2025-12-19T10:00:00Z, false, false",
			"OFFICIAL, 2025-12-19T17:00:00Z, true, false", "WINDOW_END, 2025-12-15T10:00:00Z, true, false" })
	void periodicDeadlines(String key, String now, boolean overdue, boolean done) {
		ReviewCalendar.Deadline deadline = ReviewCalendar.DEFAULT.deadlines(2025)
			.stream()
			.filter((d) -> d.key().equals(key))
			.findFirst()
			.orElseThrow();
		assertThat(deadline.overdue(today(now), done)).isEqualTo(overdue);
	}

	@ParameterizedTest(name = "month {0}: report due {1}")
	@CsvSource(nullValues = "NONE",
			value = { "2025-01, 2025-02-05", "2025-08, 2025-09-05", "2025-09, NONE", "2025-12, NONE", "2025-11, NONE" })
	void monthlyReportsFebruaryToSeptember(String month, LocalDate due) {
		assertThat(ReviewCalendar.DEFAULT.monthlyReportDue(YearMonth.parse(month))).isEqualTo(due);
	}

	@ParameterizedTest(name = "received {0}: due {1}")
	@CsvSource({ "2025-03-15, 2025-03-30", "2025-12-20, 2026-01-04" })
	void inYearRequestDue(LocalDate received, LocalDate due) {
		assertThat(ReviewCalendar.DEFAULT.inYearDue(received)).isEqualTo(due);
		assertThat(new ReviewCalendar.Deadline("IN_YEAR", due).overdue(due, false)).isFalse();
		assertThat(new ReviewCalendar.Deadline("IN_YEAR", due).overdue(due.plusDays(1), false)).isTrue();
	}

}
