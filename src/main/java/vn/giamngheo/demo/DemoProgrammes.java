package vn.giamngheo.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.giamngheo.demo.DemoProvinces.Province;

/**
 * The demo's programme money and outputs (issue 18, ADR 0050), written in set-based SQL
 * after the province's ledger and models: Lai Châu under GNBV-2016-2020 (2016–2020),
 * Quảng Nam under GNBV-2021-2025 (2021–2025). Per year a province row per project ×
 * source and rows for most communes (one in about thirty entered nothing); plan ≥
 * allocation mostly, disbursement 55–98 % of the allocation (the programme's slow first
 * years lower, a few rows low); in the latest year about one commune in ten waits for
 * approval and a few were returned. Output targets (PLAN) for the outputs counted from
 * the ledger and the models, a little above or below what the ledger holds; entered
 * outputs (ACTUAL) for works built, communication sessions and officers trained. A share
 * of the ledger's housing, training and livelihood records and of the models are linked
 * to their project. Mẫu 01: Quảng Nam's 2024 annual report (a corrected second version)
 * and the communes' H1 2025 reports (a few late, a few missing; a minimal content, see
 * ADR 0050). Every row {@code source_kind = 'DEMO'}; every draw an md5 of the unit, year,
 * node and seed. Year 2025 lives on the units in force after 1 July 2025 once the reform
 * moved the households ({@link #followReform}).
 */
final class DemoProgrammes {

	private static final Logger log = LoggerFactory.getLogger(DemoProgrammes.class);

	static final String OLD = "GNBV-2016-2020";

	static final String NEW = "GNBV-2021-2025";

	/** The first year whose rows live on the units of the 2025 reform. */
	static final int REFORM_YEAR = 2025;

	/** Who entered and who approved the demo rows. */
	static final String ENTERED_BY = "demo";

	static final String DECIDED_BY = "demo-approver";

	private DemoProgrammes() {
	}

	/**
	 * A year of a programme for a province: how much of the usual money and the usual
	 * disbursement rate.
	 */
	record Year(int year, double factor, double rate) {
	}

	/**
	 * The programme years of a demo province: Lai Châu 2016–2020, Quảng Nam 2021–2025
	 * (the 2021–2025 programme was approved in January 2022, so 2021 holds little money,
	 * and 2022 disbursed slowly).
	 */
	static List<Year> years(Province p) {
		if (DemoProvinces.LAI_CHAU.code().equals(p.code())) {
			return List.of(new Year(2016, 0.80, 0.70), new Year(2017, 0.95, 0.75), new Year(2018, 1.00, 0.80),
					new Year(2019, 1.05, 0.85), new Year(2020, 1.10, 0.88));
		}
		return List.of(new Year(2021, 0.20, 0.58), new Year(2022, 0.90, 0.62), new Year(2023, 1.10, 0.74),
				new Year(2024, 1.20, 0.83), new Year(2025, 1.00, 0.86));
	}

	static String programme(Province p) {
		return DemoProvinces.LAI_CHAU.code().equals(p.code()) ? OLD : NEW;
	}

	/**
	 * The money of a unit's own rows in a usual year (VND): the province manages about a
	 * third of the programme's money itself; a commune 0.4–2.7 (Quảng Nam) or 0.7–4.8
	 * (Lai Châu) billion.
	 */
	private static long provinceBase(String programme) {
		return OLD.equals(programme) ? 160_000_000_000L : 110_000_000_000L;
	}

	private static long communeBase(String programme) {
		return OLD.equals(programme) ? 1_600_000_000L : 900_000_000L;
	}

