package vn.giamngheo.identity;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.review.TestClock;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Failed logins delay the client that made them, with growing delays, and never lock the
 * account (ADR 0019): a stranger flooding an account from elsewhere does not stop its
 * owner, and the owner's tokens keep working. Driven by the test clock, no sleeps.
 */
@IntegrationTest
@Import(TestClock.Config.class)
class LoginThrottleIT {

	static final String STRANGER = "198.51.100.7";

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	@Autowired
	UserDirectory directory;

	@Autowired
	AccessTokens tokens;

	@Autowired
	TransactionTemplate tx;

	Fixtures f;

	String owner;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create();
		this.owner = this.f.user("owner", Role.COMMUNE_OFFICER, List.of("49@2024"), List.of());
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	ResultActions login(String username, String password, String address) throws Exception {
		return this.mvc.perform(post("/login").param("username", username)
			.param("password", password)
			.accept(MediaType.TEXT_HTML)
			.with(csrf())
			.with((r) -> {
				r.setRemoteAddr(address);
				return r;
			}));
	}

	String client(String name) {
		return "203.0.113." + (Math.abs((name + this.f.tag).hashCode()) % 250);
	}

	@Test
	void aStrangersFloodNeverStopsTheOwnerNorTheOwnersToken() throws Exception {
		this.f.signIn(this.owner);
		String token = this.tx.execute((s) -> this.tokens.issue("scraper", 30)).token();
		SecurityContextHolder.clearContext();
		int refused = 0;
		for (int i = 0; i < 40; i++) {
			int code = login(this.owner, "guess-" + i, STRANGER).andReturn().getResponse().getStatus();
			refused += (code == 429) ? 1 : 0;
			this.clock.advance(Duration.ofSeconds(1));
		}
		assertThat(refused).isGreaterThan(30);
		// the stranger's client is delayed even with the right password (it is not
		// checked)
		login(this.owner, Fixtures.PASSWORD, STRANGER).andExpect(status().isTooManyRequests());
		// the owner, from the office, signs in at once; the token works throughout
		this.mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		login(this.owner, Fixtures.PASSWORD, client("office")).andExpect(redirectedUrl("/"));
		assertThat(this.directory.account(this.owner).orElseThrow().isAccountNonLocked()).isTrue();
	}

	@Test
	void delaysGrowAndSayWhenToTryAgain() throws Exception {
		String c = client("grow");
		for (int i = 1; i <= 5; i++) {
			login(this.owner, "wrong-" + i, c).andExpect(redirectedUrl("/login?error"));
		}
		// the fifth failure starts a 30 s delay, then each failure doubles it
		login(this.owner, "wrong-6", c).andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(content().string(containsString("Vui lòng thử lại lúc")))
			.andExpect(content().string(containsString("id=\"login-delay\"")))
			.andExpect(content().string(containsString("id=\"username\"")));
		this.clock.advance(Duration.ofSeconds(30));
		login(this.owner, "wrong-7", c).andExpect(redirectedUrl("/login?error"));
		login(this.owner, "wrong-8", c).andExpect(header().string("Retry-After", "60"));
		this.clock.advance(Duration.ofSeconds(60));
		login(this.owner, "wrong-9", c).andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(post("/login").param("username", this.owner)
			.param("password", "x")
			.cookie(new Cookie("giamngheo-lang", "en"))
			.accept(MediaType.APPLICATION_JSON)
			.with(csrf())
			.with((r) -> {
				r.setRemoteAddr(c);
				return r;
			}))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "120"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("TOO_MANY_REQUESTS"))
			.andExpect(jsonPath("$.detail").value(containsString("Please try again at")));
		// waiting long enough lets the right password in, and the success forgets the
		// count
		this.clock.advance(Duration.ofSeconds(120));
		login(this.owner, Fixtures.PASSWORD, c).andExpect(redirectedUrl("/"));
		for (int i = 1; i <= 4; i++) {
			login(this.owner, "again-" + i, c).andExpect(redirectedUrl("/login?error"));
		}
		login(this.owner, "again-5", c).andExpect(redirectedUrl("/login?error"));
		login(this.owner, "again-6", c).andExpect(status().isTooManyRequests());
		// failures leak away: after a quiet spell the client is free again
		this.clock.advance(Duration.ofHours(2));
		login(this.owner, Fixtures.PASSWORD, c).andExpect(redirectedUrl("/"));
	}

	@Test
	void guessingAcrossManyAccountsDelaysThatClientOnly() throws Exception {
		String c = client("spray");
		for (int i = 0; i < 20; i++) {
			login("nobody" + i + this.f.tag, "pw", c).andExpect(redirectedUrl("/login?error"));
		}
		login(this.owner, Fixtures.PASSWORD, c).andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "30"));
		login(this.owner, Fixtures.PASSWORD, client("elsewhere")).andExpect(redirectedUrl("/"));
	}

	@Test
	void theAdministratorSeesAndLiftsADelay() throws Exception {
		String c = client("lift");
		for (int i = 0; i < 5; i++) {
			login(this.owner, "wrong-" + i, c);
		}
		this.f.signIn("admin");
		UserAccount account = this.directory.list(this.owner, 0, 10).get(0);
		assertThat(account.delayed()).isTrue();
		assertThat(account.failedLogins()).isEqualTo(5);
		UserAccount after = this.tx
			.execute((s) -> this.directory.update(account.id(), new UserDirectory.UserChange(account.version(), null,
					"COMMUNE_OFFICER", false, false, List.of("49@2024"), List.of(), false, null, true, null)));
		assertThat(after.delayed()).isFalse();
		assertThat(after.failedLogins()).isZero();
		SecurityContextHolder.clearContext();
		login(this.owner, Fixtures.PASSWORD, c).andExpect(redirectedUrl("/"));
	}

}
