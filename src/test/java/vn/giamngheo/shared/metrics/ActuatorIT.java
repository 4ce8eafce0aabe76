package vn.giamngheo.shared.metrics;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.identity.AccessTokens;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Health for anyone, without details; metrics and Prometheus only for the administrator,
 * by session or bearer token; the scrape has request timings, the pool and the
 * application's own import and review gauges (ADR 0019).
 */
@IntegrationTest
class ActuatorIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	AccessTokens tokens;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void healthIsOpenAndSaysNothingMore() throws Exception {
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			this.mvc.perform(get(path))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("UP"))
				.andExpect(jsonPath("$.components").doesNotExist())
				.andExpect(jsonPath("$.details").doesNotExist());
		}
	}

	@Test
	void metricsNeedTheAdministrator() throws Exception {
		Fixtures f = this.fixtures.create().communes();
		String officer = f.user("metrics", Role.COMMUNE_OFFICER, List.of(f.a.code() + "@2024"),
				List.of(f.a.code() + "@2024"));
		for (String path : new String[] { "/actuator/prometheus", "/actuator/metrics", "/actuator/info" }) {
			this.mvc.perform(get(path))
				.andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
			this.mvc.perform(get(path).with(authentication(f.auth(officer)))).andExpect(status().isForbidden());
		}
		f.signIn(officer);
		String officerToken = this.tx.execute((s) -> this.tokens.issue("scraper", 30)).token();
		SecurityContextHolder.clearContext();
		this.mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + officerToken))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer gnp_forged"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void theAdministratorsScraperGetsTimingsPoolAndTheApplicationsGauges() throws Exception {
		Fixtures f = this.fixtures.create();
		f.signIn("admin");
		String token = this.tx.execute((s) -> this.tokens.issue("prometheus", 30)).token();
		SecurityContextHolder.clearContext();
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		this.jdbc
			.sql("insert into import_job (uploaded_by, file_name, file_size, checksum, format, status)"
					+ " values ('metrics-it', 'x.csv', 1, 'x', 'CSV', 'FAILED')")
			.update();
		long failed = this.jdbc.sql("select count(*) from import_job where status = 'FAILED'")
			.query(Long.class)
			.single();
		String scrape = this.mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("metrics-it"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(scrape).contains("http_server_requests_seconds_count", "hikaricp_connections_active",
				"giamngheo_import_jobs{", "giamngheo_review_households{", "giamngheo_review_communes{");
		assertThat(value(scrape, "giamngheo_import_jobs\\{[^}]*status=\"FAILED\"[^}]*\\}")).isEqualTo(failed);
		assertThat(value(scrape, "giamngheo_review_households\\{[^}]*step=\"RECOGNISED\"[^}]*\\}")).isNotNegative();
	}

	static long value(String scrape, String series) {
		Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(scrape);
		assertThat(m.find()).as(series).isTrue();
		return (long) Double.parseDouble(m.group(1));
	}

}
