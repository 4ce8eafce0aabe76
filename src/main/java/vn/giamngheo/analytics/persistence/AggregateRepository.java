package vn.giamngheo.analytics.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.giamngheo.analytics.Cohort;
import vn.giamngheo.analytics.Cube;
import vn.giamngheo.analytics.Deprivation;
import vn.giamngheo.analytics.Figures;
import vn.giamngheo.analytics.Flow;
import vn.giamngheo.analytics.UnitFigures;
import vn.giamngheo.analytics.domain.Group;
import vn.giamngheo.analytics.domain.Group.Part;
import vn.giamngheo.analytics.domain.ReviewYears;
import vn.giamngheo.standards.domain.StandardCatalogue;

/**
 * SQL of the aggregates: the refresh (one statement per set of communes: a window over
 * each household's years feeds the four aggregate tables) and the roll-ups by unit path.
 */
@Repository
public class AggregateRepository {

	private final JdbcClient jdbc;

	/** The Alkire–Foster score, cut-off test and scale of each standard, as SQL. */
	private final AfSql af;

	public AggregateRepository(JdbcClient jdbc, StandardCatalogue standards) {
		this.jdbc = jdbc;
		this.af = AfSql.of(standards);
	}

	/**
	 * The communes of a unit, as a condition on {@code c} (the commune an aggregate row
	 * counts on), and which column of the row names that commune in each year (ADR 0031).
	 * A unit counts its own years (those whose reference date, 31/12, falls in its
	 * validity) on the commune of the household's address then ({@code commune_id}); a
	 * unit of the 2025 list counts its earlier years re-based, on the household's current
	 * commune ({@code cross_commune_id}); an ended unit read "continued" (a resolution
	 * written for it) counts its later years on the household's commune on the reform's
	 * eve ({@code cross_commune_id}). Any other year is not the unit's.
	 *
	 * @param sql the condition on {@code c}
	 * @param params its parameters
	 * @param first the unit's first own year
	 * @param last the unit's last own year
	 * @param before whether the years before {@code first} are read (re-based)
	 * @param after whether the years after {@code last} are read (continued)
	 */
	public record Communes(String sql, List<Object> params, int first, int last, boolean before, boolean after) {

		/** Every year of the communes under a path, on the commune of the year. */
		public static Communes under(String path) {
			return new Communes("c.level = 'commune' and c.path like ?", List.of(path + "%"), ReviewYears.NONE_BEFORE,
					ReviewYears.NONE_AFTER, false, false);
		}

		/** The same communes, read over other years. */
		public Communes years(int first, int last, boolean before, boolean after) {
			return new Communes(this.sql, this.params, first, last, before, after);
		}

		/** The same years, with one more condition on {@code c}. */
		public Communes and(String condition, Object param) {
			List<Object> all = new ArrayList<>(this.params);
			all.add(param);
			return new Communes(this.sql + " and " + condition, all, this.first, this.last, this.before, this.after);
		}

		/**
		 * The column naming the commune a row of a year counts on, or null when the year
		 * is not read for the unit.
		 */
		public String column(int year) {
			if (year < this.first) {
				return this.before ? "cross_commune_id" : null;
			}
			if (year > this.last) {
				return this.after ? "cross_commune_id" : null;
			}
			return "commune_id";
		}

		/**
		 * Whether a year is read through the other list's commune (re-based or
		 * continued).
		 */
		public boolean crossed(int year) {
			return "cross_commune_id".equals(column(year));
		}

		/** The commune id a row aliased {@code r} counts on (any year). */
		public String key(String r) {
			String other = r + ".cross_commune_id";
			List<String> cases = new ArrayList<>();
			if (this.before) {
				cases.add(r + ".year < " + this.first);
			}
			if (this.after) {
				cases.add(r + ".year > " + this.last);
			}
			return cases.isEmpty() ? r + ".commune_id"
					: "(case when " + String.join(" or ", cases) + " then " + other + " else " + r + ".commune_id end)";
		}

		/** The years of a row aliased {@code r} that are read, as a condition. */
		public String yearsOf(String r) {
			int from = this.before ? ReviewYears.NONE_BEFORE : this.first;
			int to = this.after ? ReviewYears.NONE_AFTER : this.last;
			if (from <= ReviewYears.NONE_BEFORE && to >= ReviewYears.NONE_AFTER) {
				return "true";
			}
			return r + ".year between " + from + " and " + to;
		}

		/**
		 * Joins the commune {@code c} of aggregate rows {@code r} and keeps the unit's
		 * communes and years: "{@code join ... where ...}".
		 */
		public String joinWhere(String r) {
			return " join admin_unit c on c.id = " + key(r) + " where " + this.sql + " and " + yearsOf(r);
		}

	}

	// ---------------------------------------------------------------- refresh

