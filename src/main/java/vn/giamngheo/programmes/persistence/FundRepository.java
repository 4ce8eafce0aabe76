package vn.giamngheo.programmes.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.programmes.FundLine;
import vn.giamngheo.programmes.OutputLine;

/**
 * SQL of {@code programme_fund} and {@code programme_output} (V68): the rows of a unit,
 * the entry and decision steps with their optimistic version, and the sums of approved
 * rows at and under a path.
 */
@Repository
public class FundRepository {

	/** The two tables entered and approved the same way. */
	public enum Table {

		/** Money by node and source. */
		FUND("programme_fund"),
		/** Output targets and entered outputs. */
		OUTPUT("programme_output");

		final String sql;

		Table(String sql) {
			this.sql = sql;
		}

	}

	private static final String FUND_COLUMNS = "f.id, f.unit_id, u.name, f.unit_path, f.year, f.programme_code,"
			+ " f.programme_node, f.purpose, f.source, f.planned_vnd, f.allocated_vnd, f.disbursed_vnd, f.comment,"
			+ " f.status, f.entered_by, f.entered_at, f.decided_by, f.decided_at, f.decision_note, f.version"
			+ " from programme_fund f join admin_unit u on u.id = f.unit_id";

	private static final String OUTPUT_COLUMNS = "o.id, o.unit_id, u.name, o.unit_path, o.year, o.programme_code,"
			+ " o.programme_node, o.output_code, o.kind, o.value, o.comment, o.status, o.entered_by, o.entered_at,"
			+ " o.decided_by, o.decided_at, o.decision_note, o.version"
			+ " from programme_output o join admin_unit u on u.id = o.unit_id";

	private final JdbcClient jdbc;

