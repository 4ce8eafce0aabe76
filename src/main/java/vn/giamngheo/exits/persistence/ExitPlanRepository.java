package vn.giamngheo.exits.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.exits.ExitPlan;
import vn.giamngheo.exits.ExitPlanFunding;

/**
 * SQL of the exit registrations ({@code exit_plan}, {@code exit_plan_need},
 * {@code exit_plan_checkpoint}) and of what the ledger delivered for them (ADR 0040). A
 * plan is scoped by the village path its household had when it registered.
 */
@Repository
public class ExitPlanRepository {

	/**
	 * A ledger record that funds plan {@code p}: delivered (closed, overdue) between its
	 * registration and the end of its target year, of the exit-plan support or of a
	 * policy named in its needs, not voided.
	 */
	static final String FUNDS = " r.household_id = p.household_id and not r.voided"
			+ " and r.status in ('DELIVERED', 'CLOSED', 'OVERDUE') and r.delivered_on >= p.registered_on"
			+ " and r.delivered_on <= make_date(p.target_year, 12, 31) and (r.policy_code = 'EXIT_PLAN_SUPPORT'"
			+ " or r.policy_code in (select n.policy_code from exit_plan_need n where n.plan_id = p.id"
			+ " and n.policy_code is not null))";

	static final String FUNDED = "(p.status = 'APPROVED' and exists (select 1 from benefit_record r where" + FUNDS
			+ "))";

	static final String SELECT = "select p.*, h.head_name, v.name as village_name, " + FUNDED + " as funded"
			+ " from exit_plan p join household h on h.id = p.household_id left join admin_unit v on v.id = h.village_id";

	private final JdbcClient jdbc;

	public ExitPlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new registration; returns its id. */
	public UUID insert(String provinceCode, UUID householdId, long communeId, String unitPath, String fromClass,
			LocalDate registeredOn, int targetYear, String ownActions, long budgetVnd, long ownVnd, String actor) {
		return this.jdbc
			.sql("insert into exit_plan (province_code, household_id, commune_id, unit_path, from_class, registered_on,"
					+ " target_year, own_actions, budget_vnd, own_vnd, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
					+ " returning id")
			.params(provinceCode, householdId, communeId, unitPath, fromClass, registeredOn, targetYear, ownActions,
					budgetVnd, ownVnd, actor)
			.query(UUID.class)
			.single();
	}

	/** The needs of a plan, replacing those it had (a registration not yet decided). */
	public void replaceNeeds(UUID planId, String provinceCode, List<ExitPlan.Need> needs) {
		this.jdbc.sql("delete from exit_plan_need where plan_id = ?").param(planId).update();
		for (ExitPlan.Need n : needs) {
			this.jdbc
				.sql("insert into exit_plan_need (plan_id, province_code, seq, policy_code, description, amount_vnd)"
						+ " values (?, ?, ?, ?, ?, ?)")
				.params(planId, provinceCode, n.seq(), n.policyCode(), n.description(), n.amountVnd())
				.update();
		}
	}

	/** An edit of a registration not yet decided; 0 when the version is stale. */
	public int update(UUID id, int version, int targetYear, String ownActions, long budgetVnd, long ownVnd) {
		return this.jdbc.sql("update exit_plan set target_year = ?, own_actions = ?, budget_vnd = ?, own_vnd = ?,"
				+ " version = version + 1, updated_at = now() where id = ? and version = ? and status = 'REGISTERED'")
			.params(targetYear, ownActions, budgetVnd, ownVnd, id, version)
			.update();
	}

	/** Approves or rejects a registration; 0 when the version is stale. */
	public int decide(UUID id, int version, String status, LocalDate on, String by, String decisionNo, String note) {
		return this.jdbc
			.sql("update exit_plan set status = ?, decided_on = ?, decided_by = ?, decision_no = ?, decision_note = ?,"
					+ " version = version + 1, updated_at = now() where id = ? and version = ? and status = 'REGISTERED'")
			.params(status, on, by, decisionNo, note, id, version)
			.update();
	}

	/** The demand an approval registered. */
	public void demand(UUID id, UUID demandId) {
		this.jdbc.sql("update exit_plan set demand_id = ? where id = ?").params(demandId, id).update();
	}

	/** Withdraws a live registration; 0 when the version is stale. */
	public int withdraw(UUID id, int version, LocalDate on, String reason) {
		return this.jdbc
			.sql("update exit_plan set status = 'WITHDRAWN', withdrawn_on = ?, withdrawn_reason = ?,"
					+ " version = version + 1, updated_at = now() where id = ? and version = ?"
					+ " and status in ('REGISTERED', 'APPROVED') and outcome is null")
			.params(on, reason, id, version)
			.update();
	}

