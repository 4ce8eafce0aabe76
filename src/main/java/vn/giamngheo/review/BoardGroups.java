package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;

/**
 * Groups the communes of the progress board (ADR 0025): by the district above each
 * commune, or, where a commune lies directly under the province (the two-tier map of 1
 * July 2025), by its area (terrain in force today); districts first by name, then areas,
 * then the rest.
 */
final class BoardGroups {

	static final String OTHER = "other";

	private BoardGroups() {
	}

	static List<BoardGroup> of(List<CommuneProgress> rows, Map<Long, String> paths, Geography geography,
			LocalDate today) {
		Map<Long, Long> parentOf = new HashMap<>();
		for (CommuneProgress row : rows) {
			String path = paths.get(row.communeId());
			Long parent = (path != null) ? parent(path) : null;
			if (parent != null) {
				parentOf.put(row.communeId(), parent);
			}
		}
		Map<Long, Unit> districts = new HashMap<>();
		for (Unit u : geography.units(new HashSet<>(parentOf.values()))) {
			if ("district".equals(u.level())) {
				districts.put(u.id(), u);
			}
		}
		Set<Long> outsideDistricts = new HashSet<>();
		for (CommuneProgress row : rows) {
			if (!districts.containsKey(parentOf.get(row.communeId()))) {
				outsideDistricts.add(row.communeId());
			}
		}
		Map<Long, String> terrains = outsideDistricts.isEmpty() ? Map.of()
				: geography.terrains(geography.units(outsideDistricts), today);
		Map<String, List<CommuneProgress>> byKey = new LinkedHashMap<>();
		Map<String, BoardGroup> heads = new LinkedHashMap<>();
		for (CommuneProgress row : rows) {
			Unit district = districts.get(parentOf.get(row.communeId()));
			String terrain = terrains.get(row.communeId());
			String key = (district != null) ? "d" + district.id() : (terrain != null) ? "a" + terrain : OTHER;
			byKey.computeIfAbsent(key, (k) -> new ArrayList<>()).add(row);
			heads.putIfAbsent(key, new BoardGroup(key, (district != null) ? district.name() : null,
					(district == null) ? terrain : null, List.of()));
		}
		List<BoardGroup> groups = new ArrayList<>();
		heads.forEach(
				(key, head) -> groups.add(new BoardGroup(key, head.districtName(), head.terrain(), byKey.get(key))));
		groups.sort(Comparator.comparingInt(BoardGroups::rank)
			.thenComparing((g) -> (g.districtName() != null) ? g.districtName() : String.valueOf(g.terrain())));
		return groups;
	}

	private static int rank(BoardGroup group) {
		return (group.districtName() != null) ? 0 : (group.terrain() != null) ? 1 : 2;
	}

	/**
	 * The id of the unit just above the last one of a path ({@code /33/423/6777/}: 423).
	 */
	private static Long parent(String path) {
		String[] parts = path.replaceAll("^/+|/+$", "").split("/");
		return (parts.length >= 2) ? Long.valueOf(parts[parts.length - 2]) : null;
	}

}
