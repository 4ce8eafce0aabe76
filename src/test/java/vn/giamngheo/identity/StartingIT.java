package vn.giamngheo.identity;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Nothing is served before the start-up work is done (issue 14 item 13: on a first start
 * the web server listens while the demo loads in one transaction; a commune officer who
 * uploaded their list then had every village refused, "Các thôn của xã: ." — the commune
 * was there, its villages not yet). The health probes answer; pages, sign-in and the API
 * are 503 with Retry-After and say why in Vietnamese; an upload stores nothing.
 */
@IntegrationTest
class StartingIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@AfterEach
	void ready() {
		AvailabilityChangeEvent.publish(this.context, ReadinessState.ACCEPTING_TRAFFIC);
	}

	@Test
	void nothingButHealthIsServedWhileStarting() throws Exception {
		Fixtures f = this.fixtures.create().communes();
		Authentication officer = f.auth(
				f.user("starting", Role.COMMUNE_OFFICER, List.of(f.a.code() + "@2024"), List.of(f.a.code() + "@2024")));
		this.mvc.perform(get("/imports").with(authentication(officer)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk());
		long jobs = jobs();

		AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);

		this.mvc.perform(get("/imports").with(authentication(officer)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "10"))
			.andExpect(content().string(containsString("Hệ thống đang khởi động và nạp dữ liệu")))
			.andExpect(content().string(containsString("http-equiv=\"refresh\"")));
		MockMultipartFile file = new MockMultipartFile("file", "ds-ho-ngheo.csv", "text/csv",
				"Mã hộ,Thôn\nH1,Thôn 1\n".getBytes(StandardCharsets.UTF_8));
		this.mvc
			.perform(multipart("/imports").file(file)
				.param("commune", f.a.code())
				.with(csrf())
				.with(authentication(officer))
				.accept(MediaType.TEXT_HTML))
			.andExpect(status().isServiceUnavailable());
		this.mvc.perform(multipart("/api/v1/imports").file(file).with(csrf()).with(authentication(officer)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("BUSY"))
			.andExpect(jsonPath("$.title").value("Hệ thống tạm thời chưa phục vụ được."))
			.andExpect(jsonPath("$.detail", containsString("đang khởi động")));
		assertThat(jobs()).as("an upload while starting stores no job").isEqualTo(jobs);
		this.mvc.perform(post("/login").param("username", "xa.dang").param("password", "x").with(csrf()))
			.andExpect(status().isServiceUnavailable());
		this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		this.mvc.perform(get("/css/app.css")).andExpect(status().isOk());

		AvailabilityChangeEvent.publish(this.context, ReadinessState.ACCEPTING_TRAFFIC);
		this.mvc.perform(get("/imports").with(authentication(officer)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk());
	}

	private long jobs() {
		return this.jdbc.sql("select count(*) from import_job").query(Long.class).single();
	}

}
