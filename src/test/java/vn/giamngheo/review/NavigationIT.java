package vn.giamngheo.review;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.shared.text.TextNormalizer;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;
import vn.giamngheo.support.TestYears;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Finding one's way (ADR 0025): pickers offer units by name and households by code only
 * inside the user's scope; each role lands on its work page; no form asks for an id; the
 * province board is grouped and filterable by district.
 */
@IntegrationTest
@Import(TestClock.Config.class)
class NavigationIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reviews reviews;

	Fixtures f;

	ReviewData data;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communesInForce();
		this.data = new ReviewData(this.jdbc);
	}

	@AfterEach
	void cleanUp() {
		SecurityContextHolder.clearContext();
		this.data.cleanUp();
	}

	String page(MockHttpServletRequestBuilder request, Authentication who) throws Exception {
		return this.mvc.perform(request.header("Accept-Language", "vi").with(authentication(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	String name(long unitId) {
		return this.jdbc.sql("select name from admin_unit where id = ?").param(unitId).query(String.class).single();
	}

	Authentication communeOfficer() {
		String a = this.f.a.scope();
		return this.f.auth(this.f.user("xanav", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
	}

	Authentication provinceOfficer() {
		return this.f.auth(this.f.user("tinhnav", Role.PROVINCE_OFFICER, List.of("48@2025"), List.of("48@2025")));
	}

	@Test
	void aCommuneOfficersUnitPickerNeverOffersAnotherCommune() throws Exception {
		Authentication officer = communeOfficer();
		// typed without diacritics, as on an old keyboard
		String aTyped = TextNormalizer.fold(name(this.f.a.id()));
		String bTyped = TextNormalizer.fold(name(this.f.b.id()));
		String own = page(get("/units/suggest").param("q", aTyped).param("field", "unit"), officer);
		assertThat(own).contains("data-id=\"" + this.f.a.id() + "\"").contains(name(this.f.a.id()));
		String other = page(get("/units/suggest").param("q", bTyped).param("field", "unit"), officer);
		assertThat(other).doesNotContain("data-id=\"" + this.f.b.id() + "\"")
			.contains("Không tìm thấy đơn vị nào có tên này trong phạm vi của bạn.");
		// even by the district and province above (seen for navigation, not offered)
		String above = page(get("/units/suggest").param("q", "quang nam"), officer);
		assertThat(above).doesNotContain("data-id=");
		// the page without script does not offer it either
		String choose = page(get("/units/choose").param("q", bTyped).param("return", "/targets/entry"), officer);
		assertThat(choose).doesNotContain("unit=" + this.f.b.id());
		// while it offers the own commune, with a link back to the form that sets it
		String chooseOwn = page(get("/units/choose").param("q", aTyped).param("return", "/targets/entry"), officer);
		assertThat(chooseOwn).contains("href=\"/targets/entry?unit=" + this.f.a.id() + "\"");

		// a province officer finds both, each shown with the units above it
		String province = page(get("/units/suggest").param("q", bTyped), provinceOfficer());
		assertThat(province).contains("data-id=\"" + this.f.b.id() + "\"").contains("Thành phố Đà Nẵng");
	}

	@Test
	void householdsArePickedAndFoundByTheirCodeInsideTheScope() throws Exception {
		Authentication officer = communeOfficer();
		String own = page(get("/households/suggest").param("q", this.f.a.householdCode()), officer);
		assertThat(own).contains(this.f.a.householdCode()).contains(this.f.a.headName());
		String other = page(get("/households/suggest").param("q", this.f.b.householdCode()), officer);
		assertThat(other).doesNotContain(this.f.b.householdCode()).doesNotContain(this.f.b.headName());

		// the household list searched by a code names the year, never "null"
		String list = page(get("/households").param("q", this.f.a.householdCode()), officer);
		assertThat(list).contains(this.f.a.householdCode()).doesNotContain("năm null");
		String none = page(get("/households").param("q", "HH-Nothing-" + this.f.tag), officer);
		assertThat(none).doesNotContain("năm null").contains("0 hộ");
	}

	@Test
	void noFormAsksForAnIdAndTheAuditSearchTakesAUnitAndACode() throws Exception {
		Authentication province = provinceOfficer();
		String entry = page(get("/targets/entry"), province);
		assertThat(entry).contains("data-picker")
			.doesNotContain("type=\"number\" name=\"unit\"")
			.doesNotContain("(id)");
		String chosen = page(get("/targets/entry").param("unit", String.valueOf(this.f.a.id())), province);
		assertThat(chosen).contains("value=\"" + name(this.f.a.id()) + " — ");
		String account = page(get("/account"), province);
		assertThat(account).contains("Thành phố Đà Nẵng").doesNotContainPattern("/[0-9]+/");

		Authentication auditor = this.f.auth(this.f.user("ktnav", Role.AUDITOR, List.of("48@2025"), List.of()));
		String audit = page(
				get("/audit").param("unit", String.valueOf(this.f.a.id())).param("household", this.f.a.householdCode()),
				auditor);
		assertThat(audit).contains("fixture " + this.f.a.headName())
			.contains("value=\"" + this.f.a.householdCode() + "\"")
			.doesNotContain("(id)");
		// a household of the other commune is not in this unit's history
		String elsewhere = page(
				get("/audit").param("unit", String.valueOf(this.f.a.id())).param("household", this.f.b.householdCode()),
				auditor);
		assertThat(elsewhere).doesNotContain("fixture " + this.f.a.headName());
	}

	@Test
	void eachRoleLandsOnItsWorkPage() throws Exception {
		this.mvc
			.perform(get("/")
				.with(authentication(this.f.auth(this.f.user("ldnav", Role.LEADER, List.of("48@2025"), List.of())))))
			.andExpect(redirectedUrl("/targets"));
		this.mvc
			.perform(get("/")
				.with(authentication(this.f.auth(this.f.user("ktland", Role.AUDITOR, List.of("48@2025"), List.of())))))
			.andExpect(redirectedUrl("/audit"));
		this.mvc.perform(get("/").with(authentication(this.f.auth(this.f.nationUser("adnav", Role.SYSTEM_ADMIN)))))
			.andExpect(redirectedUrl("/admin/users"));
		this.mvc
			.perform(get("/").with(authentication(
					this.f.auth(this.f.user("nhnav", Role.PARTNER, List.of("48@2025"), List.of("48@2025"))))))
			.andExpect(redirectedUrl("/households"));

		// a commune of a province without any review: its households
		String quiet = this.jdbc
			.sql("select code from admin_unit c where c.level = 'commune' and c.edition = '2024' and not exists"
					+ " (select 1 from review r where r.province_code = c.province_code) order by code limit 1")
			.query(String.class)
			.single();
		long quietId = this.jdbc.sql("select id from admin_unit where code = ? and edition = '2024'")
			.param(quiet)
			.query(Long.class)
			.single();
		this.mvc
			.perform(get("/").with(authentication(this.f.auth(
					this.f.user("xaquiet", Role.COMMUNE_OFFICER, List.of(quiet + "@2024"), List.of(quiet + "@2024"))))))
			.andExpect(redirectedUrl("/households?unit=" + quietId));

		// with a review under way: the commune officer on the own commune's page in it,
		// the province officer on its board
		Authentication province = provinceOfficer();
		UUID review = open(province, List.of(this.f.a.id(), this.f.b.id()));
		this.mvc.perform(get("/").with(authentication(communeOfficer())))
			.andExpect(redirectedUrlPattern("/reviews/*/communes/" + this.f.a.id()));
		this.mvc.perform(get("/").with(authentication(province))).andExpect(redirectedUrlPattern("/reviews/*"));
		assertThat(review).isNotNull();
	}

	@Test
	void theProvinceBoardIsGroupedAndFilteredByDistrict() throws Exception {
		// districts are of the 2024 list: a review of a year before the reform
		Fixtures old = this.fixtures.create().communes();
		long otherDistrictCommune = this.jdbc
			.sql("select c.id from admin_unit c join admin_unit d on d.id = c.parent_id where c.level = 'commune'"
					+ " and c.edition = '2024' and c.province_code = '49' and d.level = 'district' and d.code <> '504'"
					+ " order by c.code limit 1")
			.query(Long.class)
			.single();
		long otherDistrict = this.jdbc.sql("select parent_id from admin_unit where id = ?")
			.param(otherDistrictCommune)
			.query(Long.class)
			.single();
		long taygiang = this.jdbc.sql("select parent_id from admin_unit where id = ?")
			.param(old.a.id())
			.query(Long.class)
			.single();
		Authentication province = old
			.auth(old.user("tinhnavcu", Role.PROVINCE_OFFICER, List.of("49@2024"), List.of("49@2024")));
		SecurityContextHolder.getContext().setAuthentication(province);
		UUID review;
		try {
			review = this.reviews
				.open(new Reviews.OpenReview(this.data.oldProvinceId(), TestYears.beforeReform(this.jdbc, "49"),
						"2022-2025", LocalDate.now().minusDays(3), LocalDate.now().plusDays(30),
						List.of(old.a.id(), old.b.id(), otherDistrictCommune)))
				.id();
		}
		finally {
			SecurityContextHolder.clearContext();
		}

		String board = page(get("/reviews/" + review), province);
		assertThat(board).contains("data-group=\"d" + taygiang + "\"")
			.contains("data-group=\"d" + otherDistrict + "\"")
			.contains(name(taygiang))
			.contains(name(otherDistrict))
			.contains("2 xã")
			.contains("1 xã");
		// Tây Giang's communes sit under Tây Giang's heading
		int head = board.indexOf("data-group=\"d" + taygiang + "\"");
		int next = board.indexOf("</tbody>", head);
		assertThat(board.substring(head, next)).contains("/communes/" + old.a.id())
			.contains("/communes/" + old.b.id())
			.doesNotContain("/communes/" + otherDistrictCommune);

		String filtered = page(get("/reviews/" + review).param("group", "d" + otherDistrict), province);
		assertThat(filtered).contains("/communes/" + otherDistrictCommune)
			.doesNotContain("/communes/" + old.a.id() + "\"")
			.doesNotContain("data-group=\"d" + taygiang + "\"");
		// an unknown group shows everything
		String unknown = page(get("/reviews/" + review).param("group", "d0"), province);
		assertThat(unknown).contains("/communes/" + otherDistrictCommune).contains("/communes/" + old.a.id());
	}

	UUID open(Authentication province, List<Long> communes) {
		SecurityContextHolder.getContext().setAuthentication(province);
		try {
			LocalDate today = LocalDate.now();
			return this.reviews
				.open(new Reviews.OpenReview(this.data.provinceId(), ReviewData.uniqueYear(), "2022-2025",
						today.minusDays(3), today.plusDays(30), communes))
				.id();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
