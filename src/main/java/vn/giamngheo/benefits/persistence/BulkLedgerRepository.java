package vn.giamngheo.benefits.persistence;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.shared.db.CopyText;

/**
 * SQL of the ledger's bulk face (ADR 0037): the rows of a partner file staged in a
 * temporary table of the transaction (COPY), matched to the registry and to the ledger
 * with a few set-based statements, then written, corrected or voided as a whole. Every
 * method runs in the caller's transaction; the staged rows go with it.
 */
@Repository
public class BulkLedgerRepository {

	/** The staged rows: what the file says, then what the matching found. */
	private static final String STAGE = """
			create temp table benefit_bulk_stage (
			    row_no        integer     not null,
			    policy_code   varchar(40) not null,
			    policy_version integer    not null,
			    agency        varchar(20) not null,
			    per_member    boolean     not null,
			    cccd          varchar(12),
			    household_code text,
			    name_norm     text,
			    date_of_birth date,
			    partner_ref   text        not null,
			    period_from   date        not null,
			    period_to     date        not null,
			    amount_vnd    bigint      not null,
			    central_vnd   bigint      not null,
			    local_vnd     bigint      not null,
			    credit_vnd    bigint      not null,
			    mobilised_vnd bigint      not null,
			    own_vnd       bigint      not null,
			    status        varchar(10) not null,
			    delivered_on  date,
			    valid_from    date,
			    valid_to      date,
			    evidence      text,
			    new_id        uuid        not null default gen_random_uuid(),
			    household_id  uuid,
			    member_id     uuid,
			    commune_id    bigint,
			    unit_path     text,
			    province_code varchar(2),
			    matched       varchar(4),
			    problem       text,
			    problem_arg   text,
			    record_id     uuid,
			    action        varchar(6)
			) on commit drop""";