	/**
	 * Project × source shares of a unit's money (programme, node, province row?, source,
	 * share). Central investment for infrastructure and housing, recurrent for the rest,
	 * local counterpart 10–20 %, policy credit for housing, small mobilised amounts.
	 */
	static final String MIX = """
			('GNBV-2021-2025','DA1',true,'CENTRAL_INVESTMENT',0.30), ('GNBV-2021-2025','DA1',true,'LOCAL',0.05),
			('GNBV-2021-2025','DA2',true,'CENTRAL_RECURRENT',0.08), ('GNBV-2021-2025','DA2',true,'BUSINESS',0.01),
			('GNBV-2021-2025','DA3',true,'CENTRAL_RECURRENT',0.08), ('GNBV-2021-2025','DA3',true,'LOCAL',0.03),
			('GNBV-2021-2025','DA4',true,'CENTRAL_RECURRENT',0.10), ('GNBV-2021-2025','DA4',true,'LOCAL',0.02),
			('GNBV-2021-2025','DA5',true,'CENTRAL_INVESTMENT',0.12), ('GNBV-2021-2025','DA5',true,'POLICY_CREDIT',0.10),
			('GNBV-2021-2025','DA5',true,'FUND_FOR_POOR',0.02), ('GNBV-2021-2025','DA5',true,'BUSINESS',0.01),
			('GNBV-2021-2025','DA6',true,'CENTRAL_RECURRENT',0.03), ('GNBV-2021-2025','DA7',true,'CENTRAL_RECURRENT',0.04),
			('GNBV-2021-2025','DA7',true,'LOCAL',0.01),
			('GNBV-2021-2025','DA1',false,'CENTRAL_INVESTMENT',0.35), ('GNBV-2021-2025','DA1',false,'LOCAL',0.06),
			('GNBV-2021-2025','DA2',false,'CENTRAL_RECURRENT',0.12), ('GNBV-2021-2025','DA3',false,'CENTRAL_RECURRENT',0.15),
			('GNBV-2021-2025','DA3',false,'LOCAL',0.02), ('GNBV-2021-2025','DA3',false,'OWN_CONTRIBUTION',0.03),
			('GNBV-2021-2025','DA5',false,'CENTRAL_INVESTMENT',0.14), ('GNBV-2021-2025','DA5',false,'POLICY_CREDIT',0.08),
			('GNBV-2021-2025','DA5',false,'FUND_FOR_POOR',0.03), ('GNBV-2021-2025','DA6',false,'CENTRAL_RECURRENT',0.02),
			('GNBV-2016-2020','DA1',true,'CENTRAL_INVESTMENT',0.30), ('GNBV-2016-2020','DA1',true,'CENTRAL_RECURRENT',0.10),
			('GNBV-2016-2020','DA1',true,'LOCAL',0.05), ('GNBV-2016-2020','DA1',true,'POLICY_CREDIT',0.08),
			('GNBV-2016-2020','DA2',true,'CENTRAL_INVESTMENT',0.20), ('GNBV-2016-2020','DA2',true,'CENTRAL_RECURRENT',0.08),
			('GNBV-2016-2020','DA2',true,'LOCAL',0.03), ('GNBV-2016-2020','DA3',true,'CENTRAL_RECURRENT',0.08),
			('GNBV-2016-2020','DA3',true,'LOCAL',0.02), ('GNBV-2016-2020','DA3',true,'FUND_FOR_POOR',0.01),
			('GNBV-2016-2020','DA4',true,'CENTRAL_RECURRENT',0.02), ('GNBV-2016-2020','DA5',true,'CENTRAL_RECURRENT',0.03),
			('GNBV-2016-2020','DA1',false,'CENTRAL_INVESTMENT',0.30), ('GNBV-2016-2020','DA1',false,'CENTRAL_RECURRENT',0.10),
			('GNBV-2016-2020','DA1',false,'LOCAL',0.04), ('GNBV-2016-2020','DA1',false,'POLICY_CREDIT',0.03),
			('GNBV-2016-2020','DA2',false,'CENTRAL_INVESTMENT',0.25), ('GNBV-2016-2020','DA2',false,'CENTRAL_RECURRENT',0.12),
			('GNBV-2016-2020','DA2',false,'LOCAL',0.03), ('GNBV-2016-2020','DA3',false,'CENTRAL_RECURRENT',0.10),
			('GNBV-2016-2020','DA3',false,'OWN_CONTRIBUTION',0.03)""";

	/**
	 * Ledger policies and the project their support counts for (programme, policy, node):
	 * production and livelihood support (the demo's exit-plan support) for DA3. Models
	 * count for DA3 (replication of models) in 2016–2020 and DA2 (livelihoods and models)
	 * in 2021–2025.
	 */
	static final String LINKS = """
			('GNBV-2016-2020','LIVELIHOOD','DA3'), ('GNBV-2016-2020','EXIT_PLAN_SUPPORT','DA3'),
			('GNBV-2021-2025','LIVELIHOOD','DA3'), ('GNBV-2021-2025','EXIT_PLAN_SUPPORT','DA3'),
			('GNBV-2021-2025','VOCATIONAL_TRAINING','DA4'),
			('GNBV-2021-2025','HOUSING_2021','DA5')""";

