package vn.giamngheo.targets.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.targets.IndicatorValue;
import vn.giamngheo.targets.Resolution;
import vn.giamngheo.targets.ResolutionFile;
import vn.giamngheo.targets.Target;
import vn.giamngheo.targets.domain.Comparator;
import vn.giamngheo.targets.domain.Judging;

/** SQL of resolutions, targets, entered values and unit statuses. */
@Repository
public class TargetRepository {

	private static final tools.jackson.databind.ObjectMapper JSON = new tools.jackson.databind.ObjectMapper();

	private final JdbcClient jdbc;

	public TargetRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String RESOLUTION = "select id, code, issuer, issuer_en, number, issued_on, title, title_en,"
			+ " period_from, period_to, scope_unit_id, scope_path, province_code, baseline_note, source, verified"
			+ " from resolution";

	private static Resolution resolution(ResultSet rs, int n) throws SQLException {
		return new Resolution(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getInt(10),
				rs.getLong(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
				rs.getBoolean(16));
	}

	public List<Resolution> resolutions() {
		return this.jdbc.sql(RESOLUTION + " order by period_to desc, code").query(TargetRepository::resolution).list();
	}

	public Optional<Resolution> resolution(long id) {
		return this.jdbc.sql(RESOLUTION + " where id = ?").param(id).query(TargetRepository::resolution).optional();
	}

	public Optional<Resolution> resolutionByCode(String code) {
		return this.jdbc.sql(RESOLUTION + " where code = ?").param(code).query(TargetRepository::resolution).optional();
	}

	public String yaml(long id) {
		return this.jdbc.sql("select yaml from resolution where id = ?").param(id).query(String.class).single();
	}

	/** Inserts a resolution and its targets; returns its id. */
	public long insert(ResolutionFile.Resolution r, long unitId, String unitPath, String createdBy) {
		long id = this.jdbc
			.sql("insert into resolution (code, issuer, issuer_en, number, issued_on, title, title_en, period_from,"
					+ " period_to, scope_unit_id, scope_path, province_code, baseline_note, source, verified, yaml,"
					+ " created_by) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) returning id")
			.params(r.code(), r.issuer(), r.issuerEn(), r.number(), r.issuedOn(), r.title(), r.titleEn(),
					r.periodFrom(), r.periodTo(), unitId, unitPath, r.provinceCode(), r.baselineNote(), r.source(),
					r.verified(), r.yaml(), createdBy)
			.query(Long.class)
			.single();
		int seq = 0;
		for (ResolutionFile.Target t : r.targets()) {
			this.jdbc.sql("insert into resolution_target (resolution_id, seq, code, indicator_code, group_code,"
					+ " numerator_group, comparator, value, value_max, target_year, baseline_year, baseline_value,"
					+ " reported, reference, reference_note, quote, note, scorecard, judged, reference_sources,"
					+ " legal_basis, verified) values (?,?,?,?,?,?,?,?,?,?,?,?,cast(? as jsonb),cast(? as jsonb),?,?,?,?,?,"
					+ "cast(? as jsonb),?,?)")
				.params(id, ++seq, t.code(), t.indicator(), t.group(), t.numeratorGroup(), t.comparator().name(),
						BigDecimal.valueOf(t.value()), (t.valueMax() == null) ? null : BigDecimal.valueOf(t.valueMax()),
						t.targetYear(), t.baselineYear(),
						(t.baselineValue() == null) ? null : BigDecimal.valueOf(t.baselineValue()), json(t.reported()),
						json(t.reference()), t.referenceNote(), t.quote(), t.note(), t.scorecard(),
						(t.judging() == null) ? null : t.judging().name(), sources(t.referenceSources()),
						t.legalBasis(), t.verified())
				.update();
		}
		return id;
	}

	private static String json(TreeMap<Integer, Double> series) {
		return (series == null || series.isEmpty()) ? null : JSON.writeValueAsString(series);
	}

	private static TreeMap<Integer, Double> series(String json) {
		TreeMap<Integer, Double> result = new TreeMap<>();
		if (json != null) {
			Map<?, ?> m = JSON.readValue(json, Map.class);
			m.forEach((k, v) -> result.put(Integer.parseInt(k.toString()), ((Number) v).doubleValue()));
		}
		return result;
	}

	private static String sources(Map<Integer, ResolutionFile.ReferenceSource> sources) {
		return (sources == null || sources.isEmpty()) ? null : JSON.writeValueAsString(sources);
	}

	private static TreeMap<Integer, ResolutionFile.ReferenceSource> sources(String json) {
		TreeMap<Integer, ResolutionFile.ReferenceSource> result = new TreeMap<>();
		if (json != null) {
			Map<?, ?> m = JSON.readValue(json, Map.class);
			m.forEach((k, v) -> {
				Map<?, ?> entry = (Map<?, ?>) v;
				result.put(Integer.parseInt(k.toString()), new ResolutionFile.ReferenceSource(
						String.valueOf(entry.get("source")), Boolean.TRUE.equals(entry.get("verified"))));
			});
		}
		return result;
	}

	public List<Target> targets(long resolutionId) {
		return this.jdbc
			.sql("select id, resolution_id, seq, code, indicator_code, group_code, numerator_group, comparator, value,"
					+ " value_max, target_year, baseline_year, baseline_value, reported::text, reference::text,"
					+ " reference_note, quote, note, scorecard, judged, reference_sources::text, legal_basis, verified"
					+ " from resolution_target" + " where resolution_id = ? order by seq")
			.param(resolutionId)
			.query((rs, n) -> new Target(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), Comparator.valueOf(rs.getString(8)), rs.getDouble(9), dbl(rs, 10),
					integer(rs, 11), integer(rs, 12), dbl(rs, 13), series(rs.getString(14)), series(rs.getString(15)),
					rs.getString(16), rs.getString(17), rs.getString(18), rs.getBoolean(19),
					(rs.getString(20) == null) ? null : Judging.valueOf(rs.getString(20)), sources(rs.getString(21)),
					rs.getString(22), rs.getBoolean(23)))
			.list();
	}

