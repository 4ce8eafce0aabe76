package vn.giamngheo.programmes.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * When a Mẫu 01 supervision report (Circular 10/2022/TT-BLĐTBXH, Art. 4.2.a) is due (ADR
 * 0049). A province reports to the ministries before 01/06 (six-monthly) and before 01/12
 * (annual): the last day is 31/05 and 30/11. A district or commune reports to the
 * programme's standing agency at its level within 15 working days after the end of the
 * period (H1 ends 30/06, the year 31/12): working days skip Saturdays and Sundays only
 * (public holidays are not known to the system).
 */
public final class ReportDeadlines {

	/** Working days a district or commune has after the end of the period. */
	public static final int WORKING_DAYS = 15;

	private ReportDeadlines() {
	}

	/**
	 * The last day a report may be submitted on time.
	 * @param level the unit's level (province, district, commune)
	 * @param year the report's year
	 * @param period H1 or YEAR
	 * @return the last day on time
	 */
	public static LocalDate due(String level, int year, String period) {
		boolean h1 = isH1(period);
		if ("province".equals(level)) {
			return h1 ? LocalDate.of(year, 5, 31) : LocalDate.of(year, 11, 30);
		}
		return afterWorkingDays(periodEnd(year, period), WORKING_DAYS);
	}

	/**
	 * The last day of the period a report covers.
	 * @param year the year
	 * @param period H1 or YEAR
	 * @return 30/06 or 31/12
	 */
	public static LocalDate periodEnd(int year, String period) {
		return isH1(period) ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
	}

	/**
	 * The first day of the period a report covers (01/01 for both).
	 * @param year the year
	 * @return 01/01
	 */
	public static LocalDate periodStart(int year) {
		return LocalDate.of(year, 1, 1);
	}

	/**
	 * The day that many working days (Monday to Friday) after a day.
	 * @param day the day (not counted)
	 * @param workingDays how many working days
	 * @return the last of them
	 */
	public static LocalDate afterWorkingDays(LocalDate day, int workingDays) {
		LocalDate d = day;
		int left = workingDays;
		while (left > 0) {
			d = d.plusDays(1);
			if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
				left--;
			}
		}
		return d;
	}

	/**
	 * Whether a submission was late.
	 * @param due the last day on time
	 * @param submittedOn the day it was first submitted, or null (not yet)
	 * @param today today
	 * @return whether it came (or is) after the due day
	 */
	public static boolean late(LocalDate due, LocalDate submittedOn, LocalDate today) {
		return (submittedOn != null) ? submittedOn.isAfter(due) : today.isAfter(due);
	}

	private static boolean isH1(String period) {
		if ("H1".equals(period)) {
			return true;
		}
		if ("YEAR".equals(period)) {
			return false;
		}
		throw new IllegalArgumentException("period " + period);
	}

}