	static String modelNode(String programme) {
		return OLD.equals(programme) ? "DA3" : "DA2";
	}

	/**
	 * Entered outputs (programme, node, output, province row?, low, high): works built by
	 * communes, communication sessions and officers trained by the province.
	 */
	static final String ENTERED = """
			('GNBV-2021-2025','DA1','WORKS_BUILT',false,1,4), ('GNBV-2021-2025','DA6','COMMUNICATION_SESSIONS',true,20,60),
			('GNBV-2021-2025','DA7','OFFICERS_TRAINED',true,120,400),
			('GNBV-2016-2020','DA1','WORKS_BUILT',false,1,3), ('GNBV-2016-2020','DA2','WORKS_BUILT',false,1,4),
			('GNBV-2016-2020','DA4','COMMUNICATION_SESSIONS',true,15,45),
			('GNBV-2016-2020','DA5','OFFICERS_TRAINED',true,80,300)""";

	/**
	 * Writes the province's programme rows for its years before the reform (and 2025 on
	 * the units of the load, moved by {@link #followReform} once the households moved).
	 * @param c the load's connection (in its transaction), the ledger and models written
	 * @param p the province
	 * @param seed the demo's seed
	 */
	static void load(Connection c, Province p, long seed) throws SQLException {
		long t = System.nanoTime();
		String programme = programme(p);
		try (Statement st = c.createStatement()) {
			link(st, p, programme, seed);
			for (Year y : years(p)) {
				unitsOfLoad(st, p, programme, y);
			}
			long rows = write(st, programme, seed, years(p).get(years(p).size() - 1).year());
			log.info(String.format(Locale.ROOT, "%s: programme funds, outputs and reports %d rows in %.1f s", p.name(),
					rows, (System.nanoTime() - t) / 1e9));
		}
	}

	/**
	 * After the reform moved the demo's households to the units of 1 July 2025: the rows
	 * of 2025 (funds, outputs, H1 reports) written on the old units are written again on
	 * the new province and communes that hold the households. Nothing to do when the
	 * households have not moved or it was done.
	 * @param st a statement on a connection in a transaction or auto-commit
	 * @return rows written
	 */
	static long followReform(Statement st) throws SQLException {
		Province p = DemoProvinces.QUANG_NAM;
		long seed;
		try (var rs = st.executeQuery("select seed from demo_load where province_code = '" + p.code() + "'")) {
			if (!rs.next()) {
				return 0;
			}
			seed = rs.getLong(1);
		}
		String old = "select id from admin_unit where province_code = '" + p.code()
				+ "' and valid_to < date '2025-07-01'";
		boolean onOldUnits = exists(st, "select 1 from programme_fund where source_kind = 'DEMO' and year = "
				+ REFORM_YEAR + " and unit_id in (" + old + ")");
		String newProvince = "(select province_code from household where synthetic and province_code <> '" + p.code()
				+ "' and province_code <> '" + DemoProvinces.LAI_CHAU.code()
				+ "' and commune_id in (select id from admin_unit where valid_from >= date '2025-07-01') limit 1)";
		if (!onOldUnits || !exists(st, "select 1 where " + newProvince + " is not null")) {
			return h1Reports(st, seed);
		}
		Connection c = st.getConnection();
		boolean autoCommit = c.getAutoCommit();
		c.setAutoCommit(false);
		try {
			long rows = rewrite2025(st, seed, p, old, newProvince);
			rows += h1Reports(st, seed);
			c.commit();
			return rows;
		}
		catch (SQLException ex) {
			c.rollback();
			throw ex;
		}
		finally {
			c.setAutoCommit(autoCommit);
		}
	}

	private static long rewrite2025(Statement st, long seed, Province p, String old, String newProvince)
			throws SQLException {
		for (String table : List.of("programme_fund", "programme_output", "programme_report")) {
			st.executeUpdate("delete from " + table + " where source_kind = 'DEMO' and year = " + REFORM_YEAR
					+ " and unit_id in (" + old + ")");
		}
		Year year = years(p).get(years(p).size() - 1);
		createUnits(st);
		st.executeUpdate(units(NEW, year, """
				select u.id, u.path, u.province_code, true from admin_unit u
				where u.level = 'province' and u.code = {np} and u.valid_from >= date '2025-07-01'
				union all
				select c.id, c.path, c.province_code, false from admin_unit c
				where c.level = 'commune' and c.valid_from >= date '2025-07-01'
				  and exists (select 1 from household h where h.commune_id = c.id and h.synthetic)
				  and c.province_code = {np}""".replace("{np}", newProvince)));
		return write(st, NEW, seed, year.year());
	}