	/**
	 * The households of the communes refreshed ({@code :ids}) and their address by review
	 * year (ADR 0031, the contract of V55): every household that lives or has lived in
	 * one of them ({@code hs}); each of its addresses with the review years it holds
	 * ({@code ad}: the past rows ordered by {@code valid_to}, then the current address; a
	 * year is placed on its reference date, 31/12, so an address left on day t holds the
	 * years before t's year, from the year the address before it was left); and per
	 * household its current commune and its commune on the reform's eve ({@code hx}), the
	 * "other list" commune of its years before and after the reform. Written once per
	 * rebuild into temporary tables (dropped at commit, analysed so that the planner
	 * knows their size) and read in place by the rebuild's statement (about a second per
	 * 50,000 households to write).
	 */
	private static final String[] ADDRESS_TABLES = {
			"drop table if exists pg_temp.agg_hs, pg_temp.agg_ad, pg_temp.agg_hx",
			"create temp table agg_hs on commit drop as select h.id, h.province_code, h.commune_id, h.urban,"
					+ " h.ethnic_minority, h.social_protection, h.status from household h where not h.voided"
					+ " and h.id = any(array(select id from household where commune_id = any(:ids) union"
					+ " select household_id from household_address_past where commune_id = any(:ids)))",
			"create temp table agg_ad on commit drop as select household_id, province_code, commune_id,"
					+ " coalesce(extract(year from prev)::int, 0) as y_from,"
					+ " coalesce(extract(year from valid_to)::int - 1, 32767) as y_to,"
					+ " (prev is null or prev <= :eve) and (valid_to is null or valid_to > :eve) as on_eve"
					+ " from (select x.*, lag(x.valid_to) over (partition by x.household_id order by x.valid_to"
					+ " nulls last, x.k) as prev from (select p.household_id, p.province_code, p.commune_id,"
					+ " p.valid_to, p.id as k from household_address_past p where p.household_id in"
					+ " (select id from agg_hs) union all select hs.id, hs.province_code, hs.commune_id, null, 0"
					+ " from agg_hs hs) x) x",
			"create temp table agg_hx on commit drop as select hs.id, hs.urban, hs.ethnic_minority,"
					+ " hs.social_protection, hs.status, hs.commune_id as now_id, e.commune_id as eve_id"
					+ " from agg_hs hs join agg_ad e on e.household_id = hs.id and e.on_eve",
			"analyze agg_hs, agg_ad, agg_hx" };

	/**
	 * The statements' names for the tables of {@link #ADDRESS_TABLES}, read in place (not
	 * copied again as a materialised CTE).
	 */
	private static final String ADDRESSES = "with hs as not materialized (select * from agg_hs),"
			+ " ad as not materialized (select * from agg_ad), hx as not materialized (select * from agg_hx),";

	/**
	 * A household's recognised assessments in the years of each of its addresses, read
	 * household by household through the key {@code assessment_year} (a join the planner
	 * would answer by reading every assessment of the nation).
	 */
	private static final String ASSESSED = " from hx cross join lateral (select x.household_id, x.year,"
			+ " x.standard_key, x.member_count, x.classification, x.income_per_capita, x.deprivation_count,"
			+ " x.deprivations, case x.classification when 'POOR' then 1 when 'NEAR_POOR' then 2 else 3 end as k"
			+ " from household_assessment x where x.household_id = hx.id and x.recognised offset 0) x"
			+ " join ad on ad.household_id = hx.id and x.year between ad.y_from and ad.y_to";

	/** The other-list commune of a year {@code %1$s.year} of household {@code %2$s}. */
	private static String cross(String year, String household) {
		return "case when " + year + " < :first then " + household + ".now_id else " + household + ".eve_id end";
	}

	/**
	 * Each household's standing in each year of the commune it lived in that year (a year
	 * with assessments, or whose review recognised the commune even if it listed none of
	 * its households): its assessment of the year, or, when it was not assessed that year
	 * (a review lists last year's poor and near-poor, not everyone), its latest
	 * recognised assessment before it, as long as the household still lives there (active
	 * now, or assessed again later). Only rows of the communes refreshed are kept.
	 * {@code s.year} is the year counted, {@code s.out_key} its standard (the
	 * commune-year's for a carried household), {@code s.standard_key} the standard of the
	 * assessment itself (its Alkire–Foster score), {@code s.assessed} whether it was
	 * assessed that year.
	 */
	private static final String STANDING = ADDRESSES + " a as materialized (select ad.province_code, ad.commune_id, "
			+ cross("x.year", "hx")
			+ " as cross_id, hx.now_id, hx.eve_id, hx.urban, hx.ethnic_minority, hx.social_protection, hx.status,"
			+ " x.household_id, x.year, x.standard_key, x.member_count, x.classification, x.income_per_capita,"
			+ " x.deprivation_count, x.deprivations, x.k,"
			+ " case when lag(x.year) over w = x.year - 1 then lag(x.k) over w else 0 end as prev,"
			+ " sum((x.k = 1)::int) over w - (x.k = 1)::int - coalesce((lag(x.k) over w = 1)::int, 0) > 0"
			+ " as poor_before, lead(x.year) over w as next_year, lead(x.k, 1) over w as c1,"
			+ " lead(x.k, 2) over w as c2, lead(x.year, 2) over w as y2, lead(x.k, 3) over w as c3,"
			+ " lead(x.year, 3) over w as y3" + ASSESSED
			+ " window w as (partition by x.household_id order by x.year)),"
			+ " y as (select commune_id, year, min(standard_key) as standard_key from (select commune_id, year,"
			+ " standard_key from a where commune_id = any(:ids) union all select v.commune_id, v.year,"
			+ " r.standard_key from review_commune_status v join review r on r.province_code = v.province_code"
			+ " and r.year = v.year where v.recognised and v.commune_id = any(:ids)) ys group by commune_id, year),"
			+ " s as materialized (select a.province_code, a.commune_id, a.cross_id, a.urban, a.ethnic_minority,"
			+ " a.social_protection, a.year, a.standard_key as out_key, a.standard_key, a.member_count,"
			+ " a.classification, a.income_per_capita, a.deprivation_count, a.deprivations, true as assessed from a"
			+ " where a.commune_id = any(:ids)" + " union all select ad.province_code, ad.commune_id, "
			+ cross("y.year", "a")
			+ ", a.urban, a.ethnic_minority, a.social_protection, y.year, y.standard_key, a.standard_key,"
			+ " a.member_count, a.classification, a.income_per_capita, a.deprivation_count, a.deprivations, false"
			+ " from a join ad on ad.household_id = a.household_id and ad.commune_id = any(:ids)"
			+ " and ad.y_to > a.year and (a.next_year is null or a.next_year > a.year + 1)"
			+ " join y on y.commune_id = ad.commune_id and y.year > a.year"
			+ " and y.year between ad.y_from and ad.y_to and y.year < coalesce(a.next_year,"
			+ " case when a.status = 'ACTIVE' then 32767 else a.year + 1 end)),";

