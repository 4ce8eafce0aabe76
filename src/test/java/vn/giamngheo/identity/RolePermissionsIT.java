package vn.giamngheo.identity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.UserDirectory.NewUser;
import vn.giamngheo.review.Review;
import vn.giamngheo.review.ReviewHousehold;
import vn.giamngheo.review.Reviews;
import vn.giamngheo.review.Surveys;
import vn.giamngheo.review.Surveys.SurveyInput;
import vn.giamngheo.review.domain.Step;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;
import vn.giamngheo.support.TestYears;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The issue's checks of the permission matrix (ADR 0016), as the users would meet them: a
 * reviewer and a bank partner scoped like {@code ctv.dang} and {@code nhcsxh.quangnam}
 * may not edit a household of Xã Dang, the commune officer may; neither they nor the
 * commune officer create villages or switch a commune urban; a reviewer surveys in the
 * villages assigned to them only; a partner records only its own agency's support; pages
 * show only what the role may do.
 */
@IntegrationTest
class RolePermissionsIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Reviews reviews;

	@Autowired
	Surveys surveys;

	@Autowired
	Geography geography;

	@Autowired
	UserDirectory directory;

	@Autowired
	CurrentActor actors;

	Fixtures f;

	String officer;

	String reviewer;

	String partner;

	String leader;

	String province;

	String admin;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		String a = this.f.a.code() + "@2024";
		this.officer = this.f.user("xa", Role.COMMUNE_OFFICER, List.of(a), List.of(a));
		this.reviewer = this.f.user("ctv", Role.REVIEWER, List.of(a), List.of("V" + this.f.tag + "A@local"));
		// like nhcsxh.quangnam: the whole province, capture scope included
		this.partner = this.f.user("nhcsxh", Role.PARTNER, List.of("49@2024"), List.of("49@2024"));
		this.leader = this.f.user("lanhdao", Role.LEADER, List.of(a), List.of());
		this.province = this.f.user("tinh", Role.PROVINCE_OFFICER, List.of("49@2024"), List.of("49@2024"));
		this.admin = this.f.nationUser("quantri", Role.SYSTEM_ADMIN);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aReviewerAndABankPartnerGet403EditingAHouseholdTheCommuneOfficerMay() throws Exception {
		String edit = """
				{"version":0,"data":{"villageId":%d,"address":"Số 7","ethnicMinority":true,"socialProtection":false,
				 "meritorious":false,"phone":"0987654321","status":"ACTIVE"}}""".formatted(this.f.a.villageId());
		for (String user : List.of(this.reviewer, this.partner)) {
			putHousehold(user, edit).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.code").value("FORBIDDEN"))
				.andExpect(jsonPath("$.detail").value("Vai trò của bạn không được sửa sổ hộ."));
		}
		assertThat(householdVersion()).isZero();
		putHousehold(this.officer, edit).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
		assertThat(householdVersion()).isEqualTo(1);
	}

	@Test
	void onlyTheProvinceCreatesVillagesAndSwitchesACommuneUrban() throws Exception {
		long commune = this.f.a.id();
		String before = unitRow(commune);
		int villages = villages(commune);
		for (String user : List.of(this.partner, this.reviewer, this.officer, this.leader)) {
			this.mvc
				.perform(post("/api/v1/units/" + commune + "/villages").with(as(user))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"type\":\"Thôn\",\"name\":\"Mới " + this.f.tag + "\"}"))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail").value(containsString("không được sửa đơn vị hành chính")));
			this.mvc
				.perform(put("/api/v1/units/" + commune + "/urban").with(as(user))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"urban\":true,\"version\":0}"))
				.andExpect(status().isForbidden());
		}
		assertThat(unitRow(commune)).isEqualTo(before);
		assertThat(villages(commune)).isEqualTo(villages);
		this.mvc
			.perform(post("/api/v1/units/" + commune + "/villages").with(as(this.province))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"Thôn\",\"name\":\"Mới " + this.f.tag + "\"}"))
			.andExpect(status().isCreated());
		assertThat(villages(commune)).isEqualTo(villages + 1);
	}

	@Test
	void aReviewerSurveysOnlyInTheVillagesAssignedToThem() {
		// a second village of the same commune, with a household
		this.f.signIn(this.admin);
		Unit second = this.geography.createVillage(this.f.a.id(), "Thôn", "Hai " + this.f.tag);
		UUID other = this.jdbc
			.sql("insert into household (province_code, code, commune_id, village_id, unit_path, head_name,"
					+ " head_name_norm, urban) values ('49', ?, ?, ?, ?, 'Hộ thôn hai', 'ho thon hai', false) returning id")
			.params("HH-2-" + this.f.tag, this.f.a.id(), second.id(), second.path())
			.query(UUID.class)
			.single();
		// with its head, like every household (province reports count persons)
		this.jdbc.sql("insert into member (household_id, province_code, full_name, full_name_norm, sex, date_of_birth,"
				+ " ethnicity_code, relation) values (?, '49', 'Hộ thôn hai', 'ho thon hai', 'F', date '1980-02-03',"
				+ " '26', 'HEAD')")
			.param(other)
			.update();
		LocalDate today = LocalDate.now();
		long provinceId = this.jdbc.sql("select id from admin_unit where code = '49' and edition = '2024'")
			.query(Long.class)
			.single();
		Review review = this.reviews.open(new Reviews.OpenReview(provinceId, TestYears.beforeReform(this.jdbc, "49"),
				"2022-2025", today.minusDays(5), today.plusDays(40), List.of(this.f.a.id())));
		this.f.signIn(this.officer);
		ReviewHousehold mine = this.reviews.addScreened(review.id(), this.f.a.id(), this.f.a.household(),
				List.of("NO_STABLE_INCOME"), null);
		ReviewHousehold notMine = this.reviews.addScreened(review.id(), this.f.a.id(), other,
				List.of("NO_STABLE_INCOME"), null);
		assertThat(this.reviews.assign(review.id(), this.f.a.id(), this.f.a.villageId(), this.reviewer)).isEqualTo(1);
		// the reviewer is given village A only: the second village cannot be assigned to
		// them
		assertThat(code(() -> this.reviews.assign(review.id(), this.f.a.id(), second.id(), this.reviewer)))
			.isEqualTo(ErrorCode.INVALID_INPUT);
		this.reviews.assign(review.id(), this.f.a.id(), second.id(), this.officer);
		int notMineVersion = this.reviews.household(notMine.id()).version();

		this.f.signIn(this.reviewer);
		int mineVersion = this.reviews.household(mine.id()).version();
		assertThat(this.surveys.submit(mine.id(), income(mineVersion)).step()).isEqualTo(Step.SURVEYED);
		assertThat(code(() -> this.surveys.submit(notMine.id(), income(notMineVersion))))
			.isEqualTo(ErrorCode.NOT_FOUND);
		// and the reviewer's other steps are refused by role
		assertThat(code(() -> this.reviews.generateWorklist(review.id(), this.f.a.id(), false)))
			.isEqualTo(ErrorCode.FORBIDDEN);
		this.f.signIn(this.officer);
		assertThat(this.reviews.household(notMine.id()).step()).isEqualTo(Step.LISTED);
	}

	@Test
	void aReviewerIsGivenVillagesNotACommune() {
		this.f.signIn(this.admin);
		String a = this.f.a.code() + "@2024";
		assertThatThrownBy(() -> this.directory.create(new NewUser("ctvxa." + this.f.tag, "CTV", "REVIEWER",
				Fixtures.PASSWORD, false, false, List.of(a), List.of(a))))
			.isInstanceOfSatisfying(DomainException.class, (e) -> {
				assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
				assertThat(e.fieldProblems()).extracting(DomainException.FieldProblem::messageKey)
					.containsExactly("error.field.reviewer-villages");
			});
		Fixtures.Village village = this.f.village2025("20455", "R");
		assertThat(this.directory
			.create(new NewUser("ctvthon." + this.f.tag, "CTV", "REVIEWER", Fixtures.PASSWORD, false, false,
					List.of("20455@2025"), List.of(village.key())))
			.captureUnits()).hasSize(1);
	}

	@Test
	void aPartnerRecordsOnlyTheSupportOfItsOwnAgency() {
		String path = this.f.a.villagePath();
		this.f.signIn(this.partner);
		assertThat(this.actors.requireSupport("VBSP", path).agency()).isEqualTo("VBSP");
		assertThat(code(() -> this.actors.requireSupport("SOCIAL_INSURANCE", path))).isEqualTo(ErrorCode.FORBIDDEN);
		this.f.signIn(this.officer);
		this.actors.requireSupport("SOCIAL_INSURANCE", path);
		this.f.signIn(this.leader);
		assertThat(code(() -> this.actors.requireSupport("VBSP", path))).isEqualTo(ErrorCode.FORBIDDEN);
		this.f.signIn(this.reviewer);
		assertThat(code(() -> this.actors.requireSupport("VBSP", path))).isEqualTo(ErrorCode.FORBIDDEN);
	}

	@Test
	void pagesShowOnlyWhatTheRoleMayDo() throws Exception {
		String page = "/households/" + this.f.a.household();
		this.mvc.perform(get(page).with(as(this.officer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"edit-household\"")));
		for (String user : List.of(this.leader, this.reviewer, this.partner)) {
			this.mvc.perform(get(page).with(as(user)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("id=\"edit-household\""))))
				.andExpect(content().string(not(containsString("/members/new"))));
		}
		this.mvc.perform(get(page + "/edit").with(as(this.leader)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Vai trò của bạn không được sửa sổ hộ.")));
		// the export links: for roles that may export
		this.mvc.perform(get("/households").param("unit", String.valueOf(this.f.a.id())).with(as(this.leader)))
			.andExpect(content().string(not(containsString("id=\"export-links\""))));
		this.mvc.perform(get("/households").param("unit", String.valueOf(this.f.a.id())).with(as(this.officer)))
			.andExpect(content().string(containsString("id=\"export-links\"")));
		// the matrix, in words, on the users page; the role's own row on the account page
		this.mvc.perform(get("/admin/users").with(as(this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"permission-matrix\"")))
			.andExpect(content().string(containsString("Sửa sổ hộ: thêm, sửa, hủy hộ và nhân khẩu")))
			.andExpect(content().string(not(containsString("REGISTRY_EDIT"))));
		this.mvc.perform(get("/account").with(as(this.reviewer)))
			.andExpect(content().string(containsString("Rà soát bước 2: thu thập Phiếu B")))
			.andExpect(content().string(not(containsString("Sửa sổ hộ:"))));
	}

	private ResultActions putHousehold(String user, String body) throws Exception {
		return this.mvc.perform(put("/api/v1/households/" + this.f.a.household()).with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(String user) {
		Authentication auth = this.f.auth(user);
		return (request) -> csrf().postProcessRequest(authentication(auth).postProcessRequest(request));
	}

	private int householdVersion() {
		return this.jdbc.sql("select version from household where id = ?")
			.param(this.f.a.household())
			.query(Integer.class)
			.single();
	}

	private String unitRow(long id) {
		return this.jdbc.sql("select a::text from admin_unit a where id = ?").param(id).query(String.class).single();
	}

	private int villages(long commune) {
		return this.jdbc.sql("select count(*) from admin_unit where parent_id = ?")
			.param(commune)
			.query(Integer.class)
			.single();
	}

	private static SurveyInput income(int version) {
		return new SurveyInput(version, "INCOME", 3_000_000L, null, null, "SOLID", new BigDecimal("40"), "TAP",
				"SEPTIC", true, true, true, true, "COLLECTED", List.of(), List.of("LOAN"), null);
	}

	private static ErrorCode code(Runnable call) {
		try {
			call.run();
			return null;
		}
		catch (DomainException ex) {
			return ex.code();
		}
	}

}