	/**
	 * The communes' H1 2025 Mẫu 01 reports (due 15 working days after 30/06/2025:
	 * 21/07/2025), written once the 2025 rows are on the units that report them: after
	 * the reform, the new communes (a submitted report is frozen: it cannot be moved or
	 * deleted). Most on time, about one in ten late, about one in twelve missing; a
	 * commune that has its report keeps it.
	 */
	private static long h1Reports(Statement st, long seed) throws SQLException {
		String sql = """
				insert into programme_report (province_code, unit_id, unit_path, programme_code, form, year, period, version,
				    status, due_on, narrative, content, reason, supersedes, prepared_by, prepared_at, submitted_by,
				    submitted_at, source_kind)
				select u.province_code, u.unit_id, u.path, u.programme, 'MAU01', 2025, 'H1', 1, 'SUBMITTED', date '2025-07-21',
				       '{}'::jsonb, jsonb_build_object('demo', true, 'note', 'Nội dung tối giản của dữ liệu demo',
				           'allocatedVnd', u.allocated, 'disbursedVnd', u.disbursed),
				       null, null, '{by}', s.at - interval '2 days', '{by}', s.at, 'DEMO'
				from (select f.unit_id, f.unit_path as path, f.province_code, f.programme_code as programme,
				             sum(f.allocated_vnd) filter (where f.status = 'APPROVED') as allocated,
				             sum(f.disbursed_vnd) filter (where f.status = 'APPROVED') as disbursed,
				             md5(f.unit_id || ':2025:{seed}') as uh
				      from programme_fund f join admin_unit a on a.id = f.unit_id and a.level = 'commune'
				      where f.source_kind = 'DEMO' and f.year = 2025 and f.in_programme and f.programme_code = '{prog}'
				        and not exists (select 1 from programme_report r where r.unit_id = f.unit_id and r.year = 2025
				                        and r.period = 'H1' and r.programme_code = f.programme_code)
				      group by 1, 2, 3, 4) u
				cross join lateral (select (case when {uh1} < 0.10 then date '2025-07-25' + floor({uh3} * 20)::int
				    else date '2025-07-08' + floor({uh3} * 13)::int end + time '14:00') at time zone 'Asia/Ho_Chi_Minh' as at) s
				where {uh2} >= 0.08"""
			.replace("{by}", ENTERED_BY)
			.replace("{seed}", Long.toString(seed))
			.replace("{prog}", NEW);
		return Math.max(0, st.executeUpdate(DemoSupport.draws(sql, new String[][] { { "uh", "u.uh" } })));
	}

	private static boolean exists(Statement st, String sql) throws SQLException {
		try (var rs = st.executeQuery(sql)) {
			return rs.next();
		}
	}

	/**
	 * Links a share (about three in four) of the province's ledger records of the linked
	 * policies in the programme's years, and of its models started then, to their
	 * project.
	 */
	private static void link(Statement st, Province p, String programme, long seed) throws SQLException {
		List<Year> ys = years(p);
		String from = Integer.toString(ys.get(0).year());
		String to = Integer.toString(ys.get(ys.size() - 1).year());
		st.executeUpdate("""
				update benefit_record r set programme_code = l.programme, programme_node = l.node
				from (values {links}) as l (programme, policy, node)
				where r.province_code = '{pc}' and r.created_by = 'demo' and r.policy_code = l.policy
				  and l.programme = '{prog}' and r.programme_code is null
				  and extract(year from coalesce(r.delivered_on, r.period_from)) between {from} and {to}
				  and {draw} < 0.75""".replace("{links}", LINKS)
			.replace("{draw}",
					DemoSupport.draw("md5(r.household_id::text || coalesce(r.member_id::text, '') || r.policy_code"
							+ " || r.period_from || ':" + seed + "')", 0))
			.replace("{pc}", p.code())
			.replace("{prog}", programme)
			.replace("{from}", from)
			.replace("{to}", to));
		st.executeUpdate("""
				update poverty_model m set programme_code = '{prog}', programme_node = '{node}'
				where m.province_code = '{pc}' and m.source = 'DEMO' and not m.voided and m.programme_code is null
				  and extract(year from m.started_on) between {from} and {to} and {draw} < 0.8"""
			.replace("{draw}", DemoSupport.draw("md5(m.name || m.started_on || m.owner_unit_id || ':" + seed + "')", 0))
			.replace("{prog}", programme)
			.replace("{node}", modelNode(programme))
			.replace("{pc}", p.code())
			.replace("{from}", from)
			.replace("{to}", to));
	}

