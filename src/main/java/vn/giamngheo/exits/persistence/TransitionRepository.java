package vn.giamngheo.exits.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.exits.domain.CohortLine;
import vn.giamngheo.exits.domain.PairGroup;
import vn.giamngheo.exits.domain.PairGroup.ClassOf;

/**
 * The SQL of the transition reports (ADR 0044). A household belongs to the unit on a day
 * when its address that day (the past address ending after it, else the current one, ADR
 * 0028) lies under the unit's path; its class of a year is its recognised assessment of
 * that year.
 */
@Repository
public class TransitionRepository {

	/** Households that live or lived under the unit's path ({@code :p}). */
	private static final String CANDIDATES = "select h.id, h.urban, h.unit_path from household h where not h.voided"
			+ " and (h.unit_path like :p or h.id in (select household_id from household_address_past"
			+ " where unit_path like :p))";

	/** The path of household {@code h} on day {@code %s}. */
	private static String pathOn(String day) {
		return "coalesce((select p.unit_path from household_address_past p where p.household_id = h.id"
				+ " and p.valid_to > " + day + " order by p.valid_to limit 1), h.unit_path)";
	}

	/**
	 * Each household in the unit at the start (assessed in {@code :y0}) or at the end
	 * (assessed in {@code :y1}): the child it lived in (k0, k1; null when not in the unit
	 * or not assessed), its classes, members and earlier lists.
	 */
	private static final String PAIRS = "with h as materialized (select h.id, h.urban, " + pathOn(":d0") + " as p0, "
			+ pathOn(":d1") + " as p1 from (" + CANDIDATES + ") h),"
			+ " x as materialized (select h.id, h.urban, a0.classification as c0, a0.member_count as m0,"
			+ " a1.classification as c1, a1.member_count as m1,"
			+ " case when h.p0 like :p and a0.household_id is not null"
			+ " then split_part(substr(h.p0, :len + 1), '/', 1) end as k0,"
			+ " case when h.p1 like :p and a1.household_id is not null"
			+ " then split_part(substr(h.p1, :len + 1), '/', 1) end as k1,"
			+ " exists (select 1 from household_assessment e where e.household_id = h.id and e.recognised"
			+ " and e.year < :y0 and e.classification = 'POOR') as poor_before,"
			+ " exists (select 1 from household_assessment e where e.household_id = h.id and e.recognised"
			+ " and e.year < :y0 and e.classification in ('POOR', 'NEAR_POOR')) as listed_before"
			+ " from h left join household_assessment a0 on a0.household_id = h.id and a0.year = :y0"
			+ " and a0.recognised left join household_assessment a1 on a1.household_id = h.id"
			+ " and a1.year = :y1 and a1.recognised)";

	private final JdbcClient jdbc;

	TransitionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static Map<String, Object> params(String path, int year, LocalDate start, LocalDate end) {
		return Map.of("p", path + "%", "len", path.length(), "y0", year - 1, "y1", year, "d0", start, "d1", end);
	}