	/**
	 * The matching, in order; each statement leaves alone a row that already has a
	 * problem. A person outside the uploader's capture scope is not found (never told
	 * apart from one who does not exist, ADR 0017).
	 */
	private static final List<String> MATCH = List.of(
			// a citizen ID names the member, and through them the household
			"""
					update benefit_bulk_stage s set member_id = m.id, household_id = h.id, matched = 'CCCD'
					from member m join household h on h.id = m.household_id
					where s.cccd is not null and m.cccd = s.cccd and not m.voided and not m.cccd_pending
					  and not h.voided and h.unit_path like any(:scope)""", """
					update benefit_bulk_stage set problem = 'support.bulk.unmatched.cccd', problem_arg = cccd
					where cccd is not null and matched is null""",
			// the name and date of birth in the file must be those of the member found
			"""
					update benefit_bulk_stage s set problem = 'support.bulk.person-differs', problem_arg = s.cccd
					from member m where m.id = s.member_id and s.problem is null
					  and (m.full_name_norm <> s.name_norm or m.date_of_birth <> s.date_of_birth)""",
			"""
					update benefit_bulk_stage s set problem = 'support.bulk.other-household', problem_arg = s.household_code
					from household h where h.id = s.household_id and s.problem is null
					  and s.household_code is not null and h.code <> s.household_code""",
			// without a citizen ID: the household by its code
			"""
					update benefit_bulk_stage s set household_id = h.id, matched = 'CODE'
					from household h
					where s.cccd is null and h.code = s.household_code and not h.voided and h.unit_path like any(:scope)""",
			"""
					update benefit_bulk_stage set problem = 'support.bulk.unmatched.household', problem_arg = household_code
					where problem is null and matched is null""",
			// ... and the member in it by name and date of birth
			"""
					update benefit_bulk_stage s set member_id = (select m.id from member m
					    where m.household_id = s.household_id and not m.voided and m.full_name_norm = s.name_norm
					      and (s.date_of_birth is null or m.date_of_birth = s.date_of_birth)
					    order by m.sort_order limit 1)
					where s.matched = 'CODE' and s.per_member and s.problem is null""",
			"""
					update benefit_bulk_stage set problem = 'support.bulk.unmatched.member', problem_arg = household_code
					where matched = 'CODE' and per_member and member_id is null and problem is null""",
			// a household's support names a person of the household (the borrower)
			"""
					update benefit_bulk_stage s set problem = 'support.bulk.unmatched.borrower', problem_arg = s.household_code
					where s.matched = 'CODE' and not s.per_member and s.problem is null
					  and not exists (select 1 from member m where m.household_id = s.household_id and not m.voided
					                  and m.full_name_norm = s.name_norm)""",
			"""
					update benefit_bulk_stage s set commune_id = h.commune_id, unit_path = h.unit_path,
					    province_code = h.province_code,
					    member_id = case when s.per_member then s.member_id end
					from household h where h.id = s.household_id and s.problem is null""",
			// the same record twice in one file: the first row counts
			"""
					update benefit_bulk_stage s set problem = 'support.bulk.duplicate', problem_arg = d.first::text
					from (select row_no, min(row_no) over (partition by policy_code, partner_ref, member_id) as first
					      from benefit_bulk_stage where problem is null) d
					where d.row_no = s.row_no and d.first <> s.row_no""",
			// a record of the same policy and partner reference is the one to correct
			"""
					update benefit_bulk_stage s set record_id = r.id,
					    action = case when (r.household_id, r.member_id, r.period_from, r.period_to, r.amount_vnd,
					        r.central_vnd, r.local_vnd, r.credit_vnd, r.mobilised_vnd, r.own_vnd, r.status,
					        r.delivered_on, r.valid_from, r.valid_to, r.evidence)
					      is not distinct from (s.household_id, s.member_id, s.period_from, s.period_to, s.amount_vnd,
					        s.central_vnd, s.local_vnd, s.credit_vnd, s.mobilised_vnd, s.own_vnd, s.status,
					        s.delivered_on, s.valid_from, s.valid_to, s.evidence)
					      then 'SAME' else 'UPDATE' end
					from benefit_record r
					where r.policy_code = s.policy_code and r.partner_ref = s.partner_ref and not r.voided
					  and (not s.per_member or r.member_id = s.member_id) and s.problem is null""",
			"update benefit_bulk_stage set action = 'NEW' where problem is null and action is null");

	private static final String RECORD_FIELDS = "household_id, member_id, commune_id, unit_path, province_code,"
			+ " policy_version, period_from, period_to, amount_vnd, central_vnd, local_vnd, credit_vnd, mobilised_vnd,"
			+ " own_vnd, status, delivered_on, valid_from, valid_to, evidence";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	public BulkLedgerRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * A row as staged.
	 *
	 * @param row row number
	 * @param policyCode policy
	 * @param policyVersion its version on the first day of the support
	 * @param agency its agency
	 * @param perMember a member's support
	 * @param cccd citizen ID
	 * @param householdCode household code
	 * @param nameNorm the name, folded
	 * @param values the rest, in the order of the stage's columns from
	 * {@code date_of_birth} to {@code evidence}
	 */
	public record Staged(int row, String policyCode, int policyVersion, String agency, boolean perMember, String cccd,
			String householdCode, String nameNorm, Object[] values) {
	}

	/** Stages the rows (COPY) and matches them. */
	public void stage(Iterable<Staged> rows, String[] scope) {
		this.jdbc.sql(STAGE).update();
		try (CopyText copy = CopyText.open(this.dataSource,
				"benefit_bulk_stage (row_no, policy_code, policy_version, agency, per_member, cccd, household_code,"
						+ " name_norm, date_of_birth, partner_ref, period_from, period_to, amount_vnd, central_vnd,"
						+ " local_vnd, credit_vnd, mobilised_vnd, own_vnd, status, delivered_on, valid_from, valid_to,"
						+ " evidence)")) {
			for (Staged s : rows) {
				copy.field(s.row())
					.field(s.policyCode())
					.field(s.policyVersion())
					.field(s.agency())
					.field(s.perMember())
					.field(s.cccd())
					.field(s.householdCode())
					.field(s.nameNorm());
				for (Object v : s.values()) {
					copy.field(v);
				}
				copy.end();
			}
		}
		this.jdbc.sql("analyze benefit_bulk_stage").update();
		for (String sql : MATCH) {
			this.jdbc.sql(sql).param("scope", scope).update();
		}
	}

