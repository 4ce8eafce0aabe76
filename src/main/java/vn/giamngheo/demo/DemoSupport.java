package vn.giamngheo.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.giamngheo.benefits.SupportPolicy;
import vn.giamngheo.demo.DemoProvinces.Province;

/**
 * The demo's support history of one province, written in the load's transaction once its
 * assessments exist: Phiếu C-like demand (support_demand) and the benefit ledger
 * (benefit_record), set-based SQL over the poor and near-poor household-years. The list
 * recognised on 15/12 of review year N is the list of support year N + 1; demand is
 * registered on the recognition day. Every draw is an md5 of the (deterministic)
 * household or member id, the year and the seed, so the same seed and size give the same
 * history. Coverage is deliberately imperfect (ADR 0039): loans for about 85 % of the
 * household-years with a loan demand, health-insurance cards for about 98 % of members,
 * training for about 68 % of the people who asked, housing for about 88 % of the approved
 * cases, exit-plan support for about 90 % of the approved exit plans (DemoExits).
 */
final class DemoSupport {

	private static final Logger log = LoggerFactory.getLogger(DemoSupport.class);

	/** The demo's current year: support recorded up to {@link #PARTIAL_CUTOFF}. */
	static final int PARTIAL_YEAR = 2026;

	/** The last day of the partial year on which support was delivered. */
	static final LocalDate PARTIAL_CUTOFF = LocalDate.of(PARTIAL_YEAR, 6, 30);

	/** Who wrote the demo rows (created_by). */
	static final String BY = "demo";

	private DemoSupport() {
	}

	/** The support years of a province: Lai Châu 2016–2020, Quảng Nam 2017–2026. */
	static int firstSupportYear(Province p) {
		return p.firstYear() + 1;
	}

	static int lastSupportYear(Province p) {
		return DemoProvinces.LAI_CHAU.code().equals(p.code()) ? 2020 : PARTIAL_YEAR;
	}

	/** What was written for one province. */
	record Counts(long demands, long records, double seconds) {
	}

	/**
	 * Writes the province's demand and ledger rows.
	 * @param c the load's connection (in its transaction)
	 * @param p the province, its assessments written
	 * @param seed the demo's seed
	 * @param policies every version of every support policy (version and agency come from
	 * the version in force on the day of the support)
	 */
	static Counts load(Connection c, Province p, long seed, List<SupportPolicy> policies) throws SQLException {
		long t = System.nanoTime();
		policyTable(c, "ds_policy", policies);
		long[] counts = new long[2];
		try (Statement st = c.createStatement()) {
			for (String sql : statements(p, seed)) {
				st.execute(sql);
			}
			counts[0] = count(st, "select count(*) from ds_dem");
			counts[1] = count(st, "select count(*) from ds_rec r where r.insertable");
			for (String table : List.of("ds_rec", "ds_dem", "ds_hy", "ds_policy")) {
				st.execute("drop table " + table);
			}
		}
		double seconds = (System.nanoTime() - t) / 1e9;
		log.info(String.format(Locale.ROOT, "%s: support history %d demands, %d ledger rows in %.1f s", p.name(),
				counts[0], counts[1], seconds));
		return new Counts(counts[0], counts[1], seconds);
	}

	/**
	 * Creates a temporary table
	 * {@code name (code, version, agency, valid_from, valid_to)} (dropped on commit): one
	 * version of a policy in force on a day.
	 * @param policies every version of every support policy, by code then version
	 */
	static void policyTable(Connection c, String name, List<SupportPolicy> policies) throws SQLException {
		try (Statement st = c.createStatement()) {
			st.execute("create temp table " + name + " (code text, version int, agency text, valid_from date,"
					+ " valid_to date) on commit drop");
		}
		try (PreparedStatement ps = c.prepareStatement("insert into " + name + " values (?, ?, ?, ?, ?)")) {
			// by code then version: a later version ends the earlier one, so one version
			// is in force on a day
			for (int k = 0; k < policies.size(); k++) {
				SupportPolicy policy = policies.get(k);
				LocalDate to = (policy.validTo() != null) ? policy.validTo() : LocalDate.of(9999, 12, 31);
				if (k + 1 < policies.size() && policies.get(k + 1).code().equals(policy.code())
						&& policies.get(k + 1).validFrom().isBefore(to.plusDays(1))) {
					to = policies.get(k + 1).validFrom().minusDays(1);
				}
				ps.setString(1, policy.code());
				ps.setInt(2, policy.version());
				ps.setString(3, policy.agency());
				ps.setObject(4, policy.validFrom());
				ps.setObject(5, to);
				ps.addBatch();
			}
			ps.executeBatch();
		}
	}