	/**
	 * The unit's households over review years N − 1 and N, grouped.
	 * @param path the unit's path
	 * @param year N
	 * @param start the day placing households at the start
	 * @param end the day placing them at the end
	 * @return the groups
	 */
	public List<PairGroup> pairs(String path, int year, LocalDate start, LocalDate end) {
		return this.jdbc
			.sql(PAIRS + " select k0, k1, case when k0 is not null then c0 end, case when k1 is not null then c1 end,"
					+ " poor_before, listed_before, urban, count(*), coalesce(sum(m0), 0), coalesce(sum(m1), 0),"
					+ " coalesce(sum(greatest(m1 - m0, 0)), 0), coalesce(sum(greatest(m0 - m1, 0)), 0) from x"
					+ " where k0 is not null or k1 is not null group by 1, 2, 3, 4, 5, 6, 7")
			.params(params(path, year, start, end))
			.query((rs, n) -> new PairGroup(rs.getString(1), rs.getString(2), ClassOf.of(rs.getString(3)),
					ClassOf.of(rs.getString(4)), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getLong(8),
					rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12)))
			.list();
	}

	/**
	 * A household that is poor at the end of year N in the unit and was not poor at its
	 * start there.
	 *
	 * @param id household id
	 * @param start its class of N − 1 in the unit (null: none)
	 * @param poorBefore poor in a year before N − 1
	 */
	public record Entrant(UUID id, ClassOf start, boolean poorBefore) {
	}

	/** The households that became poor in the unit in year N. */
	public List<Entrant> entrants(String path, int year, LocalDate start, LocalDate end) {
		return this.jdbc
			.sql(PAIRS + " select id, case when k0 is not null then c0 end, poor_before from x"
					+ " where k1 is not null and c1 = 'POOR' and not (k0 is not null and c0 = 'POOR')")
			.params(params(path, year, start, end))
			.query((rs, n) -> new Entrant(rs.getObject(1, UUID.class), ClassOf.of(rs.getString(2)), rs.getBoolean(3)))
			.list();
	}

	/**
	 * Causes of poverty recorded in the review of a year for some households (household
	 * id, cause code), one row per household and cause.
	 */
	public List<Map.Entry<UUID, String>> causes(List<UUID> households, int year) {
		if (households.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select distinct rh.household_id, c from review_household rh join review r on r.id = rh.review_id,"
					+ " unnest(rh.causes) c where r.year = :year and rh.household_id = any(:ids)")
			.param("year", year)
			.param("ids", households.toArray(UUID[]::new))
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
	}

	/**
	 * Adverse events (not voided) of some households dated in [from, to] (household id,
	 * type), one row per household and type.
	 */
	public List<Map.Entry<UUID, String>> shocks(List<UUID> households, List<String> types, LocalDate from,
			LocalDate to) {
		if (households.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select distinct household_id, type from household_event where not voided"
					+ " and household_id = any(:ids) and type = any(:types) and event_date between :from and :to")
			.param("ids", households.toArray(UUID[]::new))
			.param("types", types.toArray(String[]::new))
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
	}

	/**
	 * The exit cohorts of the unit up to year N: a household is in the cohort of year Y
	 * when it was poor in Y − 1 and not poor in Y, and its address on 31/12/Y (clamped to
	 * the unit's validity) lies in the unit; only classes of years ≤ N are read.
	 * @param path the unit's path
	 * @param year N
	 * @param from first day of the unit
	 * @param to last day of the unit (null: in force)
	 * @return the cohorts of years before N, oldest first
	 */
	public List<CohortLine> cohorts(String path, int year, LocalDate from, LocalDate to) {
		String sql = "with h as materialized (" + CANDIDATES + "),"
				+ " a as materialized (select x.household_id, x.year, x.classification = 'POOR' as poor,"
				+ " lag(x.year) over w as py, lag(x.classification) over w as pc from household_assessment x"
				+ " where x.recognised and x.year <= :n and x.household_id in (select id from h)"
				+ " window w as (partition by x.household_id order by x.year)),"
				+ " e as (select a.household_id, a.year as y from a join h on h.id = a.household_id"
				+ " where a.pc = 'POOR' and a.py = a.year - 1 and not a.poor and a.year < :n"
				+ " and coalesce((select p.unit_path from household_address_past p where p.household_id = h.id"
				+ " and p.valid_to > greatest(least(make_date(a.year, 12, 31), :to), :from)"
				+ " order by p.valid_to limit 1), h.unit_path) like :p),"
				+ " t as (select e.y, (select array_agg(a.year order by a.year) from a"
				+ " where a.household_id = e.household_id and a.year > e.y) as seen,"
				+ " (select min(a.year) from a where a.household_id = e.household_id and a.year > e.y and a.poor)"
				+ " as poor_again from e)" + " select y, count(*),"
				+ " count(*) filter (where y + 1 = any(seen)), count(*) filter (where y + 2 = any(seen)),"
				+ " count(*) filter (where y + 3 = any(seen)),"
				+ " count(*) filter (where y + 1 = any(seen) and coalesce(poor_again > y + 1, true)),"
				+ " count(*) filter (where y + 2 = any(seen) and coalesce(poor_again > y + 2, true)),"
				+ " count(*) filter (where y + 3 = any(seen) and coalesce(poor_again > y + 3, true))"
				+ " from t group by y order by y";
		List<CohortLine> lines = new ArrayList<>();
		this.jdbc.sql(sql)
			.param("p", path + "%")
			.param("n", year)
			.param("from", from)
			.param("to", (to != null) ? to : LocalDate.of(9999, 12, 31))
			.query((rs) -> {
				int y = rs.getInt(1);
				lines.add(new CohortLine(y, rs.getLong(2), new long[] { rs.getLong(3), rs.getLong(4), rs.getLong(5) },
						new long[] { rs.getLong(6), rs.getLong(7), rs.getLong(8) },
						new boolean[] { y + 1 <= year, y + 2 <= year, y + 3 <= year }));
			});
		return lines;
	}

	/**
	 * The review years with recognised classes of households that live or lived in the
	 * unit.
	 */
	public List<Integer> years(String path) {
		return this.jdbc
			.sql("select distinct a.year from household_assessment a where a.recognised and a.household_id in"
					+ " (select id from (" + CANDIDATES + ") c) order by a.year")
			.param("p", path + "%")
			.query(Integer.class)
			.list();
	}

}
