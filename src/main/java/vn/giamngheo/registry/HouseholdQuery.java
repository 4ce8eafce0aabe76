package vn.giamngheo.registry;

import java.util.Set;

/**
 * Filters of a household list.
 *
 * @param unitId unit subtree (province, district, commune or village)
 * @param villageId village
 * @param classification class in {@code year}
 * @param year review year for the class (default: latest with data)
 * @param q head's name (diacritics optional), a household code or the start of one
 * ({@code 20464-000012}, {@code 20464-0000}: a word with a digit), or a 12-digit citizen
 * ID of any member
 * @param page page number from 0
 * @param size page size (1–200)
 * @param sort code | head | village | class
 * @param desc descending order
 */
public record HouseholdQuery(Long unitId, Long villageId, String classification, Integer year, String q, int page,
		int size, String sort, boolean desc) {

	public static final Set<String> SORTS = Set.of("code", "head", "village", "class");

	/** Counting stops above this many matches ({@link #countCap()}) for a list. */
	public static final long LIST_COUNT_CAP = 10_000;

	/**
	 * Counting stops above this many matches for a name search: a common name ("nguyễn
	 * văn") matches tens of thousands of households, and counting them all costs more
	 * than showing the first page.
	 */
	public static final long NAME_COUNT_CAP = 1_000;

	public HouseholdQuery {
		page = Math.max(page, 0);
		size = (size <= 0) ? 50 : Math.min(size, 200);
		sort = (sort == null || !SORTS.contains(sort)) ? "code" : sort;
	}

	/** True when {@code q} is a name (not a household code or a 12-digit citizen ID). */
	public boolean isNameSearch() {
		return this.q != null && !this.q.isBlank() && !isCitizenIdSearch() && !isCodeSearch();
	}

	/**
	 * True when {@code q} is a household code or its start: one word with a digit or a
	 * hyphen in it (a name has neither), other than a 12-digit citizen ID.
	 */
	public boolean isCodeSearch() {
		return this.q != null && this.q.trim().matches("[^\\s]*[0-9-][^\\s]*") && !isCitizenIdSearch();
	}

	/** True when {@code q} is a 12-digit citizen ID. */
	public boolean isCitizenIdSearch() {
		return this.q != null && this.q.trim().matches("[0-9]{12}");
	}

	/**
	 * The count of a page is exact up to this many matches; above it the total is
	 * {@code countCap() + 1}, shown as "more than".
	 */
	public long countCap() {
		return isNameSearch() ? NAME_COUNT_CAP : LIST_COUNT_CAP;
	}

}