	/**
	 * A staged row that cannot be written.
	 *
	 * @param row row number
	 * @param key message key (support bundle)
	 * @param arg what was looked for (citizen ID, household code, first row)
	 */
	public record Unwritable(int row, String key, String arg) {
	}

	/** The staged rows that cannot be written, in file order. */
	public List<Unwritable> unwritable() {
		return this.jdbc.sql(
				"select row_no, problem, problem_arg from benefit_bulk_stage where problem is not null order by row_no")
			.query((rs, n) -> new Unwritable(rs.getInt(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * How the writable rows were matched ({@code CCCD}, {@code CODE}) and what they do.
	 */
	public Map<String, Integer> counts() {
		Map<String, Integer> counts = new java.util.LinkedHashMap<>();
		this.jdbc
			.sql("select 'MATCH_' || matched, count(*) from benefit_bulk_stage where problem is null group by matched"
					+ " union all select action, count(*) from benefit_bulk_stage where problem is null group by action")
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getInt(2));
			});
		return counts;
	}

	/**
	 * Writes the writable staged rows: the list of changes for the revert (with the row
	 * before each correction), the earlier versions, the corrections, the new records,
	 * and an audit row each.
	 * @return rows written (new and corrected)
	 */
	public int write(UUID job, String actor, String reason) {
		int written = this.jdbc.sql("""
				insert into import_change (job_id, seq, entity_type, entity_id, household_id, action, before)
				select :job, row_number() over (order by s.row_no), 'BENEFIT', coalesce(s.record_id, s.new_id),
				       s.household_id, case s.action when 'NEW' then 'CREATE' else 'UPDATE' end, to_jsonb(r)
				from benefit_bulk_stage s left join benefit_record r on r.id = s.record_id
				where s.problem is null and s.action in ('NEW', 'UPDATE')""").param("job", job).update();
		this.jdbc
			.sql("""
					insert into benefit_record_past (record_id, province_code, version, row_before, changed_by, change_reason)
					select r.id, r.province_code, r.version, to_jsonb(r), :actor, :reason
					from benefit_record r join benefit_bulk_stage s on s.record_id = r.id
					where s.action = 'UPDATE' and s.problem is null""")
			.param("actor", actor)
			.param("reason", reason)
			.update();
		this.jdbc.sql("update benefit_record r set (" + RECORD_FIELDS + ") = (" + prefixed("s.")
				+ "), import_job_id = :job, version = r.version + 1, updated_by = :actor, updated_at = now()"
				+ " from benefit_bulk_stage s where s.record_id = r.id and s.action = 'UPDATE' and s.problem is null")
			.param("job", job)
			.param("actor", actor)
			.update();
		this.jdbc
			.sql("insert into benefit_record (id, policy_code, agency, partner_ref, " + RECORD_FIELDS
					+ ", import_job_id, created_by, updated_by) select new_id, policy_code, agency, partner_ref, "
					+ RECORD_FIELDS
					+ ", :job, :actor, :actor from benefit_bulk_stage where problem is null and action = 'NEW'")
			.param("job", job)
			.param("actor", actor)
			.update();
		return written;
	}

	/**
	 * The audit rows of what a job wrote (actor, action, entity, household, unit,
	 * province, changes, reason), from its list of changes: for {@code audit.AuditBatch}.
	 */
	public static final String AUDIT_WRITTEN = """
			select :actor, case c.action when 'CREATE' then 'BENEFIT_IMPORTED' else 'BENEFIT_IMPORT_CORRECTED' end,
			       'BENEFIT_RECORD', r.id::text, r.household_id, r.unit_path, r.province_code,
			       jsonb_build_object(
			           'policy', jsonb_build_object('old', c.before -> 'policy_code', 'new', r.policy_code),
			           'partner_ref', jsonb_build_object('old', c.before -> 'partner_ref', 'new', r.partner_ref),
			           'amount_vnd', jsonb_build_object('old', c.before -> 'amount_vnd', 'new', r.amount_vnd),
			           'status', jsonb_build_object('old', c.before -> 'status', 'new', r.status),
			           'period_to', jsonb_build_object('old', c.before -> 'period_to', 'new', r.period_to)),
			       :reason
			from import_change c join benefit_record r on r.id = c.entity_id
			where c.job_id = :job and c.entity_type = 'BENEFIT'""";

	/**
	 * Takes back what a job wrote: the records it created are voided with the reason, the
	 * records it corrected get their row from before back (each change keeps the row as
	 * it was in the history).
	 * @return records voided or put back
	 */
	public int revert(UUID job, String actor, String reason) {
		this.jdbc
			.sql("""
					insert into benefit_record_past (record_id, province_code, version, row_before, changed_by, change_reason)
					select r.id, r.province_code, r.version, to_jsonb(r), :actor, :reason
					from benefit_record r join import_change c on c.entity_id = r.id
					where c.job_id = :job and c.entity_type = 'BENEFIT' and (c.action = 'UPDATE' or not r.voided)""")
			.param("job", job)
			.param("actor", actor)
			.param("reason", reason)
			.update();
		int voided = this.jdbc.sql("""
				update benefit_record r set voided = true, void_reason = :reason, version = r.version + 1,
				    updated_by = :actor, updated_at = now()
				from import_change c
				where c.entity_id = r.id and c.job_id = :job and c.entity_type = 'BENEFIT' and c.action = 'CREATE'
				  and not r.voided""").param("job", job).param("actor", actor).param("reason", reason).update();
		int restored = this.jdbc.sql("update benefit_record r set (" + RECORD_FIELDS + ", import_job_id) = ("
				+ prefixed("b.") + ", b.import_job_id), version = r.version + 1, updated_by = :actor,"
				+ " updated_at = now() from import_change c"
				+ " cross join lateral jsonb_populate_record(null::benefit_record, c.before) b"
				+ " where c.entity_id = r.id and c.job_id = :job and c.entity_type = 'BENEFIT' and c.action = 'UPDATE'")
			.param("job", job)
			.param("actor", actor)
			.update();
		return voided + restored;
	}

	/**
	 * The audit rows of a revert: each record voided or put back, with the import's
	 * values as old.
	 */
	public static final String AUDIT_REVERTED = """
			select :actor, case c.action when 'CREATE' then 'BENEFIT_VOIDED' else 'BENEFIT_CORRECTED' end,
			       'BENEFIT_RECORD', r.id::text, r.household_id, r.unit_path, r.province_code,
			       case c.action when 'CREATE'
			            then jsonb_build_object('voided', jsonb_build_object('old', false, 'new', true))
			            else jsonb_build_object('amount_vnd', jsonb_build_object('old', p.row_before -> 'amount_vnd',
			                     'new', r.amount_vnd), 'status', jsonb_build_object('old', p.row_before -> 'status',
			                     'new', r.status)) end,
			       :reason
			from import_change c join benefit_record r on r.id = c.entity_id
			left join benefit_record_past p on p.record_id = r.id and p.version = r.version - 1
			where c.job_id = :job and c.entity_type = 'BENEFIT'""";

	private static String prefixed(String prefix) {
		return prefix + RECORD_FIELDS.replace(", ", ", " + prefix);
	}

}