	/**
	 * Households deprived on each indicator, per group, with the censored headcounts
	 * (deprived and multidimensionally poor); the counts per commune, year and household
	 * group; the flows between classes and the cohorts of households that left the poor
	 * list (each year on the commune of the household's address that year) — all from one
	 * read of the households' assessments and one window pass over each household's years
	 * ({@code a}: classes coded 1 poor, 2 near-poor, 3 other, 0 not assessed the year
	 * before). Its one row is the number of commune-year rows written.
	 */
	private static final String YEARS = STANDING + " i_dep as (insert into agg_deprivation (province_code,"
			+ " commune_id, cross_commune_id, year, indicator, households, poor_households, urban, ethnic_minority,"
			+ " social_protection, persons, af_households, af_persons) select s.province_code, s.commune_id,"
			+ " s.cross_id, s.year, d, count(*), count(*) filter (where s.classification = 'POOR'), s.urban,"
			+ " s.ethnic_minority, s.social_protection, sum(s.member_count), count(*) filter (where {AF_POOR}),"
			+ " coalesce(sum(s.member_count) filter (where {AF_POOR}), 0) from s, unnest(s.deprivations) d"
			+ " group by s.province_code, s.commune_id, s.cross_id, s.year, d, s.urban, s.ethnic_minority,"
			+ " s.social_protection returning 1),"
			+ " i_year as (insert into agg_commune_year (province_code, commune_id, cross_commune_id, year, standard_key, urban,"
			+ " ethnic_minority, social_protection, households, persons, poor_households, poor_persons,"
			+ " near_poor_households, near_poor_persons, poor_income_sum, poor_income_persons, poor_deprivations,"
			+ " af_poor_households, af_poor_persons, af_score, af_score_persons, af_scale, assessed_households)"
			+ " select s.province_code, s.commune_id, s.cross_id, s.year,"
			+ " s.out_key, s.urban, s.ethnic_minority, s.social_protection, count(*), sum(s.member_count),"
			+ " count(*) filter (where s.classification = 'POOR'),"
			+ " coalesce(sum(s.member_count) filter (where s.classification = 'POOR'), 0),"
			+ " count(*) filter (where s.classification = 'NEAR_POOR'),"
			+ " coalesce(sum(s.member_count) filter (where s.classification = 'NEAR_POOR'), 0),"
			+ " coalesce(sum(s.income_per_capita * s.member_count) filter (where s.classification = 'POOR'), 0),"
			+ " coalesce(sum(s.member_count) filter (where s.classification = 'POOR'"
			+ " and s.income_per_capita is not null), 0),"
			+ " coalesce(sum(s.deprivation_count) filter (where s.classification = 'POOR'), 0),"
			+ " count(*) filter (where {AF_POOR}), coalesce(sum(s.member_count) filter (where {AF_POOR}), 0),"
			+ " coalesce(sum({AF_SCORE}) filter (where {AF_POOR}), 0),"
			+ " coalesce(sum(({AF_SCORE}) * s.member_count) filter (where {AF_POOR}), 0), max({AF_SCALE}),"
			+ " count(*) filter (where s.assessed) from s"
			+ " group by s.province_code, s.commune_id, s.cross_id, s.year, s.out_key, s.urban, s.ethnic_minority,"
			+ " s.social_protection returning 1),"
			+ " i_flow as (insert into agg_flow (province_code, commune_id, year, from_class, to_class, poor_before,"
			+ " households, persons, cross_commune_id) select province_code, commune_id, year,"
			+ " (array['NEW', 'POOR', 'NEAR_POOR', 'OTHER'])[prev + 1], (array['POOR', 'NEAR_POOR', 'OTHER'])[k],"
			+ " poor_before and prev <> 1, count(*), sum(member_count), cross_id from a"
			+ " where commune_id = any(:ids)"
			+ " group by province_code, commune_id, cross_id, year, prev, k, poor_before and prev <> 1 returning 1),"
			+ " i_cohort as (insert into agg_cohort (province_code, commune_id, exit_year, exited, observed_1,"
			+ " observed_2, observed_3, poor_again_1, poor_again_2, poor_again_3, cross_commune_id)"
			+ " select province_code, commune_id, year, count(*),"
			+ " count(*) filter (where next_year = year + 1 or y2 = year + 1 or y3 = year + 1),"
			+ " count(*) filter (where next_year = year + 2 or y2 = year + 2 or y3 = year + 2),"
			+ " count(*) filter (where next_year = year + 3 or y2 = year + 3 or y3 = year + 3),"
			+ " count(*) filter (where c1 = 1 and next_year <= year + 1),"
			+ " count(*) filter (where (c1 = 1 and next_year <= year + 2) or (c2 = 1 and y2 <= year + 2)),"
			+ " count(*) filter (where (c1 = 1 and next_year <= year + 3) or (c2 = 1 and y2 <= year + 3)"
			+ " or (c3 = 1 and y3 <= year + 3)), cross_id"
			+ " from a where prev = 1 and k <> 1 and commune_id = any(:ids)"
			+ " group by province_code, commune_id, cross_id, year returning 1) select count(*) from i_year";

