package vn.giamngheo.demo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo's programme money, outputs, links and reports (ADR 0050) on the demo load at 2
 * % of full size (shared with DemoLoaderIT and DemoExitsIT: whichever runs first loads
 * it). Every query keeps to the demo's rows.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoProgrammesIT {

	@Autowired
	DemoLoader loader;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	FixtureFactory fixtures;

	@BeforeAll
	void load() {
		this.loader.load("2%", 0.02, 7L);
	}

	long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void bothProvincesHaveProvinceAndCommuneFundsEveryYearOfTheirProgramme() {
		List<Map<String, Object>> years = this.jdbc
			.sql("""
					select f.province_code, f.programme_code, f.year, count(*) filter (where u.level = 'province') as province_rows,
					       count(distinct f.unit_id) filter (where u.level = 'commune') as communes,
					       count(distinct f.source) as sources, sum(f.allocated_vnd) as allocated
					from programme_fund f join admin_unit u on u.id = f.unit_id
					where f.source_kind = 'DEMO' group by 1, 2, 3 order by 1, 3""")
			.query()
			.listOfRows();
		assertThat(years)
			.extracting((r) -> r.get("province_code") + " " + r.get("programme_code") + " " + r.get("year"))
			.containsExactly("12 GNBV-2016-2020 2016", "12 GNBV-2016-2020 2017", "12 GNBV-2016-2020 2018",
					"12 GNBV-2016-2020 2019", "12 GNBV-2016-2020 2020", "49 GNBV-2021-2025 2021",
					"49 GNBV-2021-2025 2022", "49 GNBV-2021-2025 2023", "49 GNBV-2021-2025 2024",
					"49 GNBV-2021-2025 2025");
		for (Map<String, Object> y : years) {
			// a row per project × source at the province; most communes; every source
			// kind
			assertThat(((Number) y.get("province_rows")).longValue()).as("%s", y).isGreaterThanOrEqualTo(10);
			assertThat(((Number) y.get("communes")).longValue()).as("%s", y).isGreaterThan(20);
			assertThat(((Number) y.get("sources")).longValue()).as("%s", y).isGreaterThanOrEqualTo(5);
		}
		// Quảng Nam's programme: a few hundred billion a year once it runs (2023)
		long qn2023 = count("""
				select sum(allocated_vnd) from programme_fund where source_kind = 'DEMO' and province_code = '49'
				and year = 2023""");
		assertThat(qn2023).isBetween(150_000_000_000L, 600_000_000_000L);
		// a commune: a few hundred million to a few billion
		assertThat(count("""
				select count(*) from (select unit_id, sum(allocated_vnd) s from programme_fund f
				    join admin_unit u on u.id = f.unit_id and u.level = 'commune'
				    where f.source_kind = 'DEMO' and f.year between 2022 and 2024 group by unit_id, year) c
				where s < 150000000 or s > 8000000000""")).isZero();
		// local counterpart 10–20 % of the central budget
		double local = this.jdbc.sql("""
				select sum(allocated_vnd) filter (where source = 'LOCAL')::float8
				    / sum(allocated_vnd) filter (where source like 'CENTRAL%')
				from programme_fund where source_kind = 'DEMO'""").query(Double.class).single();
		assertThat(local).isBetween(0.08, 0.22);
	}

	@Test
	void disbursementIsImperfectAndWithinTheAllocation() {
		// 55–98 % overall each year, lower in the slow first years than the late ones
		Map<Integer, Double> rate = new java.util.TreeMap<>();
		this.jdbc.sql("""
				select year, sum(disbursed_vnd)::float8 / sum(allocated_vnd) from programme_fund
				where source_kind = 'DEMO' and status = 'APPROVED' group by year""")
			.query((rs, n) -> rate.put(rs.getInt(1), rs.getDouble(2)))
			.list();
		assertThat(rate.values()).allSatisfy((r) -> assertThat(r).isBetween(0.5, 0.98));
		assertThat(rate.get(2022)).isLessThan(rate.get(2025));
		assertThat(rate.get(2016)).isLessThan(rate.get(2020));
		// a few rows low, none above the allocation, plans mostly at or above it
		assertThat(count("""
				select count(*) from programme_fund where source_kind = 'DEMO' and allocated_vnd > 0
				and disbursed_vnd < 0.5 * allocated_vnd""")).isPositive();
		assertThat(count("select count(*) from programme_fund where disbursed_vnd > allocated_vnd")).isZero();
		double planAbove = this.jdbc.sql("""
				select avg(case when planned_vnd >= allocated_vnd then 1.0 else 0 end) from programme_fund
				where source_kind = 'DEMO'""").query(Double.class).single();
		assertThat(planAbove).isBetween(0.85, 0.99);
		// amounts in whole millions, as officers enter them
		assertThat(count("""
				select count(*) from programme_fund where source_kind = 'DEMO'
				and (planned_vnd % 1000000 <> 0 or allocated_vnd % 1000000 <> 0 or disbursed_vnd % 1000000 <> 0)"""))
			.isZero();
	}

	@Test
	void theLatestYearHasRowsWaitingAndReturnedAndACommuneEnteredNothing() {
		for (int latest : new int[] { 2020, 2025 }) {
			Map<String, Long> byStatus = new java.util.HashMap<>();
			this.jdbc
				.sql("select status, count(*) from programme_fund where source_kind = 'DEMO' and year = ?"
						+ " group by status")
				.param(latest)
				.query((rs, n) -> byStatus.put(rs.getString(1), rs.getLong(2)))
				.list();
			assertThat(byStatus).containsKeys("APPROVED", "ENTERED", "RETURNED");
			assertThat(byStatus.get("ENTERED")).isLessThan(byStatus.get("APPROVED") / 4);
		}
		// earlier years are all approved, by someone else than who entered them
		assertThat(count("""
				select count(*) from programme_fund where source_kind = 'DEMO' and year not in (2020, 2025)
				and status <> 'APPROVED'""")).isZero();
		assertThat(count("""
				select count(*) from programme_fund where source_kind = 'DEMO' and status <> 'ENTERED'
				and (decided_by is null or decided_by = entered_by or decided_at < entered_at)""")).isZero();
		assertThat(count("""
				select count(*) from programme_fund where status = 'RETURNED' and decision_note is null""")).isZero();
		// a few late entries (in the following year)
		assertThat(count("""
				select count(*) from programme_fund where source_kind = 'DEMO'
				and extract(year from entered_at at time zone 'Asia/Ho_Chi_Minh') > year""")).isPositive();
		// communes with households that entered nothing in any year
		for (String province : List.of("12", "49")) {
			assertThat(count("""
					select count(*) from admin_unit c where c.level = 'commune' and c.province_code = '%s'
					and exists (select 1 from household h where h.commune_id = c.id and h.synthetic)
					and not exists (select 1 from programme_fund f where f.unit_id = c.id)""".formatted(province)))
				.as(province)
				.isPositive();
		}
	}

	@Test
	void provinceFiguresAreTheSumOfTheirRows() {
		// roll-up: the province total of each year is the province's own rows plus every
		// row under its path, and the commune rows lie under it
		List<Map<String, Object>> sums = this.jdbc
			.sql("""
					select p.id, f.year, sum(f.allocated_vnd) filter (where f.unit_path like p.path || '%') as subtree,
					       sum(f.allocated_vnd) as province_code_total,
					       sum(f.allocated_vnd) filter (where f.unit_id = p.id) as own,
					       sum(f.allocated_vnd) filter (where f.unit_id <> p.id) as others
					from programme_fund f join admin_unit p on p.level = 'province' and p.code = f.province_code
					  and p.valid_from <= make_date(f.year, 1, 1) and (p.valid_to is null or p.valid_to >= make_date(f.year, 1, 1))
					where f.source_kind = 'DEMO' group by p.id, f.year""")
			.query()
			.listOfRows();
		assertThat(sums).hasSize(10).allSatisfy((r) -> {
			assertThat(r.get("subtree")).isEqualTo(r.get("province_code_total"));
			assertThat(((Number) r.get("own")).longValue() + ((Number) r.get("others")).longValue())
				.isEqualTo(((Number) r.get("subtree")).longValue());
			assertThat(((Number) r.get("own")).longValue()).isPositive();
		});
		// every row names a project of its programme and its unit's province
		assertThat(count("""
				select count(*) from programme_fund f join admin_unit u on u.id = f.unit_id
				where f.source_kind = 'DEMO' and (u.path <> f.unit_path or u.province_code <> f.province_code
				    or f.programme_node !~ '^DA[1-7]$' or not f.in_programme)""")).isZero();
	}

	@Test
	void outputTargetsFollowTheLedgerAndEnteredOutputsExist() {
		// a share of the ledger's housing, training and livelihood records and of the
		// models count for their project
		Map<String, Double> linked = new java.util.HashMap<>();
		this.jdbc
			.sql("""
					select policy_code, avg(case when programme_code is not null then 1.0 else 0 end)
					from benefit_record where created_by = 'demo' and policy_code in ('EXIT_PLAN_SUPPORT', 'VOCATIONAL_TRAINING', 'HOUSING_2021')
					  and province_code = '49' and extract(year from coalesce(delivered_on, period_from)) between 2021 and 2025
					group by policy_code""")
			.query((rs, n) -> linked.put(rs.getString(1), rs.getDouble(2)))
			.list();
		assertThat(linked).containsOnlyKeys("EXIT_PLAN_SUPPORT", "VOCATIONAL_TRAINING", "HOUSING_2021");
		assertThat(linked.values()).allSatisfy((v) -> assertThat(v).isBetween(0.6, 0.9));
		assertThat(count("""
				select count(*) from benefit_record where programme_node = 'DA5' and policy_code <> 'HOUSING_2021'"""))
			.isZero();
		assertThat(count("""
				select count(*) from poverty_model where source = 'DEMO' and programme_code = 'GNBV-2021-2025'
				and programme_node = 'DA2'""")).isPositive();
		// PLAN targets of counted outputs close to the linked records of the commune-year
		List<Map<String, Object>> far = this.jdbc
			.sql("""
					select o.unit_id, o.year, o.value, count(distinct r.household_id) as delivered from programme_output o
					join benefit_record r on r.commune_id = o.unit_id and r.programme_code = o.programme_code
					  and r.policy_code = 'EXIT_PLAN_SUPPORT' and not r.voided
					  and extract(year from coalesce(r.delivered_on, r.period_from)) = o.year
					where o.source_kind = 'DEMO' and o.kind = 'PLAN' and o.output_code = 'HOUSEHOLDS_SUPPORTED'
					group by o.unit_id, o.year, o.value
					having o.value < 0.85 * count(distinct r.household_id) - 1 or o.value > 1.2 * count(distinct r.household_id) + 1""")
			.query()
			.listOfRows();
		assertThat(far).isEmpty();
		assertThat(count("""
				select count(*) from programme_output where source_kind = 'DEMO' and kind = 'PLAN'
				and output_code in ('HOUSES_BUILT', 'PEOPLE_TRAINED', 'HOUSEHOLDS_SUPPORTED', 'MODELS')"""))
			.isGreaterThan(50);
		assertThat(count("""
				select count(distinct output_code) from programme_output where source_kind = 'DEMO' and kind = 'ACTUAL'
				and output_code in ('WORKS_BUILT', 'COMMUNICATION_SESSIONS', 'OFFICERS_TRAINED')""")).isEqualTo(3);
	}

	@Test
	void quangNamSubmittedItsAnnualReportTwiceAndMostCommunesTheirH1() throws Exception {
		// the communes' H1 2025 reports are written once the 2025 rows are on the units
		// that
		// report them (after the reform step; here no household moved)
		this.loader.supportFollowsReform();
		List<Map<String, Object>> annual = this.jdbc
			.sql("""
					select r.version, r.status, r.reason, r.supersedes is not null as corrects, r.content is not null as frozen
					from programme_report r join admin_unit u on u.id = r.unit_id and u.level = 'province'
					where r.source_kind = 'DEMO' and r.year = 2024 and r.period = 'YEAR' and r.province_code = '49'
					order by r.version""")
			.query()
			.listOfRows();
		assertThat(annual).hasSize(2);
		assertThat(annual.get(0)).containsEntry("status", "SUPERSEDED").containsEntry("frozen", true);
		assertThat(annual.get(1)).containsEntry("status", "SUBMITTED").containsEntry("corrects", true);
		assertThat((String) annual.get(1).get("reason")).isNotBlank();
		// the demo loads its reports without the content rendered at submission: the page
		// says its figures are computed now, never that they are the ones submitted
		String id = this.jdbc.sql("""
				select r.id::text from programme_report r join admin_unit u on u.id = r.unit_id and u.level = 'province'
				where r.source_kind = 'DEMO' and r.year = 2024 and r.period = 'YEAR' and r.province_code = '49'
				  and r.status = 'SUBMITTED'""").query(String.class).single();
		Fixtures f = this.fixtures.create();
		String page = this.mvc
			.perform(get("/programmes/reports/" + id).with(authentication(
					f.auth(f.user("demoprog", Role.PROVINCE_OFFICER, List.of("49@2024"), List.of("49@2024"))))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("không kèm nội dung lúc nộp").doesNotContain("giữ nguyên như lúc nộp");
		long communes = count("""
				select count(distinct unit_id) from programme_fund f join admin_unit u on u.id = f.unit_id
				where f.source_kind = 'DEMO' and f.year = 2025 and u.level = 'commune'""");
		long submitted = count("""
				select count(*) from programme_report where source_kind = 'DEMO' and year = 2025 and period = 'H1'
				and status = 'SUBMITTED'""");
		long late = count("""
				select count(*) from programme_report where source_kind = 'DEMO' and year = 2025 and period = 'H1'
				and (submitted_at at time zone 'Asia/Ho_Chi_Minh')::date > due_on""");
		assertThat(submitted).isGreaterThan(communes * 8 / 10).isLessThan(communes);
		assertThat(late).isPositive().isLessThan(submitted / 4);
	}

	@Test
	void aSecondLoadAndTheReformStepWithoutMovedHouseholdsChangeNothing() throws Exception {
		String fingerprint = """
				select count(*) || ':' || sum(allocated_vnd) || ':' || sum(disbursed_vnd)
				    || ':' || (select count(*) from programme_output where source_kind = 'DEMO')
				    || ':' || (select count(*) from programme_report where source_kind = 'DEMO')
				    || ':' || (select count(*) from benefit_record where programme_code is not null)
				from programme_fund where source_kind = 'DEMO'""";
		String before = this.jdbc.sql(fingerprint).query(String.class).single();
		this.loader.load("2%", 0.02, 7L);
		this.loader.supportFollowsReform();
		assertThat(this.jdbc.sql(fingerprint).query(String.class).single()).isEqualTo(before);
	}

}
