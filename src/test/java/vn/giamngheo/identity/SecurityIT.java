package vn.giamngheo.identity;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SecurityIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDirectory directory;

	@Autowired
	UserRepository users;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	CurrentActor current;

	Fixtures f;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	int failures(String username) {
		return this.jdbc.sql("select failed_logins from app_user where username = ?")
			.param(username)
			.query(Integer.class)
			.single();
	}

	MockHttpSession login(String username) throws Exception {
		MvcResult result = this.mvc.perform(formLogin().user(username).password(Fixtures.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	@Test
	void rightPasswordLogsInWrongPasswordIsRefusedAndCounted() throws Exception {
		String u = this.f.user("officer", Role.COMMUNE_OFFICER, List.of("20464@2024"), List.of("20464@2024"));
		this.mvc.perform(formLogin().user(u).password("wrong-password")).andExpect(redirectedUrl("/login?error"));
		assertThat(failures(u)).isEqualTo(1);
		MockHttpSession session = login(u);
		assertThat(failures(u)).isZero();
		this.mvc.perform(get("/api/v1/tokens").session(session)).andExpect(status().isOk());
		this.mvc.perform(get("/account").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(u)));
	}

	List<String> auditedActions(String username) {
		return this.jdbc.sql("select action from audit_event where entity_type = 'USER' and entity_id = ? order by id")
			.param(username)
			.query(String.class)
			.list();
	}

	@Test
	void formLoginsFailuresAndLogoutAreInTheAuditTrail() throws Exception {
		String u = this.f.user("audited", Role.COMMUNE_OFFICER, List.of("20464@2024"), List.of("20464@2024"));
		this.mvc.perform(formLogin().user(u).password("wrong-password")).andExpect(redirectedUrl("/login?error"));
		MockHttpSession session = login(u);
		this.mvc.perform(post("/logout").session(session).with(csrf())).andExpect(status().is3xxRedirection());
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(formLogin().user(u).password("wrong-" + i)).andExpect(redirectedUrl("/login?error"));
		}
		// no account lock any more (ADR 0019): five failures are five LOGIN_FAILED
		assertThat(auditedActions(u)).containsExactly("LOGIN_FAILED", "LOGIN", "LOGOUT", "LOGIN_FAILED", "LOGIN_FAILED",
				"LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED");
		// token requests are not logged one by one, and a name that is no account is not
		// stored
		this.mvc.perform(formLogin().user("no-such-user-" + u).password("x")).andExpect(redirectedUrl("/login?error"));
		assertThat(auditedActions("no-such-user-" + u)).isEmpty();
	}

	@Test
	void disabledUserCannotLogIn() throws Exception {
		String u = this.f.user("disabled", Role.LEADER, List.of("49@2024"), List.of());
		this.jdbc.sql("update app_user set disabled = true where username = ?").param(u).update();
		this.mvc.perform(formLogin().user(u).password(Fixtures.PASSWORD)).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void disablingASignedInUserEndsTheSession() throws Exception {
		String u = this.f.user("ending", Role.LEADER, List.of("49@2024"), List.of());
		MockHttpSession session = login(u);
		this.mvc.perform(get("/api/v1/tokens").session(session)).andExpect(status().isOk());
		this.f.signIn("admin");
		UserAccount account = this.users.find(this.users.findPrincipal(u).orElseThrow().id()).orElseThrow();
		this.tx.executeWithoutResult(
				(s) -> this.directory.update(account.id(), new UserDirectory.UserChange(account.version(), null,
						"LEADER", false, false, List.of("49@2024"), List.of(), true, null, false, null)));
		SecurityContextHolder.clearContext();
		this.mvc.perform(get("/api/v1/tokens").session(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void tokensAuthenticateUntilRevokedOrExpiredAndNeedNoCsrf() throws Exception {
		String u = this.f.user("tokens", Role.COMMUNE_OFFICER, List.of("20464@2024"), List.of("20464@2024"));
		MockHttpSession session = login(u);
		String body = this.mvc
			.perform(post("/api/v1/tokens").session(session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"bench\",\"days\":30}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
		assertThat(token).startsWith("gnp_");
		// stored hashed, never in clear
		assertThat(this.jdbc.sql("select count(*) from access_token where prefix = ? and token_hash = ?")
			.params(token.substring(0, 12), AccessTokens.sha256(token))
			.query(Long.class)
			.single()).isEqualTo(1);
		this.mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Set-Cookie"));
		// bearer POST without CSRF token is fine
		this.mvc
			.perform(post("/api/v1/tokens").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"second\"}"))
			.andExpect(status().isCreated());
		this.mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token + "x"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/tokens/" + id)
				.header("Authorization", "Bearer " + token))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
	}

	@Test
	void expiredTokenIsRefused() throws Exception {
		String u = this.f.user("expired", Role.LEADER, List.of("49@2024"), List.of());
		String token = "gnp_" + "A".repeat(43);
		this.jdbc
			.sql("insert into access_token (user_id, name, token_hash, prefix, expires_at)"
					+ " select id, 'old', ?, 'gnp_AAAAAAAA', ? from app_user where username = ?")
			.params(AccessTokens.sha256(token), OffsetDateTime.now().minusMinutes(1), u)
			.update();
		this.mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void apiWithoutLoginIs401ProblemAndPagesRedirectToLogin() throws Exception {
		this.mvc.perform(get("/api/v1/users"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
		this.mvc.perform(get("/admin/users")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/login")).andExpect(status().isOk());
	}

	@Test
	void tamperedSessionCookieIsAnonymous() throws Exception {
		login(this.f.user("cookie", Role.LEADER, List.of("49@2024"), List.of()));
		this.mvc.perform(get("/api/v1/tokens").cookie(new Cookie("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/account").cookie(new Cookie("JSESSIONID", "forged")))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void sessionPostWithoutCsrfIsRefusedAndChangesNothing() throws Exception {
		MockHttpSession session = login(this.f.user("csrf", Role.LEADER, List.of("49@2024"), List.of()));
		long before = this.jdbc.sql("select count(*) from access_token").query(Long.class).single();
		this.mvc
			.perform(post("/api/v1/tokens").session(session)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"x\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(post("/account/tokens").session(session).param("name", "x")).andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("select count(*) from access_token").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void nonAdminCannotManageUsers() throws Exception {
		String u = this.f.user("nonadmin", Role.PROVINCE_OFFICER, List.of("49@2024"), List.of("49@2024"));
		long count = this.users.count();
		this.mvc
			.perform(post("/api/v1/users").with(authentication(this.f.auth(u)))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"sneaky\",\"role\":\"SYSTEM_ADMIN\",\"password\":\"0123456789ab\","
						+ "\"viewNation\":true,\"captureNation\":true}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("FORBIDDEN"));
		this.mvc.perform(get("/admin/users").with(authentication(this.f.auth(u)))).andExpect(status().isForbidden());
		assertThat(this.users.count()).isEqualTo(count);
	}

	@Test
	void adminCreatesAndEditsAUserWithScopeAndTheChangeIsAudited() throws Exception {
		// units in force only (ADR 0029): Xã Tây Giang of the 2025 list took the old Xã
		// Dang
		Fixtures.Village village = this.f.village2025("20455", "S");
		this.mvc
			.perform(post("/api/v1/users").with(authentication(this.f.auth("admin")))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"new." + this.f.tag + "\",\"role\":\"COMMUNE_OFFICER\","
						+ "\"password\":\"0123456789ab\",\"viewUnits\":[\"20455\"],\"captureUnits\":[\"20455@2025\"]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.viewUnits[0].code").value("20455"))
			.andExpect(jsonPath("$.viewUnits[0].edition").value("2025"));
		SignedInUser created = this.users.findPrincipal("new." + this.f.tag).orElseThrow();
		assertThat(created.actor().scope().viewPaths()).containsExactly(village.communePath());
		assertThat(created.actor().scope().canCapture(village.path())).isTrue();
		assertThat(created.actor().scope().canView(this.f.b.villagePath())).isFalse();
		this.mvc
			.perform(put("/api/v1/users/" + created.id()).with(authentication(this.f.auth("admin")))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":0,\"role\":\"LEADER\",\"viewUnits\":[\"48\"],\"captureUnits\":[\"48\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.role").value("LEADER"));
		// a leader never captures, whatever is stored
		assertThat(this.users.findPrincipal(created.id()).orElseThrow().actor().scope().capturePaths()).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from audit_event where entity_type = 'USER' and entity_id = ?")
			.param(String.valueOf(created.id()))
			.query(Long.class)
			.single()).isEqualTo(2);
		this.mvc
			.perform(post("/api/v1/users").with(authentication(this.f.auth("admin")))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"<script>\",\"role\":\"NOPE\",\"password\":\"x\",\"viewUnits\":[\"99999\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(4));
	}

	@Test
	void aPartnerUserNamesItsAgencyAndCarriesIt() throws Exception {
		String body = "{\"username\":\"bank." + this.f.tag + "\",\"role\":\"PARTNER\","
				+ "\"password\":\"0123456789ab\",\"viewUnits\":[\"48\"],\"captureUnits\":[\"48\"]";
		this.mvc
			.perform(post("/api/v1/users").with(authentication(this.f.auth("admin")))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("agency"));
		assertThat(this.users.findPrincipal("bank." + this.f.tag)).isEmpty();
		this.mvc
			.perform(post("/api/v1/users").with(authentication(this.f.auth("admin")))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body + ",\"agency\":\"SOCIAL_INSURANCE\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.agency").value("SOCIAL_INSURANCE"));
		assertThat(this.users.findPrincipal("bank." + this.f.tag).orElseThrow().actor().agency())
			.isEqualTo("SOCIAL_INSURANCE");
		// an officer has no agency, whatever is sent
		String officer = this.f.user("noagency", Role.COMMUNE_OFFICER, List.of("20464@2024"), List.of("20464@2024"));
		assertThat(this.users.findPrincipal(officer).orElseThrow().actor().agency()).isNull();
	}

	@Test
	void servicesRefuseReadsOutsideViewScopeAs404AndWritesOutsideCaptureScopeAs403() {
		this.f.signIn(this.f.user("scoped", Role.COMMUNE_OFFICER, List.of("504@2024"), List.of("20464@2024")));
		assertThat(this.current.requireCapture(this.f.a.villagePath()).username()).startsWith("scoped");
		assertThatThrownBy(() -> this.current.requireCapture(this.f.b.villagePath()))
			.isInstanceOfSatisfying(DomainException.class, (e) -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
		assertThatThrownBy(() -> this.current.requireView("/1/2/3/")).isInstanceOfSatisfying(DomainException.class,
				(e) -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
		this.f.signIn("admin");
		assertThat(this.current.get().scope()).isEqualTo(vn.giamngheo.shared.scope.DataScope.NATION);
		assertThat(this.current.get().hasRole("ADMIN")).isTrue();
	}

}
