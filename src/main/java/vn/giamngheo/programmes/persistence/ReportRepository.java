package vn.giamngheo.programmes.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.programmes.ProgrammeReport;
import vn.giamngheo.programmes.ProgrammeReport.Content;
import vn.giamngheo.programmes.ProgrammeReport.Narrative;
import vn.giamngheo.shared.ClockConfiguration;

/**
 * The Mẫu 01 report versions in {@code programme_report} (V68, frozen by the V71
 * trigger). Lateness is computed by the caller from {@code first_submitted}, the day the
 * first version of the same report was submitted.
 */
@Repository
public class ReportRepository {

	private static final String SELECT = "select r.*, u.name as unit_name, u.level as unit_level,"
			+ " (select min(f.submitted_at) from programme_report f where f.unit_id = r.unit_id"
			+ " and f.programme_code = r.programme_code and f.form = r.form and f.year = r.year"
			+ " and f.period = r.period) as first_submitted from programme_report r join admin_unit u on u.id = r.unit_id";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	public ReportRepository(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A version with its frozen content (null for a draft). */
	public record Stored(ProgrammeReport report, Content content) {
	}

	private Stored map(ResultSet rs, LocalDate today) throws SQLException {
		OffsetDateTime first = rs.getObject("first_submitted", OffsetDateTime.class);
		LocalDate firstOn = (first != null) ? first.atZoneSameInstant(ClockConfiguration.VIETNAM).toLocalDate() : null;
		LocalDate due = rs.getObject("due_on", LocalDate.class);
		String content = rs.getString("content");
		ProgrammeReport report = new ProgrammeReport(rs.getObject("id", UUID.class), rs.getLong("unit_id"),
				rs.getString("unit_name"), rs.getString("unit_level"), rs.getString("unit_path"),
				rs.getString("programme_code"), rs.getString("form"), rs.getInt("year"), rs.getString("period"),
				rs.getInt("version"), rs.getString("status"), due,
				this.json.readValue(rs.getString("narrative"), Narrative.class), rs.getString("reason"),
				rs.getObject("supersedes", UUID.class), rs.getString("prepared_by"),
				rs.getObject("prepared_at", OffsetDateTime.class), rs.getString("submitted_by"),
				rs.getObject("submitted_at", OffsetDateTime.class), firstOn,
				(firstOn != null) ? firstOn.isAfter(due) : today.isAfter(due), rs.getInt("row_version"));
		// a stored content that is not a rendered report (the demo's minimal JSON) is
		// read
		// as none: the report is shown from the live figures
		boolean frozen = content != null && this.json.readTree(content).has("unitName");
		return new Stored(report, frozen ? this.json.readValue(content, Content.class) : null);
	}

	public Optional<Stored> find(UUID id, LocalDate today) {
		return this.jdbc.sql(SELECT + " where r.id = ?").param(id).query((rs, n) -> map(rs, today)).optional();
	}

	/**
	 * Every version of the reports of a unit and year, newest period and version first.
	 */
	public List<ProgrammeReport> ofUnit(long unitId, int year, LocalDate today) {
		return this.jdbc
			.sql(SELECT
					+ " where r.unit_id = ? and r.year = ? order by r.programme_code, r.period desc, r.version desc")
			.params(unitId, year)
			.query((rs, n) -> map(rs, today).report())
			.list();
	}

	/**
	 * The live versions (draft or submitted) of the units strictly under a path, for a
	 * programme, year and period.
	 */
	public List<ProgrammeReport> liveUnder(String path, String programme, int year, String period, LocalDate today) {
		return this.jdbc
			.sql(SELECT + " where r.unit_path like ? and r.unit_path <> ? and r.programme_code = ? and r.year = ?"
					+ " and r.period = ? and r.form = 'MAU01' and r.status in ('DRAFT', 'SUBMITTED')")
			.params(path + "%", path, programme, year, period)
			.query((rs, n) -> map(rs, today).report())
			.list();
	}

	/** The units of the district and commune levels under a path, in force in a year. */
	public List<Object[]> unitsUnder(String path, int year) {
		return this.jdbc
			.sql("select id, name, level from admin_unit where path like ? and path <> ? and level in"
					+ " ('district', 'commune') and valid_from <= ? and (valid_to is null or valid_to >= ?)"
					+ " and not placeholder order by depth, name")
			.params(path + "%", path, LocalDate.of(year, 12, 31), LocalDate.of(year, 1, 1))
			.query((rs, n) -> new Object[] { rs.getLong("id"), rs.getString("name"), rs.getString("level") })
			.list();
	}

	public int lastVersion(long unitId, String programme, String form, int year, String period) {
		return this.jdbc.sql(
				"select coalesce(max(version), 0) from programme_report where unit_id = ? and programme_code = ? and form = ?"
						+ " and year = ? and period = ?")
			.params(unitId, programme, form, year, period)
			.query(Integer.class)
			.single();
	}

	public boolean hasLive(long unitId, String programme, String form, int year, String period) {
		return this.jdbc
			.sql("select count(*) from programme_report where unit_id = ? and programme_code = ? and form = ?"
					+ " and year = ? and period = ? and status in ('DRAFT', 'SUBMITTED')")
			.params(unitId, programme, form, year, period)
			.query(Long.class)
			.single() > 0;
	}

	/** Inserts a draft version; returns its id. */
	public UUID insertDraft(String provinceCode, long unitId, String unitPath, String programme, String form, int year,
			String period, int version, LocalDate due, Narrative narrative, String reason, UUID supersedes,
			String preparedBy, OffsetDateTime at) {
		return this.jdbc
			.sql("insert into programme_report (province_code, unit_id, unit_path, programme_code, form, year, period,"
					+ " version, status, due_on, narrative, reason, supersedes, prepared_by, prepared_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, cast(? as jsonb), ?, ?, ?, ?) returning id")
			.params(provinceCode, unitId, unitPath, programme, form, year, period, version, due,
					this.json.writeValueAsString(narrative), reason, supersedes, preparedBy, at)
			.query(UUID.class)
			.single();
	}

	/** Writes the narrative of a draft at a row version; false when it moved on. */
	public boolean updateNarrative(UUID id, Narrative narrative, int rowVersion) {
		return this.jdbc
			.sql("update programme_report set narrative = cast(? as jsonb), row_version = row_version + 1"
					+ " where id = ? and status = 'DRAFT' and row_version = ?")
			.params(this.json.writeValueAsString(narrative), id, rowVersion)
			.update() == 1;
	}

	/** Freezes a draft; false when it moved on. */
	public boolean submit(UUID id, Content content, String by, OffsetDateTime at, int rowVersion) {
		return this.jdbc
			.sql("update programme_report set status = 'SUBMITTED', content = cast(? as jsonb), submitted_by = ?,"
					+ " submitted_at = ?, row_version = row_version + 1 where id = ? and status = 'DRAFT'"
					+ " and row_version = ?")
			.params(this.json.writeValueAsString(content), by, at, id, rowVersion)
			.update() == 1;
	}

	/** Marks a submitted version superseded; false when it is not submitted any more. */
	public boolean supersede(UUID id) {
		return this.jdbc
			.sql("update programme_report set status = 'SUPERSEDED', row_version = row_version + 1"
					+ " where id = ? and status = 'SUBMITTED'")
			.param(id)
			.update() == 1;
	}

	public String provinceOf(UUID id) {
		return this.jdbc.sql("select province_code from programme_report where id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

}
