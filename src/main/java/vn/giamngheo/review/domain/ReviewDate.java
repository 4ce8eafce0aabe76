package vn.giamngheo.review.domain;

import java.time.LocalDate;

/**
 * The date a review year is placed on the administrative map (issue 15, ADR 0030): 31/12
 * of the review year, since the review of late year Y decides the list of year Y + 1.
 * Years up to 2024 fall on the 2024 list (three tiers), 2025 and later on the units in
 * force from 01/07/2025 (two tiers). A review is opened on a province valid on that date,
 * and lists the households whose address on that date lies in its communes.
 */
public final class ReviewDate {

	private ReviewDate() {
	}

	/** Where a unit stands on a review's date. */
	public enum Standing {

		/** Valid on the date: the review may be opened on it. */
		IN_FORCE,
		/** Ended before the date (a 2024 unit for a review of 2025 or later). */
		ENDED,
		/** Not yet valid on the date (a 2025 unit for a review of 2024 or earlier). */
		NOT_YET

	}

	/**
	 * The reference date of a review year.
	 * @param year review year
	 * @return 31/12 of the year
	 */
	public static LocalDate of(int year) {
		return LocalDate.of(year, 12, 31);
	}

	/**
	 * Where a unit with this validity stands on the date of a review year.
	 * @param validFrom first day of the unit
	 * @param validTo last day of the unit (inclusive), or {@code null} while in force
	 * @param year review year
	 * @return the standing
	 */
	public static Standing standing(LocalDate validFrom, LocalDate validTo, int year) {
		LocalDate date = of(year);
		if (validTo != null && validTo.isBefore(date)) {
			return Standing.ENDED;
		}
		return validFrom.isAfter(date) ? Standing.NOT_YET : Standing.IN_FORCE;
	}

}