	/**
	 * Each refreshed commune's active households now, and those whose address on the
	 * reform's eve was in it (V91: the base of a year read continued), from the
	 * households the rebuild read ({@code agg_hx}).
	 */
	private static final String REFRESHED = "insert into agg_refresh (commune_id, province_code, assessments,"
			+ " active_households, eve_households) select a.commune_id, min(a.province_code),"
			+ " sum(a.assessed_households), (select count(*) from household h where h.commune_id = a.commune_id"
			+ " and not h.voided and h.status = 'ACTIVE'), coalesce(min(e.n), 0) from agg_commune_year a"
			+ " left join (select eve_id, count(*) as n from agg_hx where status = 'ACTIVE' group by eve_id) e"
			+ " on e.eve_id = a.commune_id where a.commune_id = any(:ids) group by a.commune_id"
			+ " on conflict (commune_id, province_code) do update set refreshed_at = now(),"
			+ " assessments = excluded.assessments, active_households = excluded.active_households,"
			+ " eve_households = excluded.eve_households";

	private static final String[] TABLES = { "agg_commune_year", "agg_deprivation", "agg_flow", "agg_cohort" };

	/**
	 * Rebuilds the rows of some communes: every household that lives or lived in one of
	 * them is read, and only rows of these communes are written, so each commune's rows
	 * are whole whichever other communes its households lived in.
	 */
	private long rebuild(Long[] ids) {
		// the window pass's sort gets room (this transaction only)
		this.jdbc.sql("select set_config('work_mem', '256MB', true)").query(String.class).single();
		for (String table : TABLES) {
			this.jdbc.sql("delete from " + table + " where commune_id = any(:ids)").param("ids", ids).update();
		}
		Map<String, Object> params = Map.of("ids", ids, "eve", ReviewYears.REFORM.minusDays(1), "first",
				ReviewYears.firstAfterReform());
		// the households and their addresses, read in place by the statement
		for (String sql : ADDRESS_TABLES) {
			this.jdbc.sql(sql).params(params).update();
		}
		// its group-bys hash their few thousand groups instead of sorting two million
		// rows: the planner cannot know how few groups there are (ADR 0064); the
		// statements after it are planned as usual
		this.jdbc.sql("select set_config('enable_sort', 'off', true)").query(String.class).single();
		long n = this.jdbc.sql(this.af.apply(YEARS)).params(params).query(Long.class).single();
		this.jdbc.sql("select set_config('enable_sort', 'on', true)").query(String.class).single();
		this.jdbc.sql(REFRESHED).param("ids", ids).update();
		return n;
	}

	/**
	 * Rebuilds the aggregates of the given communes (delete, then insert), one refresh of
	 * a commune at a time: the transaction first takes each commune's lock (in id order,
	 * so two refreshes never wait for each other in a circle). Two refreshes of one
	 * commune at once would otherwise both insert its rows, and the second would fail.
	 * @param communeIds commune ids
	 * @return aggregate rows written
	 */
	public long refreshCommunes(Collection<Long> communeIds) {
		Long[] ids = communeIds.stream().distinct().sorted().toArray(Long[]::new);
		this.jdbc
			.sql("select count(l) from (select pg_advisory_xact_lock(" + LOCK_CLASS
					+ ", (id % 2147483647)::int)::text l from"
					+ " (select id from unnest(?::bigint[]) id order by id offset 0) s) t")
			.param(ids)
			.query(Long.class)
			.single();
		return rebuild(ids);
	}

	/**
	 * Every commune the households of some communes live or lived in: a change of a
	 * household's assessments (marked on its current commune) or a move changes the rows
	 * of each commune it lived in at some year.
	 * @param communeIds commune ids
	 * @return those communes and the others their households lived in
	 */
	public List<Long> withCommunesLivedIn(Collection<Long> communeIds) {
		Long[] ids = communeIds.stream().distinct().toArray(Long[]::new);
		return this.jdbc
			.sql("with t as (select id from household where commune_id = any(:ids) union"
					+ " select household_id from household_address_past where commune_id = any(:ids))"
					+ " select unnest(:ids) union select commune_id from household where id in (select id from t)"
					+ " union select commune_id from household_address_past where household_id in (select id from t)"
					+ " order by 1")
			.param("ids", ids)
			.query(Long.class)
			.list();
	}

	/**
	 * First key of the refresh's per-commune advisory locks (the two-key form: it does
	 * not meet the one-key locks of other code).
	 */
	private static final int LOCK_CLASS = 4_040;

	/**
	 * The ids of some communes as an array expression: read once through the path index
	 * (a join let the planner walk every unit by id, several times slower).
	 */
	public static String communeIds(Communes communes) {
		return "array(select c.id from admin_unit c where " + communes.sql() + ")";
	}