	public FundRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static FundLine fund(ResultSet rs, int n) throws SQLException {
		return new FundLine(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10), rs.getLong(11),
				rs.getLong(12), rs.getString(13), rs.getString(14), rs.getString(15),
				rs.getObject(16, OffsetDateTime.class), rs.getString(17), rs.getObject(18, OffsetDateTime.class),
				rs.getString(19), rs.getInt(20));
	}

	static OutputLine output(ResultSet rs, int n) throws SQLException {
		return new OutputLine(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10), rs.getString(11),
				rs.getString(12), rs.getString(13), rs.getObject(14, OffsetDateTime.class), rs.getString(15),
				rs.getObject(16, OffsetDateTime.class), rs.getString(17), rs.getInt(18));
	}

	// ------------------------------------------------------------------ funds

	public List<FundLine> funds(long unitId, int year) {
		return this.jdbc
			.sql("select " + FUND_COLUMNS + " where f.unit_id = ? and f.year = ?"
					+ " order by f.in_programme desc, f.programme_code, f.programme_node, f.purpose, f.source")
			.params(unitId, year)
			.query(FundRepository::fund)
			.list();
	}

	public Optional<FundLine> fund(long id) {
		return this.jdbc.sql("select " + FUND_COLUMNS + " where f.id = ?")
			.param(id)
			.query(FundRepository::fund)
			.optional();
	}

	public Optional<FundLine> fund(long unitId, int year, String programme, String node, String purpose,
			String source) {
		return this.jdbc
			.sql("select " + FUND_COLUMNS + " where f.unit_id = ? and f.year = ?"
					+ " and coalesce(f.programme_code, '') = ? and coalesce(f.programme_node, '') = ?"
					+ " and coalesce(f.purpose, '') = ? and f.source = ?")
			.params(unitId, year, nz(programme), nz(node), nz(purpose), source)
			.query(FundRepository::fund)
			.optional();
	}

	private static String nz(String s) {
		return (s == null) ? "" : s;
	}

	/**
	 * A new row, ENTERED.
	 * @return its id
	 */
	public long insertFund(long unitId, String unitPath, String provinceCode, int year, String programme, String node,
			String purpose, String source, long planned, long allocated, long disbursed, String comment, String by) {
		return this.jdbc
			.sql("insert into programme_fund (province_code, unit_id, unit_path, year, in_programme, programme_code,"
					+ " programme_node, purpose, source, planned_vnd, allocated_vnd, disbursed_vnd, comment, entered_by)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
			.params(provinceCode, unitId, unitPath, year, programme != null, programme, node, purpose, source, planned,
					allocated, disbursed, comment, by)
			.query(Long.class)
			.single();
	}

	/**
	 * New amounts of a row at a version: back to ENTERED, the decision cleared.
	 * @return rows changed (0: stale)
	 */
	public int updateFund(long id, long planned, long allocated, long disbursed, String comment, String by,
			int version) {
		return this.jdbc
			.sql("update programme_fund set planned_vnd = ?, allocated_vnd = ?, disbursed_vnd = ?, comment = ?,"
					+ " status = 'ENTERED', entered_by = ?, entered_at = now(), decided_by = null, decided_at = null,"
					+ " decision_note = null, version = version + 1 where id = ? and version = ?")
			.params(planned, allocated, disbursed, comment, by, id, version)
			.update();
	}

	// ------------------------------------------------------------------ outputs

	public List<OutputLine> outputs(long unitId, int year) {
		return this.jdbc
			.sql("select " + OUTPUT_COLUMNS + " where o.unit_id = ? and o.year = ?"
					+ " order by o.programme_code, o.programme_node, o.output_code, o.kind desc")
			.params(unitId, year)
			.query(FundRepository::output)
			.list();
	}

	public Optional<OutputLine> output(long id) {
		return this.jdbc.sql("select " + OUTPUT_COLUMNS + " where o.id = ?")
			.param(id)
			.query(FundRepository::output)
			.optional();
	}

	public Optional<OutputLine> output(long unitId, int year, String programme, String node, String output,
			String kind) {
		return this.jdbc
			.sql("select " + OUTPUT_COLUMNS + " where o.unit_id = ? and o.year = ? and o.programme_code = ?"
					+ " and o.programme_node = ? and o.output_code = ? and o.kind = ?")
			.params(unitId, year, programme, node, output, kind)
			.query(FundRepository::output)
			.optional();
	}

	public long insertOutput(long unitId, String unitPath, String provinceCode, int year, String programme, String node,
			String output, String kind, long value, String comment, String by) {
		return this.jdbc
			.sql("insert into programme_output (province_code, unit_id, unit_path, year, programme_code,"
					+ " programme_node, output_code, kind, value, comment, entered_by)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
			.params(provinceCode, unitId, unitPath, year, programme, node, output, kind, value, comment, by)
			.query(Long.class)
			.single();
	}

	public int updateOutput(long id, long value, String comment, String by, int version) {
		return this.jdbc
			.sql("update programme_output set value = ?, comment = ?, status = 'ENTERED', entered_by = ?,"
					+ " entered_at = now(), decided_by = null, decided_at = null, decision_note = null,"
					+ " version = version + 1 where id = ? and version = ?")
			.params(value, comment, by, id, version)
			.update();
	}

	// ------------------------------------------------------------------ decisions

	/**
	 * Approves or returns an ENTERED row at a version.
	 * @return rows changed (0: stale or no longer waiting)
	 */
	public int decide(Table table, long id, String status, String by, String note, int version) {
		return this.jdbc
			.sql("update " + table.sql + " set status = ?, decided_by = ?, decided_at = now(), decision_note = ?,"
					+ " version = version + 1 where id = ? and version = ? and status = 'ENTERED'")
			.params(status, by, note, id, version)
			.update();
	}

	/**
	 * ENTERED fund rows under any of the path patterns ({@code /1/2/%}), oldest first.
	 */
	public List<FundLine> pendingFunds(String[] patterns) {
		return this.jdbc
			.sql("select " + FUND_COLUMNS + " where f.status = 'ENTERED' and f.unit_path like any (?)"
					+ " order by f.entered_at, f.id limit 500")
			.param(patterns)
			.query(FundRepository::fund)
			.list();
	}

	/** ENTERED output rows under any of the path patterns, oldest first. */
	public List<OutputLine> pendingOutputs(String[] patterns) {
		return this.jdbc
			.sql("select " + OUTPUT_COLUMNS + " where o.status = 'ENTERED' and o.unit_path like any (?)"
					+ " order by o.entered_at, o.id limit 500")
			.param(patterns)
			.query(FundRepository::output)
			.list();
	}

	// ------------------------------------------------------------------ sums

	/**
	 * Approved money at and under a path in a year, by node (or purpose outside the
	 * programmes) and source.
	 *
	 * @param key the node code, or the purpose outside the programmes
	 * @param source the source
	 * @param planned planned
	 * @param allocated allocated
	 * @param disbursed disbursed
	 */
	public record Sum(String key, String source, long planned, long allocated, long disbursed) {
	}

	/**
	 * @param path a unit's path
	 * @param year the year
	 * @param programme a programme code, or null for the rows outside the programmes
	 * @return the sums of approved rows
	 */
	public List<Sum> sums(String path, int year, String programme) {
		return this.jdbc
			.sql("select coalesce(programme_node, purpose), source, sum(planned_vnd), sum(allocated_vnd),"
					+ " sum(disbursed_vnd) from programme_fund where unit_path like ? and year = ?"
					+ " and status = 'APPROVED' and " + programmeIs(programme) + " group by 1, 2")
			.params(programmeParams(path, year, programme))
			.query((rs, n) -> new Sum(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.list();
	}

	/**
	 * @return fund rows at and under a path waiting for approval
	 */
	public int pendingCount(String path, int year, String programme) {
		return this.jdbc
			.sql("select count(*) from programme_fund where unit_path like ? and year = ? and status = 'ENTERED'"
					+ " and " + programmeIs(programme))
			.params(programmeParams(path, year, programme))
			.query(Integer.class)
			.single();
	}

	/**
	 * @return the programmes with fund rows at or under a path in a year, by code
	 */
	public List<String> programmes(String path, int year) {
		return this.jdbc
			.sql("select distinct programme_code from programme_fund where unit_path like ? and year = ?"
					+ " and in_programme order by 1")
			.params(path + "%", year)
			.query(String.class)
			.list();
	}

	private static String programmeIs(String programme) {
		return (programme == null) ? "not in_programme" : "programme_code = ?";
	}

	private static List<Object> programmeParams(String path, int year, String programme) {
		return (programme == null) ? List.of(path + "%", year) : List.of(path + "%", year, programme);
	}

}
