package vn.giamngheo.registry;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.shared.text.TextNormalizer;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A poor household's page, as the commune officer reads it: for each year the class, the
 * legal act of the standard, income against the line, and each deprivation by its
 * Vietnamese name with the fact that caused it; never a bare indicator code or stored
 * value; a warning under a standard whose text is not verified.
 */
@IntegrationTest
class HouseholdExplanationIT {

	/** Every indicator code of the shipped standards, and the coded values they test. */
	static final Pattern CODES = Pattern.compile(
			"\\b(EMP|DEP|NUT|HIN|AED|CED|HQU|HAR|WAT|SAN|TEL|INF|NON_DURABLE|MAKESHIFT|SURFACE_WATER|UNHYGIENIC_PIT|POOR|NEAR_POOR)\\b");

	@Autowired
	FixtureFactory fixtureFactory;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	Fixtures fixtures;

	String officer;

	String childName;

	@BeforeEach
	void poorHousehold() {
		this.fixtures = this.fixtureFactory.create().communes();
		this.officer = this.fixtures.user("explain", Role.COMMUNE_OFFICER, List.of(this.fixtures.a.code() + "@2024"),
				List.of(this.fixtures.a.code() + "@2024"));
		UUID household = this.fixtures.a.household();
		this.childName = "Nguyễn Văn Bé" + this.fixtures.tag;
		this.jdbc.sql("""
				insert into member (household_id, province_code, full_name, full_name_norm, sex, date_of_birth,
				  ethnicity_code, relation, education_level, in_school, health_insurance)
				values (?, '49', ?, ?, 'M', date '2016-03-01', '26', 'CHILD', 'NONE', false, true)""")
			.params(household, this.childName, TextNormalizer.fold(this.childName))
			.update();
		this.jdbc.sql("""
				insert into household_assessment (household_id, province_code, year, standard_key, survey_date,
				  member_count, income_per_capita, housing_quality, floor_area_m2, water_source, latrine,
				  telecom_use, internet_use, info_devices, loudspeaker_reach, waste_handling,
				  deprivations, deprivation_count, classification)
				values (?, '49', 2025, '2022-2025', date '2025-11-10', 2, 1200000, 'NON_DURABLE', 30.0,
				  'SURFACE_WATER', 'SEPTIC', true, false, true, true, 'COLLECTED', '{CED,HQU,WAT}', 3, 'POOR')""")
			.param(household)
			.update();
		this.jdbc.sql("""
				insert into household_assessment (household_id, province_code, year, standard_key, survey_date,
				  member_count, income_per_capita, deprivations, deprivation_count, classification)
				values (?, '49', 2026, '2026', date '2026-11-10', 2, 2100000, '{HQU}', 1, 'NEAR_POOR')""")
			.param(household)
			.update();
	}

	/**
	 * The embedded database is shared by every test of the run: the province-wide checks
	 * of the demo (DemoLoaderIT) must not read this test's years.
	 */
	@AfterEach
	void removeTheYears() {
		this.jdbc.sql("delete from household_assessment where household_id = ?")
			.param(this.fixtures.a.household())
			.update();
	}

	String page() throws Exception {
		return this.mvc
			.perform(get("/households/" + this.fixtures.a.household())
				.with(authentication(this.fixtures.auth(this.officer))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/**
	 * The text of a page from a year's block (or the whole history) to the member table.
	 */
	static String text(String html, String from) {
		int start = html.indexOf(from);
		assertThat(start).as(from).isNotNegative();
		int end = html.indexOf("id=\"members\"", start);
		if (from.startsWith("id=\"year-")) {
			int next = html.indexOf("id=\"year-", start + from.length());
			end = (next > 0 && next < end) ? next : end;
		}
		return html.substring(html.indexOf('>', start) + 1, end)
			.replaceAll("<[^>]*>", " ")
			.replace("&#39;", "'")
			.replaceAll("\\s+", " ")
			.replace(" : ", ": ")
			.strip();
	}

	@Test
	void namesTheLegalActAndEachDeprivationWithItsFactInVietnamese() throws Exception {
		String page = page();
		String year = text(page, "id=\"year-2025\"");
		assertThat(year).contains("Hộ nghèo", "Nghị định 07/2021/NĐ-CP", "1.200.000", "chuẩn nghèo 1.500.000 đồng")
			.contains("Tình trạng đi học của trẻ em — Thành viên " + this.childName + ", 9 tuổi, không đi học")
			.contains("Chất lượng nhà ở — Nhà ở: thiếu kiên cố")
			.contains("Nguồn nước sinh hoạt — Nguồn nước: nước sông, suối, ao, hồ");
		assertThat(year).doesNotContain("chưa được kiểm chứng");
		String history = text(page, "id=\"history\"");
		assertThat(CODES.matcher(history).find()).as("no bare code in %s", history).isFalse();
	}

	@Test
	void warnsWhereTheStandardsTextIsNotVerifiedAndNamesWithoutGuessing() throws Exception {
		String year = text(page(), "id=\"year-2026\"");
		assertThat(year).contains("Hộ cận nghèo", "Nghị định 351/2025/NĐ-CP", "Chất lượng nhà ở")
			.doesNotContain("thiếu kiên cố");
		assertThat(year).contains("Cảnh báo: văn bản của chuẩn này chưa được kiểm chứng");
	}

}
