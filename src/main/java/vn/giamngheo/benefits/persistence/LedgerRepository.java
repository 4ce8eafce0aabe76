package vn.giamngheo.benefits.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.benefits.BenefitRecord;
import vn.giamngheo.benefits.SupportPolicies;
import vn.giamngheo.benefits.SupportPolicy;

/**
 * SQL of the benefit ledger ({@code benefit_record}, {@code benefit_record_past}). Every
 * list filters by the caller's path patterns and, for a partner, its agency.
 */
@Repository
public class LedgerRepository {

	static final String COLUMNS = "select r.*, h.code as household_code, h.head_name, m.full_name as member_name";

	static final String FROM = " from benefit_record r join household h on h.id = r.household_id"
			+ " left join member m on m.id = r.member_id";

	static final String SELECT = COLUMNS + FROM;

	private final JdbcClient jdbc;

	private final SupportPolicies policies;

	private final ObjectMapper json;

	public LedgerRepository(JdbcClient jdbc, SupportPolicies policies, ObjectMapper json) {
		this.jdbc = jdbc;
		this.policies = policies;
		this.json = json;
	}

	/**
	 * A new row.
	 * @param r the values (id, version, audit columns are the database's)
	 * @return its id
	 */
	public UUID insert(BenefitRecord r, String provinceCode, String actor) {
		return this.jdbc
			.sql("insert into benefit_record (province_code, household_id, member_id, commune_id, unit_path,"
					+ " policy_code, policy_version, agency, period_from, period_to, amount_vnd, central_vnd, local_vnd,"
					+ " credit_vnd, mobilised_vnd, own_vnd, status, decision_no, decision_date, delivered_on, valid_from,"
					+ " valid_to, partner_ref, evidence, demand_id, created_by, updated_by)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
			.params(provinceCode, r.householdId(), r.memberId(), r.communeId(), r.unitPath(), r.policyCode(),
					r.policyVersion(), r.agency(), r.periodFrom(), r.periodTo(), r.amountVnd(), r.centralVnd(),
					r.localVnd(), r.creditVnd(), r.mobilisedVnd(), r.ownVnd(), r.status(), r.decisionNo(),
					r.decisionDate(), r.deliveredOn(), r.validFrom(), r.validTo(), r.partnerRef(), r.evidence(),
					r.demandId(), actor, actor)
			.query(UUID.class)
			.single();
	}

	public Optional<BenefitRecord> find(UUID id) {
		return this.jdbc.sql(SELECT + " where r.id = ?").param(id).query(this::row).optional();
	}

	/**
	 * Keeps the row as it is at {@code version} in the history, before it changes.
	 * @return 1, or 0 when the row is no longer at that version
	 */
	public int keep(UUID id, int version, String actor, String reason) {
		return this.jdbc
			.sql("insert into benefit_record_past (record_id, province_code, version, row_before, changed_by,"
					+ " change_reason) select r.id, r.province_code, r.version, to_jsonb(r), ?, ? from benefit_record r where r.id = ? and r.version = ?")
			.params(actor, reason, id, version)
			.update();
	}

	/**
	 * Writes a corrected row (every field but the household, status and voiding) if it is
	 * still at {@code version}.
	 * @return 1, or 0 on a stale version
	 */
	public int update(BenefitRecord r, int version, String actor) {
		return this.jdbc.sql("update benefit_record set member_id = ?, policy_code = ?, policy_version = ?, agency = ?,"
				+ " period_from = ?, period_to = ?, amount_vnd = ?, central_vnd = ?, local_vnd = ?, credit_vnd = ?,"
				+ " mobilised_vnd = ?, own_vnd = ?, decision_no = ?, decision_date = ?, delivered_on = ?,"
				+ " valid_from = ?, valid_to = ?, partner_ref = ?, evidence = ?, demand_id = ?, version = version + 1,"
				+ " updated_by = ?, updated_at = now() where id = ? and version = ?")
			.params(r.memberId(), r.policyCode(), r.policyVersion(), r.agency(), r.periodFrom(), r.periodTo(),
					r.amountVnd(), r.centralVnd(), r.localVnd(), r.creditVnd(), r.mobilisedVnd(), r.ownVnd(),
					r.decisionNo(), r.decisionDate(), r.deliveredOn(), r.validFrom(), r.validTo(), r.partnerRef(),
					r.evidence(), r.demandId(), actor, r.id(), version)
			.update();
	}

	/** A status change (with the delivery day) if still at {@code version}. */
	public int status(UUID id, int version, String status, LocalDate deliveredOn, String actor) {
		return this.jdbc
			.sql("update benefit_record set status = ?, delivered_on = ?, version = version + 1, updated_by = ?,"
					+ " updated_at = now() where id = ? and version = ?")
			.params(status, deliveredOn, actor, id, version)
			.update();
	}

	/** Voids the row with a reason if still at {@code version}. */
	public int voidRecord(UUID id, int version, String reason, String actor) {
		return this.jdbc
			.sql("update benefit_record set voided = true, void_reason = ?, version = version + 1, updated_by = ?,"
					+ " updated_at = now() where id = ? and version = ? and not voided")
			.params(reason, actor, id, version)
			.update();
	}

	/**
	 * A page of records, newest first.
	 * @param patterns the caller's view path patterns ({@code /12/%})
	 * @param agency a partner's agency, or null for everyone's
	 * @param unitPath a unit to narrow to, or null
	 * @param policyCode a policy, or null
	 * @param status a status, or null
	 * @param year records whose period overlaps the year, or null
	 * @param householdId one household, or null
	 * @return the rows and the count of all that match
	 */
	public Rows<BenefitRecord> page(String[] patterns, String agency, String unitPath, String policyCode, String status,
			Integer year, UUID householdId, boolean includeVoided, int page, int size) {
		StringBuilder where = new StringBuilder(" where r.unit_path like any(?)");
		List<Object> params = new ArrayList<>();
		params.add(patterns);
		if (agency != null) {
			where.append(" and r.agency = ?");
			params.add(agency);
		}
		if (unitPath != null) {
			where.append(" and r.unit_path like ?");
			params.add(unitPath + "%");
		}
		if (policyCode != null) {
			where.append(" and r.policy_code = ?");
			params.add(policyCode);
		}
		if (status != null) {
			where.append(" and r.status = ?");
			params.add(status);
		}
		if (year != null) {
			where.append(" and r.period_from <= ? and r.period_to >= ?");
			params.add(LocalDate.of(year, 12, 31));
			params.add(LocalDate.of(year, 1, 1));
		}
		if (householdId != null) {
			where.append(" and r.household_id = ?");
			params.add(householdId);
		}
		if (!includeVoided) {
			where.append(" and not r.voided");
		}
		return Rows.page(this.jdbc, COLUMNS, FROM + where,
				"order by coalesce(r.delivered_on, r.decision_date, r.period_from) desc, r.created_at desc", params,
				page, size, this::row);
	}

	/** The earlier versions of a record, oldest first. */
	public List<Past> history(UUID id) {
		return this.jdbc
			.sql("select version, row_before::text as row_before, changed_by, changed_at, change_reason"
					+ " from benefit_record_past where record_id = ? order by version")
			.param(id)
			.query((rs, n) -> new Past(rs.getInt("version"), readRow(rs.getString("row_before")),
					rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class),
					rs.getString("change_reason")))
			.list();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> readRow(String text) {
		return this.json.readValue(text, Map.class);
	}

	BenefitRecord row(ResultSet rs, int n) throws SQLException {
		String code = rs.getString("policy_code");
		int version = rs.getInt("policy_version");
		String name = this.policies.all()
			.stream()
			.filter((p) -> p.code().equals(code) && p.version() == version)
			.map(SupportPolicy::name)
			.findFirst()
			.orElseGet(() -> this.policies.find(code).map(SupportPolicy::name).orElse(code));
		return new BenefitRecord(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
				rs.getString("household_code"), rs.getString("head_name"), rs.getObject("member_id", UUID.class),
				rs.getString("member_name"), rs.getLong("commune_id"), rs.getString("unit_path"), code, version, name,
				rs.getString("agency"), rs.getObject("period_from", LocalDate.class),
				rs.getObject("period_to", LocalDate.class), rs.getLong("amount_vnd"), rs.getLong("central_vnd"),
				rs.getLong("local_vnd"), rs.getLong("credit_vnd"), rs.getLong("mobilised_vnd"), rs.getLong("own_vnd"),
				rs.getString("status"), rs.getString("decision_no"), rs.getObject("decision_date", LocalDate.class),
				rs.getObject("delivered_on", LocalDate.class), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), rs.getString("partner_ref"), rs.getString("evidence"),
				rs.getObject("demand_id", UUID.class), rs.getObject("import_job_id", UUID.class), rs.getInt("version"),
				rs.getBoolean("voided"), rs.getString("void_reason"), rs.getString("created_by"),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

	/**
	 * A record as it was before a change.
	 *
	 * @param version its version then
	 * @param row its columns then
	 * @param changedBy who changed it
	 * @param changedAt when
	 * @param reason why
	 */
	public record Past(int version, Map<String, Object> row, String changedBy, OffsetDateTime changedAt,
			String reason) {
	}

}
