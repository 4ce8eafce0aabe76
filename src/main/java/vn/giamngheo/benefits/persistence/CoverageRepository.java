package vn.giamngheo.benefits.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Set-based counts of coverage over the support ledger (V62): eligibility spells, demand
 * and benefit records, per commune, for a set of policies and a window of days. Every
 * query is limited to households whose village path is under the unit and in the caller's
 * view patterns.
 */
@Repository
public class CoverageRepository {

	/** When a ledger record counts as the support having reached the entry. */
	public enum Served {

		/** Delivered (or closed; overdue for loans) on a day of the window. */
		DELIVERED_IN_WINDOW(" and r.status in ('DELIVERED', 'CLOSED', 'OVERDUE') and r.delivered_on between ? and ?"),

		/** A delivered card whose validity overlaps the window (health insurance). */
		VALID_IN_WINDOW(" and r.status in ('DELIVERED', 'CLOSED') and coalesce(r.valid_from, r.period_from) <= ?"
				+ " and coalesce(r.valid_to, r.period_to) >= ?"),

		/**
		 * Delivered by the window's end and still running in it (a loan outstanding in
		 * the year).
		 */
		OUTSTANDING_IN_WINDOW(" and r.status in ('DELIVERED', 'CLOSED', 'OVERDUE') and r.delivered_on <= ?"
				+ " and greatest(r.period_to, r.delivered_on) >= ?");

		private final String sql;

		Served(String sql) {
			this.sql = sql;
		}

		Object[] params(LocalDate from, LocalDate to) {
			return (this == DELIVERED_IN_WINDOW) ? new Object[] { from, to } : new Object[] { to, from };
		}

	}

	/**
	 * What is counted: entries (households, or members for member policies) eligible for
	 * any of {@code policies} during the window, their demand answering {@code needs} (or
	 * naming one of the policies), and records of the policies served as {@code served}.
	 */
	public record Measure(List<String> policies, List<String> needs, Served served) {
	}

	/** Counts of one commune. */
	public record CommuneCounts(long communeId, String communeName, long eligible, long withDemand, long served,
			long servedWithDemand) {
	}

	/** One entry of the gap worklist. */
	public record GapRow(UUID householdId, String householdCode, String headName, String village, UUID memberId,
			String memberName, String reasons, LocalDate demandOn, String demandKind, String purpose, Long amountVnd,
			String unitPath) {
	}

	/**
	 * The household's address on a day (ADR 0031): the earliest past address that ended
	 * after the day, else the current one. Joined as {@code p}.
	 */
	private static final String ADDRESS_AT = " left join lateral (select a.commune_id, a.unit_path"
			+ " from household_address_past a where a.household_id = h.id and a.valid_to > ?"
			+ " order by a.valid_to limit 1) p on true";

	/**
	 * Under the unit by the address at the year's end; readable when that address or the
	 * current one is in the caller's scope.
	 */
	private static final String UNDER = " coalesce(p.unit_path, h.unit_path) like ?"
			+ " and (coalesce(p.unit_path, h.unit_path) like any (?) or h.unit_path like any (?))";

	/**
	 * The eligible entries of the window ({@code e}) and, for each, its first demand and
	 * whether it was served ({@code x}). The demand and the service are probes by
	 * household, one per entry (index scans), not joins: the planner cannot estimate how
	 * many entries the unit's paths select (an expression over two paths), and with its
	 * guess of a handful it joined tens of thousands of entries by nested loops over tens
	 * of thousands of demands: minutes on a province (issue 19, load test of 07/12/2026).
	 * Probes cost the same whatever the guess.
	 */
	private static final String ELIGIBLE = "with e as (select distinct coalesce(p.commune_id, h.commune_id) as"
			+ " commune_id, s.household_id, s.member_id from eligibility_spell s join household h on h.id = s.household_id"
			+ ADDRESS_AT + " where s.policy_code = any (?) and" + UNDER
			+ " and s.eligible_from <= ? and coalesce(least(s.eligible_to, s.window_end), 'infinity'::date) >= ?),"
			+ " x as materialized (select e.commune_id, e.household_id, e.member_id, (select min(q.registered_on)"
			+ " from support_demand q where q.household_id = e.household_id"
			+ " and (q.member_id is null or e.member_id is null or q.member_id = e.member_id)"
			+ " and (q.kind = any (?) or q.policy_code = any (?)) and q.registered_on <= ?"
			+ " and not (q.status in ('WITHDRAWN', 'MET') and q.closed_on < ?)) as demand_on,"
			+ " exists (select 1 from benefit_record r where r.household_id = e.household_id"
			+ " and (e.member_id is null or r.member_id = e.member_id) and r.policy_code = any (?) and not r.voided";

