package vn.giamngheo.geography.persistence.migration;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import vn.giamngheo.geography.UnitTypes;
import vn.giamngheo.shared.text.CsvReader;
import vn.giamngheo.shared.text.TextNormalizer;

/**
 * Loads the official administrative units shipped in {@code reference/geography} (MIT,
 * see its README): the 2024 three-tier list, the 2025 two-tier list and the 2025 commune
 * crosswalk.
 */
public class V2__load_geography extends BaseJavaMigration {

	/**
	 * The 2024 list is the state of 01/03/2025, used for every record before the reform.
	 */
	static final LocalDate FROM_2024 = LocalDate.of(2010, 1, 1);

	static final LocalDate TO_2024 = LocalDate.of(2025, 6, 30);

	static final LocalDate FROM_2025 = LocalDate.of(2025, 7, 1);

	private static final String DIR = "reference/geography/";

	@Override
	public void migrate(Context context) throws Exception {
		Connection c = context.getConnection();
		Map<String, Long> ids2024 = loadUnits(c, "units_2024.csv", "2024", FROM_2024, TO_2024);
		Map<String, Long> ids2025 = loadUnits(c, "units_2025.csv", "2025", FROM_2025, null);
		loadCrosswalk(c, ids2024, ids2025);
	}

	private Map<String, Long> loadUnits(Connection c, String file, String edition, LocalDate from, LocalDate to)
			throws Exception {
		List<List<String>> rows = new ArrayList<>();
		Map<String, Integer> h;
		try (CsvReader csv = new CsvReader(new InputStreamReader(
				getClass().getClassLoader().getResourceAsStream(DIR + file), StandardCharsets.UTF_8))) {
			h = csv.header();
			for (List<String> row = csv.next(); row != null; row = csv.next()) {
				rows.add(row);
			}
		}
		long firstId = reserveIds(c, rows.size());
		Map<String, Long> ids = new HashMap<>();
		Map<String, String> paths = new HashMap<>();
		String sql = "insert into admin_unit (id, code, edition, level, depth, type, name, short_name, name_en, name_norm,"
				+ " parent_id, province_code, path, urban, valid_from, valid_to) overriding system value"
				+ " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
		long next = firstId;
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			for (String level : List.of("province", "district", "commune")) {
				for (List<String> row : rows) {
					if (!level.equals(row.get(h.get("level")))) {
						continue;
					}
					String code = row.get(h.get("code"));
					String type = row.get(h.get("type"));
					String parentCode = row.get(h.get("parent_code"));
					Long parentId = parentCode.isEmpty() ? null : ids.get(parentCode);
					if (!parentCode.isEmpty() && parentId == null) {
						throw new IllegalStateException(file + ": unit " + code + " has unknown parent " + parentCode);
					}
					long id = next++;
					String path = ((parentId == null) ? "/" : paths.get(parentCode)) + id + "/";
					ids.put(code, id);
					paths.put(code, path);
					// The 2025 list has no province_code column: communes hang under
					// their province.
					String provinceCode = level.equals("province") ? code
							: (h.containsKey("province_code") ? row.get(h.get("province_code")) : parentCode);
					int depth = path.split("/").length - 1;
					ps.setLong(1, id);
					ps.setString(2, code);
					ps.setString(3, edition);
					ps.setString(4, level);
					ps.setInt(5, depth);
					ps.setString(6, type);
					ps.setString(7, row.get(h.get("name")));
					ps.setString(8, row.get(h.get("short_name")));
					ps.setString(9, row.get(h.get("name_en")));
					ps.setString(10, TextNormalizer.fold(row.get(h.get("name"))));
					if (parentId == null) {
						ps.setNull(11, Types.BIGINT);
					}
					else {
						ps.setLong(11, parentId);
					}
					ps.setString(12, provinceCode);
					ps.setString(13, path);
					ps.setBoolean(14, UnitTypes.urbanByType(type));
					ps.setDate(15, Date.valueOf(from));
					ps.setDate(16, (to != null) ? Date.valueOf(to) : null);
					ps.addBatch();
				}
				ps.executeBatch();
			}
		}
		return ids;
	}

	private long reserveIds(Connection c, int count) throws Exception {
		try (Statement st = c.createStatement();
				ResultSet rs = st.executeQuery("select nextval(pg_get_serial_sequence('admin_unit', 'id'))")) {
			rs.next();
			long first = rs.getLong(1);
			st.execute("select setval(pg_get_serial_sequence('admin_unit', 'id'), " + (first + count) + ")");
			return first;
		}
	}

	private void loadCrosswalk(Connection c, Map<String, Long> ids2024, Map<String, Long> ids2025) throws Exception {
		String sql = "insert into unit_crosswalk (old_unit_id, old_code, old_level, old_name, new_unit_id, new_code, relation,"
				+ " n_targets, verification, note) values (?,?,?,?,?,?,?,?,?,?)";
		try (CsvReader csv = new CsvReader(new InputStreamReader(
				getClass().getClassLoader().getResourceAsStream(DIR + "commune_crosswalk_2025.csv"),
				StandardCharsets.UTF_8)); PreparedStatement ps = c.prepareStatement(sql)) {
			Map<String, Integer> h = csv.header();
			for (List<String> row = csv.next(); row != null; row = csv.next()) {
				String oldCode = row.get(h.get("old_code"));
				String newCode = row.get(h.get("new_code"));
				Long newId = ids2025.get(newCode);
				if (newId == null) {
					throw new IllegalStateException(
							"commune_crosswalk_2025.csv line " + csv.line() + ": unknown new commune " + newCode);
				}
				Long oldId = ids2024.get(oldCode);
				if (oldId == null) {
					ps.setNull(1, Types.BIGINT);
				}
				else {
					ps.setLong(1, oldId);
				}
				ps.setString(2, oldCode);
				ps.setString(3, row.get(h.get("old_level")));
				ps.setString(4, row.get(h.get("old_name")));
				ps.setLong(5, newId);
				ps.setString(6, newCode);
				ps.setString(7, row.get(h.get("relation")));
				ps.setInt(8, Integer.parseInt(row.get(h.get("n_targets"))));
				ps.setString(9, row.get(h.get("verification")));
				String note = row.get(h.get("note"));
				ps.setString(10, note.isEmpty() ? null : note);
				ps.addBatch();
			}
			ps.executeBatch();
		}
	}

}
