package vn.giamngheo.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.identity.AccessTokens;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.UserDirectory;
import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Logs are JSON lines and carry no personal data (ADR 0019): real flows — wrong and right
 * passwords, a citizen ID typed as a user name, a household created with a name, citizen
 * ID and phone number through the API, the same ID again (409), a phone number where an
 * id belongs (400), an import whose rows have errors, bearer tokens good and forged — and
 * no line may contain the name, the ID, the phone, a password or a token. (Here because
 * the import helpers live in this package.)
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	UserDirectory directory;

	@Autowired
	UserRepository users;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	AccessTokens tokens;

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	ResultActions login(String username, String password) throws Exception {
		return this.mvc
			.perform(post("/login").param("username", username).param("password", password).with(csrf()).with((r) -> {
				r.setRemoteAddr("192.0.2.77");
				return r;
			}));
	}

	@Test
	void realFlowsLogJsonLinesWithoutPersonalData(CapturedOutput output) throws Exception {
		ImportTestSupport t = new ImportTestSupport(this.mvc, this.jdbc, this.json, this.directory, this.users,
				this.tx);
		LocalDate dob = LocalDate.of(1984, 3, 9);
		String name = "Phạm Thị Bímật " + t.f.tag;
		String cccd = t.cccd(true, dob, 777);
		String phone = "0987" + String.format("%06d", t.serial);
		String wrongPassword = "Sai-mat-khau-" + t.f.tag;
		String officer = t.officer.getName();

		login(officer, wrongPassword).andExpect(redirectedUrl("/login?error"));
		login(cccd, wrongPassword).andExpect(redirectedUrl("/login?error"));
		login(officer, Fixtures.PASSWORD).andExpect(redirectedUrl("/"));

		// the household goes to the test commune 00004 of the 2025 list (codes of the
		// demo communes stay
		// free for DemoLoaderIT)
		org.springframework.security.core.Authentication admin = t.f.auth("admin");
		long commune = this.jdbc.sql("select id from admin_unit where code = '00004' and edition = '2025'")
			.query(Long.class)
			.single();
		String villageBody = this.mvc
			.perform(post("/api/v1/units/" + commune + "/villages").with(authentication(admin))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"Thôn\",\"name\":\"Thôn Nhật ký " + t.f.tag + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long village = this.json.readTree(villageBody).get("id").asLong();
		String household = """
				{"household":{"villageId":%d,"address":"Số 9","ethnicMinority":false,"socialProtection":false,
				 "meritorious":false,"phone":"%s","status":"ACTIVE"},
				 "head":{"fullName":"%s","sex":"FEMALE","dateOfBirth":"%s","ethnicityCode":"01","relation":"HEAD",
				 "cccd":"%s","educationLevel":"PRIMARY","inSchool":false,"employment":"FARMER","healthInsurance":true}}
				""".formatted(village, phone, name, dob, cccd);
		this.mvc
			.perform(post("/api/v1/households").with(authentication(admin))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(household))
			.andExpect(status().isCreated());
		int again = this.mvc
			.perform(post("/api/v1/households").with(authentication(admin))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(household))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(again).isBetween(400, 499);
		this.mvc.perform(get("/api/v1/households/" + phone).with(authentication(admin)))
			.andExpect(status().is4xxClientError());
		this.mvc.perform(get("/households").param("q", name).param("cccd", cccd).with(authentication(admin)))
			.andExpect(status().isOk());

		TestFiles.Xlsx file = t.households(1);
		file.row("Hộ gia đình", t.code(2), t.f.a.code(), t.village, "", 2024, "Hộ nghèo", "nhiều");
		file.row("Nhân khẩu", t.code(2), name + " Con", "Nữ", LocalDate.now().plusDays(3), "Kinh", "Chủ hộ",
				cccd.substring(0, 11));
		UUID job = t.upload(file.bytes(), name + " " + cccd + ".xlsx");
		assertThat(t.await(job).get("problemCount")).isNotEqualTo(0);

		SecurityContextHolder.getContext().setAuthentication(t.officer);
		String token = this.tx.execute((s) -> this.tokens.issue("log-test", 30)).token();
		SecurityContextHolder.clearContext();
		this.mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token + "x"))
			.andExpect(status().isUnauthorized());

		List<String> lines = output.getAll().lines().filter((l) -> !l.isBlank()).toList();
		assertThat(lines).anyMatch((l) -> l.contains("login-failure user=" + officer))
			.anyMatch((l) -> l.contains("login-success user=" + officer))
			.anyMatch((l) -> l.contains("token-rejected"));
		List<String> notJson = new ArrayList<>();
		for (String line : lines) {
			try {
				assertThat(this.json.readTree(line).isObject()).isTrue();
			}
			catch (RuntimeException | AssertionError ex) {
				notJson.add(line);
			}
		}
		assertThat(notJson).as("lines that are not JSON objects").isEmpty();
		for (String secret : List.of(name, cccd, phone, cccd.substring(0, 11), wrongPassword, Fixtures.PASSWORD, token,
				token.substring(4))) {
			assertThat(lines).as("a line containing " + secret).noneMatch((l) -> l.contains(secret));
		}
	}

}
