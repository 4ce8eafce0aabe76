package vn.giamngheo.analytics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import vn.giamngheo.analytics.domain.Group;

/**
 * The aggregate rows of every commune of a unit, with the statuses of each commune over a
 * window, read in one query: any group's yearly series (and any sub-unit's, by path) is
 * then summed in memory. The number of rows depends on communes, years and household
 * groups, not on the number of households.
 */
public final class Cube {

	/**
	 * One aggregate row with its commune's statuses.
	 *
	 * @param communeId commune
	 * @param path commune path
	 * @param year review year
	 * @param standardKey standard of the year
	 * @param urban urban households
	 * @param ethnicMinority ethnic-minority households
	 * @param socialProtection social-protection households
	 * @param mountain commune in a mountainous area
	 * @param poorDistrict commune in a poor district during the window
	 * @param poorCommune poor commune during the window
	 * @param dbkkCommune especially difficult commune during the window
	 * @param wardTown ward or town of a city or town
	 * @param counts households, persons, poor households, poor persons, near-poor
	 * households, near-poor persons, poor income sum, poor income persons, poor
	 * deprivations, AF poor households, AF poor persons, AF score, AF scale
	 */
	public record Row(long communeId, String path, int year, String standardKey, boolean urban, boolean ethnicMinority,
			boolean socialProtection, boolean mountain, boolean poorDistrict, boolean poorCommune, boolean wardTown,
			long[] counts, boolean dbkkCommune) {

		public Row(long communeId, String path, int year, String standardKey, boolean urban, boolean ethnicMinority,
				boolean socialProtection, boolean mountain, boolean poorDistrict, boolean poorCommune, boolean wardTown,
				long[] counts) {
			this(communeId, path, year, standardKey, urban, ethnicMinority, socialProtection, mountain, poorDistrict,
					poorCommune, wardTown, counts, false);
		}

	}

	/**
	 * Number of counts of a row (the last one, the Alkire–Foster scale, is not summed).
	 */
	public static final int COUNTS = 13;

	private final List<Row> rows;

	public Cube(List<Row> rows) {
		this.rows = List.copyOf(rows);
	}

	public int size() {
		return this.rows.size();
	}

	/** Yearly figures of a group over the whole cube. */
	public List<Figures> series(Group group) {
		return series(group, null);
	}

	/**
	 * Yearly figures of a group over the communes whose path starts with a prefix.
	 * @param group the group
	 * @param pathPrefix path of a unit inside the cube, or null for all
	 * @return figures by year, oldest first
	 */
	public List<Figures> series(Group group, String pathPrefix) {
		Map<Integer, long[]> sums = new TreeMap<>();
		Map<Integer, String> standards = new TreeMap<>();
		for (Row r : this.rows) {
			if (pathPrefix != null && !r.path().startsWith(pathPrefix)) {
				continue;
			}
			if (!group.matches(r.urban(), r.ethnicMinority(), r.socialProtection(), r.mountain(), r.poorDistrict(),
					r.poorCommune(), r.dbkkCommune(), r.wardTown())) {
				continue;
			}
			long[] s = sums.computeIfAbsent(r.year(), (y) -> new long[COUNTS]);
			for (int k = 0; k < COUNTS - 1; k++) {
				s[k] += r.counts()[k];
			}
			s[COUNTS - 1] = Math.max(s[COUNTS - 1], r.counts()[COUNTS - 1]);
			standards.merge(r.year(), r.standardKey(), (a, b) -> (a.compareTo(b) <= 0) ? a : b);
		}
		return sums.entrySet().stream().map((e) -> {
			long[] s = e.getValue();
			return new Figures(e.getKey(), standards.get(e.getKey()), s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7],
					s[8], s[9], s[10], s[11], s[12]);
		}).toList();
	}

}
