package vn.giamngheo.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The demo load at 2% of full size on the real embedded PostgreSQL. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoLoaderIT {

	@Autowired
	DemoLoader loader;

	@Autowired
	JdbcClient jdbc;

	DemoLoader.LoadReport first;

	@BeforeAll
	void loadTwoPercent() {
		this.first = this.loader.load("2%", 0.02, 7L);
	}

	long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	double poorRate(String province, int year) {
		return this.jdbc.sql("""
				select 100.0 * avg(case when a.classification = 'POOR' then 1 else 0 end)
				from household_assessment a join household h on h.id = a.household_id
				where h.synthetic and a.province_code = ? and a.year = ?""")
			.params(province, year)
			.query(Double.class)
			.single();
	}

	@Test
	void loadsBothProvincesWithTheirYears() {
		// loaded here or by another demo test (DemoExitsIT) with the same size and seed
		assertThat(count("select count(*) from household where synthetic and province_code in ('12', '49')"))
			.isBetween(9_000L, 12_000L);
		assertThat(count("select count(*) from demo_load")).isEqualTo(2);
		assertThat(this.jdbc.sql("""
				select a.province_code || ':' || min(a.year) || '-' || max(a.year)
				from household_assessment a where a.source = 'DEMO' group by a.province_code order by 1""")
			.query(String.class)
			.list()).containsExactly("12:2015-2020", "49:2016-2025");
		assertThat(count("""
				select count(*) from household h where h.synthetic and h.province_code in ('12', '49')
				and (select count(*) from household_assessment a where a.household_id = h.id)
				    <> case h.province_code when '12' then 6 else 10 end""")).isZero();
		assertThat(this.jdbc
			.sql("select distinct year || '=' || standard_key from household_assessment"
					+ " where province_code = '49' and source = 'DEMO' order by 1")
			.query(String.class)
			.list()).containsExactly("2016=2016-2020", "2017=2016-2020", "2018=2016-2020", "2019=2016-2020",
					"2020=2021", "2021=2022-2025", "2022=2022-2025", "2023=2022-2025", "2024=2022-2025", "2025=2026");
	}

	@Test
	void ratesFollowTheCalibrationTargets() {
		assertThat(poorRate("49", 2016)).isCloseTo(12.90, within(1.0));
		assertThat(poorRate("49", 2020)).isCloseTo(5.23, within(1.0));
		assertThat(poorRate("49", 2021)).isGreaterThan(poorRate("49", 2020)); // re-based
																				// under
																				// Decree
																				// 07
		assertThat(poorRate("49", 2022)).isCloseTo(6.6, within(1.0));
		assertThat(poorRate("49", 2025)).isCloseTo(3.0, within(1.0));
		assertThat(poorRate("12", 2015)).isCloseTo(18.75, within(1.5));
		assertThat(poorRate("12", 2020)).isBetween(4.0, 7.0);
	}

	@Test
	void mountainDistrictsArePoorerThanPlainOnes() {
		Map<String, Double> rates = this.jdbc.sql("""
				select t.value, 100.0 * avg(case when a.classification = 'POOR' then 1 else 0 end)
				from household_assessment a
				join household h on h.id = a.household_id
				join admin_unit c on c.id = h.commune_id
				join unit_attribute t on t.unit_id = c.parent_id and t.attribute = 'TERRAIN' and not t.voided
				where a.province_code = '49' and a.year = 2016 group by t.value""")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getDouble(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(rates.get("MOUNTAIN")).isGreaterThan(30.0);
		assertThat(rates.get("PLAIN")).isLessThan(7.0);
		double minority = this.jdbc.sql("""
				select 100.0 * avg(case when a.classification = 'POOR' then 1 else 0 end)
				from household_assessment a join household h on h.id = a.household_id
				where a.province_code = '49' and a.year = 2016 and h.ethnic_minority""").query(Double.class).single();
		assertThat(minority).isGreaterThan(3 * poorRate("49", 2016));
	}

	@Test
	void demoAttributesAreEditableAssumptions() {
		assertThat(count("""
				select count(*) from unit_attribute t join admin_unit d on d.id = t.unit_id
				where d.province_code = '49' and t.attribute = 'TERRAIN' and t.value = 'MOUNTAIN'""")).isEqualTo(8);
		assertThat(count("""
				select count(*) from unit_attribute t join admin_unit d on d.id = t.unit_id
				where d.province_code = '12' and t.attribute = 'POOR_DISTRICT'""")).isEqualTo(6);
		assertThat(count("""
				select count(*) from unit_attribute t join admin_unit d on d.id = t.unit_id
				where d.province_code = '49' and t.attribute = 'POOR_DISTRICT'
				and t.legal_basis = 'Nghị quyết 30a/2008/NQ-CP'""")).isEqualTo(6);
		// 2021–2025: the same six assumed on Decision 353/QĐ-TTg, its own dated status
		assertThat(
				count("""
						select count(*) from unit_attribute t join admin_unit d on d.id = t.unit_id
						where d.province_code = '49' and t.attribute = 'POOR_DISTRICT' and t.legal_basis = 'Quyết định 353/QĐ-TTg'
						and t.valid_from = date '2022-03-15' and t.valid_to = date '2025-12-31' and t.assumption"""))
			.isEqualTo(6);
		assertThat(this.jdbc.sql("""
				select t.note from unit_attribute t join admin_unit d on d.id = t.unit_id
				where d.code = '509' and d.edition = '2024' and t.attribute = 'TERRAIN'""")
			.query(String.class)
			.single()).contains("Nông Sơn");
		assertThat(count("select count(*) from unit_attribute where set_by = 'demo' and not assumption")).isZero();
		assertThat(count("select count(*) from unit_attribute where attribute = 'DBKK_COMMUNE'")).isPositive();
	}

	/**
	 * A province's name search reads the name-start rows only (ADR 0060): the loader
	 * writes them itself, since its replica role skips the household table's triggers.
	 */
	@Test
	void everyLivingHouseholdCanBeFoundByItsHeadsNameAcrossItsProvince() {
		assertThat(count("select count(*) from household where synthetic and not voided")).isPositive();
		assertThat(this.jdbc.sql("""
				select h.code || ' ' || h.province_code || ' ' || coalesce(h.head_name_norm, '-') || ' ' || h.unit_path
				|| ' ' || h.status || ' ' || (select count(*) from household_name_start n where n.household_id = h.id)
				from household h where h.synthetic and not h.voided and not exists (
				select 1 from household_name_start n where n.province_code = h.province_code
				and n.name_start = h.head_name_norm and n.household_id = h.id and n.code = h.code
				and n.unit_path = h.unit_path) order by h.code limit 10""").query(String.class).list()).isEmpty();
	}

	@Test
	void everyHouseholdHasExactlyOneHead() {
		assertThat(count("""
				select count(*) from household h where h.synthetic and 1 <> (select count(*) from member m
				where m.household_id = h.id and m.relation = 'HEAD')""")).isZero();
		assertThat(count("""
				select count(*) from household h join member m on m.household_id = h.id and m.relation = 'HEAD'
				where h.synthetic and h.head_name <> m.full_name""")).isZero();
		double perHousehold = this.jdbc
			.sql("select count(*)::float / (select count(*) from household where synthetic) from member m"
					+ " join household h on h.id = m.household_id where h.synthetic")
			.query(Double.class)
			.single();
		assertThat(perHousehold).isBetween(3.5, 5.0);
	}

	@Test
	void citizenIdsHaveTwelveDigitsAreUniqueAndOnlyAdultsHaveThem() {
		assertThat(count("""
				select count(*) from member m join household h on h.id = m.household_id
				where h.synthetic and m.province_code in ('12', '49') and m.cccd is not null
				and (m.cccd !~ '^0(12|49)[0-3][0-9]{8}$' or substr(m.cccd, 2, 2) <> m.province_code)""")).isZero();
		// one holder per number; records waiting on a transfer of it apart (ADR 0017)
		assertThat(count("select count(cccd) - count(distinct cccd) from member where not voided and not cccd_pending"))
			.isZero();
		assertThat(count("""
				select count(m.cccd) - count(distinct m.cccd) from member m join household h on h.id = m.household_id
				where h.synthetic""")).isZero();
		assertThat(count("""
				select count(*) from member m join household h on h.id = m.household_id
				where h.synthetic and m.cccd is not null and m.date_of_birth > date '2007-12-31'""")).isZero();
		assertThat(count("""
				select count(*) from member m join household h on h.id = m.household_id
				where h.synthetic and m.cccd is not null
				and substr(m.cccd, 5, 2) <> to_char(m.date_of_birth, 'YY')""")).isZero();
	}

	@Test
	void everyAssessmentIsConsistentWithItsStandard() {
		record Row(String key, boolean urban, long income, int count, String cls, String subtype, List<String> codes) {
		}
		List<Row> rows = this.jdbc.sql("""
				select a.standard_key, h.urban, a.income_per_capita, a.deprivation_count, a.classification,
				       a.poor_subtype, a.deprivations
				from household_assessment a join household h on h.id = a.household_id where h.synthetic""")
			.query((rs, n) -> new Row(rs.getString(1), rs.getBoolean(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
					rs.getString(6), List.of((String[]) rs.getArray(7).getArray())))
			.list();
		assertThat(rows).hasSizeGreaterThan(50_000);
		for (Row r : rows) {
			DemoStandards.Result expected = DemoStandards.classOf(r.key(), r.urban(), r.income(), r.count());
			assertThat(r.cls()).as("%s", r).isEqualTo(expected.classification());
			assertThat(r.subtype()).as("%s", r).isEqualTo(expected.poorSubtype());
			assertThat(r.codes()).hasSize(r.count()).doesNotHaveDuplicates();
			assertThat(Set.copyOf(DemoStandards.indicators(r.key()))).containsAll(r.codes());
		}
	}

	@Test
	void householdFactsMatchTheirDeprivations() {
		assertThat(count("""
				select count(*) from household_assessment where source = 'DEMO'
				and (('HAR' = any(deprivations)) <> (floor_area_m2 / member_count < 8)
				     or ('HQU' = any(deprivations)) <> (housing_quality in ('NON_DURABLE', 'MAKESHIFT'))
				     or ('TEL' = any(deprivations)) = telecom_use
				     or ('WAT' = any(deprivations)) <> (water_source in ('UNPROTECTED_WELL', 'UNPROTECTED_SPRING',
				         'SURFACE_WATER', 'OTHER'))
				     or ('SAN' = any(deprivations)) <> (latrine in ('UNHYGIENIC_PIT', 'NONE', 'OTHER'))
				     or floor_area_m2 <= 0 or survey_date > decision_date)""")).isZero();
		// member facts follow the latest year's person-level deprivations (Quảng Nam
		// 2025, Decree 07)
		assertThat(
				count("""
						select count(*) from household_assessment a where a.province_code = '49' and a.year = 2025 and a.source = 'DEMO'
						and ('HIN' = any(a.deprivations)) <> exists (select 1 from member m where m.household_id = a.household_id
						    and not m.health_insurance)"""))
			.isZero();
		assertThat(
				count("""
						select count(*) from household_assessment a where a.province_code = '49' and a.year = 2025 and a.source = 'DEMO'
						and ('NUT' = any(a.deprivations)) <> exists (select 1 from member m where m.household_id = a.household_id
						    and m.malnourished)"""))
			.isZero();
		assertThat(
				count("""
						select count(*) from household_assessment a where a.province_code = '49' and a.year = 2025 and a.source = 'DEMO'
						and ('EMP' = any(a.deprivations)) <> exists (select 1 from member m where m.household_id = a.household_id
						    and m.employment in ('UNEMPLOYED', 'WAGE_NO_CONTRACT'))"""))
			.isZero();
	}

	@Test
	void villagesHangUnderTheirCommuneAndHouseholdsUnderTheirVillage() {
		assertThat(count("select count(*) from admin_unit where level = 'village' and synthetic")).isGreaterThan(1000);
		assertThat(count("""
				select count(*) from admin_unit v join admin_unit c on c.id = v.parent_id
				where v.level = 'village' and v.synthetic
				and (c.level <> 'commune' or c.edition not in ('2024', '2025') or v.path <> c.path || v.id || '/'
				     or v.depth <> c.depth + 1 or v.province_code <> c.province_code or v.urban <> c.urban)"""))
			.isZero();
		assertThat(count("""
				select count(*) from household h join admin_unit v on v.id = h.village_id
				where h.synthetic and (v.parent_id <> h.commune_id or h.unit_path <> v.path)""")).isZero();
		assertThat(this.jdbc
			.sql("select count(*) from admin_unit where level = 'village' and synthetic"
					+ " and province_code = '12' and type = 'Bản'")
			.query(Long.class)
			.single())
			.isGreaterThan(count("select count(*) from admin_unit where level = 'village' and synthetic"
					+ " and province_code = '12' and type = 'Thôn'"));
	}

	@Test
	void exitsNewPovertyAndRePovertyAllOccur() {
		Map<String, Long> flows = this.jdbc.sql("""
				with s as (
				  select household_id, year, classification = 'POOR' as poor,
				         lag(classification = 'POOR') over w as was_poor,
				         bool_or(classification = 'POOR') over (partition by household_id order by year
				             rows between unbounded preceding and 2 preceding) as poor_before
				  from household_assessment where source = 'DEMO' window w as (partition by household_id order by year))
				select 'exit', count(*) filter (where was_poor and not poor) from s
				union all select 'new', count(*) filter (where not was_poor and poor) from s
				union all select 'repoor', count(*) filter (where not was_poor and poor and poor_before) from s""")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(flows.get("exit")).isPositive();
		assertThat(flows.get("new")).isPositive();
		assertThat(flows.get("repoor")).isPositive().isLessThan(flows.get("new") / 2);
	}

	@Test
	void poorHouseholdsIncomesRise() {
		double ratio = this.jdbc
			.sql("""
					select avg(income_per_capita) filter (where year = 2020) / avg(income_per_capita) filter (where year = 2015)
					from household_assessment where source = 'DEMO' and province_code = '12' and classification = 'POOR'""")
			.query(Double.class)
			.single();
		assertThat(ratio).isGreaterThan(1.3);
	}

	@Test
	void runningTheLoaderAgainDoesNothing() {
		long households = count("select count(*) from household");
		DemoLoader.LoadReport again = this.loader.load("2%", 0.02, 7L);
		assertThat(again.loadedAnything()).isFalse();
		assertThat(count("select count(*) from household")).isEqualTo(households);
	}

	double ratio(String sql) {
		return this.jdbc.sql(sql).query(Double.class).single();
	}

	/** Served (delivered, closed, overdue) records of the demands of a kind / demands. */
	double servedShare(String province, String kind, String years) {
		return ratio("""
				select count(*) filter (where exists (select 1 from benefit_record r where r.demand_id = d.id
				    and r.status in ('DELIVERED', 'CLOSED', 'OVERDUE')))::float / count(*)
				from support_demand d join household h on h.id = d.household_id
				where h.synthetic and d.source = 'DEMO' and d.kind = '%s' and d.province_code = '%s'
				  and extract(year from d.registered_on) + 1 between %s""".formatted(kind, province, years));
	}

	@Test
	void loansReachMostButNotAllHouseholdsWithALoanDemand() {
		// about 60 % of the poor and near-poor household-years ask for a loan
		double asking = ratio(
				"""
						select count(d.id)::float / count(*) from household_assessment a
						join household h on h.id = a.household_id
						left join (select * from support_demand where source = 'DEMO') d on d.household_id = a.household_id and d.kind = 'LOAN'
						    and d.registered_on = a.decision_date
						where h.synthetic and a.province_code = '49' and a.classification in ('POOR', 'NEAR_POOR')
						  and a.year between 2021 and 2024""");
		assertThat(asking).isBetween(0.5, 0.7);
		double served = servedShare("49", "LOAN", "2022 and 2025");
		assertThat(served).isBetween(0.78, 0.92).isLessThan(1.0);
		// some repaid, some overdue, amounts 20–100 million, a VBSP contract number
		assertThat(count(
				"select count(*) from benefit_record where created_by = 'demo' and policy_code like 'LOAN%' and status = 'OVERDUE'"))
			.isPositive();
		assertThat(count(
				"select count(*) from benefit_record where created_by = 'demo' and policy_code like 'LOAN%' and status = 'CLOSED'"))
			.isPositive();
		assertThat(
				count("""
						select count(*) from benefit_record where created_by = 'demo' and policy_code in ('LOAN_POOR', 'LOAN_NEAR_POOR')
						and (amount_vnd not between 20000000 and 100000000 or credit_vnd <> amount_vnd
						     or partner_ref !~ '^HĐTD [0-9]{4}-20[0-9]{2}-[0-9]{6}$' or agency <> 'VBSP')"""))
			.isZero();
		// a near-poor household borrows as near-poor, a poor one as poor
		assertThat(
				count("""
						select count(*) from (select * from benefit_record where created_by = 'demo') r join (select * from support_demand where source = 'DEMO') d on d.id = r.demand_id
						join household_assessment a on a.household_id = r.household_id and a.decision_date = d.registered_on
						where r.policy_code like 'LOAN%' and r.policy_code <> case a.classification when 'POOR' then 'LOAN_POOR'
						    else 'LOAN_NEAR_POOR' end"""))
			.isZero();
	}

	@Test
	void nearlyEveryPoorAndNearPoorMemberHasACardEachYear() {
		for (String province : List.of("12", "49")) {
			double share = ratio(
					"""
							select count(r.id)::float / count(*) from household_assessment a
							join member m on m.household_id = a.household_id and m.date_of_birth <= a.decision_date
							left join (select * from benefit_record where created_by = 'demo') r on r.member_id = m.id and r.policy_code like 'HI%%'
							    and r.valid_from = make_date(a.year + 1, 1, 1)
							where a.source = 'DEMO' and a.province_code = '%s' and a.classification in ('POOR', 'NEAR_POOR') and a.year between 2016 and 2019
							"""
						.formatted(province));
			assertThat(share).as(province).isBetween(0.96, 0.995);
		}
		assertThat(count("""
				select count(*) from benefit_record where created_by = 'demo' and policy_code like 'HI%'
				and (partner_ref !~ '^(HN2|CN3)[0-9]{12}$' or agency <> 'SOCIAL_INSURANCE'
				     or valid_to <> valid_from + interval '1 year' - interval '1 day')""")).isZero();
	}

	@Test
	void trainingHousingAndExitPlansAreImperfect() {
		assertThat(servedShare("49", "VOCATIONAL_TRAINING", "2022 and 2025")).isBetween(0.58, 0.78);
		// Lai Châu's housing cases under Decision 33/2015: about 88 %, so LC-27 (> 90 %)
		// gets an honest verdict
		double housing = ratio(
				"""
						select count(*) filter (where r.delivered_on <= date '2020-12-31')::float / count(*)
						from (select * from benefit_record where created_by = 'demo') r where r.province_code = '12' and r.policy_code = 'HOUSING_2016'
						and r.status <> 'CANCELLED'""");
		assertThat(housing).isBetween(0.82, 0.94);
		// every approved case has its record: the cases not built stay approved
		assertThat(
				count("""
						select count(*) from (select * from support_demand where source = 'DEMO') d where d.kind = 'HOUSING' and not exists (
						    select 1 from (select * from benefit_record where created_by = 'demo') r where r.demand_id = d.id)"""))
			.isZero();
		assertThat(
				count("""
						select count(*) from benefit_record where created_by = 'demo' and policy_code like 'HOUSING%' and status = 'APPROVED'
						and delivered_on is null"""))
			.isPositive();
		assertThat(count("""
				select count(*) from benefit_record where created_by = 'demo' and policy_code = 'HOUSING_2021'
				and amount_vnd not in (40000000, 20000000)""")).isZero();
		assertThat(
				count("select count(*) from benefit_record where created_by = 'demo' and policy_code = 'HOUSING_2021'"))
			.isPositive();
		// exit-plan support: about 90 % of the approved exit plans' demands, registered
		// with the plan in spring (DemoExitsIT checks the plans)
		assertThat(servedShare("49", "EXIT_PLAN", "2022 and 2026")).isBetween(0.8, 0.97);
	}

	@Test
	void pupilsElectricityAndTetFollowThePolicies() {
		assertThat(count("""
				select count(*) from benefit_record where created_by = 'demo' and policy_code = 'LEARNING_SUPPORT'
				and (amount_vnd <> 150000 * 9 or partner_ref !~ '^Trường ')""")).isZero();
		assertThat(count(
				"select count(*) from benefit_record where created_by = 'demo' and policy_code = 'LEARNING_SUPPORT'"))
			.isPositive();
		// Decree 81/2021 applies from the school year 2021–2022: nothing before
		assertThat(
				count("""
						select count(*) from benefit_record where created_by = 'demo' and policy_code in ('LEARNING_SUPPORT', 'TUITION_EXEMPTION')
						and delivered_on < date '2021-10-15'"""))
			.isZero();
		// electricity each quarter: four payments a year to a poor household at most
		assertThat(count("""
				select count(*) from (select household_id, extract(year from period_from) from benefit_record
				where created_by = 'demo' and policy_code = 'ELECTRICITY' group by 1, 2 having count(*) > 4) q"""))
			.isZero();
		assertThat(count("select count(*) from benefit_record where created_by = 'demo' and policy_code = 'TET_GIFT'"))
			.isPositive();
	}

	@Test
	void supportGoesOnlyToPoorAndNearPoorHouseholdsOfTheirYear() {
		// every ledger row of a calendar year belongs to a household on the list that
		// year
		// (the list recognised the year before), the house and loans at most a year later
		assertThat(
				count("""
						select count(*) from (select * from benefit_record where created_by = 'demo') r join household h on h.id = r.household_id
						where h.synthetic and r.policy_code not like 'HOUSING%' and not exists (
						    select 1 from household_assessment a where a.household_id = r.household_id
						    and a.classification in ('POOR', 'NEAR_POOR')
						    and a.year + 1 = extract(year from coalesce(r.delivered_on, r.decision_date + 7)))"""))
			.isZero();
		// the shares always add up (a check of the table) and the partial year 2026 has
		// support not delivered yet
		assertThat(count("""
				select count(*) from benefit_record where created_by = 'demo' and period_from >= date '2026-01-01'
				and status in ('PLANNED', 'APPROVED') and delivered_on is null""")).isPositive();
		assertThat(count("""
				select count(*) from benefit_record where created_by = 'demo' and delivered_on > date '2026-06-30'"""))
			.isZero();
	}

	@Autowired
	vn.giamngheo.benefits.SupportPolicies policies;

	@Test
	void everyRecordCarriesItsPolicysAgencySoAPartnerSeesOnlyItsOwn() {
		Map<String, String> agencies = this.jdbc
			.sql("select policy_code, string_agg(distinct agency, ',') from benefit_record where created_by = 'demo'"
					+ " group by policy_code")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(agencies).containsKeys("LOAN_POOR", "LOAN_NEAR_POOR", "HI_POOR", "HI_NEAR_POOR",
				"VOCATIONAL_TRAINING", "HOUSING_2016", "HOUSING_2021", "EXIT_PLAN_SUPPORT", "LEARNING_SUPPORT",
				"TUITION_EXEMPTION", "ELECTRICITY", "TET_GIFT");
		agencies.forEach((code, agency) -> assertThat(agency).as(code).isEqualTo(this.policies.require(code).agency()));
		// what the bank's partner (nhcsxh.quangnam) reads: loans only
		assertThat(this.jdbc.sql(
				"select distinct policy_code from benefit_record where created_by = 'demo' and agency = 'VBSP' order by 1")
			.query(String.class)
			.list()).containsExactly("LOAN_NEAR_POOR", "LOAN_POOR");
	}

}
