package vn.giamngheo.review.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.List;

/**
 * The review calendar and reporting deadlines. Defaults from Decision 24/2021/QĐ-TTg Art.
 * 3 (periodic window 01/9 – 14/12, in-year reviews monthly from the 15th) and Art. 7
 * (monthly report by the 5th, February–September; provincial preliminary results before
 * 15/11, official results before 20/12). The in-year decision period (15 days) and the
 * posting period are not confirmed in the texts read: they are configuration, shown as
 * such.
 *
 * @param windowStart first day of the periodic review window
 * @param windowEnd last day of the window
 * @param preliminaryDue preliminary provincial results due (before this day)
 * @param officialDue official provincial results due (before this day)
 * @param monthlyReportDay day of the month the in-year results of the previous month are
 * due
 * @param inYearDecisionDays days from the request to the decision or the refusal
 * @param posting how long the list stays posted (complaints are taken in that period)
 */
public record ReviewCalendar(MonthDay windowStart, MonthDay windowEnd, MonthDay preliminaryDue, MonthDay officialDue,
		int monthlyReportDay, int inYearDecisionDays, PostingPeriod posting) {

	/** Decision 24/2021 defaults (decision and posting periods unconfirmed). */
	public static final ReviewCalendar DEFAULT = new ReviewCalendar(MonthDay.of(9, 1), MonthDay.of(12, 14),
			MonthDay.of(11, 15), MonthDay.of(12, 20), 5, 15, PostingPeriod.DEFAULT);

	/**
	 * The posting period of step 4, as data with its source.
	 *
	 * @param days length
	 * @param workingDays counted in working days (Monday to Friday; public holidays are
	 * not known to the system) rather than calendar days
	 * @param basis where the length comes from
	 * @param confirmed the length was read in the legal text itself
	 */
	public record PostingPeriod(int days, boolean workingDays, String basis, boolean confirmed) {

		/**
		 * 03 working days: believed to be Decision 24/2021/QĐ-TTg Art. 4(4), not read in
		 * the text (domain spec §5.3, ❌).
		 */
		public static final PostingPeriod DEFAULT = new PostingPeriod(3, true, "Quyết định 24/2021/QĐ-TTg, Điều 4",
				false);

		/** The last day (included) of a posting that starts on {@code from}. */
		public LocalDate end(LocalDate from) {
			if (!this.workingDays) {
				return from.plusDays(Math.max(0, this.days - 1));
			}
			LocalDate day = from;
			int counted = 0;
			while (true) {
				if (working(day) && ++counted >= this.days) {
					return day;
				}
				day = day.plusDays(1);
			}
		}

		/** Monday to Friday. */
		public static boolean working(LocalDate day) {
			return day.getDayOfWeek().getValue() <= 5;
		}

	}

	/** First day of the periodic review window of a year. */
	public LocalDate windowFrom(int year) {
		return this.windowStart.atYear(year);
	}

	/** Last day (included) of the periodic review window of a year. */
	public LocalDate windowTo(int year) {
		return this.windowEnd.atYear(year);
	}

	/** The day is inside the window [from, to] (both included). */
	public static boolean within(LocalDate day, LocalDate from, LocalDate to) {
		return !day.isBefore(from) && !day.isAfter(to);
	}

	/** The in-year request must be decided by this day. */
	public LocalDate inYearDue(LocalDate received) {
		return received.plusDays(this.inYearDecisionDays);
	}

	/** The posting ends on this day (included). */
	public LocalDate postingEnd(LocalDate postedFrom) {
		return this.posting.end(postedFrom);
	}

	/**
	 * The report of the in-year reviews of a month is due on the given day of the next
	 * month; only February–September reports are required.
	 * @param month the month reviewed
	 * @return the due date, or {@code null} when no monthly report is required
	 */
	public LocalDate monthlyReportDue(YearMonth month) {
		YearMonth due = month.plusMonths(1);
		int m = due.getMonthValue();
		return (m >= 2 && m <= 9) ? due.atDay(this.monthlyReportDay) : null;
	}

	/**
	 * The periodic deadlines of a review year, in order: end of the window, preliminary
	 * results, official results.
	 * @param year review year
	 * @return the deadlines
	 */
	public List<Deadline> deadlines(int year) {
		return List.of(new Deadline("WINDOW_END", windowTo(year)),
				new Deadline("PRELIMINARY", this.preliminaryDue.atYear(year).minusDays(1)),
				new Deadline("OFFICIAL", this.officialDue.atYear(year).minusDays(1)));
	}

	/**
	 * A deadline: the last day something may be done.
	 *
	 * @param key stable key (message {@code review.deadline.<key>})
	 * @param lastDay last day allowed (included)
	 */
	public record Deadline(String key, LocalDate lastDay) {

		/** Not done and the last day has passed. */
		public boolean overdue(LocalDate today, boolean done) {
			return !done && today.isAfter(this.lastDay);
		}

		/** Days left (negative when overdue). */
		public long daysLeft(LocalDate today) {
			return java.time.temporal.ChronoUnit.DAYS.between(today, this.lastDay);
		}

	}

}
