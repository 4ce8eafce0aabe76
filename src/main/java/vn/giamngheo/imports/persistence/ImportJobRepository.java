package vn.giamngheo.imports.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.imports.ImportJob;
import vn.giamngheo.imports.domain.Problem;
import vn.giamngheo.registry.HouseholdBulk;
import vn.giamngheo.shared.db.CopyText;

/** SQL of import jobs, their problems, the changes they made and remembered mappings. */
@Repository
public class ImportJobRepository {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final ObjectMapper json;

	public ImportJobRepository(JdbcClient jdbc, DataSource dataSource, ObjectMapper json) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.json = json;
	}

	public void insert(UUID id, String uploadedBy, String fileName, long size, String checksum, String format) {
		this.jdbc
			.sql("insert into import_job (id, uploaded_by, file_name, file_size, checksum, format, status)"
					+ " values (?, ?, ?, ?, ?, ?, 'QUEUED')")
			.params(id, uploadedBy, fileName, size, checksum, format)
			.update();
	}

	public Optional<ImportJob> find(UUID id) {
		return this.jdbc.sql("select * from import_job where id = ?").param(id).query(this::job).optional();
	}

	/** Survey-file jobs of a user (all users when null), newest first. */
	public List<ImportJob> list(String uploadedBy, int limit) {
		return list(uploadedBy, limit, true);
	}

	/**
	 * Jobs of a user (all users when null), newest first: survey files or partner files
	 * (ADR 0037).
	 */
	public List<ImportJob> list(String uploadedBy, int limit, boolean survey) {
		return this.jdbc
			.sql("select * from import_job where (cast(? as text) is null or uploaded_by = ?)"
					+ " and (kind = 'SURVEY') = ? order by created_at desc limit ?")
			.params(uploadedBy, uploadedBy, survey, limit)
			.query(this::job)
			.list();
	}

	/** Jobs of every kind a restart interrupted or left queued. */
	public List<ImportJob> unfinished() {
		return this.jdbc
			.sql("select * from import_job where status in ('QUEUED', 'VALIDATING', 'COMMIT_QUEUED', 'COMMITTING')"
					+ " order by created_at")
			.query(this::job)
			.list();
	}

	/**
	 * Sets a job that a stop or crash left running to run again: a check under way is
	 * queued again, a commit under way (its transaction died with the process) too. The
	 * caller holds the job's lock, so no node runs it now.
	 * @return whether the job was running
	 */
	public boolean resumeInterrupted(UUID id) {
		return this.jdbc
			.sql("update import_job set status = case status when 'VALIDATING' then 'QUEUED' else 'COMMIT_QUEUED' end,"
					+ " restarts = restarts + 1 where id = ? and status in ('VALIDATING', 'COMMITTING')")
			.param(id)
			.update() > 0;
	}

	/** Records a new partner-file job (ADR 0037). */
	public void insert(UUID id, String uploadedBy, String fileName, long size, String checksum, String format,
			String kind) {
		this.jdbc
			.sql("insert into import_job (id, uploaded_by, file_name, file_size, checksum, format, status, kind)"
					+ " values (?, ?, ?, ?, ?, ?, 'QUEUED', ?)")
			.params(id, uploadedBy, fileName, size, checksum, format, kind)
			.update();
	}

	public int status(UUID id, String from, String to) {
		return this.jdbc.sql("update import_job set status = ? where id = ? and status = ?")
			.params(to, id, from)
			.update();
	}

	public void resumed(UUID id, String status) {
		this.jdbc.sql("update import_job set status = ?, restarts = restarts + 1 where id = ?")
			.params(status, id)
			.update();
	}

	public void start(UUID id, String status) {
		this.jdbc
			.sql("update import_job set status = ?, rows_done = 0, started_at = now(), finished_at = null, error = null"
					+ " where id = ?")
			.params(status, id)
			.update();
	}

	public void progress(UUID id, int rowsDone) {
		this.jdbc.sql("update import_job set rows_done = ? where id = ?").params(rowsDone, id).update();
	}

	public void mode(UUID id, String mode) {
		this.jdbc.sql("update import_job set mode = ? where id = ?").params(mode, id).update();
	}

	/** Counts of a dry run or a commit, and the final status. */
	public void finish(UUID id, String status, Counts c) {
		this.jdbc
			.sql("update import_job set status = ?, rows_total = ?, rows_done = ?, rows_rejected = ?,"
					+ " problem_count = ?, households_created = ?, households_updated = ?, households_same = ?,"
					+ " members_created = ?, members_updated = ?, assessments = ?, matches = cast(? as jsonb),"
					+ " finished_at = now(), committed_at = case when ? = 'COMMITTED' then now() else committed_at end"
					+ " where id = ?")
			.params(status, c.rows(), c.rows(), c.rejected(), c.problems(), c.householdsCreated(),
					c.householdsUpdated(), c.householdsSame(), c.membersCreated(), c.membersUpdated(), c.assessments(),
					this.json.writeValueAsString(c.matches()), status, id)
			.update();
	}

	/** Says why a checked job cannot be committed (message key). */
	public void explain(UUID id, String errorKey) {
		this.jdbc.sql("update import_job set error = ? where id = ?").params(errorKey, id).update();
	}

	public void fail(UUID id, String errorKey) {
		this.jdbc.sql("update import_job set status = 'FAILED', error = ?, finished_at = now() where id = ?")
			.params(errorKey, id)
			.update();
	}

	public void reverted(UUID id, String by) {
		this.jdbc
			.sql("update import_job set status = 'REVERTED', reverted_at = now(), reverted_by = ? where id = ?"
					+ " and status = 'COMMITTED'")
			.params(by, id)
			.update();
	}

	public void sheets(UUID id, Object sheets) {
		this.jdbc.sql("update import_job set sheets = cast(? as jsonb) where id = ?")
			.params(this.json.writeValueAsString(sheets), id)
			.update();
	}

	public Optional<String> sheetsJson(UUID id) {
		return this.jdbc.sql("select sheets::text from import_job where id = ? and sheets is not null")
			.param(id)
			.query(String.class)
			.optional();
	}

	public void mapping(UUID id, String mappingJson) {
		this.jdbc.sql("update import_job set mapping = cast(? as jsonb) where id = ?").params(mappingJson, id).update();
	}

	/** Adds household codes to create as new households rather than match by name. */
	public void separate(UUID id, Collection<String> codes) {
		this.jdbc
			.sql("update import_job set separate_codes = array(select distinct c from unnest(separate_codes || ?) c"
					+ " order by c) where id = ?")
			.params(codes.toArray(String[]::new), id)
			.update();
	}

	/**
	 * The household codes the uploader said are not the households their names matched.
	 */
	public Set<String> separateCodes(UUID id) {
		return new HashSet<>(this.jdbc.sql("select unnest(separate_codes) from import_job where id = ?")
			.param(id)
			.query(String.class)
			.list());
	}

	/** Sets the commune stated for the whole file (its code). */
	public void commune(UUID id, String communeCode) {
		this.jdbc.sql("update import_job set commune_code = ? where id = ?").params(communeCode, id).update();
	}

	/** The commune stated for the whole file (its code), if one was. */
	public Optional<String> commune(UUID id) {
		return this.jdbc.sql("select commune_code from import_job where id = ? and commune_code is not null")
			.param(id)
			.query(String.class)
			.optional();
	}

	public Optional<String> mappingJson(UUID id) {
		return this.jdbc.sql("select mapping::text from import_job where id = ? and mapping is not null")
			.param(id)
			.query(String.class)
			.optional();
	}

	/** Replaces the problems of a job. */
	public void problems(UUID id, List<Problem> problems) {
		this.jdbc.sql("delete from import_problem where job_id = ?").param(id).update();
		if (problems.isEmpty()) {
			return;
		}
		try (CopyText copy = CopyText.open(this.dataSource,
				"import_problem (job_id, seq, level, sheet, row_no, column_name, value, message_key, args, household)")) {
			int seq = 0;
			for (Problem p : problems) {
				copy.field(id)
					.field(seq++)
					.field(p.info() ? "INFO" : "ERROR")
					.field(p.sheet())
					.field(p.row())
					.field(p.column())
					.field(p.value())
					.field(p.key())
					.field(arrayLiteral(p.args()))
					.field(p.household())
					.end();
			}
		}
	}

	/** A page of problems, errors first then matches, in file order. */
	public List<Problem> problems(UUID id, boolean info, int offset, int limit) {
		return this.jdbc
			.sql("select * from import_problem where job_id = ? and level = ? order by sheet, row_no, seq"
					+ " limit ? offset ?")
			.params(id, info ? "INFO" : "ERROR", limit, offset)
			.query(ImportJobRepository::problem)
			.list();
	}

	public int count(UUID id, boolean info) {
		return this.jdbc.sql("select count(*) from import_problem where job_id = ? and level = ?")
			.params(id, info ? "INFO" : "ERROR")
			.query(Integer.class)
			.single();
	}

	/** Every error of the job, for the rejected-rows workbook. */
	public List<Problem> errors(UUID id) {
		return problems(id, false, 0, Integer.MAX_VALUE);
	}

	/**
	 * Stages what a planned import changes (for its revert), replacing what was staged
	 * before; {@link #commitStagedChanges} records them when the import is committed.
	 */
	public void stageChanges(UUID id, Iterable<Change> changes) {
		dropStagedChanges(id);
		copyChanges("import_stage_change", id, changes);
	}

	/** Records the staged changes of the job as its changes. */
	public int commitStagedChanges(UUID id) {
		return this.jdbc
			.sql("insert into import_change (job_id, seq, entity_type, entity_id, household_id, action, before)"
					+ " select job_id, seq, entity_type, entity_id, household_id, action, before"
					+ " from import_stage_change where job_id = ?")
			.param(id)
			.update();
	}

	public void dropStagedChanges(UUID id) {
		this.jdbc.sql("delete from import_stage_change where job_id = ?").param(id).update();
	}

	/**
	 * A checked job committed with the counts of its dry run, or (when households were
	 * left out for conflicts) with what was written.
	 */
	public void committed(UUID id, HouseholdBulk.Counts written) {
		if (written == null) {
			this.jdbc
				.sql("update import_job set status = 'COMMITTED', rows_done = rows_total, finished_at = now(),"
						+ " committed_at = now() where id = ?")
				.param(id)
				.update();
			return;
		}
		this.jdbc
			.sql("update import_job set status = 'COMMITTED', rows_done = rows_total, finished_at = now(),"
					+ " committed_at = now(), households_created = ?, households_updated = ?, members_created = ?,"
					+ " members_updated = ?, assessments = ? where id = ?")
			.params(written.householdsCreated(), written.householdsUpdated(), written.membersCreated(),
					written.membersUpdated(), written.assessments(), id)
			.update();
	}

	/**
	 * A commit refused as a whole (all-or-nothing mode, conflicts): the job is checked
	 * again, with the reason, and may be committed in valid-rows mode or checked again.
	 */
	public void refused(UUID id, String errorKey) {
		this.jdbc
			.sql("update import_job set status = 'VALIDATED', error = ?, rows_done = rows_total, finished_at = now()"
					+ " where id = ?")
			.params(errorKey, id)
			.update();
	}

	/** Replaces the conflicts of a job's commit. */
	public void conflicts(UUID id, List<HouseholdBulk.Conflict> conflicts) {
		this.jdbc.sql("delete from import_conflict where job_id = ?").param(id).update();
		try (CopyText copy = CopyText.open(this.dataSource,
				"import_conflict (job_id, seq, household, household_id, reason)")) {
			int seq = 0;
			for (HouseholdBulk.Conflict c : conflicts) {
				copy.field(id).field(seq++).field(c.code()).field(c.stored()).field(c.reason()).end();
			}
		}
		this.jdbc.sql("update import_job set conflict_count = ? where id = ?").params(conflicts.size(), id).update();
	}

	/**
	 * A page of a job's conflicts: household code, stored household (or null), reason.
	 */
	public List<HouseholdBulk.Conflict> conflicts(UUID id, int offset, int limit) {
		return this.jdbc
			.sql("select household, household_id, reason from import_conflict where job_id = ? order by seq"
					+ " limit ? offset ?")
			.params(id, limit, offset)
			.query((rs, n) -> new HouseholdBulk.Conflict(null, rs.getString(1), rs.getObject(2, UUID.class),
					rs.getString(3)))
			.list();
	}

	/** Replaces the field-by-field changes of a job. */
	public void diffs(UUID id, Iterable<Diff> diffs) {
		this.jdbc.sql("delete from import_diff where job_id = ?").param(id).update();
		try (CopyText copy = CopyText.open(this.dataSource, "import_diff (job_id, seq, household, household_id,"
				+ " unit_path, entity_type, action, subject, field, old_value, new_value)")) {
			int seq = 0;
			for (Diff d : diffs) {
				copy.field(id)
					.field(seq++)
					.field(d.household())
					.field(d.householdId())
					.field(d.unitPath())
					.field(d.entityType())
					.field(d.action())
					.field(d.subject())
					.field(d.field())
					.field(d.oldValue())
					.field(d.newValue())
					.end();
			}
		}
	}

	/** A page of a job's changes, by household code, in the order they were planned. */
	public List<Diff> diffs(UUID id, int offset, int limit) {
		return this.jdbc
			.sql("select household, household_id, unit_path, entity_type, action, subject, field, old_value, new_value"
					+ " from import_diff where job_id = ? order by household, seq limit ? offset ?")
			.params(id, limit, offset)
			.query((rs, n) -> new Diff(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
			.list();
	}

	public int diffCount(UUID id) {
		return this.jdbc.sql("select count(*) from import_diff where job_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

	/**
	 * Takes households out of what a job stages for its commit (revert records, listed
	 * changes): the registry changed under them since the dry run.
	 */
	public void leaveOut(UUID id, Collection<UUID> households) {
		UUID[] ids = households.toArray(UUID[]::new);
		this.jdbc.sql("delete from import_stage_change where job_id = ? and household_id = any(?)")
			.params(id, ids)
			.update();
		this.jdbc.sql("delete from import_diff where job_id = ? and household_id = any(?)").params(id, ids).update();
	}

	public void changes(UUID id, Iterable<Change> changes) {
		copyChanges("import_change", id, changes);
	}

	private void copyChanges(String table, UUID id, Iterable<Change> changes) {
		try (CopyText copy = CopyText.open(this.dataSource,
				table + " (job_id, seq, entity_type, entity_id, household_id, action, before)")) {
			int seq = 0;
			for (Change c : changes) {
				copy.field(id)
					.field(seq++)
					.field(c.entityType())
					.field(c.entityId())
					.field(c.householdId())
					.field(c.action())
					.field((c.before() == null) ? null : this.json.writeValueAsString(c.before()))
					.end();
			}
		}
	}

	public List<StoredChange> changes(UUID id) {
		return this.jdbc
			.sql("select entity_type, entity_id, household_id, action, before::text from import_change where job_id = ?"
					+ " order by seq")
			.param(id)
			.query((rs, n) -> new StoredChange(rs.getString(1), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5)))
			.list();
	}

	public Optional<String> rememberedMapping(String username, String signature) {
		return this.jdbc.sql("select mapping::text from import_mapping where username = ? and signature = ?")
			.params(username, signature)
			.query(String.class)
			.optional();
	}

	public void remember(String username, String signature, String mappingJson) {
		this.jdbc
			.sql("insert into import_mapping (username, signature, mapping) values (?, ?, cast(? as jsonb))"
					+ " on conflict (username, signature) do update set mapping = excluded.mapping, updated_at = now()")
			.params(username, signature, mappingJson)
			.update();
	}

	/** Committed imports of the same file (checksum) by anyone, newest first. */
	public List<ImportJob> sameFile(String checksum, UUID except) {
		return this.jdbc
			.sql("select * from import_job where checksum = ? and id <> ? and status = 'COMMITTED'"
					+ " order by committed_at desc")
			.params(checksum, except)
			.query(this::job)
			.list();
	}

	private static String arrayLiteral(List<String> values) {
		StringBuilder sb = new StringBuilder("{");
		for (int i = 0; i < values.size(); i++) {
			sb.append((i == 0) ? "" : ",")
				.append('"')
				.append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
				.append('"');
		}
		return sb.append('}').toString();
	}

	private static Problem problem(ResultSet rs, int n) throws SQLException {
		Array args = rs.getArray("args");
		return new Problem("INFO".equals(rs.getString("level")), rs.getString("sheet"), rs.getInt("row_no"),
				rs.getString("column_name"), rs.getString("value"), rs.getString("message_key"),
				(args != null) ? Arrays.asList((String[]) args.getArray()) : List.of(), rs.getString("household"));
	}

	private ImportJob job(ResultSet rs, int n) throws SQLException {
		String matches = rs.getString("matches");
		Map<String, Integer> m = (matches == null) ? Map.of()
				: this.json.readValue(matches, new TypeReference<LinkedHashMap<String, Integer>>() {
				});
		return new ImportJob(rs.getObject("id", UUID.class), rs.getString("uploaded_by"), rs.getString("file_name"),
				rs.getLong("file_size"), rs.getString("checksum"), rs.getString("format"), rs.getString("mode"),
				rs.getString("status"), rs.getInt("rows_total"), rs.getInt("rows_done"), rs.getInt("rows_rejected"),
				rs.getInt("problem_count"), rs.getInt("households_created"), rs.getInt("households_updated"),
				rs.getInt("households_same"), rs.getInt("members_created"), rs.getInt("members_updated"),
				rs.getInt("assessments"), rs.getInt("conflict_count"), m, rs.getInt("restarts"), rs.getString("error"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("started_at", OffsetDateTime.class),
				rs.getObject("finished_at", OffsetDateTime.class), rs.getObject("committed_at", OffsetDateTime.class),
				rs.getObject("reverted_at", OffsetDateTime.class), rs.getString("reverted_by"), rs.getString("kind"));
	}

	/**
	 * Counts of a dry run or commit.
	 *
	 * @param rows rows read
	 * @param rejected rows set aside
	 * @param problems errors
	 * @param householdsCreated created
	 * @param householdsUpdated updated
	 * @param householdsSame unchanged
	 * @param membersCreated members created
	 * @param membersUpdated members updated
	 * @param assessments classifications written
	 * @param matches match kind → count
	 */
	public record Counts(int rows, int rejected, int problems, int householdsCreated, int householdsUpdated,
			int householdsSame, int membersCreated, int membersUpdated, int assessments, Map<String, Integer> matches) {

		/**
		 * Whether the plan has anything the file gives: a household or member to create,
		 * update or confirm unchanged, or a classification (as {@code ImportJob.usable}).
		 */
		public boolean usable() {
			return this.householdsCreated + this.householdsUpdated + this.householdsSame + this.membersCreated
					+ this.membersUpdated + this.assessments > 0;
		}

	}

	/**
	 * A change to record.
	 *
	 * @param entityType HOUSEHOLD, MEMBER, ASSESSMENT
	 * @param entityId id
	 * @param householdId household
	 * @param action CREATE or UPDATE
	 * @param before the row before an update
	 */
	public record Change(String entityType, UUID entityId, UUID householdId, String action, Object before) {
	}

	/**
	 * A change of a stored row, one field (as stored: codes, true/false, ISO dates).
	 *
	 * @param household household code as stored
	 * @param householdId household id
	 * @param unitPath the household's village path
	 * @param entityType HOUSEHOLD, MEMBER, ASSESSMENT
	 * @param action CREATE (a member or classification added to the household) or UPDATE
	 * @param subject the member's name, the classification's year, or null
	 * @param field the field's name ({@code imports.domain.Field}), null for an added
	 * member
	 * @param oldValue value before, null when empty
	 * @param newValue value after, null when empty or cleared
	 */
	public record Diff(String household, UUID householdId, String unitPath, String entityType, String action,
			String subject, String field, String oldValue, String newValue) {
	}

	/**
	 * A recorded change.
	 *
	 * @param entityType HOUSEHOLD, MEMBER, ASSESSMENT
	 * @param entityId id
	 * @param householdId household
	 * @param action CREATE or UPDATE
	 * @param beforeJson the row before an update, JSON
	 */
	public record StoredChange(String entityType, UUID entityId, UUID householdId, String action, String beforeJson) {
	}

}
