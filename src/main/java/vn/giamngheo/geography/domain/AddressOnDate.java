package vn.giamngheo.geography.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where a household lived on a date (ADR 0028). A household's row holds its current
 * address; {@code household_address_past} holds every earlier one with the first day at
 * the next address ({@code valid_to}, exclusive). The address on date D is the past row
 * with the smallest {@code valid_to} after D (the lowest id among equal ones), else the
 * current address. A review year is placed on its reference date, 31/12 of the year: the
 * review of late year Y decides year Y+1's list, so reviews up to 2024 read the units of
 * the 2024 list and reviews from 2025 the units of 1 July 2025.
 */
public final class AddressOnDate {

	/** The first day of the 2025 two-tier units (Resolution 202/2025/QH15). */
	public static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

	/**
	 * The same rule in SQL, for a household aliased {@code h} and one date parameter:
	 * joined as {@code left join lateral (...) p on true}, the address on the date is
	 * {@code coalesce(p.commune_id, h.commune_id)} (likewise village_id, unit_path,
	 * province_code).
	 */
	public static final String PAST_ROW_SQL = "select pa.commune_id, pa.village_id, pa.unit_path, pa.province_code"
			+ " from household_address_past pa where pa.household_id = h.id and pa.valid_to > ?"
			+ " order by pa.valid_to, pa.id limit 1";

	private AddressOnDate() {
	}

	/** An address: the commune, village and path of the village. */
	public record Address(String provinceCode, long communeId, long villageId, String unitPath) {
	}

	/** An earlier address, left on {@code validTo} (exclusive), with its row id. */
	public record Past(long id, Address address, LocalDate validTo) {

		public Past {
			Objects.requireNonNull(address);
			Objects.requireNonNull(validTo);
		}

	}

	/** The day a review year's figures and lists are placed on: 31/12 of the year. */
	public static LocalDate referenceDate(int reviewYear) {
		return LocalDate.of(reviewYear, 12, 31);
	}

	/**
	 * Whether a review year reads the units of 1 July 2025 (else those of the 2024 list).
	 */
	public static boolean onNewUnits(int reviewYear) {
		return !referenceDate(reviewYear).isBefore(REFORM);
	}

	/**
	 * The address on the date: the earliest past row still running then, else the current
	 * one.
	 */
	public static Address on(LocalDate date, Address current, Collection<Past> past) {
		return past.stream()
			.filter((p) -> p.validTo().isAfter(date))
			.min(Comparator.comparing(Past::validTo).thenComparingLong(Past::id))
			.map(Past::address)
			.orElse(current);
	}

	/** The address a review year is counted on. */
	public static Address forReviewYear(int reviewYear, Address current, Collection<Past> past) {
		return on(referenceDate(reviewYear), current, past);
	}

}