	private static long count(Statement st, String sql) throws SQLException {
		try (var rs = st.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/**
	 * A draw in [0, 1) from 7 hex digits (28 bits) of an md5 column: slots 0–3 of one
	 * hash are independent.
	 */
	static String draw(String md5Column, int slot) {
		return "(('x' || substr(" + md5Column + ", " + (1 + 7 * slot) + ", 7))::bit(28)::int / 268435456.0)";
	}

	/**
	 * The draws a statement names: {hy0}–{hy3}, {hh0}–{hh3}, {dx0}–{dx3}, {mh0}–{mh3},
	 * {ph0}–{ph3}.
	 */
	private static String draws(String sql) {
		return draws(sql, DRAW_SOURCES);
	}

	/**
	 * Replaces the draw tokens {@code {name0}}–{@code {name3}} of each source
	 * {@code {name, md5 column}} by a draw of that column.
	 */
	static String draws(String sql, String[][] sources) {
		String out = sql;
		for (String[] source : sources) {
			for (int slot = 0; slot < 4; slot++) {
				out = out.replace("{" + source[0] + slot + "}", draw(source[1], slot));
			}
		}
		return out;
	}

	/**
	 * Token → md5 column: the household-year, the household, the demand, the member-year
	 * and the pupil-year hashes.
	 */
	private static final String[][] DRAW_SOURCES = { { "hy", "b.hy" }, { "hh", "b.hh" }, { "dx", "d.dh" },
			{ "mh", "q.mh" }, { "ph", "q.ph" } };

	/** A day of a year drawn from a slot: from {@code fromDay} (day of year, 0-based). */
	static String dayIn(String year, String md5Column, int slot, int fromDay, int span) {
		return "(make_date(" + year + ", 1, 1) + " + fromDay + " + floor(" + draw(md5Column, slot) + " * " + span
				+ ")::int)";
	}

	static List<String> statements(Province p, long seed) {
		String s = Long.toString(seed);
		String cutoff = "date '" + PARTIAL_CUTOFF + "'";
		String partial = Integer.toString(PARTIAL_YEAR);
		String last = Integer.toString(lastSupportYear(p));
		// the poor and near-poor household-years; y is the support year (list year + 1)
		String base = """
				create temp table ds_hy on commit drop as
				select a.household_id as hid, h.province_code as pc, h.commune_id, a.year + 1 as y,
				       a.classification as cls, a.decision_date as rec, 'HQU' = any(a.deprivations) as bad_house,
				       md5(a.household_id::text || ':' || (a.year + 1) || ':{seed}') as hy,
				       md5(a.household_id::text || ':{seed}') as hh,
				       lpad(((('x' || substr(md5(a.household_id::text), 1, 7))::bit(28)::int) % 1000000)::text, 6, '0')
				           as hno
				from household_assessment a join household h on h.id = a.household_id
				where h.province_code = '{pc}' and h.synthetic and a.source = 'DEMO'
				  and a.classification in ('POOR', 'NEAR_POOR') and a.year + 1 between {first} and {last}"""
			.replace("{first}", Integer.toString(firstSupportYear(p)))
			.replace("{last}", last);
		String demand = """
				create temp table ds_dem (id uuid not null, hid uuid not null, mid uuid, kind text not null,
				    policy_code text, purpose text, amount bigint, reg date not null, y int not null,
				    lasting boolean not null, dh text generated always as (md5(id::text)) stored) on commit drop""";
		// LOAN: about 60 % of household-years (a household's own propensity and the
		// year's)
		String loans = """
				insert into ds_dem
				select md5(hid::text || ':LOAN:' || y || ':{seed}')::uuid, hid, null, 'LOAN', null,
				       (array['Vay vốn chăn nuôi bò sinh sản', 'Vay vốn chăn nuôi lợn', 'Vay vốn trồng keo',
				              'Vay vốn trồng lúa, hoa màu', 'Vay vốn buôn bán nhỏ', 'Vay vốn nuôi trồng thủy sản',
				              'Vay vốn làm dịch vụ sửa chữa xe máy'])[1 + floor({hy3} * 7)::int],
				       (20 + 5 * floor({hy2} * 17)::bigint) * 1000000, rec, y, false
				from ds_hy b where {hh0} < 0.5 or {hy0} < 0.2""";
		// VOCATIONAL_TRAINING: one working-age (16–45) member of about 30 % of poor
		// households
		String training = """
				insert into ds_dem
				select distinct on (b.hid, b.y) md5(m.id::text || ':VT:' || b.y || ':{seed}')::uuid, b.hid, m.id,
				       'VOCATIONAL_TRAINING', null,
				       (array['Học nghề may công nghiệp', 'Học nghề sửa chữa máy nông nghiệp', 'Học nghề chăn nuôi thú y',
				              'Học nghề xây dựng', 'Học nghề trồng nấm', 'Học nghề điện dân dụng'])[1 + floor({hy1} * 6)::int],
				       null, b.rec, b.y, false
				from ds_hy b join member m on m.household_id = b.hid and not m.voided
				where b.cls = 'POOR' and {hy1} < 0.3
				  and b.y - extract(year from m.date_of_birth) between 16 and 45
				order by b.hid, b.y, md5(m.id::text || ':{seed}')""";
		// HOUSING: one case per household and programme, the first year with a housing
		// deprivation (Decision 33/2015: poor households 2016–2020; Project 5: poor and
		// near-poor 2022–2025), about 90 % of those households ask
		String housing = """
				insert into ds_dem
				select distinct on (hid, programme) md5(hid::text || ':HOUSING:' || programme || ':{seed}')::uuid, hid,
				       null, 'HOUSING', programme,
				       case when programme = 'HOUSING_2016' then 'Vay vốn làm nhà ở (Quyết định 33/2015/QĐ-TTg)'
				            when {hh2} < 0.7 then 'Xây mới nhà ở' else 'Sửa chữa nhà ở' end,
				       null, rec, y, true
				from (select b.*, case when b.y <= 2020 then 'HOUSING_2016' else 'HOUSING_2021' end as programme
				      from ds_hy b where b.bad_house and {hh1} < 0.9
				        and ((b.y <= 2020 and b.cls = 'POOR') or b.y between 2022 and 2025)) b
				order by hid, programme, y""";
		// EXIT_PLAN: the exit-plan support a demo exit plan approved for the support year
		// needs (DemoExits, written before): registered with the plan
		String exitPlans = """
				insert into ds_dem
				select md5(e.id::text || ':EXIT_PLAN:{seed}')::uuid, e.household_id, null, 'EXIT_PLAN',
				       'EXIT_PLAN_SUPPORT', 'Kinh phí thực hiện kế hoạch thoát nghèo của hộ', n.amount_vnd,
				       e.registered_on, e.target_year, true
				from exit_plan e join exit_plan_need n on n.plan_id = e.id and n.policy_code = 'EXIT_PLAN_SUPPORT'
				where e.province_code = '{pc}' and e.source = 'DEMO' and e.status = 'APPROVED'
				  and e.target_year between {first} and {last}""".replace("{first}",
				Integer.toString(firstSupportYear(p)));
		String records = """
				create temp table ds_rec (id uuid not null, hid uuid not null, mid uuid, code text not null,
				    day date not null, period_from date not null, period_to date not null, amount bigint not null,
				    local_vnd bigint not null default 0, credit_vnd bigint not null default 0,
				    mobilised_vnd bigint not null default 0, own_vnd bigint not null default 0, status text not null,
				    decision_no text, decision_date date, delivered_on date, valid_from date, valid_to date,
				    partner_ref text, evidence text, demand_id uuid, insertable boolean not null default true)
				    on commit drop""";
		// loans: about 85 % of the loan demands; a 3-year term; repaid (CLOSED), late
		// (OVERDUE) or running
		String loanRecords = """
				insert into ds_rec (id, hid, code, day, period_from, period_to, amount, credit_vnd, status,
				    decision_no, decision_date, delivered_on, partner_ref, evidence, demand_id)
				select md5(d.id::text || ':rec')::uuid, d.hid, case b.cls when 'POOR' then 'LOAN_POOR' else 'LOAN_NEAR_POOR' end,
				       q.day, q.day, (q.day + interval '36 months')::date - 1, d.amount, d.amount,
				       case when b.y = {partial} and q.day > {cutoff} then 'APPROVED'
				            when q.day + interval '36 months' < date '{partial}-07-01' and {dx1} < 0.9 then 'CLOSED'
				            when q.day + interval '12 months' < date '{partial}-07-01' and {dx1} > 0.94 then 'OVERDUE'
				            else 'DELIVERED' end,
				       lpad((1 + floor({dx2} * 9000))::text, 4, '0') || '/NHCS-TD', q.day - 7,
				       case when b.y = {partial} and q.day > {cutoff} then null else q.day end,
				       'HĐTD ' || '{pc}' || lpad((1 + floor({dx2} * 90))::text, 2, '0') || '-' || b.y || '-' || b.hno,
				       'Khế ước nhận nợ, sổ vay vốn', d.id
				from ds_dem d join ds_hy b on b.hid = d.hid and b.y = d.y
				cross join lateral (select {day} as day) q
				where d.kind = 'LOAN' and {dx0} < 0.85"""
			.replace("{day}", dayIn("b.y", "d.dh", 3, 20, 300));
		// health-insurance cards: about 98 % of the members of poor and near-poor
		// households,
		// valid for the calendar year; premium 4.5 % of the base salary × 12
		String cards = """
				insert into ds_rec (id, hid, mid, code, day, period_from, period_to, amount, local_vnd, own_vnd,
				    status, decision_no, decision_date, delivered_on, valid_from, valid_to, partner_ref, evidence)
				select md5(m.id::text || ':HI:' || b.y || ':{seed}')::uuid, b.hid, m.id,
				       case b.cls when 'POOR' then 'HI_POOR' else 'HI_NEAR_POOR' end,
				       make_date(b.y, 1, 1), make_date(b.y, 1, 1), make_date(b.y, 12, 31), q.premium,
				       case b.cls when 'POOR' then q.premium * 3 / 10 else q.premium * 2 / 10 end,
				       case b.cls when 'POOR' then 0 else q.premium * 3 / 10 end,
				       case when b.y < {partial} then 'CLOSED' else 'DELIVERED' end,
				       (100 + floor({mh1} * 800)::int) || '/QĐ-UBND', b.rec + 5,
				       make_date(b.y, 1, 2) + floor({mh1} * 40)::int, make_date(b.y, 1, 1), make_date(b.y, 12, 31),
				       case b.cls when 'POOR' then 'HN2' else 'CN3' end || '{pc}' || '{pc}'
				           || lpad(floor({mh2} * 1e4)::text, 4, '0') || lpad(floor({mh3} * 1e4)::text, 4, '0'),
				       'Danh sách cấp thẻ BHYT của BHXH huyện'
				from ds_hy b join member m on m.household_id = b.hid and not m.voided and m.date_of_birth <= b.rec
				cross join lateral (select md5(m.id::text || ':' || b.y || ':{seed}') as mh,
				    round(0.045 * 12 * case when b.y <= 2017 then 1210000 when b.y = 2018 then 1300000
				        when b.y = 2019 then 1390000 when b.y <= 2023 then 1490000 when b.y = 2024 then 1800000
				        else 2340000 end)::bigint as premium) q
				where {mh0} < 0.98""";
		// training: about 68 % of the people who asked; a course of 2–4 million
		String trainingRecords = """
				insert into ds_rec (id, hid, mid, code, day, period_from, period_to, amount, local_vnd, status,
				    decision_no, decision_date, delivered_on, partner_ref, evidence, demand_id)
				select md5(d.id::text || ':rec')::uuid, d.hid, d.mid, 'VOCATIONAL_TRAINING', q.day, q.day,
				       q.day + 90, (2000000 + 500000 * floor({dx1} * 5))::bigint,
				       (2000000 + 500000 * floor({dx1} * 5))::bigint / 5,
				       case when d.y = {partial} and q.day > {cutoff} then 'APPROVED'
				            when q.day + 90 < date '{partial}-07-01' then 'CLOSED' else 'DELIVERED' end,
				       (100 + floor({dx2} * 800)::int) || '/QĐ-UBND', q.day - 10,
				       case when d.y = {partial} and q.day > {cutoff} then null else q.day end,
				       (array['Trung tâm GDNN-GDTX huyện', 'Trường Cao đẳng nghề tỉnh', 'Trung tâm Dịch vụ việc làm tỉnh',
				              'Hợp tác xã nông nghiệp (lớp tại xã)'])[1 + floor({dx2} * 4)::int],
				       d.purpose, d.id
				from ds_dem d cross join lateral (select {day} as day) q
				where d.kind = 'VOCATIONAL_TRAINING' and {dx0} < 0.68"""
			.replace("{day}", dayIn("d.y", "d.dh", 3, 60, 240));
		// housing: every approved case has a record; about 88 % are built (the year of
		// the case or the next, within the programme), the others stay APPROVED. Decision
		// 33/2015 is a 25 million loan; Project 5 is 40 million new, 20 million repair
		// (central budget), with the household's own work on top
		String housingRecords = """
				insert into ds_rec (id, hid, code, day, period_from, period_to, amount, credit_vnd, status, decision_no,
				    decision_date, delivered_on, partner_ref, evidence, demand_id)
				select md5(d.id::text || ':rec')::uuid, d.hid, d.policy_code, q.day, q.day, q.day + 180, q.amount,
				       case when d.policy_code = 'HOUSING_2016' then q.amount else 0 end,
				       case when not q.built then 'APPROVED' when q.day + 180 < date '{partial}-07-01' then 'CLOSED'
				            else 'DELIVERED' end,
				       (100 + floor({dx2} * 800)::int) || '/QĐ-UBND', q.day - 20, case when q.built then q.day end,
				       'Biên bản nghiệm thu nhà ở', d.purpose, d.id
				from ds_dem d cross join lateral (select {day} + case when {dx3} < 0.25 then 365 else 0 end as raw,
				    case d.policy_code when 'HOUSING_2016' then date '2020-12-31' else date '2025-12-31' end as last) r
				cross join lateral (select least(r.raw, r.last) as day, {dx0} < 0.885 and r.raw <= r.last as built,
				    case when d.policy_code = 'HOUSING_2016' then 25000000 when d.purpose = 'Xây mới nhà ở' then 40000000
				         else 20000000 end::bigint as amount) q
				where d.kind = 'HOUSING'"""
			.replace("{day}", dayIn("d.y", "d.dh", 1, 60, 240));
		// exit-plan funding: about 90 % of the approved plans, delivered from mid-June to
		// the end of October of the plan's year, after the approval and before the review
		// (local budget, Fund for the Poor, the central rest)
		String exitRecords = """
				insert into ds_rec (id, hid, code, day, period_from, period_to, amount, local_vnd, mobilised_vnd, own_vnd,
				    status, decision_no, decision_date, delivered_on, partner_ref, evidence, demand_id)
				select md5(d.id::text || ':rec')::uuid, d.hid, 'EXIT_PLAN_SUPPORT', q.day, q.day, q.day + 365, d.amount,
				       d.amount * 6 / 10, d.amount * 3 / 10, 0,
				       case when q.day + 365 < date '{partial}-07-01' then 'CLOSED' else 'DELIVERED' end,
				       (100 + floor({dx2} * 800)::int) || '/QĐ-UBND', q.day - 15, q.day,
				       'UBND xã', 'Kế hoạch thoát nghèo của hộ, biên bản bàn giao', d.id
				from ds_dem d cross join lateral (select {day} as day) q
				where d.kind = 'EXIT_PLAN' and {dx0} < 0.9"""
			.replace("{day}", dayIn("d.y", "d.dh", 1, 166, 135));
		// pupils of poor households (Decree 81/2021, from the school year 2021–2022):
		// learning support 150,000 × 9 months for ages 6–17, tuition exemption for ages
		// 11–17 (primary school is free), paid in March
		String pupils = """
				insert into ds_rec (id, hid, mid, code, day, period_from, period_to, amount, local_vnd, status,
				    decision_no, decision_date, delivered_on, partner_ref, evidence)
				select md5(m.id::text || ':' || k.code || ':' || b.y || ':{seed}')::uuid, b.hid, m.id, k.code, q.day,
				       make_date(b.y - 1, 9, 5), make_date(b.y, 5, 31), k.amount, k.amount / 2,
				       case when b.y < {partial} then 'CLOSED' else 'DELIVERED' end,
				       (100 + floor({ph1} * 800)::int) || '/QĐ-UBND', q.day - 14, q.day,
				       case when q.age <= 10 then 'Trường Tiểu học ' when q.age <= 14 then 'Trường THCS '
				            else 'Trường THPT ' end || coalesce(c.short_name, c.name),
				       'Danh sách học sinh của nhà trường'
				from ds_hy b join member m on m.household_id = b.hid and not m.voided
				join admin_unit c on c.id = b.commune_id
				cross join lateral (select b.y - extract(year from m.date_of_birth)::int as age,
				    md5(m.id::text || ':school:' || b.y || ':{seed}') as ph, make_date(b.y, 3, 2) + (b.y % 7) as day) q
				cross join lateral (values ('LEARNING_SUPPORT', 1350000::bigint), ('TUITION_EXEMPTION', 900000::bigint)) k(code, amount)
				where b.cls = 'POOR' and b.y >= 2022 and q.age between 6 and 17
				  and (k.code = 'LEARNING_SUPPORT' or q.age >= 11) and {ph0} < 0.95""";
		// electricity (Decision 28/2014): 30 kWh a month at the tier-1 price, paid each
		// quarter to about 96 % of poor households
		String electricity = """
				insert into ds_rec (id, hid, code, day, period_from, period_to, amount, status, decision_no, decision_date,
				    delivered_on, partner_ref, evidence)
				select md5(b.hid::text || ':EL:' || b.y || ':' || k.quarter || ':{seed}')::uuid, b.hid, 'ELECTRICITY',
				       q.paid, q.q_from, (q.q_from + interval '3 months')::date - 1,
				       (90 * case when b.y <= 2018 then 1484 when b.y <= 2022 then 1678 when b.y = 2023 then 1728
				                  else 1806 end)::bigint,
				       case when b.y = {partial} and q.paid > {cutoff} then 'PLANNED' else 'CLOSED' end,
				       (100 + floor({hh3} * 800)::int) || '/QĐ-UBND', q.q_from, case when b.y = {partial} and q.paid > {cutoff}
				           then null else q.paid end,
				       'Kho bạc Nhà nước huyện', 'Danh sách chi trả tiền điện quý ' || k.quarter
				from ds_hy b cross join generate_series(1, 4) k(quarter)
				cross join lateral (select make_date(b.y, 3 * k.quarter - 2, 1) as q_from,
				    make_date(b.y, 3 * k.quarter, 20) as paid) q
				where b.cls = 'POOR' and {hy2} < 0.96""";
		// Tết gifts to poor households (Fund for the Poor), a few days before Tết
		String tet = """
				insert into ds_rec (id, hid, code, day, period_from, period_to, amount, mobilised_vnd, status, decision_no,
				    decision_date, delivered_on, partner_ref, evidence)
				select md5(b.hid::text || ':TET:' || b.y || ':{seed}')::uuid, b.hid, 'TET_GIFT', q.day, q.day, q.day,
				       500000, 500000, 'CLOSED', (100 + floor({hh3} * 800)::int) || '/QĐ-UBND', q.day - 10, q.day,
				       'Ủy ban MTTQ Việt Nam xã', 'Quà Tết Quỹ Vì người nghèo'
				from ds_hy b cross join lateral (select make_date(b.y, 1, 15) + (b.y % 11) as day) q
				where b.cls = 'POOR' and {hy3} < 0.97""";
		// a record only where a version of its policy is in force on its day
		String inForce = """
				update ds_rec r set insertable = false where not exists (select 1 from ds_policy p
				    where p.code = r.code and r.day between p.valid_from and p.valid_to)""";
		// demand rows: met when served; a yearly need not served is replaced at the next
		// recognition (the next Phiếu C); the last year's and the lasting needs stay open
		String demandRows = """
				insert into support_demand (id, province_code, household_id, member_id, kind, policy_code, purpose,
				    amount_vnd, registered_on, source, status, closed_on, closed_reason, created_by, created_at,
				    updated_at)
				select d.id, '{pc}', d.hid, d.mid, d.kind, d.policy_code, d.purpose, d.amount, d.reg, 'DEMO',
				       case when r.delivered_on is not null then 'MET'
				            when not d.lasting and d.y < {last} then 'WITHDRAWN' else 'OPEN' end,
				       case when r.delivered_on is not null then r.delivered_on
				            when not d.lasting and d.y < {last} then make_date(d.y, 12, 15) end,
				       case when r.delivered_on is not null then 'Đã được hỗ trợ'
				            when not d.lasting and d.y < {last}
				            then 'Thay bằng nhu cầu ghi ở kỳ rà soát năm ' || d.y end,
				       '{by}', d.reg::timestamptz, coalesce(r.delivered_on, d.reg)::timestamptz
				from ds_dem d left join ds_rec r on r.demand_id = d.id and r.insertable""";
		String ledger = """
				insert into benefit_record (id, province_code, household_id, member_id, commune_id, unit_path,
				    policy_code, policy_version, agency, period_from, period_to, amount_vnd, central_vnd, local_vnd,
				    credit_vnd, mobilised_vnd, own_vnd, status, decision_no, decision_date, delivered_on, valid_from,
				    valid_to, partner_ref, evidence, demand_id, created_by, created_at, updated_at)
				select r.id, h.province_code, r.hid, r.mid, h.commune_id, h.unit_path, r.code, pol.version, pol.agency,
				       r.period_from, r.period_to, r.amount,
				       r.amount - r.local_vnd - r.credit_vnd - r.mobilised_vnd - r.own_vnd, r.local_vnd, r.credit_vnd,
				       r.mobilised_vnd, r.own_vnd, r.status, r.decision_no, r.decision_date, r.delivered_on,
				       r.valid_from, r.valid_to, r.partner_ref, r.evidence, r.demand_id, '{by}',
				       coalesce(r.delivered_on, r.decision_date)::timestamptz,
				       coalesce(r.delivered_on, r.decision_date)::timestamptz
				from ds_rec r join household h on h.id = r.hid
				join ds_policy pol on pol.code = r.code and r.day between pol.valid_from and pol.valid_to
				where r.insertable""";
		// the temporary tables analyzed before they are joined
		return java.util.stream.Stream
			.of(base, "analyze ds_hy", demand, loans, training, housing, exitPlans, "analyze ds_dem", records,
					loanRecords, cards, trainingRecords, housingRecords, exitRecords, pupils, electricity, tet, inForce,
					"analyze ds_rec", demandRows, ledger)
			.map((sql) -> draws(sql))
			.map((sql) -> sql.replace("{seed}", s)
				.replace("{pc}", p.code())
				.replace("{partial}", partial)
				.replace("{cutoff}", cutoff)
				.replace("{last}", last)
				.replace("{by}", BY))
			.toList();
	}

}
