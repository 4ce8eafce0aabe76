package vn.giamngheo.identity;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A commune officer who asks for the household list of an ancestor unit (the district,
 * visible for navigation) gets only the households of their own commune.
 */
@IntegrationTest
class ScopedHouseholdListIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDistrictListShowsACommuneOfficerOnlyTheirCommune() throws Exception {
		Fixtures f = this.fixtures.create().communes();
		String officer = f.user("xa", Role.COMMUNE_OFFICER, List.of(f.a.code() + "@2024"),
				List.of(f.a.code() + "@2024"));
		long district = this.jdbc.sql("select parent_id from admin_unit where id = ?")
			.param(f.a.id())
			.query(Long.class)
			.single();
		for (String url : List.of("/api/v1/households?size=200&unit=" + district, "/api/v1/households?size=200",
				"/households?unit=" + district, "/api/v1/households?q=" + f.b.headName())) {
			String body = this.mvc.perform(get(url).with(authentication(f.auth(officer))))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as(url).doesNotContain(f.b.headName()).doesNotContain(f.b.householdCode());
			if (!url.contains("q=")) {
				assertThat(body).as(url).contains(f.a.headName());
			}
		}
	}

}
