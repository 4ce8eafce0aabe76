package vn.giamngheo.programmes.persistence;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts outputs in SQL, one grouped query per source (ledger, models, entered rows),
 * never a loop per household. A criterion names a node (its subtree counts) and, for the
 * ledger, the policies and amounts that count.
 */
@Repository
public class OutputCounts {

	private static final String IN_SUBTREE = "(x.node = c.node or x.node like c.node || '.%')";

	private final JdbcClient jdbc;

	OutputCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What counts for one output: records (or models) linked to {@code node} or a node
	 * under it.
	 *
	 * @param node the node code
	 * @param policies the policies whose records count (empty: all)
	 * @param amountFrom only records of at least this amount, or null
	 * @param amountBelow only records below this amount, or null
	 */
	public record Criterion(String node, List<String> policies, Long amountFrom, Long amountBelow) {
	}

	/**
	 * A dated default project of a policy (a record without its own link counts for it).
	 *
	 * @param policy the policy code
	 * @param programme the programme code
	 * @param node the node code
	 * @param from first day
	 * @param to last day, or null
	 */
	public record Default(String policy, String programme, String node, LocalDate from, LocalDate to) {
	}

	/**
	 * Distinct households, distinct members and records.
	 *
	 * @param households distinct households
	 * @param members distinct members
	 * @param records records
	 */
	public record LedgerCount(long households, long members, long records) {
	}

	/**
	 * Models and their distinct participating households.
	 *
	 * @param models models
	 * @param participants distinct households
	 */
	public record ModelCount(long models, long participants) {
	}

	/**
	 * Approved entered outputs, approved targets and rows waiting, of a node and output.
	 *
	 * @param actual sum of approved ACTUAL rows, or null when none
	 * @param ownTarget the unit's own approved PLAN row, or null
	 * @param subtreeTarget the sum of approved PLAN rows at and under the unit, or null
	 * @param pending rows waiting for approval
	 */
	public record Entered(Long actual, Long ownTarget, Long subtreeTarget, int pending) {
	}