	/** When the last of some communes was re-aggregated, or null. */
	public OffsetDateTime lastRefreshed(Communes communes) {
		// max() of no rows is one null row: a list, since single() refuses a null value
		List<OffsetDateTime> last = this.jdbc
			.sql("select max(r.refreshed_at) from agg_refresh r where r.commune_id = any(" + communeIds(communes) + ")")
			.params(communes.params())
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
			.list();
		return last.isEmpty() ? null : last.get(0);
	}

	/**
	 * Pairs of the given communes that one living household links: it lives in the first
	 * and lived in the second. A refresh in parts keeps such communes in one part, so
	 * that no household is read by two parts.
	 * @param communeIds communes
	 * @return pairs {current, earlier}
	 */
	public List<long[]> communesLinked(List<Long> communeIds) {
		return this.jdbc
			.sql("select distinct h.commune_id, p.commune_id from household_address_past p"
					+ " join household h on h.id = p.household_id and not h.voided"
					+ " where p.commune_id = any(:ids) and h.commune_id = any(:ids) and h.commune_id <> p.commune_id")
			.param("ids", communeIds.toArray(Long[]::new))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
	}

	/**
	 * The households a refresh of each given commune reads: those living there and those
	 * that lived there.
	 * @param communeIds communes
	 * @return households by commune (communes without any are absent)
	 */
	public Map<Long, Long> householdsRead(List<Long> communeIds) {
		Map<Long, Long> read = new HashMap<>();
		this.jdbc
			.sql("select commune_id, count(*) from (select commune_id from household where commune_id = any(:ids)"
					+ " and not voided union all select commune_id from household_address_past"
					+ " where commune_id = any(:ids)) c group by commune_id")
			.param("ids", communeIds.toArray(Long[]::new))
			.query((rs) -> {
				read.put(rs.getLong(1), rs.getLong(2));
			});
		return read;
	}

	/**
	 * Communes of a province that have or had households: their current communes, and the
	 * communes of their earlier addresses in the province (the old communes of a province
	 * that moved to the 2025 units keep their years before the reform).
	 */
	public List<Long> communesWithHouseholds(String provinceCode) {
		return this.jdbc
			.sql("select commune_id from household where province_code = :p union"
					+ " select commune_id from household_address_past where province_code = :p order by 1")
			.param("p", provinceCode)
			.query(Long.class)
			.list();
	}

	/** Removes the aggregates of a province's communes that are not in the list. */
	public void removeOtherCommunes(String provinceCode, List<Long> communes) {
		Long[] ids = communes.toArray(Long[]::new);
		for (String table : TABLES) {
			this.jdbc.sql("delete from " + table + " where province_code = ? and commune_id <> all(?)")
				.params(provinceCode, ids)
				.update();
		}
		this.jdbc.sql("delete from agg_refresh where province_code = ? and commune_id <> all(?)")
			.params(provinceCode, ids)
			.update();
	}

	/** Assessments counted in the aggregates of a province. */
	public long assessments(String provinceCode) {
		return this.jdbc.sql("select coalesce(sum(assessments), 0) from agg_refresh where province_code = ?")
			.param(provinceCode)
			.query(Long.class)
			.single();
	}

	public boolean hasAggregates() {
		return this.jdbc.sql("select exists (select 1 from agg_refresh)").query(Boolean.class).single();
	}

	/** Provinces that have or had households (current and earlier addresses). */
	public List<String> provincesWithHouseholds() {
		return this.jdbc
			.sql("select province_code from household union select province_code from household_address_past"
					+ " order by 1")
			.query(String.class)
			.list();
	}

	/**
	 * The provinces a province's households lived in before (Thành phố Đà Nẵng: 48 and
	 * 49), with the province itself.
	 */
	public List<String> provincesLivedIn(String provinceCode) {
		return this.jdbc
			.sql("select cast(:p as varchar) union select distinct p.province_code from household_address_past p"
					+ " join household h on h.id = p.household_id where h.province_code = :p order by 1")
			.param("p", provinceCode)
			.query(String.class)
			.list();
	}

	public int communeCount(String provinceCode) {
		return this.jdbc.sql("select count(*) from agg_refresh where province_code = ?")
			.param(provinceCode)
			.query(Integer.class)
			.single();
	}

	// ---------------------------------------------------------------- reads

	private static final String SUMS = "min(a.standard_key), sum(a.households), sum(a.persons),"
			+ " sum(a.poor_households), sum(a.poor_persons), sum(a.near_poor_households), sum(a.near_poor_persons),"
			+ " sum(a.poor_income_sum), sum(a.poor_income_persons), sum(a.poor_deprivations),"
			+ " sum(a.af_poor_households), sum(a.af_poor_persons), sum(a.af_score), max(a.af_scale)";

	private static Figures figures(ResultSet rs, int yearCol) throws SQLException {
		int k = yearCol;
		return new Figures(rs.getInt(k), rs.getString(k + 1), rs.getLong(k + 2), rs.getLong(k + 3), rs.getLong(k + 4),
				rs.getLong(k + 5), rs.getLong(k + 6), rs.getLong(k + 7), rs.getLong(k + 8), rs.getLong(k + 9),
				rs.getLong(k + 10), rs.getLong(k + 11), rs.getLong(k + 12), rs.getLong(k + 13), rs.getLong(k + 14));
	}

