package vn.giamngheo.registry;

import java.util.Set;

/**
 * Filters of a household list.
 *
 * @param unitId unit subtree (province, district, commune or village)
 * @param villageId village
 * @param classification class in {@code year}
 * @param year review year for the class (default: latest with data)
 * @param q head's name (diacritics optional) or a 12-digit citizen ID of any member
 * @param page page number from 0
 * @param size page size (1–200)
 * @param sort code | head | village | class
 * @param desc descending order
 */
public record HouseholdQuery(Long unitId, Long villageId, String classification, Integer year, String q, int page,
		int size, String sort, boolean desc) {

	public static final Set<String> SORTS = Set.of("code", "head", "village", "class");

	public HouseholdQuery {
		page = Math.max(page, 0);
		size = (size <= 0) ? 50 : Math.min(size, 200);
		sort = (sort == null || !SORTS.contains(sort)) ? "code" : sort;
	}

}