	/**
	 * Benefit records not voided, DELIVERED or CLOSED, delivered (else started) in the
	 * year, at or under the unit, whose programme link (their own columns, else the
	 * policy's default on the day) is in the programme and under each criterion's node.
	 * @param programme the programme code
	 * @param unitPath the unit's path
	 * @param year the year
	 * @param defaults the policies' dated default projects
	 * @param criteria one per output
	 * @return counts by criterion index (absent: nothing counted)
	 */
	public Map<Integer, LedgerCount> ledger(String programme, String unitPath, int year, List<Default> defaults,
			List<Criterion> criteria) {
		Map<Integer, LedgerCount> out = new HashMap<>();
		if (criteria.isEmpty()) {
			return out;
		}
		String sql = "with d as (select * from unnest(?::text[], ?::text[], ?::text[], ?::date[], ?::date[])"
				+ " as d(policy, programme, node, dfrom, dto)),"
				+ " c as (select * from unnest(?::int[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])"
				+ " as c(idx, node, policies, amount_from, amount_below)),"
				+ " x as (select r.household_id, r.member_id, r.policy_code, r.amount_vnd,"
				+ " coalesce(r.programme_node, d.node) as node from benefit_record r"
				+ " left join d on r.programme_code is null and d.policy = r.policy_code"
				+ " and coalesce(r.delivered_on, r.period_from) >= d.dfrom"
				+ " and (d.dto is null or coalesce(r.delivered_on, r.period_from) <= d.dto)"
				+ " where not r.voided and r.status in ('DELIVERED', 'CLOSED')"
				+ " and coalesce(r.delivered_on, r.period_from) between ? and ? and r.unit_path like ?"
				+ " and coalesce(r.programme_code, d.programme) = ?)"
				+ " select c.idx, count(distinct x.household_id), count(distinct x.member_id), count(*)"
				+ " from c join x on " + IN_SUBTREE
				+ " and (c.policies = '' or x.policy_code = any(string_to_array(c.policies, ',')))"
				+ " and (c.amount_from is null or x.amount_vnd >= c.amount_from)"
				+ " and (c.amount_below is null or x.amount_vnd < c.amount_below) group by c.idx";
		this.jdbc.sql(sql)
			.params(defaults.stream().map(Default::policy).toArray(String[]::new),
					defaults.stream().map(Default::programme).toArray(String[]::new),
					defaults.stream().map(Default::node).toArray(String[]::new),
					defaults.stream().map((d) -> d.from().toString()).toArray(String[]::new),
					defaults.stream().map((d) -> (d.to() != null) ? d.to().toString() : null).toArray(String[]::new),
					indexes(criteria), criteria.stream().map(Criterion::node).toArray(String[]::new),
					criteria.stream().map((c) -> String.join(",", c.policies())).toArray(String[]::new),
					criteria.stream().map(Criterion::amountFrom).toArray(Long[]::new),
					criteria.stream().map(Criterion::amountBelow).toArray(Long[]::new), LocalDate.of(year, 1, 1),
					LocalDate.of(year, 12, 31), unitPath + "%", programme)
			.query((rs, n) -> out.put(rs.getInt(1), new LedgerCount(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
			.list();
		return out;
	}

	/**
	 * Models not voided that ran in the year (started by its end, not ended before its
	 * start), owned or running at or under the unit, linked to the programme under each
	 * criterion's node; and their distinct households that took part in the year: every
	 * participant of a model the unit owns (a household that moved away, or whose commune
	 * the 2025 reform merged, still counts where the model ran), and of a model it only
	 * runs in, those living in the unit.
	 * @param programme the programme code
	 * @param unitPath the unit's path
	 * @param year the year
	 * @param nodes one node per criterion
	 * @return counts by criterion index
	 */
	public Map<Integer, ModelCount> models(String programme, String unitPath, int year, List<String> nodes) {
		Map<Integer, ModelCount> out = new HashMap<>();
		if (nodes.isEmpty()) {
			return out;
		}
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		String sql = "with c as (select * from unnest(?::int[], ?::text[]) as c(idx, node)),"
				+ " x as (select m.id, m.programme_node as node, m.owner_path from poverty_model m where not m.voided"
				+ " and m.programme_code = ? and m.started_on <= ? and (m.ended_on is null or m.ended_on >= ?)"
				+ " and (m.owner_path like ? or exists (select 1 from poverty_model_unit u where u.model_id = m.id"
				+ " and u.unit_path like ?)))" + " select c.idx, (select count(*) from x where " + IN_SUBTREE + "),"
				+ " (select count(distinct p.household_id) from x join poverty_model_participant p on p.model_id = x.id"
				+ " join household h on h.id = p.household_id where " + IN_SUBTREE
				+ " and (x.owner_path like ? or h.unit_path like ?)"
				+ " and p.joined_on <= ? and (p.left_on is null or p.left_on >= ?)) from c";
		String like = unitPath + "%";
		this.jdbc.sql(sql)
			.params(indexes(nodes), nodes.toArray(String[]::new), programme, last, first, like, like, like, like, last,
					first)
			.query((rs, n) -> out.put(rs.getInt(1), new ModelCount(rs.getLong(2), rs.getLong(3))))
			.list();
		return out;
	}

	/**
	 * Entered outputs (approved ACTUAL rows), targets (approved PLAN rows) and rows
	 * waiting for approval at and under a unit, by node and output.
	 * @param programme the programme code
	 * @param unitId the unit
	 * @param unitPath the unit's path
	 * @param year the year
	 * @return by node code and output code
	 */
	public Map<List<String>, Entered> entered(String programme, long unitId, String unitPath, int year) {
		Map<List<String>, Entered> out = new HashMap<>();
		this.jdbc
			.sql("select programme_node, output_code,"
					+ " sum(value) filter (where kind = 'ACTUAL' and status = 'APPROVED')::bigint,"
					+ " sum(value) filter (where kind = 'PLAN' and status = 'APPROVED' and unit_id = ?)::bigint,"
					+ " sum(value) filter (where kind = 'PLAN' and status = 'APPROVED')::bigint,"
					+ " count(*) filter (where status = 'ENTERED') from programme_output"
					+ " where programme_code = ? and year = ? and unit_path like ? group by 1, 2")
			.params(unitId, programme, year, unitPath + "%")
			.query((rs, n) -> out.put(List.of(rs.getString(1), rs.getString(2)),
					new Entered(rs.getObject(3, Long.class), rs.getObject(4, Long.class), rs.getObject(5, Long.class),
							rs.getInt(6))))
			.list();
		return out;
	}

	private static Integer[] indexes(List<?> items) {
		Integer[] out = new Integer[items.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = i;
		}
		return out;
	}

}
