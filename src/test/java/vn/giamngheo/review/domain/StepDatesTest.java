package vn.giamngheo.review.domain;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dates of the steps follow the procedure: boundaries of each rule, and the refusal
 * names the field, the rule and the dates as dd/MM/yyyy.
 */
class StepDatesTest {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 10);

	static final LocalDate WINDOW = LocalDate.of(2026, 9, 1);

	static String rule(List<StepDates.Problem> problems) {
		return problems.isEmpty() ? "OK" : problems.get(0).messageKey().replace("review.date.", "");
	}

	@ParameterizedTest(name = "meeting {0}, survey {1}: {2}")
	@CsvSource(nullValues = "NONE",
			value = { "2026-12-05, 2026-12-05, OK", "2026-12-05, 2026-12-06, meeting-before-survey",
					"2026-12-10, 2026-12-01, OK", "2026-12-11, 2026-12-01, future", "2026-09-01, NONE, OK",
					"2026-08-31, NONE, before-window", "NONE, NONE, required" })
	void aMeetingFollowsTheSurveyAndIsNotInTheFuture(LocalDate heldOn, LocalDate survey, String expected) {
		assertThat(rule(StepDates.meeting(heldOn, TODAY, WINDOW, survey))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "posting {0}, last meeting {1}: {2}")
	@CsvSource(nullValues = "NONE",
			value = { "2026-12-02, 2026-12-06, posting-before-meeting",
					"2026-12-05, 2026-12-06, posting-before-meeting", "2026-12-06, 2026-12-06, OK",
					"2026-12-07, 2026-12-06, OK", "2026-12-11, 2026-12-06, future", "2026-08-30, NONE, before-window" })
	void aPostingFollowsTheMeetings(LocalDate from, LocalDate lastMeeting, String expected) {
		assertThat(rule(StepDates.posting(from, TODAY, WINDOW, lastMeeting))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "decision {0} after posting {1}–{2}, last answer {3}: {4}")
	@CsvSource(nullValues = "NONE", value = { "2026-12-04, 2026-12-02, 2026-12-04, NONE, decision-in-posting",
			"2026-12-05, 2026-12-02, 2026-12-04, NONE, OK",
			"2026-12-05, 2026-12-02, 2026-12-04, 2026-12-07, decision-before-answer",
			"2026-12-07, 2026-12-02, 2026-12-04, 2026-12-07, OK", "2026-12-11, 2026-12-02, 2026-12-04, NONE, future" })
	void aDecisionFollowsTheWholePostingAndTheAnswers(LocalDate decision, LocalDate from, LocalDate to,
			LocalDate lastAnswer, String expected) {
		assertThat(
				rule(StepDates.decision(decision, TODAY, ReviewCalendar.PostingPeriod.DEFAULT, from, to, lastAnswer)))
			.isEqualTo(expected);
	}

	@org.junit.jupiter.api.Test
	void theRefusalSaysWhichDatesAndWhichRule() {
		StepDates.Problem p = StepDates.posting(LocalDate.of(2026, 12, 2), TODAY, WINDOW, LocalDate.of(2026, 12, 5))
			.get(0);
		assertThat(p.field()).isEqualTo("from");
		assertThat(p.args()).containsExactly("02/12/2026", "05/12/2026");
		StepDates.Problem d = StepDates
			.decision(LocalDate.of(2026, 12, 4), TODAY, ReviewCalendar.PostingPeriod.DEFAULT, LocalDate.of(2026, 12, 2),
					LocalDate.of(2026, 12, 4), null)
			.get(0);
		assertThat(d.field()).isEqualTo("decisionDate");
		assertThat(d.args()).containsExactly("04/12/2026", "02/12/2026", "04/12/2026", 3, "05/12/2026");
	}

	@ParameterizedTest(name = "posted from {0} ({1} working days): last day {2}")
	@CsvSource({ "2026-12-07, 3, 2026-12-09", "2026-12-04, 3, 2026-12-08", "2026-12-05, 3, 2026-12-09",
			"2026-12-06, 1, 2026-12-07", "2026-12-09, 3, 2026-12-11" })
	void thePostingPeriodCountsWorkingDays(LocalDate from, int days, LocalDate end) {
		assertThat(new ReviewCalendar.PostingPeriod(days, true, "test", false).end(from)).isEqualTo(end);
		assertThat(new ReviewCalendar.PostingPeriod(days, false, "test", false).end(from))
			.isEqualTo(from.plusDays(days - 1));
	}

}