	/** A checkpoint; returns its id. */
	public UUID checkpoint(UUID planId, String provinceCode, LocalDate on, String progress, Long income, String note,
			String actor) {
		return this.jdbc
			.sql("insert into exit_plan_checkpoint (plan_id, province_code, checked_on, progress, income_per_capita,"
					+ " note, recorded_by) values (?, ?, ?, ?, ?, ?, ?) returning id")
			.params(planId, provinceCode, on, progress, income, note, actor)
			.query(UUID.class)
			.single();
	}

	/** The demand an approval registered, or null. */
	public Optional<UUID> demandOf(UUID id) {
		return this.jdbc.sql("select demand_id from exit_plan where id = ? and demand_id is not null")
			.param(id)
			.query(UUID.class)
			.optional();
	}

	/** A plan with its needs and checkpoints (no scope: the service checks it). */
	public Optional<ExitPlan> find(UUID id) {
		return this.jdbc.sql(SELECT + " where p.id = ?")
			.param(id)
			.query(ExitPlanRepository::plan)
			.optional()
			.map((p) -> {
				Map<UUID, List<ExitPlan.Need>> needs = needs(List.of(id));
				Map<UUID, List<ExitPlan.Checkpoint>> checks = checkpoints(List.of(id));
				return p.with(needs.getOrDefault(id, List.of()), checks.getOrDefault(id, List.of()));
			});
	}

	/** A page of plans and the total. */
	public record Found(List<ExitPlan> items, long total) {
	}

	/**
	 * The plans under a unit path (or anywhere) in the scope, of a target year and a
	 * status (or any), of a household (or any); newest registration first.
	 */
	public Found page(String[] scope, String unitPath, Integer year, String status, UUID household, int page,
			int size) {
		String where = " where p.unit_path like any (?) and (cast(? as text) is null or p.unit_path like ?)"
				+ " and (cast(? as integer) is null or p.target_year = ?) and (cast(? as text) is null or p.status = ?)"
				+ " and (cast(? as uuid) is null or p.household_id = ?)";
		String under = (unitPath != null) ? unitPath + "%" : null;
		Object[] params = { scope, under, under, year, year, status, status, household, household };
		long total = this.jdbc.sql("select count(*) from exit_plan p" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> all = new ArrayList<>(java.util.Arrays.asList(params));
		all.add(size);
		all.add((long) page * size);
		List<ExitPlan> plans = this.jdbc
			.sql(SELECT + where + " order by p.registered_on desc, p.created_at desc, p.id limit ? offset ?")
			.params(all)
			.query(ExitPlanRepository::plan)
			.list();
		List<UUID> ids = plans.stream().map(ExitPlan::id).toList();
		Map<UUID, List<ExitPlan.Need>> needs = needs(ids);
		Map<UUID, List<ExitPlan.Checkpoint>> checks = checkpoints(ids);
		return new Found(plans.stream()
			.map((p) -> p.with(needs.getOrDefault(p.id(), List.of()), checks.getOrDefault(p.id(), List.of())))
			.toList(), total);
	}

	/**
	 * The counts of the plans under a unit path of a target year in the scope: by status,
	 * and of the approved by outcome ({@code EXITED}, {@code NOT_EXITED},
	 * {@code PENDING}).
	 */
	public Map<String, Long> counts(String[] scope, String unitPath, int year) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc
			.sql("select p.status, coalesce(p.outcome, case when p.status = 'APPROVED' then 'PENDING' end), count(*)"
					+ " from exit_plan p where p.unit_path like any (?) and p.unit_path like ? and p.target_year = ?"
					+ " group by 1, 2")
			.params(scope, ((unitPath != null) ? unitPath : "/") + "%", year)
			.query((rs) -> {
				counts.merge(rs.getString(1), rs.getLong(3), Long::sum);
				if (rs.getString(2) != null) {
					counts.merge(rs.getString(2), rs.getLong(3), Long::sum);
				}
			});
		return counts;
	}

	/**
	 * The approved plans and the funded among them, by target year, under a unit path in
	 * the scope (the indicator EXIT_REGISTRANTS_FUNDED).
	 * @return target year → {approved, funded}
	 */
	public Map<Integer, long[]> funded(String[] scope, String unitPath, int fromYear, int toYear) {
		Map<Integer, long[]> result = new TreeMap<>();
		this.jdbc
			.sql("select p.target_year, count(*), count(*) filter (where " + FUNDED + ") from exit_plan p"
					+ " where p.status = 'APPROVED' and p.target_year between ? and ? and p.unit_path like ?"
					+ " and p.unit_path like any (?) group by p.target_year")
			.params(fromYear, toYear, unitPath + "%", scope)
			.query((rs) -> {
				result.put(rs.getInt(1), new long[] { rs.getLong(2), rs.getLong(3) });
			});
		return result;
	}

