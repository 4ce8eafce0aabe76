package vn.giamngheo.programmes;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalogue through the API and the page, as any signed-in role sees it.
 */
@IntegrationTest
class ProgrammeApiIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Test
	void theListHasTheProgrammeOf90QdTtgWithSevenProjects() throws Exception {
		Fixtures f = this.fixtures.create().communes();
		String officer = f.user("officer", Role.COMMUNE_OFFICER, java.util.List.of(f.a.scope()),
				java.util.List.of(f.a.scope()));
		this.mvc.perform(get("/api/v1/programmes").with(authentication(f.auth(officer))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[1].legalBasis").value(containsString("90/QĐ-TTg")))
			.andExpect(jsonPath("$.items[1].periodFrom").value(2021))
			.andExpect(jsonPath("$.items[1].verified").value(true))
			.andExpect(jsonPath("$.items[1].projects[*].code")
				.value(org.hamcrest.Matchers.contains("DA1", "DA2", "DA3", "DA4", "DA5", "DA6", "DA7")))
			.andExpect(jsonPath("$.items[2].verified").value(false))
			.andExpect(jsonPath("$.items[*].code")
				.value(org.hamcrest.Matchers.contains("GNBV-2016-2020", "GNBV-2021-2025", "MTQG-2026-2035")));
		this.mvc.perform(get("/api/v1/programmes/GNBV-2021-2025").with(authentication(f.auth(officer))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.projects", hasSize(7)))
			.andExpect(jsonPath("$.projects[2].children[1].name").value(containsString("Cải thiện dinh dưỡng")))
			.andExpect(jsonPath("$.projects[4].outputs[0].obtained").value("COUNTED"))
			.andExpect(jsonPath("$.projects[4].successor.node").value("HP4"));
		this.mvc
			.perform(get("/api/v1/programmes/GNBV-2021-2025").param("lang", "en").with(authentication(f.auth(officer))))
			.andExpect(jsonPath("$.name").value(org.hamcrest.Matchers.startsWith("National Target Programme")))
			.andExpect(jsonPath("$.projects[4].outputs[0].name").value("Houses built"));
		this.mvc.perform(get("/api/v1/programmes/NOPE-2000-2001").with(authentication(f.auth(officer))))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail").value(containsString("NOPE-2000-2001")));
	}

	@Test
	void theCataloguePageShowsTheTreeCitationsUnverifiedMarksAndTheMapping() throws Exception {
		Fixtures f = this.fixtures.create().communes();
		this.mvc.perform(get("/programmes").with(authentication(f.auth("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Dự án 5: Hỗ trợ nhà ở cho hộ nghèo")))
			.andExpect(content().string(containsString("Quyết định 90/QĐ-TTg ngày 18/01/2022")))
			.andExpect(content().string(containsString("Chưa kiểm chứng")))
			.andExpect(content().string(containsString("Giai đoạn 2021–2025")))
			.andExpect(content().string(containsString("Tiếp nối ở")))
			.andExpect(content().string(not(containsString("GNBV-2021-2025/DA5"))))
			.andExpect(content().string(not(containsString(">DA5<"))));
	}

}
