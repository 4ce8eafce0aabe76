package vn.giamngheo.analytics.domain;

import java.time.LocalDate;

/**
 * Which review years a unit's figures are its own (ADR 0031). A review year is placed on
 * its reference date, 31/12 of the year (the review of late year Y decides year Y+1's
 * list), so a unit owns the years whose reference date falls in its validity: a unit of
 * the 2024 list (to 30/06/2025) owns the years up to 2024, a unit of 1 July 2025 the
 * years from 2025. A 2025 unit's earlier years are re-based (its households of today,
 * counted back); an ended unit's later years are shown nowhere but where a resolution
 * written for it is judged (its households of the day it ended, counted on).
 */
public final class ReviewYears {

	/** The first day of the 2025 two-tier units. */
	public static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

	/** Open ends of a unit's years. */
	public static final int NONE_BEFORE = 0;

	public static final int NONE_AFTER = Short.MAX_VALUE;

	private ReviewYears() {
	}

	/** The day a review year's figures are placed on: 31/12 of the year. */
	public static LocalDate referenceDate(int year) {
		return LocalDate.of(year, 12, 31);
	}

	/** The first review year placed on the 2025 units (2025). */
	public static int firstAfterReform() {
		return firstFrom(REFORM);
	}

	/** The first review year whose reference date is on or after a unit's first day. */
	public static int firstFrom(LocalDate validFrom) {
		return (validFrom == null) ? NONE_BEFORE : validFrom.getYear();
	}

	/**
	 * The last review year whose reference date is on or before a unit's last day
	 * (inclusive; null: still in force).
	 */
	public static int lastTo(LocalDate validTo) {
		if (validTo == null) {
			return NONE_AFTER;
		}
		return validTo.equals(referenceDate(validTo.getYear())) ? validTo.getYear() : validTo.getYear() - 1;
	}

}
