package vn.giamngheo.geography.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.geography.Unit;
import vn.giamngheo.geography.UnitAttribute;
import vn.giamngheo.shared.db.Like;
import vn.giamngheo.shared.text.TextNormalizer;

/** SQL for administrative units, villages and their dated attributes. */
@Repository
public class UnitRepository {

	private static final String COLUMNS = "id, code, edition, level, depth, type, name, short_name, name_en, parent_id,"
			+ " province_code, path, urban, urban_source, valid_from, valid_to, synthetic, version";

	private final JdbcClient jdbc;

	public UnitRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Unit> findById(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from admin_unit where id = ?")
			.param(id)
			.query(this::map)
			.optional();
	}

	public List<Unit> findByCode(String code) {
		return this.jdbc.sql("select " + COLUMNS + " from admin_unit where code = ? order by valid_from desc")
			.param(code)
			.query(this::map)
			.list();
	}

	public List<Unit> children(long parentId) {
		return this.jdbc.sql("select " + COLUMNS + " from admin_unit where parent_id = ? order by level, code")
			.param(parentId)
			.query(this::map)
			.list();
	}

	public List<Unit> roots(String edition) {
		return this.jdbc
			.sql("select " + COLUMNS + " from admin_unit where parent_id is null and edition = ? order by code")
			.param(edition)
			.query(this::map)
			.list();
	}

	/** Ancestors from the province down to (excluding) the unit, by its path. */
	public List<Unit> ancestors(Unit unit) {
		Long[] ids = java.util.Arrays.stream(unit.path().split("/"))
			.filter((s) -> !s.isEmpty())
			.map(Long::valueOf)
			.filter((id) -> id != unit.id())
			.toArray(Long[]::new);
		if (ids.length == 0) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from admin_unit where id = any(?) order by depth")
			.param(ids)
			.query(this::map)
			.list();
	}

	/**
	 * The units of the other list edition that a commune (or island district) became or
	 * came from, by the 2025 crosswalk: its new communes ({@code later}) or its old ones.
	 */
	public List<Unit> crosswalked(long unitId, boolean later) {
		String sql = later ? "select distinct " + prefixed("u")
				+ " from unit_crosswalk x join admin_unit u on u.id = x.new_unit_id" + " where x.old_unit_id = ?"
				: "select distinct " + prefixed("u")
						+ " from unit_crosswalk x join admin_unit u on u.id = x.old_unit_id"
						+ " where x.new_unit_id = ?";
		return this.jdbc.sql(sql).param(unitId).query(this::map).list();
	}

	/**
	 * The provinces of the other edition that the communes under a province path went to
	 * (2024 → 2025, {@code later}) or came from.
	 */
	public List<Unit> crosswalkedProvinces(String path, boolean later) {
		String from = later ? "old_unit_id" : "new_unit_id";
		String to = later ? "new_unit_id" : "old_unit_id";
		return this.jdbc
			.sql("select distinct " + prefixed("p") + " from admin_unit c join unit_crosswalk x on x." + from
					+ " = c.id join admin_unit o on o.id = x." + to
					+ " join admin_unit p on p.id = cast(split_part(o.path, '/', 2) as bigint)"
					+ " where c.path like ? and c.level = 'commune'")
			.param(path + "%")
			.query(this::map)
			.list();
	}

	private static String prefixed(String alias) {
		return java.util.Arrays.stream(COLUMNS.split(",\\s*"))
			.map((c) -> alias + "." + c)
			.collect(java.util.stream.Collectors.joining(", "));
	}

	/**
	 * Units whose name has a word starting with each word of the query (folded: no
	 * diacritics, lower case), or whose code starts with the query when it is a number;
	 * inside the scope prefixes ({@code null}: everywhere). The best first: the name
	 * ending in the query ("Xã Dang" for "dang"), then a word starting with it; current
	 * units before ended ones; higher levels first.
	 * @param query what was typed
	 * @param scopePrefixes path prefixes of the scope, or {@code null} for the nation
	 * @param levels levels to include, or empty for all
	 * @param edition a list edition, or {@code null} for all
	 * @param limit at most this many
	 * @return the units found
	 */
	public List<Unit> findByName(String query, List<String> scopePrefixes, List<String> levels, String edition,
			int limit) {
		String folded = TextNormalizer.fold(query);
		List<String> words = java.util.Arrays.stream(folded.split(" ")).filter((w) -> !w.isEmpty()).toList();
		if (words.isEmpty() || (scopePrefixes != null && scopePrefixes.isEmpty())) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from admin_unit where true");
		List<Object> params = new java.util.ArrayList<>();
		if (scopePrefixes != null) {
			// one clause per prefix: each can use the path index
			sql.append(" and (");
			for (int i = 0; i < scopePrefixes.size(); i++) {
				sql.append((i == 0) ? "" : " or ").append("path like ?");
				params.add(Like.literal(scopePrefixes.get(i)) + "%");
			}
			sql.append(")");
		}
		if (!levels.isEmpty()) {
			sql.append(" and level = any(?)");
			params.add(levels.toArray(String[]::new));
		}
		if (edition != null) {
			sql.append(" and edition = ?");
			params.add(edition);
		}
		sql.append(" and ((true");
		for (String word : words) {
			sql.append(" and (' ' || name_norm) like ?");
			params.add("% " + Like.literal(word) + "%");
		}
		sql.append(")");
		boolean number = folded.matches("[0-9][0-9-]*");
		if (number) {
			sql.append(" or code like ?");
			params.add(folded + "%");
		}
		sql.append(") order by case when name_norm = ? or name_norm like ? then 0")
			.append(" when (' ' || name_norm) like ? then 1 else 2 end,")
			.append(" (valid_to is null) desc, depth, name_norm, id limit ?");
		params.add(folded);
		params.add("% " + Like.literal(folded));
		params.add("% " + Like.literal(folded) + "%");
		params.add(limit);
		return this.jdbc.sql(sql.toString()).params(params).query(this::map).list();
	}

