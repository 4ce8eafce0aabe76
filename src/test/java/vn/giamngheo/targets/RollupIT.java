package vn.giamngheo.targets;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.Territory;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Values entered per commune roll up to their district when it has none of its own: a
 * district of three communes (households 2, 3 and 5 in 2023), two of which reported.
 */
@IntegrationTest
class RollupIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Aggregates aggregates;

	@Autowired
	Rollups rollups;

	@Autowired
	Geography geography;

	@Autowired
	IndicatorCatalogue catalogue;

	Fixtures f;

	Territory t;

	long[] a;

	long[] b;

	long[] c;

	String officer;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create();
		this.f.signIn("admin");
		this.t = new Territory(this.jdbc, "49").district("Huyện", "MOUNTAIN", false);
		this.a = this.t.commune("A", "Xã", false);
		this.b = this.t.commune("B", "Xã", false);
		this.c = this.t.commune("C", "Xã", false);
		for (int k = 0; k < 2; k++) {
			this.t.deprivedHousehold(this.a, false, 4, 2023);
		}
		for (int k = 0; k < 3; k++) {
			this.t.deprivedHousehold(this.b, false, 4, 2023);
		}
		for (int k = 0; k < 5; k++) {
			this.t.deprivedHousehold(this.c, false, 4, 2023);
		}
		this.aggregates.refreshCommunes(List.of(this.a[0], this.b[0], this.c[0]));
		approve("JOBS_CREATED", this.a[0], 2023, 40);
		approve("JOBS_CREATED", this.b[0], 2023, 60);
		approve("HOUSEHOLDS_GRID", this.a[0], 2023, 50);
		approve("HOUSEHOLDS_GRID", this.b[0], 2023, 100);
		approve("IRRIGATION_COVERAGE", this.a[0], 2023, 70);
		approve("JOBS_CREATED", this.a[0], 2022, 10);
		SecurityContextHolder.clearContext();
		String district = "D" + this.t.tag + "@local";
		this.officer = this.f.user("rollup", Role.DISTRICT_OFFICER, List.of(district), List.of(district));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	void approve(String indicator, long unit, int year, double value) {
		String path = this.jdbc.sql("select path from admin_unit where id = ?")
			.param(unit)
			.query(String.class)
			.single();
		this.jdbc
			.sql("insert into indicator_value (indicator_code, unit_id, unit_path, province_code, year, value, status,"
					+ " entered_by, decided_by, decided_at) values (?, ?, ?, '49', ?, ?, 'APPROVED', 'xa', 'huyen', now())")
			.params(indicator, unit, path, year, value)
			.update();
	}

	@Test
	void countsAreSummedAndTheMissingCommuneIsNamed() throws Exception {
		this.mvc
			.perform(get("/api/v1/indicator-values/rollups").param("indicator", "JOBS_CREATED")
				.param("unit", String.valueOf(this.t.districtId))
				.param("year", "2023")
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value(100.0))
			.andExpect(jsonPath("$.own").value(false))
			.andExpect(jsonPath("$.reported").value(2))
			.andExpect(jsonPath("$.communes").value(3))
			.andExpect(jsonPath("$.missing[0]").value("Xã C " + this.t.tag));
	}

	@Test
	void sharesOfHouseholdsAreWeightedByTheRegistrysHouseholds() throws Exception {
		// (50% of 2 households + 100% of 3) / 5 = 80%
		this.mvc
			.perform(get("/api/v1/indicator-values/rollups").param("indicator", "HOUSEHOLDS_GRID")
				.param("unit", String.valueOf(this.t.districtId))
				.param("year", "2023")
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(jsonPath("$.value").value(80.0));
		// not additive: no district value from the communes
		this.mvc
			.perform(get("/api/v1/indicator-values/rollups").param("indicator", "IRRIGATION_COVERAGE")
				.param("unit", String.valueOf(this.t.districtId))
				.param("year", "2023")
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(jsonPath("$.value").doesNotExist());
	}

	@Test
	void theDistrictsOwnValueWins() {
		approve("JOBS_CREATED", this.t.districtId, 2023, 250);
		this.f.signIn(this.officer);
		Map<Integer, Double> series = this.rollups.series(this.catalogue.find("JOBS_CREATED").orElseThrow(),
				this.geography.unit(this.t.districtId));
		assertThat(series).containsEntry(2023, 250.0).containsEntry(2022, 10.0);
	}

	@Autowired
	Targets targets;

	@Test
	void progressOfADistrictUsesTheRolledUpValues() throws Exception {
		this.f.signIn("admin");
		Map<Integer, Double> series = this.rollups.series(this.catalogue.find("HOUSEHOLDS_GRID").orElseThrow(),
				this.geography.unit(this.t.districtId));
		assertThat(series.get(2023)).isCloseTo(80.0, within(1e-9));
		Resolution r = this.targets.importFile("""
				code: RU-%s
				issuer: UBND tỉnh (thử)
				title: Kế hoạch thử
				period: {from: 2021, to: 2023}
				scope: {province: "49"}
				targets:
				  - code: RU-01
				    indicator: JOBS_CREATED
				    comparator: GE
				    value: 90
				    target_year: 2023
				    quote: "Tạo việc làm cho ít nhất 90 lao động"
				""".formatted(this.t.tag));
		TargetProgress p = this.targets.progress(r.id(), this.t.districtId).get(0);
		// 40 + 60 from communes A and B, the district has no value of its own
		assertThat(p.evaluation().latestYear()).isEqualTo(2023);
		assertThat(p.evaluation().latest()).isEqualTo(100.0);
		assertThat(p.evaluation().verdict()).isEqualTo(vn.giamngheo.targets.domain.Verdict.MET);
		// the progress page of the district says the value is rolled up and how complete
		// it is
		this.mvc
			.perform(get("/targets/resolutions/{id}", r.id()).param("unit", String.valueOf(this.t.districtId))
				.with(authentication(this.f.auth("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2023: tổng hợp từ cấp dưới, 2/3 xã đã báo cáo")));
		// a resolution without number and date says so on its progress and scorecard
		// pages
		for (String page : new String[] { "/targets/resolutions/{id}", "/targets/resolutions/{id}/scorecard" }) {
			this.mvc.perform(get(page, r.id()).with(authentication(this.f.auth("admin"))))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"resolution-unverified\"")))
				.andExpect(content().string(containsString("chưa đối chiếu số, ngày")));
		}
		// the shared database keeps no test resolution for other tests' dashboards
		this.jdbc.sql("delete from resolution_target where resolution_id = ?").param(r.id()).update();
		this.jdbc.sql("delete from resolution where id = ?").param(r.id()).update();
	}

	@Test
	void theEntryPageShowsTheRollUpAndCompleteness() throws Exception {
		this.mvc
			.perform(get("/targets/entry").param("unit", String.valueOf(this.t.districtId))
				.param("year", "2023")
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2/3 xã đã báo cáo")))
			.andExpect(content().string(containsString("Không cộng dồn")))
			.andExpect(content().string(containsString(">100,00<")));
	}

	@Test
	void otherDistrictsAndUnknownIndicatorsAreNotFound() throws Exception {
		Territory other = new Territory(this.jdbc, "49").district("Huyện", null, false);
		this.mvc
			.perform(get("/api/v1/indicator-values/rollups").param("indicator", "JOBS_CREATED")
				.param("unit", String.valueOf(other.districtId))
				.param("year", "2023")
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/indicator-values/rollups").param("indicator", "POOR_RATE")
				.param("unit", String.valueOf(this.t.districtId))
				.param("year", "2023")
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isNotFound());
	}

}