	private static Double dbl(ResultSet rs, int col) throws SQLException {
		BigDecimal v = rs.getBigDecimal(col);
		return (v == null) ? null : v.doubleValue();
	}

	private static Integer integer(ResultSet rs, int col) throws SQLException {
		int v = rs.getInt(col);
		return rs.wasNull() ? null : v;
	}

	// ---------------------------------------------------------------- unit statuses

	/**
	 * Units under a path that held a status at some time in [from, to], and how many of
	 * them saw it end before {@code endOf} without holding it again afterwards.
	 * @return {held, left, held on an assumed status (a demo assumption, not a recorded
	 * fact)}
	 */
	public long[] statusLeft(String path, List<String> attributes, LocalDate from, LocalDate to, LocalDate endOf) {
		return this.jdbc
			.sql("with s as (select ua.unit_id, max(coalesce(ua.valid_to, date 'infinity')) as until,"
					+ " bool_or(ua.assumption) as assumed"
					+ " from unit_attribute ua join admin_unit u on u.id = ua.unit_id where u.path like ?"
					+ " and ua.attribute = any(?) and not ua.voided and ua.valid_from <= ?"
					+ " and coalesce(ua.valid_to, date 'infinity') >= ? group by ua.unit_id)"
					+ " select count(*), count(*) filter (where until < ?), count(*) filter (where assumed) from s")
			.params(path + "%", attributes.toArray(String[]::new), to, from, endOf)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
	}

	// ---------------------------------------------------------------- entered values

	private static final String VALUE = "select id, indicator_code, unit_id, unit_path, year, value, comment, status,"
			+ " entered_by, entered_at, decided_by, version from indicator_value";

	private static IndicatorValue value(ResultSet rs, int n) throws SQLException {
		return new IndicatorValue(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
				rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getString(9),
				rs.getObject(10, OffsetDateTime.class), rs.getString(11), rs.getInt(12));
	}

	public List<IndicatorValue> values(long unitId, int year) {
		return this.jdbc.sql(VALUE + " where unit_id = ? and year = ? order by indicator_code")
			.params(unitId, year)
			.query(TargetRepository::value)
			.list();
	}

	public Optional<IndicatorValue> value(long id) {
		return this.jdbc.sql(VALUE + " where id = ?").param(id).query(TargetRepository::value).optional();
	}

	public Optional<IndicatorValue> value(String indicator, long unitId, int year) {
		return this.jdbc.sql(VALUE + " where indicator_code = ? and unit_id = ? and year = ?")
			.params(indicator, unitId, year)
			.query(TargetRepository::value)
			.optional();
	}