	private static void createUnits(Statement st) throws SQLException {
		st.execute("drop table if exists dp_unit");
		st.execute("""
				create temp table dp_unit (unit_id bigint, path text, province_code text, is_province boolean,
				    year int, programme text, factor float8, rate float8) on commit drop""");
	}

	/**
	 * The province and the communes holding the demo's households on the load's units.
	 */
	private static void unitsOfLoad(Statement st, Province p, String programme, Year y) throws SQLException {
		if (y.year() == years(p).get(0).year()) {
			createUnits(st);
		}
		st.executeUpdate(units(programme, y,
				"""
						select u.id, u.path, u.province_code, true from admin_unit u
						where u.level = 'province' and u.code = '{pc}' and u.valid_from <= make_date({y}, 1, 1)
						  and (u.valid_to is null or u.valid_to >= make_date({y}, 1, 1))
						union all
						select c.id, c.path, c.province_code, false from admin_unit c
						where c.level = 'commune' and c.province_code = '{pc}'
						  and exists (select 1 from household h where h.commune_id = c.id and h.synthetic)"""
					.replace("{pc}", p.code())
					.replace("{y}", Integer.toString(y.year()))));
	}

	private static String units(String programme, Year y, String select) {
		return "insert into dp_unit select s.*, " + y.year() + ", '" + programme + "', " + y.factor() + ", " + y.rate()
				+ " from (" + select + ") s";
	}

