package vn.giamngheo.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;
import vn.giamngheo.targets.Targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The main pages, walked as several roles in the Vietnamese UI, show no enum name
 * ({@code SOCIAL_PROTECTION}, {@code NON_DURABLE}), no deprivation code ({@code HQU}:
 * household page, heatmaps), no unresolved message key ({@code ??key??}) and no internal
 * English word from the data ({@code registry}, {@code verified: false}) as text (issue
 * 14 item 7).
 */
@IntegrationTest
class PagesSpeakVietnameseIT {

	/** An enum-like token: capitals joined by underscores. */
	static final Pattern ENUM = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

	/** A word in capitals that is not one of the acronyms Vietnamese pages use. */
	static final Pattern CAPS = Pattern.compile("(?U)\\b[A-Z]{3,}\\b");

	/**
	 * Acronyms a Vietnamese officer writes himself (BHYT: bảo hiểm y tế, PTNT: phát triển
	 * nông thôn, MTQG: mục tiêu quốc gia) and the names of file formats the pages ask for
	 * (YAML, ZIP).
	 */
	static final java.util.Set<String> ACRONYMS = java.util.Set.of("DTTS", "BTXH", "NCC", "CCCD", "UBND", "HĐND", "API",
			"CSV", "XLSX", "PDF", "PNG", "VND", "ODK", "VBSP", "NHCSXH", "THCS", "THPT", "CMND", "JSON", "UTF",
			"OpenAPI", "BHYT", "PTNT", "MTQG", "YAML", "ZIP", "MPI");

	/** A Roman numeral, as in "khoá XXII" of a party committee. */
	static final Pattern ROMAN = Pattern.compile("[IVXLC]+");

	/**
	 * Thymeleaf's text for a missing key, {@code ??key_vi??}; a key built from data may
	 * hold spaces.
	 */
	static final Pattern UNRESOLVED = Pattern.compile("\\?\\?[^?<>]{1,200}?_(?:vi|en)(?:_[A-Z]{2})?\\?\\?");

	static final Pattern INTERNAL = Pattern.compile("verified: (?:true|false)|Nguồn: registry|\\bnull\\b");

	static final Pattern INDICATOR = Pattern.compile("\\b(?:EMP|DEP|NUT|HIN|AED|CED|HQU|HAR|WAT|SAN|TEL|INF)\\b");

	@Autowired
	FixtureFactory fixtureFactory;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Targets targets;

	/** The household whose year this test writes, removed afterwards. */
	UUID household;

	/**
	 * The embedded database is shared by every test of the run: the province-wide checks
	 * of the demo (DemoLoaderIT) must not read this test's year.
	 */
	@AfterEach
	void removeTheYear() {
		if (this.household != null) {
			this.jdbc.sql("delete from household_assessment where household_id = ?").param(this.household).update();
		}
	}