	/**
	 * The condition of a group on aggregate {@code a} and its commune {@code c}; unit
	 * statuses count when they held at any time in [from, to].
	 */
	static String groupSql(Group group, LocalDate from, LocalDate to, List<Object> params) {
		StringBuilder b = new StringBuilder(" and true");
		for (Part p : group.parts()) {
			switch (p) {
				case URBAN -> b.append(" and a.urban");
				case RURAL -> b.append(" and not a.urban");
				case ETHNIC_MINORITY -> b.append(" and a.ethnic_minority");
				case NOT_ETHNIC_MINORITY -> b.append(" and not a.ethnic_minority");
				case SOCIAL_PROTECTION -> b.append(" and a.social_protection");
				case NOT_SOCIAL_PROTECTION -> b.append(" and not a.social_protection");
				case MOUNTAIN ->
					b.append(" and ").append(status("TERRAIN' and ua.value = 'MOUNTAIN", true, from, to, params));
				case PLAIN ->
					b.append(" and not ").append(status("TERRAIN' and ua.value = 'MOUNTAIN", true, from, to, params));
				case POOR_DISTRICT -> b.append(" and ").append(status("POOR_DISTRICT", true, from, to, params));
				case POOR_COMMUNE -> b.append(" and ").append(status("POOR_COMMUNE", false, from, to, params));
				case DBKK_COMMUNE -> b.append(" and ").append(status("DBKK_COMMUNE", false, from, to, params));
				case WARD_TOWN -> b.append(" and c.type in ('Phường', 'Thị trấn') and (select d.type from admin_unit d"
						+ " where d.id = c.parent_id) in ('Thành phố', 'Thị xã')");
			}
		}
		return b.toString();
	}

	private static String status(String attribute, boolean ancestors, LocalDate from, LocalDate to,
			List<Object> params) {
		params.add(to);
		params.add(from);
		return "exists (select 1 from unit_attribute ua join admin_unit u on u.id = ua.unit_id where ua.attribute = '"
				+ attribute + "' and not ua.voided and " + (ancestors ? "c.path like u.path || '%'" : "u.id = c.id")
				+ " and ua.valid_from <= ? and coalesce(ua.valid_to, date 'infinity') >= ?)";
	}

