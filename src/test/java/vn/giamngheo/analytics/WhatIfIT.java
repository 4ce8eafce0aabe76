package vn.giamngheo.analytics;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * What-if (issue 15 item 6): a draft that raises the rural poverty line moves exactly the
 * households it should, from their latest recognised assessment, and writes nothing to
 * the registry; a malformed draft is refused naming its field and stores nothing; the
 * XLSX lists the changed households with their reasons; another province is refused.
 */
@IntegrationTest
class WhatIfIT {

	/** 2022–2025 with the rural poverty line raised from 1,500,000 to 2,000,000. */
	static final String DRAFT = """
			key: 2022-2025-draft
			base: 2022-2025
			version: 1
			name: {vi: "Dự thảo: chuẩn nông thôn 2.000.000", en: "Draft: rural line 2,000,000"}
			legal_act: {vi: Dự thảo của tỉnh, en: Provincial draft}
			income_way:
			  poverty_line:
			    rural:
			      value: 2000000
			      legal_basis: Dự thảo thử / Trial draft
			      verified: false
			""";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	FixtureFactory fixtures;

	Territory t;

	Fixtures f;

	Authentication province;

	long[] one;

	long[] two;

	UUID h1;

	UUID h2;

	UUID h6;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create();
		this.t = new Territory(this.jdbc, "49").district("Huyện", null, false);
		this.one = this.t.commune("Một", "Xã", false);
		this.two = this.t.commune("Hai", "Xã", false);
		this.province = this.f.auth(this.f.user("tinh", Role.PROVINCE_OFFICER, List.of("49@2024"), List.of("49@2024")));
		// commune one: H1 middle → near-poor, H2 middle → poor, H3 stays middle, H4
		// stays poor
		this.h1 = household(this.one, 2024, 1_600_000, "MIDDLE", true);
		this.h2 = household(this.one, 2024, 1_800_000, "MIDDLE", true, "WAT", "SAN", "TEL");
		household(this.one, 2024, 2_100_000, "MIDDLE", true, "WAT", "SAN", "TEL");
		household(this.one, 2024, 1_000_000, "POOR", true, "WAT", "SAN", "TEL");
		// commune two: H5 stays near-poor; H6's latest year (2024) decides, not 2021;
		// H7's unrecognised 2025 row is not read
		UUID h5 = household(this.two, 2024, 1_400_000, "NEAR_POOR", true);
		assess(h5, 2020, 800_000, "POOR", true, "WAT", "SAN", "TEL");
		this.h6 = household(this.two, 2024, 1_900_000, "MIDDLE", true, "HIN");
		assess(this.h6, 2021, 900_000, "POOR", true, "WAT", "SAN", "TEL");
		UUID h7 = household(this.two, 2024, 3_000_000, "ABOVE_MIDDLE", true);
		assess(h7, 2025, 500_000, "POOR", false, "WAT", "SAN", "TEL");
	}

	UUID household(long[] commune, int year, long income, String cls, boolean recognised, String... deprivations) {
		UUID id = this.t.household(commune, false, false, 4, income, year, "-");
		assess(id, year, income, cls, recognised, deprivations);
		return id;
	}

	void assess(UUID id, int year, long income, String cls, boolean recognised, String... deprivations) {
		this.jdbc
			.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
					+ " income_per_capita, deprivations, deprivation_count, classification, recognised, source)"
					+ " values (?, '49', ?, ?, 4, ?, ?, ?, ?, ?, 'MANUAL')")
			.params(id, year, Territory.standardOf(year), income, deprivations, deprivations.length, cls, recognised)
			.update();
	}

	String registry() {
		return this.jdbc
			.sql("select md5(coalesce(string_agg(x, '|' order by x), '')) from (select s::text as x from"
					+ " household_assessment s union all select h::text from household h) d")
			.query(String.class)
			.single();
	}

	MvcResult start(Authentication who, long unit, String standard, String fileName, String draft) throws Exception {
		var request = multipart("/api/v1/whatifs").param("unitId", String.valueOf(unit));
		if (standard != null) {
			request.param("standard", standard);
		}
		if (draft != null) {
			request.file(new MockMultipartFile("draft", fileName, "application/yaml",
					draft.getBytes(StandardCharsets.UTF_8)));
		}
		return this.mvc.perform(request.with(authentication(who)).with(csrf())).andReturn();
	}

	String finished(String id) throws Exception {
		for (int i = 0; i < 300; i++) {
			String body = this.mvc.perform(get("/api/v1/whatifs/" + id).with(authentication(this.province)))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			if (!"RUNNING".equals(JsonPath.read(body, "$.status"))) {
				return body;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the what-if did not finish");
	}

	int runs() {
		return this.jdbc.sql("select count(*) from whatif_run").query(Integer.class).single();
	}

	@Test
	void aHigherRuralLineMovesTheExpectedHouseholdsAndLeavesTheRegistryAsItWas() throws Exception {
		String before = registry();
		MvcResult started = start(this.province, this.t.districtId, null, "nang-chuan.yaml", DRAFT);
		assertThat(started.getResponse().getStatus()).isEqualTo(202);
		String id = JsonPath.read(started.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id");
		String run = finished(id);
		assertThat((String) JsonPath.read(run, "$.status")).isEqualTo("DONE");
		assertThat((Integer) JsonPath.read(run, "$.households")).isEqualTo(7);
		assertThat((Integer) JsonPath.read(run, "$.changed")).isEqualTo(3);
		assertThat((String) JsonPath.read(run, "$.standardKind")).isEqualTo("DRAFT");

		String communes = this.mvc
			.perform(get("/api/v1/whatifs/" + id + "/communes").with(authentication(this.province)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String c1 = "$.communes[?(@.communeId == " + this.one[0] + ")]";
		String c2 = "$.communes[?(@.communeId == " + this.two[0] + ")]";
		assertThat((List<Integer>) JsonPath.read(communes, c1 + ".households")).containsExactly(4);
		assertThat((List<Integer>) JsonPath.read(communes, c1 + ".poorNow")).containsExactly(1);
		assertThat((List<Integer>) JsonPath.read(communes, c1 + ".poorThen")).containsExactly(2);
		assertThat((List<Integer>) JsonPath.read(communes, c1 + ".nearPoorThen")).containsExactly(1);
		assertThat((List<Double>) JsonPath.read(communes, c1 + ".poorRateThen")).containsExactly(50.0);
		assertThat((List<Integer>) JsonPath.read(communes, c2 + ".nearPoorNow")).containsExactly(1);
		assertThat((List<Integer>) JsonPath.read(communes, c2 + ".nearPoorThen")).containsExactly(2);
		assertThat((List<Integer>) JsonPath.read(communes, c2 + ".poorThen")).containsExactly(0);
		assertThat((Integer) JsonPath.read(communes, "$.total.poorThen")).isEqualTo(2);
		assertThat((String) JsonPath.read(communes, "$.policiesNote"))
			.contains("chưa tính số hộ, số người mỗi chính sách");

		String changes = this.mvc.perform(get("/api/v1/whatifs/" + id + "/changes").with(authentication(this.province)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat((List<String>) JsonPath.read(changes, "$[*].householdId"))
			.containsExactlyInAnyOrder(this.h1.toString(), this.h2.toString(), this.h6.toString());
		String h2Reason = ((List<String>) JsonPath.read(changes, "$[?(@.householdId == '" + this.h2 + "')].reason"))
			.get(0);
		assertThat(h2Reason).contains("1.800.000", "2.000.000", "hộ nghèo", "Nguồn nước sinh hoạt")
			.doesNotContain("WAT");
		assertThat((List<String>) JsonPath.read(changes, "$[?(@.householdId == '" + this.h6 + "')].classThen"))
			.containsExactly("NEAR_POOR");
		// nothing written to the registry
		assertThat(registry()).isEqualTo(before);

		// the page shows the result
		String page = this.mvc.perform(get("/whatif/" + id).with(authentication(this.province)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Hộ nghèo theo chuẩn thử",
				"Lần thử chưa tính số hộ, số người mỗi chính sách hỗ trợ sẽ bao phủ", "1.800.000");

		// the XLSX: Vietnamese headers, the figures and the changed households
		MvcResult xlsx = this.mvc.perform(get("/whatif/" + id + "/workbook").with(authentication(this.province)))
			.andReturn();
		assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
		List<List<String>> sheets = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(
				new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
			for (Sheet sheet : wb.getSheets().toList()) {
				List<String> cells = new ArrayList<>();
				for (Row r : sheet.read()) {
					for (int c = 0; c < r.getCellCount(); c++) {
						cells.add(r.getCellText(c));
					}
				}
				sheets.add(cells);
			}
		}
		assertThat(sheets).hasSize(2);
		assertThat(sheets.get(0)).contains("Xã", "Hộ nghèo hiện nay", "Hộ nghèo theo chuẩn thử", "Tổng");
		String headOfH2 = this.jdbc.sql("select head_name from household where id = ?")
			.param(this.h2)
			.query(String.class)
			.single();
		assertThat(sheets.get(1)).contains("Mã hộ", "Chủ hộ", "Lý do", headOfH2, "Hộ nghèo", h2Reason);
		assertThat(sheets.get(1).stream().filter((c) -> c.startsWith("T" + this.t.tag + "-"))).hasSize(3);
		// the download is a disclosure of personal data, audited
		assertThat(this.jdbc.sql(
				"select count(*) from audit_event where entity_type = 'WHATIF' and entity_id = ? and action = 'EXPORT'")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(registry()).isEqualTo(before);
	}

	@Test
	void aNationalStandardAndALocalOverlayRunToo() throws Exception {
		MvcResult national = start(this.province, this.t.districtId, "2027-2030", null, null);
		String run = finished(JsonPath.read(national.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id"));
		assertThat((String) JsonPath.read(run, "$.status")).isEqualTo("DONE");
		assertThat((String) JsonPath.read(run, "$.standardKind")).isEqualTo("NATIONAL");
		// 2027–2030 adds waste handling, which the 2022–2025 surveys did not assess
		assertThat((List<String>) JsonPath.read(run, "$.notAssessed")).isNotEmpty();
		MvcResult local = start(this.province, this.t.districtId, "dong-nai-2022-2025", null, null);
		String runLocal = finished(
				JsonPath.read(local.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id"));
		assertThat((String) JsonPath.read(runLocal, "$.standardKind")).isEqualTo("LOCAL");
		// 2,000,000 rural and 2 deprivations: H1, H2, H6 and H3 (3 deprivations, 2.1M >
		// 2.0M stays) → H1 near-poor, H2 poor, H6 near-poor
		assertThat((Integer) JsonPath.read(runLocal, "$.changed")).isEqualTo(3);
	}

	@Test
	void aMalformedDraftIsRefusedNamingItsFieldAndNothingIsStored() throws Exception {
		int before = runs();
		String bad = DRAFT.replace("value: 2000000", "value: -5");
		MvcResult r = start(this.province, this.t.districtId, null, "sai.yaml", bad);
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat((String) JsonPath.read(body, "$.field")).isEqualTo("income_way.poverty_line.rural.value");
		assertThat((String) JsonPath.read(body, "$.file")).isEqualTo("sai.yaml");
		assertThat((List<String>) JsonPath.read(body, "$.errors[*].field"))
			.containsExactly("income_way.poverty_line.rural.value");
		assertThat((String) JsonPath.read(body, "$.detail")).contains("sai.yaml");
		// not YAML at all, and an unknown base
		MvcResult notYaml = start(this.province, this.t.districtId, null, "x.yaml", "key: [unclosed\n  - : :");
		assertThat(notYaml.getResponse().getStatus()).isEqualTo(422);
		MvcResult unknownBase = start(this.province, this.t.districtId, null, "y.yaml",
				DRAFT.replace("base: 2022-2025", "base: 1999"));
		assertThat(unknownBase.getResponse().getStatus()).isEqualTo(422);
		assertThat(
				(String) JsonPath.read(unknownBase.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.field"))
			.isEqualTo("base");
		assertThat(runs()).isEqualTo(before);
	}

	@Test
	void anotherProvinceIsRefusedAndALeaderMayNotRunIt() throws Exception {
		long laiChau = this.jdbc
			.sql("select id from admin_unit where code = '12' and level = 'province' and edition = '2024'")
			.query(Long.class)
			.single();
		int before = runs();
		assertThat(start(this.province, laiChau, "2027-2030", null, null).getResponse().getStatus()).isEqualTo(404);
		Authentication commune = this.f
			.auth(this.f.user("xa", Role.COMMUNE_OFFICER, List.of("20464@2024"), List.of("20464@2024")));
		assertThat(start(commune, this.t.districtId, "2027-2030", null, null).getResponse().getStatus()).isEqualTo(404);
		Authentication leader = this.f.auth(this.f.user("lanhdao", Role.LEADER, List.of("49@2024"), List.of()));
		assertThat(start(leader, this.t.districtId, "2027-2030", null, null).getResponse().getStatus()).isEqualTo(403);
		assertThat(runs()).isEqualTo(before);
		// a run of this province is not visible to an officer of another
		String id = JsonPath.read(start(this.province, this.t.districtId, "2027-2030", null, null).getResponse()
			.getContentAsString(StandardCharsets.UTF_8), "$.id");
		finished(id);
		Authentication other = this.f
			.auth(this.f.user("laichau", Role.PROVINCE_OFFICER, List.of("12@2024"), List.of("12@2024")));
		assertThat(this.mvc.perform(get("/api/v1/whatifs/" + id).with(authentication(other)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(get("/whatif/" + id + "/workbook").with(authentication(other)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

}