	@Test
	void mainPagesAsSeveralRolesShowNoCodeOrKey() throws Exception {
		Fixtures f = this.fixtureFactory.create().communes();
		this.household = f.a.household();
		this.jdbc.sql("""
				insert into household_assessment (household_id, province_code, year, standard_key, survey_date,
				  member_count, income_per_capita, housing_quality, deprivations, deprivation_count, classification)
				values (?, '49', 2025, '2022-2025', date '2025-11-10', 1, 1200000, 'NON_DURABLE', '{HQU,INF}', 2,
				  'POOR')""").param(f.a.household()).update();
		// a review household's vote as the audit trail keeps it: step, transition, counts
		this.jdbc.sql("""
				insert into audit_event (actor, action, entity_type, entity_id, household_id, unit_path, province_code,
				  changes) values ('vicommune', 'VOTE', 'REVIEW_HOUSEHOLD', '424242', ?, ?, '49', cast(? as jsonb))""")
			.params(f.a.household(), f.a.path(),
					"{\"step\": {\"old\": \"SURVEYED\", \"new\": \"AGREED\"}, \"transition\": {\"old\": null,"
							+ " \"new\": \"EXITED_POOR\"}, \"EXITED_POOR\": {\"old\": null, \"new\": 3},"
							+ " \"scoreA\": {\"old\": null, \"new\": 40}, \"reviewer\": {\"old\": null, \"new\": \"ctv\"}}")
			.update();
		// the province's resolution, whose targets are set per group (PLAIN, MOUNTAIN,
		// ...)
		this.targets.loadBundled();
		long resolution = this.jdbc.sql("select id from resolution where code = 'QNA-TU-2021-2025'")
			.query(Long.class)
			.single();
		Map<String, String> users = new LinkedHashMap<>();
		users.put("commune officer", f.user("vicommune", Role.COMMUNE_OFFICER, List.of(f.a.code() + "@2024"),
				List.of(f.a.code() + "@2024")));
		users.put("province officer",
				f.user("viprovince", Role.PROVINCE_OFFICER, List.of("49@2024"), List.of("49@2024")));
		users.put("leader", f.user("vileader", Role.LEADER, List.of("49@2024"), List.of()));
		users.put("admin", "admin");
		List<String> paths = List.of("/units", "/households?unit=" + f.a.id(), "/households/" + f.a.household(),
				"/reviews", "/reviews/requests", "/transfers", "/dashboards", "/dashboards/af", "/targets",
				"/targets/indicators", "/targets/resolutions/" + resolution, "/targets/entry", "/imports", "/audit",
				"/account", "/admin/users");
		List<String> problems = new ArrayList<>();
		int pages = 0;
		for (Map.Entry<String, String> user : users.entrySet()) {
			for (String path : paths) {
				MockHttpServletResponse response = this.mvc
					.perform(get(path).with(authentication(f.auth(user.getValue()))))
					.andReturn()
					.getResponse();
				if (response.getStatus() != 200 || !String.valueOf(response.getContentType()).contains("html")) {
					continue;
				}
				pages++;
				String text = visibleText(response.getContentAsString());
				problems.addAll(problems(user.getKey() + " " + path, text));
			}
		}
		assertThat(pages).isGreaterThan(20);
		assertThat(problems).isEmpty();
		// the survey's and the assignment's fields by their labels, not their names
		String audit = visibleText(this.mvc.perform(get("/audit").with(authentication(f.auth("admin"))))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(audit).contains("Điểm A (thu nhập)", "Rà soát viên")
			.doesNotContain("scoreA")
			.doesNotContain("reviewer");
	}

	@Test
	void anApiRefusalFromTheVietnameseUiIsInVietnameseWhateverTheBrowsersLanguage() throws Exception {
		String body = this.mvc
			.perform(get("/api/v1/households").header("Accept-Language", "en-US,en;q=0.9")
				.cookie(new jakarta.servlet.http.Cookie("giamngheo-lang", "vi")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(body).contains("\"status\":401").contains("Bạn cần đăng nhập").doesNotContain("You need");
	}

	@Test
	void theCheckFindsWhatItLooksFor() {
		assertThat(problems("p", visibleText("<p>Nhóm: SOCIAL_PROTECTION</p>"))).hasSize(1);
		assertThat(problems("p", visibleText("<p>??history.title_vi??</p>"))).hasSize(1);
		assertThat(problems("p", visibleText("<p>??targets.source.Sở Y tế_vi??</p>"))).hasSize(1);
		assertThat(problems("p", visibleText("<p>Nguồn: registry</p>"))).hasSize(1);
		assertThat(problems("p", visibleText("<p>Thiếu hụt: HQU, INF</p>"))).hasSize(2);
		assertThat(problems("p", visibleText("<p>Nhóm: MOUNTAIN; DTTS</p>"))).hasSize(1);
		assertThat(problems("p", visibleText("<p>khoá XXII, số liệu MOLISA</p>"))).hasSize(1);
		assertThat(problems("p", visibleText("<option value=\"NON_DURABLE\">Thiếu kiên cố</option>"))).isEmpty();
		assertThat(problems("p", visibleText("<script>var A_B = 1;</script><p>Hộ nghèo</p>"))).isEmpty();
	}

	/** The text a reader sees: no scripts, styles, tags or attribute values. */
	static String visibleText(String html) {
		return html.replaceAll("(?is)<script\\b.*?</script>", " ")
			.replaceAll("(?is)<style\\b.*?</style>", " ")
			.replaceAll("(?s)<[^>]*>", " ")
			.replace("&nbsp;", " ")
			.replaceAll("\\s+", " ");
	}

	static List<String> problems(String where, String text) {
		List<String> problems = new ArrayList<>();
		for (Pattern pattern : List.of(ENUM, CAPS, UNRESOLVED, INTERNAL, INDICATOR)) {
			Matcher m = pattern.matcher(text);
			while (m.find()) {
				if (pattern == CAPS && (ACRONYMS.contains(m.group()) || ROMAN.matcher(m.group()).matches()
						|| ENUM.matcher(text).region(m.start(), text.length()).lookingAt()
						|| INDICATOR.matcher(m.group()).matches())) {
					continue;
				}
				int from = Math.max(0, m.start() - 40);
				problems.add(where + ": «" + m.group() + "» in …"
						+ text.substring(from, Math.min(text.length(), m.end() + 40)) + "…");
			}
		}
		return problems;
	}

}