	/** Approved values of an indicator for a unit, by year. */
	public TreeMap<Integer, Double> approved(String indicator, long unitId) {
		TreeMap<Integer, Double> result = new TreeMap<>();
		this.jdbc
			.sql("select year, value from indicator_value where indicator_code = ? and unit_id = ?"
					+ " and status = 'APPROVED'")
			.params(indicator, unitId)
			.query((rs, n) -> result.put(rs.getInt(1), rs.getBigDecimal(2).doubleValue()))
			.list();
		return result;
	}

	/**
	 * Approved values of an indicator in a year for a unit and every unit under it.
	 * @return unit id → value
	 */
	public java.util.Map<Long, Double> approvedUnder(String indicator, String path, int year) {
		java.util.Map<Long, Double> result = new java.util.HashMap<>();
		this.jdbc
			.sql("select unit_id, value from indicator_value where indicator_code = ? and unit_path like ?"
					+ " and year = ? and status = 'APPROVED'")
			.params(indicator, path + "%", year)
			.query((rs) -> {
				result.put(rs.getLong(1), rs.getBigDecimal(2).doubleValue());
			});
		return result;
	}

	/** Years with an approved value of an indicator for a unit or any unit under it. */
	public List<Integer> approvedYearsUnder(String indicator, String path) {
		return this.jdbc
			.sql("select distinct year from indicator_value where indicator_code = ? and unit_path like ?"
					+ " and status = 'APPROVED' order by 1")
			.params(indicator, path + "%")
			.query(Integer.class)
			.list();
	}

	/**
	 * A unit and the districts and communes under it (same edition), with each commune's
	 * number of villages.
	 * @return rows {id, parent id (0 for the unit), name, level, villages}
	 */
	public List<Object[]> subtree(long unitId, String path) {
		return this.jdbc
			.sql("select u.id, coalesce(u.parent_id, 0), u.name, u.level, (select count(*) from admin_unit v"
					+ " where v.parent_id = u.id and v.level = 'village') from admin_unit u where u.path like ?"
					+ " and u.level <> 'village' and (u.id = ? or u.path <> ?) order by u.depth, u.id")
			.params(path + "%", unitId, path)
			.query((rs,
					n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
							rs.getLong(5) })
			.list();
	}

	/** Values waiting for a decision under a path. */
	public List<IndicatorValue> pending(String[] pathPatterns) {
		return this.jdbc
			.sql(VALUE + " where status = 'ENTERED' and unit_path like any(?) order by year desc, unit_path,"
					+ " indicator_code limit 500")
			.param(pathPatterns)
			.query(TargetRepository::value)
			.list();
	}

	public long insertValue(String indicator, long unitId, String unitPath, String province, int year, BigDecimal value,
			String comment, String by) {
		return this.jdbc
			.sql("insert into indicator_value (indicator_code, unit_id, unit_path, province_code, year, value, comment,"
					+ " entered_by) values (?,?,?,?,?,?,?,?) returning id")
			.params(indicator, unitId, unitPath, province, year, value, comment, by)
			.query(Long.class)
			.single();
	}

	public int updateValue(long id, BigDecimal value, String comment, String by, int version) {
		return this.jdbc
			.sql("update indicator_value set value = ?, comment = ?, status = 'ENTERED', entered_by = ?,"
					+ " entered_at = now(), decided_by = null, decided_at = null, version = version + 1"
					+ " where id = ? and version = ?")
			.params(value, comment, by, id, version)
			.update();
	}

	public int decide(long id, String status, String by, int version) {
		return this.jdbc
			.sql("update indicator_value set status = ?, decided_by = ?, decided_at = now(), version = version + 1"
					+ " where id = ? and version = ? and status = 'ENTERED'")
			.params(status, by, id, version)
			.update();
	}

	/** The 2024 province unit with this code: {id, path}, if any. */
	public Optional<Object[]> province(String code) {
		return province(code, ResolutionFile.EDITION_2024);
	}

	/**
	 * A province of a unit list: code 48 is the old Đà Nẵng in the 2024 list and the new
	 * Thành phố Đà Nẵng in the 2025 list.
	 * @return {id, path}
	 */
	public Optional<Object[]> province(String code, String edition) {
		return this.jdbc.sql("select id, path from admin_unit where code = ? and level = 'province' and edition = ?")
			.params(code, edition)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.optional();
	}

}
