package vn.giamngheo.targets;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.Territory;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Importing a resolution file and entering indicator values through the API: row-level
 * errors, nothing kept on a bad file, roles and scope, four-eyes approval.
 */
@IntegrationTest
class ResolutionsApiIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Aggregates aggregates;

	Fixtures f;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		SecurityContextHolder.clearContext();
	}

	String file(String code, String comparator) {
		return """
				code: %s
				issuer: UBND huyện Tây Giang
				title: Kế hoạch giảm nghèo huyện 2026-2030
				period: {from: 2026, to: 2030}
				scope: {province: "49", unit: "504"}
				targets:
				  - code: TG-01
				    indicator: POOR_RATE
				    group: ETHNIC_MINORITY
				    comparator: %s
				    value: 2
				    value_max: 3
				    baseline_year: 2025
				    quote: "Giảm tỷ lệ hộ nghèo đồng bào DTTS bình quân 2-3%%/năm"
				""".formatted(code, comparator);
	}

	@Test
	void aProvinceOfficerImportsADistrictResolution() throws Exception {
		var officer = this.f.auth(this.f.nationUser("tinh", Role.PROVINCE_OFFICER));
		String code = "TG-" + this.f.tag;
		this.mvc
			.perform(post("/api/v1/resolutions").contentType("application/yaml")
				.content(file(code, "REDUCE_PP_PER_YEAR"))
				.with(authentication(officer))
				.with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.periodFrom").value(2026));
		this.mvc.perform(get("/api/v1/resolutions").with(authentication(officer)))
			.andExpect(jsonPath("$[*].code", hasItem(code)));
		// the same code again: conflict
		this.mvc
			.perform(post("/api/v1/resolutions").contentType("application/yaml")
				.content(file(code, "REDUCE_PP_PER_YEAR"))
				.with(authentication(officer))
				.with(csrf()))
			.andExpect(status().isConflict());
	}

	@Test
	void aBadFileIsRefusedFieldByFieldAndNothingIsKept() throws Exception {
		var officer = this.f.auth(this.f.nationUser("tinh", Role.PROVINCE_OFFICER));
		String code = "BAD-" + this.f.tag;
		String bad = file(code, "SOMETIMES").replace("POOR_RATE", "HAPPINESS").replace("2030}", "2020}");
		this.mvc
			.perform(post("/api/v1/resolutions").contentType("application/yaml")
				.content(bad)
				.with(authentication(officer))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("targets[1].indicator")))
			.andExpect(content().string(containsString("targets[1].comparator")))
			.andExpect(content().string(containsString("period.to")));
		org.assertj.core.api.Assertions.assertThat(
				this.jdbc.sql("select count(*) from resolution where code = ?").param(code).query(Long.class).single())
			.isZero();
	}

	@Test
	void aCommuneOfficerCannotImport() throws Exception {
		String a = this.f.a.code() + "@2024";
		var officer = this.f.auth(this.f.user("xa", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
		this.mvc
			.perform(post("/api/v1/resolutions").contentType("application/yaml")
				.content(file("X-" + this.f.tag, "REDUCE_PP_PER_YEAR"))
				.with(authentication(officer))
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void enteredValuesAreCheckedAndApprovedBySomeoneElse() throws Exception {
		String a = this.f.a.code() + "@2024";
		var clerk = this.f.auth(this.f.user("xa", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
		var province = this.f.auth(this.f.nationUser("tinh", Role.PROVINCE_OFFICER));
		long unit = this.f.a.id();
		// one value out of range: nothing is saved
		this.mvc
			.perform(put("/api/v1/indicator-values").contentType(MediaType.APPLICATION_JSON)
				.content("{\"unit\":" + unit
						+ ",\"year\":2024,\"values\":{\"HOUSEHOLDS_GRID\":\"96,5\",\"CHILD_MALNUTRITION\":\"120\"}}")
				.with(authentication(clerk))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("CHILD_MALNUTRITION"));
		this.mvc
			.perform(get("/api/v1/indicator-values").param("unit", "" + unit)
				.param("year", "2024")
				.with(authentication(clerk)))
			.andExpect(jsonPath("$[?(@.indicator.code == 'HOUSEHOLDS_GRID')].value")
				.value(org.hamcrest.Matchers.contains((Object) null)));
		this.mvc
			.perform(put("/api/v1/indicator-values").contentType(MediaType.APPLICATION_JSON)
				.content("{\"unit\":" + unit + ",\"year\":2024,\"values\":{\"HOUSEHOLDS_GRID\":\"96,5\"}}")
				.with(authentication(clerk))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.saved").value(1));
		long id = this.jdbc.sql(
				"select id from indicator_value where unit_id = ? and indicator_code = 'HOUSEHOLDS_GRID' and year = 2024")
			.param(unit)
			.query(Long.class)
			.single();
		// the clerk may not approve (role), the province officer may
		this.mvc
			.perform(post("/api/v1/indicator-values/" + id + "/approvals").param("version", "0")
				.with(authentication(clerk))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/indicator-values/" + id + "/approvals").param("version", "0")
				.with(authentication(province))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"));
		// approved: locked
		this.mvc
			.perform(put("/api/v1/indicator-values").contentType(MediaType.APPLICATION_JSON)
				.content("{\"unit\":" + unit + ",\"year\":2024,\"values\":{\"HOUSEHOLDS_GRID\":\"97\"}}")
				.with(authentication(clerk))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("HOUSEHOLDS_GRID")));
		org.assertj.core.api.Assertions
			.assertThat(this.jdbc
				.sql("select count(*) from audit_event where entity_type = 'INDICATOR_VALUE' and entity_id = ?")
				.param(Long.toString(id))
				.query(Long.class)
				.single())
			.isEqualTo(2);
	}

	@Autowired
	@vn.giamngheo.shared.db.OwnerDatabase
	javax.sql.DataSource owner;

	@Test
	void aMovedHouseholdsOldYearIsShownReBasedOnThe2025UnitsAndItsNewYearThere() throws Exception {
		Territory t = new Territory(this.jdbc, "49");
		long dang = this.f.a.id();
		long[] commune = { dang, this.f.a.villageId() };
		java.util.UUID household = t.household(commune, true, false, 4, 1_000_000, 2024, "PP");
		long newUnit = this.jdbc.sql("select x.new_unit_id from unit_crosswalk x where x.old_unit_id = ? limit 1")
			.param(dang)
			.query(Long.class)
			.single();
		long daNang = this.jdbc.sql("select parent_id from admin_unit where id = ?")
			.param(newUnit)
			.query(Long.class)
			.single();
		// moved at the reform (ADR 0031): its old address kept, its current one in the
		// 2025 commune (a village of it)
		long village = this.jdbc
			.sql("insert into admin_unit (code, edition, level, depth, type, name, short_name, name_norm, parent_id,"
					+ " province_code, path, urban, valid_from, synthetic) select ?, 'local', 'village', depth + 1,"
					+ " 'Thôn', 'Thôn Mới', 'Thôn Mới', 'thôn mới', id, province_code, path, false,"
					+ " date '2025-07-01', false from admin_unit where id = ? returning id")
			.params("V" + t.tag, newUnit)
			.query(Long.class)
			.single();
		this.jdbc.sql("update admin_unit set path = path || id || '/' where id = ?").param(village).update();
		Territory.move(JdbcClient.create(this.owner), household, "48", newUnit, village);
		this.aggregates.refreshCommunes(List.of(newUnit));
		var admin = this.f.auth("admin");
		// the 2025 commune shows its household's 2024, re-based, and its 2025
		this.mvc.perform(get("/api/v1/analytics/series").param("unit", "" + newUnit).with(authentication(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.year == 2024)].poorHouseholds",
					hasItem(org.hamcrest.Matchers.greaterThanOrEqualTo(1))))
			.andExpect(jsonPath("$[?(@.year == 2024)].basis", hasItem("REBASED")))
			.andExpect(jsonPath("$[?(@.year == 2025)].basis", hasItem("OWN")));
		// the 2025 city (Đà Nẵng) holds former Quảng Nam's commune, re-based in 2024
		this.mvc
			.perform(get("/api/v1/analytics/children").param("unit", "" + daNang)
				.param("year", "2024")
				.with(authentication(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].unitId", hasItem((int) newUnit)));
		// the old commune keeps its 2024 and has no 2025
		this.mvc.perform(get("/api/v1/analytics/series").param("unit", "" + dang).with(authentication(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.year == 2024)].poorHouseholds",
					hasItem(org.hamcrest.Matchers.greaterThanOrEqualTo(1))))
			.andExpect(jsonPath("$[?(@.year == 2025)]").isEmpty());
	}

}