	/** The ledger records counted as funding of a plan, oldest first. */
	public List<ExitPlanFunding> funding(UUID planId) {
		return this.jdbc
			.sql("select r.id, r.delivered_on, r.policy_code, r.amount_vnd, r.status from exit_plan p"
					+ " join benefit_record r on" + FUNDS + " where p.id = ? order by r.delivered_on, r.id")
			.param(planId)
			.query((rs, n) -> new ExitPlanFunding(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
					rs.getString(3), null, rs.getLong(4), rs.getString(5)))
			.list();
	}

	/**
	 * An approved plan of a commune's households (registered there, or living there now)
	 * with the recognised class of its target year, if there is one.
	 */
	public record Linkable(UUID id, UUID householdId, String unitPath, String provinceCode, String fromClass,
			int targetYear, String outcome, String outcomeClass, UUID outcomeAssessmentId, UUID assessmentId,
			String classification) {
	}

	/** The approved plans of a commune's households, with their target year's class. */
	public List<Linkable> linkable(long communeId) {
		return this.jdbc
			.sql("select p.id, p.household_id, p.unit_path, p.province_code, p.from_class, p.target_year, p.outcome,"
					+ " p.outcome_class, p.outcome_assessment_id, a.id, a.classification from exit_plan p"
					+ " join household h on h.id = p.household_id left join household_assessment a"
					+ " on a.household_id = p.household_id and a.year = p.target_year and a.recognised"
					+ " where p.status = 'APPROVED' and (p.commune_id = ? or h.commune_id = ?)")
			.params(communeId, communeId)
			.query((rs, n) -> new Linkable(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8),
					rs.getObject(9, UUID.class), rs.getObject(10, UUID.class), rs.getString(11)))
			.list();
	}

	/** Links (or unlinks, all null) a plan's outcome. */
	public void link(UUID id, String outcome, Integer year, String classification, UUID assessmentId) {
		this.jdbc
			.sql("update exit_plan set outcome = ?, outcome_year = ?, outcome_class = ?, outcome_assessment_id = ?,"
					+ " outcome_linked_at = case when cast(? as text) is null then null else now() end, version = version + 1,"
					+ " updated_at = now() where id = ?")
			.params(outcome, year, classification, assessmentId, outcome, id)
			.update();
	}

	private Map<UUID, List<ExitPlan.Need>> needs(List<UUID> ids) {
		Map<UUID, List<ExitPlan.Need>> result = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		this.jdbc
			.sql("select plan_id, seq, policy_code, description, amount_vnd from exit_plan_need"
					+ " where plan_id = any (?) order by plan_id, seq")
			.param(ids.toArray(UUID[]::new))
			.query((rs) -> {
				result.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new ArrayList<>())
					.add(new ExitPlan.Need(rs.getInt(2), rs.getString(3), null, rs.getString(4), rs.getLong(5)));
			});
		return result;
	}

	private Map<UUID, List<ExitPlan.Checkpoint>> checkpoints(List<UUID> ids) {
		Map<UUID, List<ExitPlan.Checkpoint>> result = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		this.jdbc
			.sql("select plan_id, id, checked_on, progress, income_per_capita, note, recorded_by"
					+ " from exit_plan_checkpoint where plan_id = any (?) order by plan_id, checked_on, created_at")
			.param(ids.toArray(UUID[]::new))
			.query((rs) -> {
				result.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new ArrayList<>())
					.add(new ExitPlan.Checkpoint(rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class),
							rs.getString(4), rs.getObject(5, Long.class), rs.getString(6), rs.getString(7)));
			});
		return result;
	}

	static ExitPlan plan(ResultSet rs, int n) throws SQLException {
		return new ExitPlan(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
				rs.getString("head_name"), rs.getString("village_name"), rs.getLong("commune_id"),
				rs.getString("unit_path"), rs.getString("from_class"), rs.getObject("registered_on", LocalDate.class),
				rs.getInt("target_year"), rs.getString("own_actions"), rs.getLong("budget_vnd"), rs.getLong("own_vnd"),
				rs.getString("status"), rs.getObject("decided_on", LocalDate.class), rs.getString("decided_by"),
				rs.getString("decision_no"), rs.getString("decision_note"),
				rs.getObject("withdrawn_on", LocalDate.class), rs.getString("withdrawn_reason"),
				rs.getString("outcome"), rs.getObject("outcome_year", Integer.class), rs.getString("outcome_class"),
				rs.getString("created_by"), rs.getInt("version"), rs.getBoolean("funded"), List.of(), List.of());
	}

}
