package vn.giamngheo.analytics;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small synthetic territory for formula tests, written directly: a district of Quảng
 * Nam with unique codes, its communes and one village each, and households with a
 * classification per review year. Codes are unique per instance, so tests sharing the
 * database do not see each other's rows.
 */
public final class Territory {

	final JdbcClient jdbc;

	public final String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

	public final long provinceId;

	public final String provinceCode;

	public long districtId;

	public String districtPath;

	private int households;

	public Territory(JdbcClient jdbc, String provinceCode) {
		this.jdbc = jdbc;
		this.provinceCode = provinceCode;
		this.provinceId = jdbc
			.sql("select id from admin_unit where level = 'province' and edition = '2024' and code = ?")
			.param(provinceCode)
			.query(Long.class)
			.single();
	}

	/** Creates the district (type Huyện or Thành phố). */
	public Territory district(String type, String terrain, boolean poorDistrict) {
		String provincePath = this.jdbc.sql("select path from admin_unit where id = ?")
			.param(this.provinceId)
			.query(String.class)
			.single();
		this.districtId = unit("D" + this.tag, "district", 2, type, type + " Thử " + this.tag, this.provinceId,
				provincePath, false);
		this.districtPath = provincePath + this.districtId + "/";
		if (terrain != null) {
			attribute(this.districtId, "TERRAIN", terrain, "2010-01-01", null);
		}
		if (poorDistrict) {
			attribute(this.districtId, "POOR_DISTRICT", "true", "2016-01-01", "2020-12-31");
		}
		return this;
	}

	public void attribute(long unit, String attribute, String value, String from, String to) {
		this.jdbc
			.sql("insert into unit_attribute (unit_id, attribute, value, valid_from, valid_to, set_by)"
					+ " values (?, ?, ?, cast(? as date), cast(? as date), 'test')")
			.params(unit, attribute, value, from, to)
			.update();
	}

	/**
	 * A commune of the district with one village.
	 * @return {commune id, village id}
	 */
	public long[] commune(String label, String type, boolean urban) {
		long commune = unit("C" + this.tag + label, "commune", 3, type, type + " " + label + " " + this.tag,
				this.districtId, this.districtPath, urban);
		String communePath = this.districtPath + commune + "/";
		long village = unit("V" + this.tag + label, "village", 4, "Thôn", "Thôn 1 " + label + this.tag, commune,
				communePath, urban);
		return new long[] { commune, village };
	}

	private long unit(String code, String level, int depth, String type, String name, long parent, String parentPath,
			boolean urban) {
		long id = this.jdbc
			.sql("insert into admin_unit (code, edition, level, depth, type, name, short_name, name_norm, parent_id,"
					+ " province_code, path, urban, valid_from, synthetic) values (?, ?, ?, ?, ?, ?, ?, ?, ?, '99', '/', ?,"
					+ " date '2010-01-01', false) returning id")
			.params(code, "local", level, depth, type, name, name, name.toLowerCase(), parent, urban)
			.query(Long.class)
			.single();
		this.jdbc.sql("update admin_unit set path = ? where id = ?").params(parentPath + id + "/", id).update();
		return id;
	}

	/** The standard of a review year, as the demo has it (ADR 0005). */
	static String standardOf(int year) {
		return (year <= 2019) ? "2016-2020" : (year == 2020) ? "2021" : (year <= 2024) ? "2022-2025" : "2026";
	}

	/**
	 * A household with one classification per year from {@code firstYear}; {@code null}
	 * skips a year. Classes: P poor, N near-poor, O other.
	 */
	public UUID household(long[] commune, boolean ethnicMinority, boolean socialProtection, int members, long income,
			int firstYear, String classes) {
		String path = this.jdbc.sql("select path from admin_unit where id = ?")
			.param(commune[1])
			.query(String.class)
			.single();
		boolean urban = this.jdbc.sql("select urban from admin_unit where id = ?")
			.param(commune[0])
			.query(Boolean.class)
			.single();
		String name = "Hộ thử " + this.tag + " " + (++this.households);
		UUID id = this.jdbc
			.sql("insert into household (province_code, code, commune_id, village_id, unit_path, head_name,"
					+ " head_name_norm, urban, ethnic_minority, social_protection, synthetic)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false) returning id")
			.params(this.provinceCode, "T" + this.tag + "-" + this.households, commune[0], commune[1], path, name,
					name.toLowerCase(), urban, ethnicMinority, socialProtection)
			.query(UUID.class)
			.single();
		for (int k = 0; k < classes.length(); k++) {
			char c = classes.charAt(k);
			if (c == '-') {
				continue;
			}
			int year = firstYear + k;
			String cls = (c == 'P') ? "POOR" : (c == 'N') ? "NEAR_POOR" : "MIDDLE";
			String[] deprivations = (c == 'P') ? new String[] { "WAT", "SAN", "TEL" } : new String[] {};
			this.jdbc
				.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
						+ " income_per_capita, deprivations, deprivation_count, classification, source)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'MANUAL')")
				.params(id, this.provinceCode, year, standardOf(year), members, income, deprivations,
						deprivations.length, cls)
				.update();
		}
		return id;
	}

	/**
	 * A household assessed in one year with the given deprivations (poor when it has
	 * three or more, as the 2022–2025 standard counts them).
	 */
	public UUID deprivedHousehold(long[] commune, boolean ethnicMinority, int members, int year,
			String... deprivations) {
		UUID id = household(commune, ethnicMinority, false, members, 1_000_000, year, "-");
		this.jdbc
			.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
					+ " income_per_capita, deprivations, deprivation_count, classification, source)"
					+ " values (?, ?, ?, ?, ?, 1000000, ?, ?, ?, 'MANUAL')")
			.params(id, this.provinceCode, year, standardOf(year), members, deprivations, deprivations.length,
					(deprivations.length >= 3) ? "POOR" : "MIDDLE")
			.update();
		return id;
	}

	/**
	 * Moves a household as the contract of V55 has it (ADR 0031): its address kept as a
	 * past row ending on 01/07/2025, its current address the new commune's village. Needs
	 * the owner connection (household_address_past).
	 */
	public static void move(JdbcClient owner, UUID household, String provinceCode, long commune, long village) {
		owner
			.sql("insert into household_address_past (household_id, province_code, commune_id, village_id, unit_path,"
					+ " valid_to) select id, province_code, commune_id, village_id, unit_path, date '2025-07-01'"
					+ " from household where id = ?")
			.param(household)
			.update();
		owner
			.sql("update household set province_code = ?, commune_id = ?, village_id = ?,"
					+ " unit_path = (select path from admin_unit where id = ?) where id = ?")
			.params(provinceCode, commune, village, village, household)
			.update();
	}

}
