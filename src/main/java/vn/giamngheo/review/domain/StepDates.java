package vn.giamngheo.review.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The order of the dates of a commune's steps (Decision 24/2021/QĐ-TTg Art. 4): the
 * village meeting after the survey, the posting after the meetings, the decision after
 * the whole posting period and after the complaints are answered, and no step dated in
 * the future or before the review window opens. Each refusal names the field, the dates
 * (dd/MM/yyyy) and the rule.
 */
public final class StepDates {

	/** How dates are shown in the refusals. */
	public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private StepDates() {
	}

	/**
	 * A date that breaks a rule.
	 *
	 * @param field the form field
	 * @param messageKey message key (review bundle)
	 * @param args message arguments (dates already formatted)
	 */
	public record Problem(String field, String messageKey, Object... args) {
	}

	static String day(LocalDate date) {
		return date.format(DAY);
	}

	/**
	 * A village meeting.
	 * @param heldOn the meeting's date
	 * @param today today (Vietnam)
	 * @param windowFrom first day of the review window
	 * @param lastSurvey the latest survey date of the households voted on, or
	 * {@code null}
	 */
	public static List<Problem> meeting(LocalDate heldOn, LocalDate today, LocalDate windowFrom, LocalDate lastSurvey) {
		return notBefore("heldOn", heldOn, today, windowFrom, lastSurvey, "review.date.meeting-before-survey");
	}

	/**
	 * The posting of the agreed list.
	 * @param from first day posted
	 * @param today today
	 * @param windowFrom first day of the review window
	 * @param lastMeeting the commune's last village meeting, or {@code null}
	 */
	public static List<Problem> posting(LocalDate from, LocalDate today, LocalDate windowFrom, LocalDate lastMeeting) {
		return notBefore("from", from, today, windowFrom, lastMeeting, "review.date.posting-before-meeting");
	}

	/**
	 * The chairman's recognition decision.
	 * @param decision the decision's date
	 * @param today today
	 * @param posting the posting period
	 * @param postedFrom first day posted
	 * @param postedTo last day posted (the complaint period ends with it)
	 * @param lastAnswer the last complaint answered, or {@code null}
	 */
	public static List<Problem> decision(LocalDate decision, LocalDate today, ReviewCalendar.PostingPeriod posting,
			LocalDate postedFrom, LocalDate postedTo, LocalDate lastAnswer) {
		List<Problem> problems = new ArrayList<>();
		common(problems, "decisionDate", decision, today, null);
		if (!problems.isEmpty()) {
			return problems;
		}
		if (postedTo != null && !decision.isAfter(postedTo)) {
			problems.add(new Problem("decisionDate",
					"review.date.decision-in-posting" + (posting.workingDays() ? "" : ".calendar"), day(decision),
					day(postedFrom), day(postedTo), posting.days(), day(postedTo.plusDays(1))));
		}
		else if (lastAnswer != null && decision.isBefore(lastAnswer)) {
			problems
				.add(new Problem("decisionDate", "review.date.decision-before-answer", day(decision), day(lastAnswer)));
		}
		return problems;
	}

	/**
	 * A step's date: the common rules, then not before the previous step's date
	 * ({@code previous}, or {@code null} when there is none).
	 */
	private static List<Problem> notBefore(String field, LocalDate date, LocalDate today, LocalDate windowFrom,
			LocalDate previous, String messageKey) {
		List<Problem> problems = new ArrayList<>();
		common(problems, field, date, today, windowFrom);
		if (problems.isEmpty() && previous != null && date.isBefore(previous)) {
			problems.add(new Problem(field, messageKey, day(date), day(previous)));
		}
		return problems;
	}

	private static void common(List<Problem> problems, String field, LocalDate date, LocalDate today,
			LocalDate windowFrom) {
		if (date == null) {
			problems.add(new Problem(field, "review.date.required"));
		}
		else if (date.isAfter(today)) {
			problems.add(new Problem(field, "review.date.future", day(date), day(today)));
		}
		else if (windowFrom != null && date.isBefore(windowFrom)) {
			problems.add(new Problem(field, "review.date.before-window", day(date), day(windowFrom)));
		}
	}

}
