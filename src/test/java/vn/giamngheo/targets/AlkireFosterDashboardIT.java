package vn.giamngheo.targets;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.Territory;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Alkire–Foster dashboard of a test district (six households in 2023, see
 * AlkireFosterAggregatesIT): the page shows H, A and M0 with the standard's weights, k
 * and citation; the charts' tables download as CSV; a bad group is a 400 and a district
 * outside the officer's scope is not found.
 */
@IntegrationTest
class AlkireFosterDashboardIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Aggregates aggregates;

	Fixtures f;

	Territory t;

	long[] a;

	long[] b;

	String officer;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create();
		this.f.signIn("admin");
		this.t = new Territory(this.jdbc, "49").district("Huyện", "MOUNTAIN", false);
		this.a = this.t.commune("A", "Xã", false);
		this.b = this.t.commune("B", "Xã", false);
		this.t.deprivedHousehold(this.a, false, 4, 2023, "EMP", "HIN", "WAT", "SAN");
		this.t.deprivedHousehold(this.a, false, 2, 2023, "HIN", "WAT", "TEL");
		this.t.deprivedHousehold(this.a, false, 3, 2023, "WAT", "SAN");
		this.t.deprivedHousehold(this.a, false, 5, 2023);
		this.t.deprivedHousehold(this.b, true, 1, 2023, "EMP", "DEP", "NUT", "HIN", "AED");
		this.t.deprivedHousehold(this.b, false, 3, 2023, "TEL");
		this.aggregates.refreshCommunes(List.of(this.a[0], this.b[0]));
		SecurityContextHolder.clearContext();
		String district = "D" + this.t.tag + "@local";
		this.officer = this.f.user("af", Role.DISTRICT_OFFICER, List.of(district), List.of(district));
	}

	@Test
	void pageShowsTheMeasuresWithTheStandardsParameters() throws Exception {
		this.mvc
			.perform(get("/dashboards/af").param("unit", String.valueOf(this.t.districtId))
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nghèo đa chiều (Alkire–Foster)")))
			.andExpect(content().string(containsString("id=\"af-h\">50,00<")))
			.andExpect(content().string(containsString("id=\"af-a\">33,33<")))
			.andExpect(content().string(containsString("id=\"af-m0\">0,1667<")))
			.andExpect(content().string(containsString("id=\"af-k\">1/4<")))
			.andExpect(content().string(containsString("Bằng nhau: 1/12 cho mỗi chỉ số trong 12 chỉ số")))
			.andExpect(content().string(containsString("Nghị định 07/2021/NĐ-CP")))
			.andExpect(content().string(containsString("đã đối chiếu văn bản")));
		this.mvc
			.perform(get("/dashboards/af").param("unit", String.valueOf(this.t.districtId))
				.param("lang", "en")
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Multidimensional poverty (Alkire–Foster)")))
			.andExpect(content().string(not(containsString("??"))));
	}

	@Test
	void groupNarrowsTheHouseholds() throws Exception {
		this.mvc
			.perform(get("/dashboards/af").param("unit", String.valueOf(this.t.districtId))
				.param("group", "ETHNIC_MINORITY")
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"af-h\">100,00<")))
			.andExpect(content().string(containsString("id=\"af-m0\">0,4167<")));
	}

	@Test
	void chartsDownloadAsCsv() throws Exception {
		String contributions = this.mvc
			.perform(get("/dashboards/af_contributions.csv").param("unit", String.valueOf(this.t.districtId))
				.param("year", "2023")
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// HIN: 3 of 6 households deprived and poor: 1/12 x 1/2 of M0 1/6 = 25%
		assertThat(contributions).contains("HIN,Bảo hiểm y tế,1/12,50.0,50.0,25.0");
		assertThat(contributions).contains("WAT,");
		String units = this.mvc
			.perform(get("/dashboards/af_units.csv").param("unit", String.valueOf(this.t.districtId))
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// commune B (M0 5/24) ranks above commune A (M0 7/48)
		assertThat(units.indexOf("Xã B")).isLessThan(units.indexOf("Xã A"));
		assertThat(units).contains(",2,1,50.0,41.67,0.2083,");
		this.mvc
			.perform(get("/dashboards/af_heatmap.xlsx").param("unit", String.valueOf(this.t.districtId))
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isOk());
	}

	@Test
	void badGroupIsRefusedAndOtherDistrictsAreNotFound() throws Exception {
		this.mvc
			.perform(get("/dashboards/af").param("unit", String.valueOf(this.t.districtId))
				.param("group", "NOPE")
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isBadRequest());
		Territory other = new Territory(this.jdbc, "49").district("Huyện", null, false);
		this.mvc
			.perform(get("/dashboards/af").param("unit", String.valueOf(other.districtId))
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/dashboards/af_units.csv").param("unit", String.valueOf(other.districtId))
				.with(authentication(this.f.auth(this.officer))))
			.andExpect(status().isNotFound());
	}

}