	/**
	 * Every aggregate row of the communes of a unit, with each commune's statuses over
	 * [from, to].
	 */
	public List<Cube.Row> cube(Communes communes, LocalDate from, LocalDate to) {
		List<Object> params = new ArrayList<>();
		String mountain = status("TERRAIN' and ua.value = 'MOUNTAIN", true, from, to, params);
		String poorDistrict = status("POOR_DISTRICT", true, from, to, params);
		String poorCommune = status("POOR_COMMUNE", false, from, to, params);
		String dbkkCommune = status("DBKK_COMMUNE", false, from, to, params);
		params.addAll(communes.params());
		String sql = "with cs as materialized (select c.id, c.path, " + mountain + " as mountain, " + poorDistrict
				+ " as pd, (" + poorCommune + ") as pc, (" + dbkkCommune
				+ ") as dc, (c.type in ('Phường', 'Thị trấn') and (select d.type from"
				+ " admin_unit d where d.id = c.parent_id) in ('Thành phố', 'Thị xã')) as wt from admin_unit c where "
				+ communes.sql() + ") select cs.id, cs.path, a.year, a.standard_key, a.urban, a.ethnic_minority,"
				+ " a.social_protection, cs.mountain, cs.pd, cs.pc, cs.wt, a.households, a.persons,"
				+ " a.poor_households, a.poor_persons, a.near_poor_households, a.near_poor_persons, a.poor_income_sum,"
				+ " a.poor_income_persons, a.poor_deprivations, a.af_poor_households, a.af_poor_persons, a.af_score,"
				+ " a.af_scale, cs.dc from cs join agg_commune_year a on cs.id = " + communes.key("a") + " and "
				+ communes.yearsOf("a");
		return this.jdbc.sql(sql).params(params).query((rs, n) -> {
			long[] counts = new long[Cube.COUNTS];
			for (int k = 0; k < Cube.COUNTS; k++) {
				counts[k] = rs.getLong(12 + k);
			}
			return new Cube.Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getBoolean(5),
					rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9), rs.getBoolean(10),
					rs.getBoolean(11), counts, rs.getBoolean(12 + Cube.COUNTS));
		}).list();
	}

	/**
	 * Yearly figures of the communes of a unit, for a group.
	 * @param communes the communes
	 * @param group the group of households
	 * @param from start of the window for unit statuses
	 * @param to end of the window for unit statuses
	 * @return figures by year, oldest first
	 */
	public List<Figures> series(Communes communes, Group group, LocalDate from, LocalDate to) {
		List<Object> params = new ArrayList<>(communes.params());
		String sql = "select a.year, " + SUMS + " from agg_commune_year a" + communes.joinWhere("a")
				+ groupSql(group, from, to, params) + " group by a.year order by a.year";
		return this.jdbc.sql(sql).params(params).query((rs, n) -> figures(rs, 1)).list();
	}

	/**
	 * Figures of each child unit of a parent in one year, its rows counted on the commune
	 * named by {@code column} ({@link Communes#column}).
	 */
	public List<UnitFigures> byChildren(long parentId, String column, int year, Group group, LocalDate from,
			LocalDate to) {
		List<Object> params = new ArrayList<>();
		params.add(parentId);
		params.add(year);
		String sql = "select ch.id, ch.code, ch.name, ch.level, a.year, " + SUMS
				+ " from admin_unit ch join admin_unit c on c.path like ch.path || '%' and c.level = 'commune'"
				+ " join agg_commune_year a on a." + column + " = c.id"
				+ " where ch.parent_id = ? and ch.level <> 'village' and a.year = ?" + groupSql(group, from, to, params)
				+ " group by ch.id, ch.code, ch.name, ch.level, a.year order by ch.code";
		return this.jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new UnitFigures(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					figures(rs, 5)))
			.list();
	}

	/**
	 * Old communes sending households into a 2025 unit (by the crosswalk) on which
	 * households still live: their households are counted in no 2025 unit until moved.
	 * @param path path of the 2025 unit
	 * @return names of the old communes, with their code
	 */
	public List<String> unmovedCommunes(String path) {
		return this.jdbc
			.sql("select o.code || ' ' || o.name from admin_unit o where o.id in (select x.old_unit_id"
					+ " from unit_crosswalk x join admin_unit n on n.id = x.new_unit_id where n.path like ?)"
					+ " and o.valid_to is not null and exists (select 1 from household h where h.commune_id = o.id"
					+ " and not h.voided) order by 1")
			.param(path + "%")
			.query(String.class)
			.list();
	}

	/**
	 * Figures of every commune under a path in one year, with its parent (for a treemap).
	 */
	public List<UnitFigures> communes(String path, String column, int year) {
		String sql = "select c.id, c.code, c.name, coalesce(c.parent_id::text, ''), a.year, " + SUMS
				+ " from agg_commune_year a join admin_unit c on c.id = a." + column
				+ " where c.path like ? and c.level = 'commune' and a.year = ?"
				+ " group by c.id, c.code, c.name, c.parent_id, a.year order by c.code";
		return this.jdbc.sql(sql)
			.params(path + "%", year)
			.query((rs, n) -> new UnitFigures(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					figures(rs, 5)))
			.list();
	}

	public List<Flow> flows(Communes communes) {
		String sql = "select f.year, sum(f.households),"
				+ " coalesce(sum(f.households) filter (where f.from_class = 'POOR' and f.to_class <> 'POOR'), 0),"
				+ " coalesce(sum(f.households) filter (where f.from_class in ('OTHER', 'NEAR_POOR')"
				+ " and f.to_class = 'POOR' and not f.poor_before), 0),"
				+ " coalesce(sum(f.households) filter (where f.from_class in ('OTHER', 'NEAR_POOR')"
				+ " and f.to_class = 'POOR' and f.poor_before), 0),"
				+ " coalesce(sum(f.households) filter (where f.from_class = 'NEAR_POOR' and f.to_class = 'POOR'), 0),"
				+ " coalesce(sum(f.households) filter (where f.from_class = 'POOR' and f.to_class = 'NEAR_POOR'), 0),"
				+ " coalesce(sum(f.households) filter (where f.from_class = 'POOR' and f.to_class = 'POOR'), 0),"
				+ " coalesce(sum(f.households) filter (where f.from_class = 'NEW' and f.to_class = 'POOR'), 0)"
				+ " from agg_flow f" + communes.joinWhere("f")
				+ " group by f.year having bool_or(f.from_class <> 'NEW') order by f.year";
		return this.jdbc.sql(sql)
			.params(communes.params())
			.query((rs, n) -> new Flow(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)))
			.list();
	}

	public List<Cohort> cohorts(Communes communes) {
		String sql = "select k.exit_year, sum(k.exited), sum(k.observed_1), sum(k.observed_2), sum(k.observed_3),"
				+ " sum(k.poor_again_1), sum(k.poor_again_2), sum(k.poor_again_3)"
				+ " from (select *, exit_year as year from agg_cohort) k" + communes.joinWhere("k")
				+ " group by k.exit_year order by k.exit_year";
		return this.jdbc.sql(sql)
			.params(communes.params())
			.query((rs, n) -> new Cohort(rs.getInt(1), rs.getLong(2),
					new long[] { rs.getLong(3), rs.getLong(4), rs.getLong(5) },
					new long[] { rs.getLong(6), rs.getLong(7), rs.getLong(8) }))
			.list();
	}

	/**
	 * Deprivations of each child of a 2024 unit in a year (of the unit itself for a
	 * commune).
	 */
	public List<Deprivation> deprivations(long unitId, boolean commune, String column, int year) {
		String units = commune ? "select id, name, path from admin_unit where id = ?"
				: "select id, name, path from admin_unit where parent_id = ? and level <> 'village'";
		// communes under each unit first (few LIKE tests), then the per-indicator sums
		// grouped
		// per unit before the names are joined and sorted (sorting thousands of rows by a
		// Vietnamese name was most of the time)
		String sql = "with u as (" + units + "), cu as (select u.id as uid, c.id as cid from u"
				+ " join admin_unit c on c.path like u.path || '%'"
				+ " join (select distinct {COL} from agg_commune_year where year = ?) a on a.{COL} = c.id),"
				+ " p as (select cu.uid, sum(a.poor_households) as poor from cu"
				+ " join agg_commune_year a on a.{COL} = cu.cid where a.year = ? group by cu.uid),"
				+ " x as (select cu.uid, d.indicator, sum(d.households) as households,"
				+ " sum(d.poor_households) as poor_households from cu join agg_deprivation d on d.{COL} = cu.cid"
				+ " where d.year = ? group by cu.uid, d.indicator)"
				+ " select u.id, u.name, x.indicator, x.households, x.poor_households, p.poor from x"
				+ " join u on u.id = x.uid join p on p.uid = x.uid order by u.name, x.indicator";
		return this.jdbc.sql(sql.replace("{COL}", column))
			.params(unitId, year, year, year)
			.query((rs, n) -> new Deprivation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6)))
			.list();
	}

	/**
	 * Per-indicator sums of the communes of a unit in a year, for a group: households and
	 * persons deprived, and deprived while multidimensionally poor.
	 * @return indicator code → {households, persons, AF households, AF persons}
	 */
	public Map<String, long[]> indicatorSums(Communes communes, int year, Group group, LocalDate from, LocalDate to) {
		Map<String, long[]> result = new TreeMap<>();
		String column = communes.column(year);
		if (column == null) {
			return result;
		}
		List<Object> params = new ArrayList<>(communes.params());
		params.add(year);
		String sql = "select a.indicator, sum(a.households), sum(a.persons), sum(a.af_households), sum(a.af_persons)"
				+ " from agg_deprivation a join admin_unit c on c.id = a." + column + " where " + communes.sql()
				+ " and a.year = ?" + groupSql(group, from, to, params) + " group by a.indicator";
		this.jdbc.sql(sql).params(params).query((rs) -> {
			result.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) });
		});
		return result;
	}

	/**
	 * Per-indicator sums of each child of a 2024 unit in a year, for a group.
	 * @return child id → indicator code → {households, persons, AF households, AF
	 * persons}
	 */
	public Map<Long, Map<String, long[]>> indicatorSumsByChild(long parentId, String column, int year, Group group,
			LocalDate from, LocalDate to) {
		List<Object> params = new ArrayList<>();
		params.add(parentId);
		params.add(year);
		String sql = "select ch.id, a.indicator, sum(a.households), sum(a.persons), sum(a.af_households),"
				+ " sum(a.af_persons) from admin_unit ch join admin_unit c on c.path like ch.path || '%'"
				+ " and c.level = 'commune' join agg_deprivation a on a." + column + " = c.id"
				+ " where ch.parent_id = ? and ch.level <> 'village' and a.year = ?" + groupSql(group, from, to, params)
				+ " group by ch.id, a.indicator";
		Map<Long, Map<String, long[]>> result = new LinkedHashMap<>();
		this.jdbc.sql(sql).params(params).query((rs) -> {
			result.computeIfAbsent(rs.getLong(1), (k) -> new TreeMap<>())
				.put(rs.getString(2), new long[] { rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6) });
		});
		return result;
	}

	/**
	 * The counts behind each year's status (see {@code YearStatus}), in one query: per
	 * year the unit's communes with figures that year, those with figures that year or
	 * the year before (the communes expected when the year has no review), the households
	 * assessed in the year (aggregates), the unit's communes in the year's review and
	 * those of them done ({@code review_commune_status}, V46); and the active households
	 * of the unit, now and on the reform's eve (V91).
	 * @param communes the unit's communes
	 * @return one row per year: year, communes with the year, communes expected,
	 * assessed, review communes (-1: no review), review communes done (-1: no review),
	 * active households now, active households whose address on the reform's eve was in
	 * the unit
	 */
	public List<long[]> yearCounts(Communes communes) {
		String own = "between " + communes.first() + " and " + communes.last();
		// a year read through the other list (re-based, continued) takes the review
		// status
		// of the communes its households lived in that year
		String sql = "with cs as materialized (select unnest(" + communeIds(communes) + ") as id),"
				+ " ay as materialized (select " + communes.key("a") + " as commune_id, a.commune_id as at, a.year,"
				+ " a.assessed_households from agg_commune_year a where " + communes.key("a")
				+ " in (select id from cs) and " + communes.yearsOf("a") + "),"
				+ " cy as materialized (select commune_id, year, sum(assessed_households) as assessed"
				+ " from ay group by commune_id, year),"
				+ " a as (select y.year, count(distinct c.commune_id) filter (where c.year = y.year) as present,"
				+ " count(distinct c.commune_id) as expected,"
				+ " coalesce(sum(c.assessed) filter (where c.year = y.year), 0) as assessed"
				+ " from (select distinct year from cy) y join cy c on c.year between y.year - 1 and y.year"
				+ " group by y.year),"
				+ " r as (select year, count(*) as communes, count(*) filter (where final) as done"
				+ " from review_commune_status v where (v.commune_id in (select id from cs) and v.year " + own + ")"
				+ " or (v.year not " + own + " and (v.commune_id, v.year) in (select at, year from ay))"
				+ " group by year)," + " t as (select coalesce(sum(active_households), 0) as active,"
				+ " coalesce(sum(eve_households), 0) as eve from agg_refresh where commune_id in (select id from cs))"
				+ " select coalesce(a.year, r.year), coalesce(a.present, 0), coalesce(a.expected, 0),"
				+ " coalesce(a.assessed, 0), coalesce(r.communes, -1), coalesce(r.done, -1), t.active, t.eve"
				+ " from a full join r on r.year = a.year cross join t order by 1";
		return this.jdbc.sql(sql)
			.params(communes.params())
			.query((rs,
					n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
							rs.getLong(6), rs.getLong(7), rs.getLong(8) })
			.list();
	}

	/** Review years with aggregates under a path, oldest first. */
	public List<Integer> years(Communes communes) {
		return this.jdbc.sql("select distinct a.year from agg_commune_year a" + communes.joinWhere("a") + " order by 1")
			.params(communes.params())
			.query(Integer.class)
			.list();
	}

}
