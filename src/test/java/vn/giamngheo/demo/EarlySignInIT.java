package vn.giamngheo.demo;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.giamngheo.identity.DemoUsers;
import vn.giamngheo.shared.DataLoading;

import vn.giamngheo.support.MockMvcContainerSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-in opens before the demo is loaded (issue 19 § 2, ADR 0055). The demo load is held
 * by the test (its loader waits on a latch, then fails: nothing of the shared test
 * database is touched): meanwhile the demo's commune officer signs in with the demo
 * password, reads a page that says the demo is loading, and a write is refused with 503
 * and the reason; once the load is over, the notice is gone.
 */
@SpringBootTest(properties = { "giamngheo.db.ephemeral=true", "giamngheo.db.embedded-port=0",
		"giamngheo.demo.enabled=true", "giamngheo.imports.dir=${java.io.tmpdir}/giamngheo-it-imports",
		"giamngheo.work.automatic=false", "giamngheo.backup.cron=-", "giamngheo.backup.on-start=false" })
@AutoConfigureMockMvc
@Import(MockMvcContainerSessions.class)
class EarlySignInIT {

	/** Holds the demo load until the test lets it go. */
	static final CountDownLatch LOAD = new CountDownLatch(1);

	@TestConfiguration
	static class HeldLoad {

		/**
		 * Every call waits for the test, then fails as a failed load does (its
		 * transaction keeps nothing).
		 */
		@Bean
		@Primary
		DemoLoader heldLoader() {
			return Mockito.mock(DemoLoader.class, (invocation) -> {
				LOAD.await(5, TimeUnit.MINUTES);
				throw new IllegalStateException("test: the held demo load stops here");
			});
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	DataLoading loading;

	@AfterAll
	static void letGo() {
		LOAD.countDown();
	}

	@Test
	void aDemoUserSignsInAndReadsWhileTheDemoLoadsAndWritesWaitForIt() throws Exception {
		assertThat(this.loading.loading()).as("the demo load is under way (held)").isTrue();
		this.mvc.perform(get("/login").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đang nạp dữ liệu mẫu… (bước 1/5")));

		MvcResult signIn = this.mvc.perform(formLogin().user("xa.dang").password(DemoUsers.DEMO_PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andExpect(authenticated().withUsername("xa.dang"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) signIn.getRequest().getSession(false);

		this.mvc.perform(get("/households").session(session).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bạn đã có thể đăng nhập và xem")));
		this.mvc
			.perform(post("/api/v1/households").session(session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(jsonPath("$.code").value("BUSY"))
			.andExpect(jsonPath("$.detail", containsString("đang nạp dữ liệu mẫu")));

		LOAD.countDown();
		long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (this.loading.loading() && System.nanoTime() < until) {
			Thread.sleep(50);
		}
		assertThat(this.loading.loading()).as("the load is over").isFalse();
		this.mvc.perform(get("/households").session(session).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Đang nạp dữ liệu mẫu"))));
		// writes are open again: the same empty body now reaches the handler and is
		// refused for what it is
		this.mvc
			.perform(post("/api/v1/households").session(session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest());
	}

}