	/** Units by id, in no order. */
	public List<Unit> findAll(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from admin_unit where id = any(?)")
			.param(ids.toArray(Long[]::new))
			.query(this::map)
			.list();
	}

	public int nextVillageSequence(long communeId) {
		return this.jdbc.sql("select count(*) + 1 from admin_unit where parent_id = ? and level = 'village'")
			.param(communeId)
			.query(Integer.class)
			.single();
	}

	public long insertVillage(Unit commune, String code, String type, String name, boolean urban, LocalDate validFrom) {
		long id = this.jdbc.sql("select nextval(pg_get_serial_sequence('admin_unit', 'id'))")
			.query(Long.class)
			.single();
		this.jdbc
			.sql("insert into admin_unit (id, code, edition, level, depth, type, name, short_name, name_en, name_norm,"
					+ " parent_id, province_code, path, urban, valid_from) overriding system value"
					+ " values (?, ?, 'local', 'village', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, code, commune.depth() + 1, type, type + " " + name, name, TextNormalizer.fold(name),
					TextNormalizer.fold(type + " " + name), commune.id(), commune.provinceCode(),
					commune.path() + id + "/", urban, validFrom)
			.update();
		return id;
	}

	public int updateUrban(long id, boolean urban, int version) {
		return this.jdbc
			.sql("update admin_unit set urban = ?, urban_source = 'override', version = version + 1"
					+ " where id = ? and version = ?")
			.params(urban, id, version)
			.update();
	}

	public List<UnitAttribute> attributes(long unitId) {
		return this.jdbc
			.sql("select * from unit_attribute where unit_id = ? and not voided order by attribute, valid_from")
			.param(unitId)
			.query(this::mapAttribute)
			.list();
	}

	/**
	 * Attributes of the unit and of its ancestors (a commune inherits its district's
	 * terrain).
	 */
	public List<UnitAttribute> attributesAlongPath(Unit unit) {
		Long[] ids = java.util.Arrays.stream(unit.path().split("/"))
			.filter((s) -> !s.isEmpty())
			.map(Long::valueOf)
			.toArray(Long[]::new);
		return this.jdbc
			.sql("select * from unit_attribute where unit_id = any(?) and not voided order by attribute, valid_from")
			.param(ids)
			.query(this::mapAttribute)
			.list();
	}

	/** One attribute (e.g. TERRAIN) of these units, not voided. */
	public List<UnitAttribute> attributes(java.util.Collection<Long> unitIds, String attribute) {
		if (unitIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select * from unit_attribute where unit_id = any(?) and attribute = ? and not voided"
					+ " order by valid_from")
			.params(unitIds.toArray(Long[]::new), attribute)
			.query(this::mapAttribute)
			.list();
	}

	public long insertAttribute(long unitId, String attribute, String value, LocalDate from, LocalDate to,
			String legalBasis, boolean verified, String note, String setBy) {
		return this.jdbc
			.sql("insert into unit_attribute (unit_id, attribute, value, valid_from, valid_to, legal_basis, verified,"
					+ " assumption, note, set_by) values (?, ?, ?, ?, ?, ?, ?, false, ?, ?) returning id")
			.params(unitId, attribute, value, from, to, legalBasis, verified, note, setBy)
			.query(Long.class)
			.single();
	}

	public int voidAttribute(long attributeId) {
		return this.jdbc.sql("update unit_attribute set voided = true where id = ? and not voided")
			.param(attributeId)
			.update();
	}

	public Optional<UnitAttribute> findAttribute(long attributeId) {
		return this.jdbc.sql("select * from unit_attribute where id = ?")
			.param(attributeId)
			.query(this::mapAttribute)
			.optional();
	}

	private UnitAttribute mapAttribute(ResultSet rs, int n) throws SQLException {
		return new UnitAttribute(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("attribute"),
				rs.getString("value"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), rs.getString("legal_basis"), rs.getBoolean("verified"),
				rs.getBoolean("assumption"), rs.getString("note"), rs.getString("set_by"));
	}

	private Unit map(ResultSet rs, int n) throws SQLException {
		Long parent = rs.getObject("parent_id", Long.class);
		return new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("edition"), rs.getString("level"),
				rs.getInt("depth"), rs.getString("type"), rs.getString("name"), rs.getString("short_name"),
				rs.getString("name_en"), parent, rs.getString("province_code"), rs.getString("path"),
				rs.getBoolean("urban"), rs.getString("urban_source"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), rs.getBoolean("synthetic"), rs.getInt("version"));
	}

}