	/** Writes funds, outputs and reports of the units in dp_unit. */
	private static long write(Statement st, String programme, long seed, int latest) throws SQLException {
		List<String> sql = new ArrayList<>();
		// per unit-year: uh (status, lateness, size), and whether the commune entered
		// nothing at all (the same draw every year)
		sql.add("""
				create temp table dp_u on commit drop as
				select u.*, md5(u.unit_id || ':' || u.year || ':{seed}') as uh, md5(u.unit_id || ':none:{seed}') as nh,
				       u.year = {latest} as latest
				from dp_unit u""");
		sql.add("delete from dp_u u where not u.is_province and {nh0} < 0.035");
		sql.add("""
				create temp table dp_f on commit drop as
				select u.*, m.node, m.source, md5(u.unit_id || ':' || u.year || ':' || m.node || ':' || m.source || ':{seed}') as fh,
				       (case when u.is_province then {pbase} else {cbase} * (0.4 + 2.6 * {uh2} * {uh2}) end)
				           * u.factor * m.share as money
				from dp_u u join (values {mix}) as m (programme, node, province, source, share)
				  on m.programme = u.programme and m.province = u.is_province
				where m.share >= 0.05 or {nh1} < 0.8""");
		String status = """
				case when latest and not is_province and {uh0} < 0.10 then 'ENTERED'
				     when latest and not is_province and {uh0} < 0.13 then 'RETURNED' else 'APPROVED' end""";
		String entered = """
				(case when {uh1} < 0.08 then make_date(year + 1, 3, 1) + floor({uh3} * 30)::int
				      else make_date(year, 11, 15) + floor({uh3} * 45)::int end)::timestamp
				    at time zone 'Asia/Ho_Chi_Minh'""";
		String decided = """
				case when s.status = 'ENTERED' then null else '{by}' end, case when s.status = 'ENTERED' then null
				    else s.entered_at + (3 + floor({uh3} * 15)::int) * interval '1 day' end,
				case when s.status = 'RETURNED' then 'Số giải ngân chưa khớp với số liệu Kho bạc; đề nghị đối chiếu và nhập lại.' end"""
			.replace("{by}", DECIDED_BY);
		sql.add("""
				insert into programme_fund (province_code, unit_id, unit_path, year, programme_code, programme_node, source,
				    planned_vnd, allocated_vnd, disbursed_vnd, comment, status, entered_by, entered_at, decided_by, decided_at,
				    decision_note, source_kind)
				select s.province_code, s.unit_id, s.path, s.year, s.programme, s.node, s.source, s.planned, s.allocated,
				       (floor(s.allocated * s.drate / 1000000) * 1000000)::bigint,
				       case when s.drate < 0.5 then 'Giải ngân chậm: công trình chưa nghiệm thu, hồ sơ thanh toán chưa đủ.' end,
				       s.status, '{entered_by}', s.entered_at, {decided}, 'DEMO'
				from (select f.*, a.planned, a.allocated,
				             greatest(0.3, least(0.98, (f.rate + 0.26 * ({fh1} - 0.5)) * case when {fh2} < 0.06 then 0.55 else 1 end))
				                 as drate,
				             {status} as status, {entered} as entered_at
				      from dp_f f
				      cross join lateral (select (round(f.money * (0.75 + 0.5 * {fh0}) / 1000000) * 1000000)::bigint as planned) p
				      cross join lateral (select (round(p.planned * case when {fh3} < 0.06 then 1.04 else 0.9 + 0.1 * {fh1} end
				          / 1000000) * 1000000)::bigint as allocated, p.planned) a
				      where p.planned > 0) s"""
			.replace("{status}", status)
			.replace("{entered}", entered)
			.replace("{decided}", decided)
			.replace("{entered_by}", ENTERED_BY));
		// PLAN targets of the counted outputs: around what the commune's linked ledger
		// records and models hold for the year
		sql.add("""
				create temp table dp_count on commit drop as
				select r.commune_id as unit_id, extract(year from coalesce(r.delivered_on, r.period_from))::int as year,
				       r.programme_node as node, o.output,
				       case o.output when 'PEOPLE_TRAINED' then count(distinct r.member_id)
				           when 'HOUSES_BUILT' then count(*) else count(distinct r.household_id) end as n
				from benefit_record r cross join lateral (select case r.policy_code when 'HOUSING_2021' then 'HOUSES_BUILT'
				    when 'VOCATIONAL_TRAINING' then 'PEOPLE_TRAINED' else 'HOUSEHOLDS_SUPPORTED' end as output) o
				where r.commune_id in (select unit_id from dp_u where not is_province)
				  and r.programme_code = '{programme}' and not r.voided
				group by 1, 2, 3, 4
				union all
				select u.unit_id, u.year, m.programme_node, 'MODELS', count(*)
				from dp_u u join poverty_model m on m.owner_unit_id = u.unit_id and m.programme_code = u.programme
				where not u.is_province and not m.voided and m.started_on <= make_date(u.year, 12, 31)
				  and (m.ended_on is null or m.ended_on >= make_date(u.year, 1, 1))
				group by 1, 2, 3""");
		String outputInsert = """
				insert into programme_output (province_code, unit_id, unit_path, year, programme_code, programme_node,
				    output_code, kind, value, status, entered_by, entered_at, decided_by, decided_at, decision_note, source_kind)
				select s.province_code, s.unit_id, s.path, s.year, s.programme, s.node, s.output, s.kind, s.value, s.status,
				       '{entered_by}', s.entered_at, {decided}, 'DEMO'
				from (select u.*, o.node, o.output, o.kind, o.value, {status} as status, {entered} as entered_at
				      from dp_u u join ({rows}) o (ounit, oyear, node, output, kind, value)
				        on o.ounit = u.unit_id and o.oyear = u.year) s"""
			.replace("{status}", status)
			.replace("{entered}", entered)
			.replace("{decided}", decided)
			.replace("{entered_by}", ENTERED_BY);
		sql.add(outputInsert.replace("{rows}",
				"""
						select k.unit_id, k.year, k.node, k.output, 'PLAN' as kind,
						       greatest(1, round(k.n * (0.88 + 0.27 * {kh0})))::bigint as value
						from dp_count k cross join lateral (select md5(k.unit_id || ':' || k.year || ':' || k.output || ':{seed}') as kh) z
						where k.n > 0"""));
		// entered outputs (ACTUAL) and their targets
		sql.add("""
				create temp table dp_entered on commit drop as
				select u.unit_id, u.year, e.node, e.output,
				       (e.low + floor({eh0} * (e.high - e.low + 1)) * u.factor)::bigint as actual, {eh1} as d
				from dp_u u join (values {entered}) as e (programme, node, output, province, low, high)
				  on e.programme = u.programme and e.province = u.is_province
				cross join lateral (select md5(u.unit_id || ':' || u.year || ':' || e.output || ':' || e.node || ':{seed}') as eh) z"""
			.replace("{entered}", ENTERED)
			.replace("{eh0}", DemoSupport.draw("z.eh", 0))
			.replace("{eh1}", DemoSupport.draw("z.eh", 1)));
		sql.add(outputInsert.replace("{rows}", """
				select unit_id, year, node, output, 'ACTUAL' as kind, actual as value from dp_entered where actual > 0
				union all
				select unit_id, year, node, output, 'PLAN', greatest(1, round(actual * (0.9 + 0.3 * d)))::bigint
				from dp_entered"""));
		sql.addAll(reports(programme));
		long rows = 0;
		for (String statement : sql) {
			String s = DemoSupport.draws(
					statement.replace("{seed}", Long.toString(seed))
						.replace("{latest}", Integer.toString(latest))
						.replace("{mix}", MIX)
						.replace("{pbase}", Long.toString(provinceBase(programme)))
						.replace("{cbase}", Long.toString(communeBase(programme))),
					new String[][] { { "uh", "uh" }, { "nh", "nh" }, { "fh", "fh" }, { "kh", "z.kh" } });
			rows += Math.max(0, st.executeUpdate(s));
		}
		for (String table : List.of("dp_u", "dp_f", "dp_count", "dp_entered", "dp_unit")) {
			st.execute("drop table " + table);
		}
		return rows;
	}

