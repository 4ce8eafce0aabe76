package vn.giamngheo.benefits.domain;

import java.time.LocalDate;

/**
 * Age arithmetic for the rules. A person reaches age N on
 * {@code dateOfBirth.plusYears(N)} (for a birthday on 29 February, on 28 February of a
 * common year: the Civil Code 2015, Art. 148, ends a period on the last day of the month
 * when the month has no such day). Working age runs from 15 to the statutory retirement
 * age of the member's sex in the day's year (Labour Code 2019 Art. 169, Decree
 * 135/2020/NĐ-CP Art. 4: men 60 years 3 months in 2021, + 3 months a year up to 62 in
 * 2028; women 55 years 4 months in 2021, + 4 months a year up to 60 in 2035; before 2021,
 * 60 and 55). Not verified word for word.
 */
public final class Ages {

	/** Youngest working age (Labour Code 2019 Art. 3 and the labour-force statistics). */
	public static final int WORKING_AGE_FROM = 15;

	private Ages() {
	}

	/** Completed years of age on the day. */
	public static int on(LocalDate dateOfBirth, LocalDate day) {
		int years = day.getYear() - dateOfBirth.getYear();
		if (dateOfBirth.plusYears(years).isAfter(day)) {
			years--;
		}
		return years;
	}

	/** The day a person born on {@code dateOfBirth} reaches {@code years} of age. */
	public static LocalDate reaches(LocalDate dateOfBirth, int years) {
		return dateOfBirth.plusYears(years);
	}

	/**
	 * Statutory retirement age in months for a sex in a year ({@code F} women, anything
	 * else men; unknown sex counts as a man's, the later age, so nobody is dropped by a
	 * missing field).
	 */
	public static int retirementAgeMonths(String sex, int year) {
		int after2020 = Math.max(0, year - 2020);
		if ("F".equals(sex)) {
			return Math.min(55 * 12 + 4 * after2020, 60 * 12);
		}
		return Math.min(60 * 12 + 3 * after2020, 62 * 12);
	}

	/** Whether a person is of working age on the day. */
	public static boolean workingAge(LocalDate dateOfBirth, String sex, LocalDate day) {
		if (on(dateOfBirth, day) < WORKING_AGE_FROM) {
			return false;
		}
		int months = retirementAgeMonths(sex, day.getYear());
		return dateOfBirth.plusMonths(months).isAfter(day);
	}

}
