package vn.giamngheo.targets;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;
import vn.giamngheo.targets.domain.Judging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15, item 7: the successor targets of Thành phố Đà Nẵng 2026–2030 ship as a
 * template a user downloads, edits and loads; its scope is the 2025 city (code 48 of the
 * 2025 list, not the old Đà Nẵng), each target carries its citation and verified flag.
 */
@IntegrationTest
class ResolutionTemplateIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Targets targets;

	Fixtures f;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create();
		SecurityContextHolder.clearContext();
	}

	@Test
	void theDaNangTemplateIsDownloadedEditedAndLoadedOnThe2025City() throws Exception {
		var officer = this.f.auth(this.f.user("dntp", Role.PROVINCE_OFFICER, List.of("48@2025"), List.of("48@2025")));
		// offered on the targets page
		this.mvc.perform(get("/targets").with(authentication(officer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/targets/templates/da-nang-2026-2030.yaml")))
			.andExpect(content().string(containsString("Thành phố Đà Nẵng 2026–2030")));
		MvcResult download = this.mvc
			.perform(get("/targets/templates/da-nang-2026-2030.yaml").with(authentication(officer)))
			.andExpect(status().isOk())
			.andReturn();
		String yaml = download.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(download.getResponse().getHeader("Content-Disposition")).contains("da-nang-2026-2030.yaml");
		assertThat(yaml).contains("scope: {province: \"48\", edition: \"2025\"}")
			.contains("duy trì mức giảm 1% - 1,5%/năm")
			.contains("xuống dưới 10%");

		// the user edits it (its own code and number) and loads it
		String code = "DNG-" + this.f.tag;
		String edited = yaml.replace("code: DNG-2026-2030-MAU", "code: " + code)
			.replace("MẪU — điền số hiệu, ngày của văn bản đã ký", "Nghị quyết số 01/NQ-HĐND (thử)");
		MvcResult loaded = this.mvc
			.perform(post("/targets/resolutions").param("yaml", edited).with(authentication(officer)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		long id = Long.parseLong(loaded.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
		Map<String, Object> scope = this.jdbc
			.sql("select u.code, u.edition, u.level, u.valid_from::text as valid_from from resolution r"
					+ " join admin_unit u on u.id = r.scope_unit_id where r.id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(scope).containsEntry("code", "48")
			.containsEntry("edition", "2025")
			.containsEntry("level", "province")
			.containsEntry("valid_from", "2025-07-01");

		this.f.signIn(this.f.user("dnread", Role.PROVINCE_OFFICER, List.of("48@2025"), List.of("48@2025")));
		List<Target> stored = this.targets.targets(id);
		assertThat(stored).extracting(Target::code).containsExactly("DN-01", "DN-02");
		assertThat(stored).allSatisfy((t) -> {
			assertThat(t.legalBasis()).contains("Chương trình mục tiêu quốc gia giai đoạn 2026-2030");
			assertThat(t.verified()).isFalse();
		});
		Target fall = stored.get(0);
		assertThat(fall.indicatorCode()).isEqualTo("POOR_NEAR_POOR_RATE");
		assertThat(fall.value()).isEqualTo(1.0);
		assertThat(fall.valueMax()).isEqualTo(1.5);
		assertThat(fall.judging()).isEqualTo(Judging.EACH_YEAR);
		Target mountain = stored.get(1);
		assertThat(mountain.groupCode()).isEqualTo("MOUNTAIN");
		assertThat(mountain.value()).isEqualTo(10.0);
		assertThat(mountain.targetYear()).isEqualTo(2030);

		// the progress page names each target's basis and that it is unverified
		this.mvc.perform(get("/targets/resolutions/" + id).with(authentication(officer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("chưa đối chiếu văn bản")))
			.andExpect(content().string(containsString("Tỷ lệ nghèo đa chiều (hộ nghèo và hộ cận nghèo)")));
	}

	@Test
	void theQuangNamResolutionKeepsTheOldProvince49() {
		this.f.signIn("admin");
		this.targets.loadBundled();
		Map<String, Object> scope = this.jdbc
			.sql("select u.code, u.edition from resolution r join admin_unit u on u.id = r.scope_unit_id"
					+ " where r.code = 'QNA-TU-2021-2025'")
			.query()
			.singleRow();
		assertThat(scope).containsEntry("code", "49").containsEntry("edition", "2024");
	}

	@Test
	void aScopeOnAnUnknownUnitListIsRefusedAndAnUnknownTemplateIsNotFound() throws Exception {
		var officer = this.f.auth(this.f.nationUser("tinhx", Role.PROVINCE_OFFICER));
		String yaml = this.targets.template("da-nang-2026-2030")
			.replace("code: DNG-2026-2030-MAU", "code: BADED-" + this.f.tag)
			.replace("edition: \"2025\"", "edition: \"2030\"");
		this.mvc
			.perform(post("/api/v1/resolutions").contentType("application/yaml")
				.content(yaml)
				.with(authentication(officer))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("scope.edition")));
		this.mvc.perform(get("/targets/templates/nowhere.yaml").with(authentication(officer)))
			.andExpect(status().isNotFound());
	}

}