	/**
	 * Mẫu 01: Quảng Nam's (the province's) annual report of 2024, submitted and corrected
	 * by a second version with its reason (the communes' H1 2025 reports are written by
	 * {@link #followReform}, on the units that report them). The content is minimal (the
	 * funds of the unit's subtree for the year at submission), since the reports part
	 * builds the real content.
	 */
	private static List<String> reports(String programme) {
		if (!NEW.equals(programme)) {
			return List.of();
		}
		String content = """
				jsonb_build_object('demo', true, 'note', 'Nội dung tối giản của dữ liệu demo',
				    'allocatedVnd', (select coalesce(sum(f.allocated_vnd), 0) from programme_fund f
				        where f.unit_path like u.path || '%' and f.year = u.year and f.status = 'APPROVED'),
				    'disbursedVnd', (select coalesce(sum(f.disbursed_vnd), 0) from programme_fund f
				        where f.unit_path like u.path || '%' and f.year = u.year and f.status = 'APPROVED'))""";
		String columns = """
				insert into programme_report (province_code, unit_id, unit_path, programme_code, form, year, period, version,
				    status, due_on, narrative, content, reason, supersedes, prepared_by, prepared_at, submitted_by,
				    submitted_at, source_kind)""";
		String annual = columns + """
				select u.province_code, u.unit_id, u.path, u.programme, 'MAU01', 2024, 'YEAR', 1, 'SUPERSEDED',
				       date '2024-11-30', '{}'::jsonb, {content}, null, null, '{by}', timestamptz '2024-11-20 09:00+07',
				       '{by}', timestamptz '2024-11-25 15:30+07', 'DEMO'
				from dp_u u where u.is_province and u.year = 2024""";
		String corrected = columns
				+ """
						select v.province_code, v.unit_id, v.unit_path, v.programme_code, 'MAU01', 2024, 'YEAR', 2, 'SUBMITTED',
						       v.due_on, v.narrative, v.content, 'Bổ sung số giải ngân Dự án 5 theo số liệu Kho bạc Nhà nước tháng 11/2024',
						       v.id, '{by}', timestamptz '2024-12-03 08:30+07', '{by}', timestamptz '2024-12-05 10:00+07', 'DEMO'
						from programme_report v where v.source_kind = 'DEMO' and v.year = 2024 and v.period = 'YEAR' and v.version = 1
						  and v.unit_id in (select unit_id from dp_u where is_province and year = 2024)""";
		return List.of(annual, corrected)
			.stream()
			.map((s) -> s.replace("{content}", content).replace("{by}", ENTERED_BY))
			.toList();
	}

}
