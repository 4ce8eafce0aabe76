package vn.giamngheo.standards.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All loaded standards: national ones by key and provincial overlays by base key and
 * province code.
 */
public final class StandardCatalogue {

	private final Map<String, Standard> national = new LinkedHashMap<>();

	private final Map<String, Standard> local = new LinkedHashMap<>();

	private final Map<String, ScoreTable> scoreTables = new LinkedHashMap<>();

	StandardCatalogue(List<Standard> standards, List<ScoreTable> tables) {
		for (Standard standard : standards) {
			if (standard.isLocal()) {
				this.local.put(localKey(standard.base(), standard.provinceCode()), standard);
			}
			else {
				this.national.put(standard.key(), standard);
			}
		}
		for (ScoreTable table : tables) {
			this.scoreTables.put(table.key(), table);
		}
	}

	private static String localKey(String base, String province) {
		return base + "@" + province;
	}

	/**
	 * National standards in file order.
	 * @return the standards
	 */
	public List<Standard> standards() {
		return List.copyOf(this.national.values());
	}

	/**
	 * Provincial overlays.
	 * @return the overlays
	 */
	public List<Standard> localStandards() {
		return List.copyOf(this.local.values());
	}

	public Optional<Standard> find(String key) {
		return Optional.ofNullable(this.national.get(key));
	}

	/**
	 * The national standard, or the province's overlay on it when a province is given.
	 * @param key national standard key
	 * @param provinceCode province code, or {@code null} for the national standard
	 * @return the standard, empty when either is unknown
	 */
	public Optional<Standard> find(String key, String provinceCode) {
		if (provinceCode == null || provinceCode.isBlank()) {
			return find(key);
		}
		return Optional.ofNullable(this.local.get(localKey(key, provinceCode)));
	}

	/**
	 * The name of a standard as a reader sees it: the province's overlay's, else the
	 * national standard's, in the reader's language; the key itself only when no standard
	 * has it.
	 * @param key national standard key
	 * @param provinceCode province code, or {@code null}
	 * @param english the reader reads English
	 * @return the name, {@code null} for a {@code null} key
	 */
	public String name(String key, String provinceCode, boolean english) {
		if (key == null) {
			return null;
		}
		return find(key, provinceCode).or(() -> find(key)).map((s) -> s.name().in(english)).orElse(key);
	}

	/**
	 * The national standard in force on a date.
	 * @param date the date
	 * @return the standard, empty when none applies
	 */
	public Optional<Standard> inForce(LocalDate date) {
		List<Standard> hits = new ArrayList<>();
		for (Standard standard : this.national.values()) {
			if (!date.isBefore(standard.from()) && !date.isAfter(standard.to())) {
				hits.add(standard);
			}
		}
		return hits.stream().findFirst();
	}

	/**
	 * The national standard a review of a year applies: the one in force on 1 January of
	 * the next year, because the periodic review of late year Y makes the list of year
	 * Y+1 (reference §1, doubt D16). The 2026 review therefore classifies for 2027 under
	 * the 2027–2030 standard of Decree 351/2025/NĐ-CP.
	 * @param reviewYear the review year
	 * @return the standard, empty when none is in force then
	 */
	public Optional<Standard> forReviewYear(int reviewYear) {
		return inForce(LocalDate.of(reviewYear + 1, 1, 1));
	}

	public Map<String, ScoreTable> scoreTables() {
		return Map.copyOf(this.scoreTables);
	}

}
