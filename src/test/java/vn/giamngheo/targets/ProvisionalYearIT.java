package vn.giamngheo.targets;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.Territory;
import vn.giamngheo.analytics.UnitFigures;
import vn.giamngheo.analytics.YearStatus;
import vn.giamngheo.analytics.YearStatuses;
import vn.giamngheo.analytics.domain.Group;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A review in progress is never read as the unit's figure: a district of three communes
 * (ten households each) whose 2024 and 2025 figures are final, and a 2026 review in which
 * only commune A is recognised so far (its poor and near-poor households re-assessed).
 * The dashboard, its files and the API default to 2025; 2026 is given only on request, as
 * provisional with its coverage; once every commune is recognised (approved where two
 * levels apply) 2026 is final. Rates divide by every household living in the commune, not
 * by the households the review listed.
 */
@IntegrationTest
class ProvisionalYearIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Aggregates aggregates;

	@Autowired
	Dashboards dashboards;

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	Fixtures f;

	String officer;

	Territory t;

	long[] a;

	long[] b;

	long[] c;

	UUID review;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create();
		this.officer = this.f.nationUser("tinh", Role.PROVINCE_OFFICER);
		this.t = new Territory(this.jdbc, "12").district("Huyện", "MOUNTAIN", false);
		this.a = this.t.commune("A", "Xã", false);
		this.b = this.t.commune("B", "Xã", false);
		this.c = this.t.commune("C", "Xã", false);
		for (long[] commune : List.of(this.a, this.b, this.c)) {
			// 2024, 2025; in 2026 commune A's review re-assesses its poor and near-poor
			// households only (as the worklist lists them)
			boolean reviewed = commune == this.a;
			this.t.household(commune, true, false, 4, 900_000, 2024, reviewed ? "PPP" : "PP");
			this.t.household(commune, true, false, 4, 1_500_000, 2024, reviewed ? "NNN" : "NN");
			for (int k = 0; k < 8; k++) {
				this.t.household(commune, true, false, 4, 5_000_000, 2024, "OO");
			}
		}
		this.review = this.jdbc
			.sql("insert into review (province_code, province_id, province_path, year, standard_key, window_from,"
					+ " window_to, created_by) select '12', id, path, 2026, '2022-2025', date '2026-09-01',"
					+ " date '2026-12-14', 'test' from admin_unit where code = '12' and edition = '2024'"
					+ " on conflict (province_code, year) do update set created_by = 'test' returning id")
			.query(UUID.class)
			.single();
		for (long[] commune : List.of(this.a, this.b, this.c)) {
			this.jdbc
				.sql("insert into review_unit (review_id, commune_id, province_code, unit_path)"
						+ " select ?, id, '12', path from admin_unit where id = ?")
				.params(this.review, commune[0])
				.update();
		}
		recognise(this.a, "2026-12-01");
		this.aggregates.refreshCommunes(List.of(this.a[0], this.b[0], this.c[0]));
		this.f.signIn(this.officer);
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
		this.jdbc.sql("delete from review_unit where review_id = ?").param(this.review).update();
	}

	void recognise(long[] commune, String date) {
		this.jdbc
			.sql("update review_unit set decision_no = '12/QĐ-UBND', decision_date = cast(? as date),"
					+ " decision_signer = 'Chủ tịch' where review_id = ? and commune_id = ?")
			.params(date, this.review, commune[0])
			.update();
	}

	@Test
	void aReviewInProgressIsProvisionalWithItsCoverageAndTheDefaultIsTheLastFinalYear() {
		YearStatuses statuses = this.aggregates.statuses(this.t.districtId);
		assertThat(statuses.isFinal(2024)).isTrue();
		assertThat(statuses.isFinal(2025)).isTrue();
		YearStatus y2026 = statuses.of(2026).orElseThrow();
		assertThat(y2026.status()).isEqualTo(YearStatus.Status.PROVISIONAL);
		assertThat(y2026.review()).isTrue();
		// 1 of 3 communes, 2 of 30 households
		assertThat(List.of(y2026.communesDone(), y2026.communes())).containsExactly(1, 3);
		assertThat(List.of(y2026.householdsAssessed(), y2026.households())).containsExactly(2L, 30L);
		assertThat(statuses.lastFinal()).contains(2025);

		Dashboards.Dashboard d = this.dashboards.dashboard(this.t.districtId, null);
		assertThat(d.year()).isEqualTo(2025);
		assertThat(d.provisional()).isFalse();
		assertThat(d.overview().rows()).extracting((r) -> r.get(0)).containsExactly(2024, 2025);

		Dashboards.Dashboard asked = this.dashboards.dashboard(this.t.districtId, 2026);
		assertThat(asked.year()).isEqualTo(2026);
		assertThat(asked.provisional()).isTrue();
		assertThat(asked.overview().rows()).extracting((r) -> r.get(0) + " " + r.get(1))
			.containsExactly("2024 FINAL", "2025 FINAL", "2026 PROVISIONAL");
	}

	@Test
	void everyRateDividesByTheHouseholdsLivingThereNotByThoseTheReviewListed() {
		UnitFigures commune = this.aggregates.byChildren(this.t.districtId, 2026, Group.ALL)
			.stream()
			.filter((u) -> u.unitId() == this.a[0])
			.findFirst()
			.orElseThrow();
		// the review listed 2 households; the 8 others keep their class: 1 poor of 10
		assertThat(commune.figures().households()).isEqualTo(10);
		assertThat(commune.figures().poorRate()).isEqualTo(10.0);
		assertThat(commune.figures().nearPoorRate()).isEqualTo(10.0);
	}

	@Test
	void theApiAndThePageSayProvisionalAndDefaultToTheFinalYear() throws Exception {
		var auth = authentication(this.f.auth(this.officer));
		this.mvc.perform(get("/api/v1/analytics/series").param("unit", String.valueOf(this.t.districtId)).with(auth))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[1].year").value(2025))
			.andExpect(jsonPath("$[1].status").value("FINAL"));
		this.mvc
			.perform(get("/api/v1/analytics/series").param("unit", String.valueOf(this.t.districtId))
				.param("provisional", "true")
				.with(auth))
			.andExpect(jsonPath("$[2].year").value(2026))
			.andExpect(jsonPath("$[2].status").value("PROVISIONAL"))
			.andExpect(jsonPath("$[2].coverage.communesDone").value(1))
			.andExpect(jsonPath("$[2].coverage.communes").value(3))
			.andExpect(jsonPath("$[2].coverage.householdsAssessed").value(2))
			.andExpect(jsonPath("$[2].coverage.households").value(30));
		this.mvc.perform(get("/api/v1/analytics/children").param("unit", String.valueOf(this.t.districtId)).with(auth))
			.andExpect(header().string("Figures-Year", "2025"))
			.andExpect(header().string("Figures-Status", "FINAL"));
		this.mvc
			.perform(get("/api/v1/analytics/children").param("unit", String.valueOf(this.t.districtId))
				.param("year", "2026")
				.with(auth))
			.andExpect(header().string("Figures-Status", "PROVISIONAL"));

		this.mvc.perform(get("/dashboards").param("unit", String.valueOf(this.t.districtId)).with(auth))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Số liệu chính thức năm 2025.")))
			.andExpect(content().string(containsString("2026 (tạm tính)")))
			.andExpect(content().string(not(containsString("đang rà soát"))));
		this.mvc.perform(
				get("/dashboards").param("unit", String.valueOf(this.t.districtId)).param("year", "2026").with(auth))
			.andExpect(content().string(containsString("data-provisional=\"true\"")))
			.andExpect(content().string(containsString(
					"Năm 2026: số liệu tạm tính, đang rà soát — 1 trên 3 xã đã công nhận kết quả, 2 trên 30 hộ đã được công nhận.")))
			.andExpect(content().string(containsString("Mặc định hiển thị năm có số liệu chính thức gần nhất: 2025.")));
		this.mvc
			.perform(get("/dashboards/comparison.csv").param("unit", String.valueOf(this.t.districtId))
				.param("year", "2026")
				.with(auth))
			.andExpect(content().string(containsString("Tạm tính — Năm 2026: số liệu tạm tính")));
	}

	@Test
	void theYearIsFinalOnceEveryCommuneIsRecognisedAndApprovedWhereTwoLevelsApply() {
		recognise(this.b, "2026-12-05");
		// a decision before 1 July 2025 under a district: two levels, approval needed
		recognise(this.c, "2025-06-30");
		this.aggregates.refreshCommunes(List.of(this.b[0], this.c[0]));
		assertThat(this.aggregates.statuses(this.t.districtId).isFinal(2026)).isFalse();
		this.jdbc.sql("update review_unit set sign_off = 'APPROVED' where review_id = ? and commune_id = ?")
			.params(this.review, this.c[0])
			.update();
		YearStatuses statuses = this.aggregates.statuses(this.t.districtId);
		assertThat(statuses.isFinal(2026)).isTrue();
		assertThat(statuses.lastFinal()).contains(2026);
		assertThat(this.dashboards.dashboard(this.t.districtId, null).year()).isEqualTo(2026);
		// communes whose review listed none of their households are counted in full
		assertThat(this.aggregates.series(this.t.districtId, Group.ALL)
			.stream()
			.filter((x) -> x.year() == 2026)
			.findFirst()
			.orElseThrow()
			.households()).isEqualTo(30);
	}

}