	private final JdbcClient jdbc;

	public CoverageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static List<Object> params(Measure m, String prefix, String[] scope, LocalDate from, LocalDate to) {
		String[] codes = m.policies().toArray(String[]::new);
		List<Object> p = new ArrayList<>(List.of(to, codes, prefix + "%", scope, scope, to, from,
				m.needs().toArray(String[]::new), codes, to, from, codes));
		p.addAll(List.of(m.served().params(from, to)));
		return p;
	}

	/** Counts per commune under a unit path. */
	public List<CommuneCounts> countsByCommune(Measure m, String unitPath, String[] scope, LocalDate from,
			LocalDate to) {
		return this.jdbc
			.sql(ELIGIBLE + m.served().sql + ") as served from e) select x.commune_id, c.name, count(*) as eligible,"
					+ " count(x.demand_on) as with_demand, count(*) filter (where x.served) as served,"
					+ " count(*) filter (where x.demand_on is not null and x.served) as both_ from x"
					+ " join admin_unit c on c.id = x.commune_id group by x.commune_id, c.name order by c.name")
			.params(params(m, unitPath, scope, from, to))
			.query((rs, n) -> new CommuneCounts(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6)))
			.list();
	}

	/**
	 * Eligible entries with a demand (or every eligible entry when {@code demandRequired}
	 * is false) that the ledger has not served, oldest demand first (or newest with
	 * {@code newestFirst}).
	 */
	public List<GapRow> gap(Measure m, boolean demandRequired, String unitPath, String[] scope, LocalDate from,
			LocalDate to, boolean newestFirst, int limit) {
		return this.jdbc.sql(ELIGIBLE + m.served().sql
				+ ") as served from e) select h.id, h.code, h.head_name, vil.name, x.member_id, mb.full_name,"
				+ " (select string_agg(s.reasons::text, '|') from eligibility_spell s where s.household_id = x.household_id"
				+ " and s.member_id is not distinct from x.member_id and s.policy_code = any (?)"
				+ " and s.eligible_from <= ? and coalesce(least(s.eligible_to, s.window_end), 'infinity'::date) >= ?),"
				+ " x.demand_on, q.kind, q.purpose, q.amount_vnd, h.unit_path from x"
				+ " join household h on h.id = x.household_id join admin_unit vil on vil.id = h.village_id"
				+ " left join member mb on mb.id = x.member_id"
				+ " left join lateral (select q.kind, q.purpose, q.amount_vnd from support_demand q"
				+ " where q.household_id = x.household_id and q.registered_on = x.demand_on"
				+ " and (q.member_id is null or x.member_id is null or q.member_id = x.member_id)"
				+ " order by q.amount_vnd desc nulls last limit 1) q on true where not x.served"
				+ (demandRequired ? " and x.demand_on is not null" : "") + " order by x.demand_on "
				+ (newestFirst ? "desc" : "asc") + " nulls last, vil.name, h.head_name limit " + limit)
			.params(withReasons(params(m, unitPath, scope, from, to), m, from, to))
			.query((rs, n) -> new GapRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
					rs.getString(9), rs.getString(10), (Long) rs.getObject(11, Long.class), rs.getString(12)))
			.list();
	}

	private static List<Object> withReasons(List<Object> p, Measure m, LocalDate from, LocalDate to) {
		p.addAll(List.of(m.policies().toArray(String[]::new), to, from));
		return p;
	}

	/**
	 * Housing support over a period up to a day: households with a housing record
	 * approved or further (not cancelled, not voided) decided or begun from
	 * {@code periodFrom} to {@code upTo}, and of them those delivered by {@code upTo}.
	 * @return {approved, done}
	 */
	public long[] housing(List<String> policies, String unitPath, String[] scope, LocalDate periodFrom,
			LocalDate upTo) {
		return this.jdbc
			.sql("select count(distinct r.household_id), count(distinct r.household_id) filter (where r.status in"
					+ " ('DELIVERED', 'CLOSED') and r.delivered_on <= ?) from benefit_record r"
					+ " where r.policy_code = any (?) and not r.voided and r.status in ('APPROVED', 'DELIVERED', 'CLOSED')"
					+ " and coalesce(r.decision_date, r.period_from) between ? and ?"
					+ " and r.unit_path like ? and r.unit_path like any (?)")
			.params(upTo, policies.toArray(String[]::new), periodFrom, upTo, unitPath + "%", scope)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	/** Amounts by source per policy of the records delivered in a window under a unit. */
	public record Amounts(String policy, long records, long amount, long central, long local, long credit,
			long mobilised, long own) {
	}

	/** Delivered amounts by policy and source (a partner: {@code agency} only). */
	public List<Amounts> amounts(String unitPath, String[] scope, String agency, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("select r.policy_code, count(*), sum(r.amount_vnd), sum(r.central_vnd), sum(r.local_vnd),"
					+ " sum(r.credit_vnd), sum(r.mobilised_vnd), sum(r.own_vnd) from benefit_record r"
					+ " where not r.voided and r.status in ('DELIVERED', 'CLOSED', 'OVERDUE')"
					+ " and r.delivered_on between ? and ? and r.unit_path like ? and r.unit_path like any (?)"
					+ " and (cast(? as text) is null or r.agency = ?) group by r.policy_code order by r.policy_code")
			.params(from, to, unitPath + "%", scope, agency, agency)
			.query((rs, n) -> new Amounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7), rs.getLong(8)))
			.list();
	}

	/**
	 * The unit at the top of the first of the view paths that holds eligibility spells:
	 * where the hub opens for a user of the whole country.
	 */
	public Optional<Long> firstProvinceWithSpells(String[] scope) {
		return this.jdbc
			.sql("select cast(split_part(h.unit_path, '/', 2) as bigint) from eligibility_spell s"
					+ " join household h on h.id = s.household_id where h.unit_path like any (?) limit 1")
			.param(scope)
			.query(Long.class)
			.optional();
	}

	/**
	 * The first year of an eligibility spell or a benefit record of some policies, if
	 * any: two index probes per commune of any edition and policy (the communes' indexes;
	 * records follow their household's moves, so not only the unit's communes), not a
	 * scan of every spell and record.
	 */
	public Optional<Integer> firstYear(List<String> policies) {
		int year = this.jdbc
			.sql("select coalesce(cast(extract(year from min(x.f)) as integer), 0) from admin_unit c"
					+ " cross join unnest(cast(? as varchar[])) p(code) cross join lateral (select least("
					+ "(select s.eligible_from from eligibility_spell s where s.commune_id = c.id"
					+ " and s.policy_code = p.code order by s.eligible_from limit 1),"
					+ " (select r.period_from from benefit_record r where r.commune_id = c.id"
					+ " and r.policy_code = p.code order by r.period_from limit 1)) as f) x where c.level = 'commune'")
			.param(policies.toArray(String[]::new))
			.query(Integer.class)
			.single();
		return (year == 0) ? Optional.empty() : Optional.of(year);
	}

}
