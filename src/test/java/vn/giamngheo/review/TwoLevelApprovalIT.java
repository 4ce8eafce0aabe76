package vn.giamngheo.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.review.domain.SignOff;
import vn.giamngheo.review.domain.SignOff.Action;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;
import vn.giamngheo.support.TestYears;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.giamngheo.review.ReviewWorkflowIT.code;

/**
 * Before 1 July 2025 a commune under a district is approved by the district, then the
 * province; from the reform the province approves directly. Each level acts only in its
 * turn and its own territory; returns need a reason; every action is audited.
 */
@IntegrationTest
@Import(TestClock.Config.class)
class TwoLevelApprovalIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	Reviews reviews;

	@Autowired
	Surveys surveys;

	@Autowired
	Meetings meetings;

	@Autowired
	Postings postings;

	@Autowired
	Recognitions recognitions;

	@Autowired
	MockMvc mvc;

	Fixtures f;

	ReviewData data;

	String province;

	String district;

	String otherDistrict;

	String officerA;

	String reviewer;

	int year;

	long provinceId;

	/**
	 * Commune A of the 2024 list (Xã Dang, under Huyện Tây Giang, Tỉnh Quảng Nam), its
	 * officers, and a review year before the reform.
	 */
	void onOldUnits() {
		this.f = this.fixtures.create().communes();
		this.data = new ReviewData(this.jdbc);
		String a = this.f.a.scope();
		String taygiang = this.jdbc
			.sql("select d.code from admin_unit c join admin_unit d on d.id = c.parent_id where c.id = ?")
			.param(this.f.a.id())
			.query(String.class)
			.single();
		String other = this.jdbc
			.sql("select code from admin_unit where level = 'district' and edition = '2024' and province_code = '49'"
					+ " and code <> ? order by code limit 1")
			.param(taygiang)
			.query(String.class)
			.single();
		this.province = this.f.user("tinh2", Role.PROVINCE_OFFICER, List.of("49@2024"), List.of("49@2024"));
		this.district = this.f.user("huyen", Role.DISTRICT_OFFICER, List.of(taygiang + "@2024"),
				List.of(taygiang + "@2024"));
		this.otherDistrict = this.f.user("huyenkhac", Role.DISTRICT_OFFICER, List.of(other + "@2024"),
				List.of(other + "@2024"));
		this.officerA = this.f.user("xa2", Role.COMMUNE_OFFICER, List.of(a), List.of(a));
		this.reviewer = this.f.user("ctv2", Role.REVIEWER, List.of(a), List.of("V" + this.f.tag + "A@local"));
		this.year = TestYears.beforeReform(this.jdbc, "49");
		this.provinceId = this.data.oldProvinceId();
	}

	/**
	 * Commune A of the units in force (Xã Tây Giang, Thành phố Đà Nẵng), its officers,
	 * the former district's officer of Tây Giang, and a review year after the reform.
	 */
	void onUnitsInForce() {
		this.f = this.fixtures.create().communesInForce();
		this.data = new ReviewData(this.jdbc);
		String a = this.f.a.scope();
		this.province = this.f.user("tinh3", Role.PROVINCE_OFFICER, List.of("48@2025"), List.of("48@2025"));
		this.district = this.f.user("huyen3", Role.DISTRICT_OFFICER, List.of("504@2024"), List.of("504@2024"));
		this.officerA = this.f.user("xa3", Role.COMMUNE_OFFICER, List.of(a), List.of(a));
		this.reviewer = this.f.user("ctv3", Role.REVIEWER, List.of(a), List.of("V" + this.f.tag + "A@local"));
		this.year = ReviewData.uniqueYear();
		this.provinceId = this.data.provinceId();
	}

	Review review;

	@AfterEach
	void reset() {
		SecurityContextHolder.clearContext();
		this.clock.set(Instant.now());
		this.data.cleanUp();
		if (this.review != null && this.year <= 2024) {
			this.data.cleanUp(this.review.id());
		}
	}

	/** Commune A through the five steps, decided on the clock's day, then submitted. */
	ReviewUnit submitted(Review review) {
		long a = this.f.a.id();
		this.data.household(this.f.a, "Poor" + this.f.tag, this.year - 1, "POOR", 700_000L, 1);
		this.f.signIn(this.officerA);
		this.reviews.generateWorklist(review.id(), a, false);
		this.reviews.assign(review.id(), a, this.f.a.villageId(), this.reviewer);
		this.f.signIn(this.reviewer);
		ReviewHousehold rh = this.reviews.worklist(review.id(), a, null, null, 0, 10).get(0);
		this.surveys.submit(rh.id(), ReviewWorkflowIT.deprived(rh.version(), 500_000, List.of("LAND")));
		this.f.signIn(this.officerA);
		this.meetings.record(review.id(), a,
				ReviewData.meeting(this.f.a.villageId(), LocalDate.now(this.clock), 10, Map.of(rh.id(), 8)));
		this.postings.post(review.id(), a, this.reviews.unit(review.id(), a).version(), null, null);
		this.clock.advance(Duration.ofDays(5));
		this.recognitions.recognise(review.id(), a, this.reviews.unit(review.id(), a).version(), "7/QĐ-UBND",
				LocalDate.now(this.clock), "Chủ tịch UBND xã");
		return this.reviews.signOff(review.id(), a, Action.SUBMIT, this.reviews.unit(review.id(), a).version(), null);
	}

	Review open() {
		this.f.signIn(this.province);
		LocalDate today = LocalDate.now(this.clock);
		this.review = this.reviews.open(new Reviews.OpenReview(this.provinceId, this.year, "2022-2025",
				today.minusDays(10), today.plusDays(40), List.of(this.f.a.id(), this.f.b.id())));
		return this.review;
	}

	@Test
	void beforeTheReformTheDistrictApprovesThenTheProvince() throws Exception {
		onOldUnits();
		this.clock.set(Instant.parse("2024-11-01T03:00:00Z"));
		Review review = open();
		long a = this.f.a.id();
		ReviewUnit unit = submitted(review);
		assertThat(unit.signOff()).isEqualTo(SignOff.SUBMITTED);
		assertThat(Reviews.approvals(review, unit).name()).isEqualTo("DISTRICT_THEN_PROVINCE");

		// the province waits for the district; another district does not see the commune
		this.f.signIn(this.province);
		assertThat(code(() -> this.reviews.signOff(review.id(), a, Action.APPROVE, unit.version(), null)))
			.isEqualTo(ErrorCode.FORBIDDEN);
		this.f.signIn(this.otherDistrict);
		assertThat(code(() -> this.reviews.signOff(review.id(), a, Action.APPROVE, unit.version(), null)))
			.isEqualTo(ErrorCode.NOT_FOUND);

		// the district returns with a reason, the commune resubmits, the district
		// approves
		this.f.signIn(this.district);
		this.mvc
			.perform(get("/reviews/" + review.id() + "/communes/" + a).with(authentication(this.f.auth(this.district))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Chờ huyện duyệt")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"approve\"")));
		this.f.signIn(this.district);
		assertThat(code(() -> this.reviews.signOff(review.id(), a, Action.RETURN, unit.version(), " ")))
			.isEqualTo(ErrorCode.INVALID_INPUT);
		ReviewUnit returned = this.reviews.signOff(review.id(), a, Action.RETURN, unit.version(), "Thiếu biên bản");
		assertThat(returned.signOff()).isEqualTo(SignOff.RETURNED);
		this.f.signIn(this.officerA);
		ReviewUnit again = this.reviews.signOff(review.id(), a, Action.SUBMIT, returned.version(), null);
		this.f.signIn(this.district);
		ReviewUnit byDistrict = this.reviews.signOff(review.id(), a, Action.APPROVE, again.version(), null);
		assertThat(byDistrict.signOff()).isEqualTo(SignOff.DISTRICT_APPROVED);
		assertThat(code(() -> this.reviews.signOff(review.id(), a, Action.APPROVE, byDistrict.version(), null)))
			.isEqualTo(ErrorCode.FORBIDDEN);

		// the commune cannot change anything while it waits for the province
		this.f.signIn(this.officerA);
		assertThat(code(() -> this.reviews.generateWorklist(review.id(), a, true))).isEqualTo(ErrorCode.CONFLICT);

		// the province returns with a reason; after a new round it approves and locks
		this.f.signIn(this.province);
		this.mvc
			.perform(get("/reviews/" + review.id() + "/communes/" + a).with(authentication(this.f.auth(this.province))))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Chờ tỉnh duyệt")));
		this.f.signIn(this.province);
		ReviewUnit back = this.reviews.signOff(review.id(), a, Action.RETURN, byDistrict.version(), "Sai số liệu");
		assertThat(back.signOff()).isEqualTo(SignOff.RETURNED);
		this.f.signIn(this.officerA);
		ReviewUnit third = this.reviews.signOff(review.id(), a, Action.SUBMIT, back.version(), null);
		this.f.signIn(this.district);
		ReviewUnit checked = this.reviews.signOff(review.id(), a, Action.APPROVE, third.version(), null);
		this.f.signIn(this.province);
		ReviewUnit approved = this.reviews.signOff(review.id(), a, Action.APPROVE, checked.version(), null);
		assertThat(approved.signOff()).isEqualTo(SignOff.APPROVED);
		assertThat(approved.signOff().locked()).isTrue();

		assertThat(this.jdbc
			.sql("select string_agg(actor || ':' || action || ':' || (changes -> 'signOff' ->> 'new'), ','"
					+ " order by id) from audit_event where entity_type = 'REVIEW_UNIT' and entity_id = ?"
					+ " and action in ('SUBMIT', 'APPROVE', 'RETURN')")
			.param(review.id() + "/" + a)
			.query(String.class)
			.single())
			.isEqualTo(String.join(",", this.officerA + ":SUBMIT:SUBMITTED", this.district + ":RETURN:RETURNED",
					this.officerA + ":SUBMIT:SUBMITTED", this.district + ":APPROVE:DISTRICT_APPROVED",
					this.province + ":RETURN:RETURNED", this.officerA + ":SUBMIT:SUBMITTED",
					this.district + ":APPROVE:DISTRICT_APPROVED", this.province + ":APPROVE:APPROVED"));
	}

	@Test
	void fromTheReformTheCommuneSubmitsAndTheProvinceApproves() throws Exception {
		onUnitsInForce();
		this.clock.set(Instant.parse("2026-11-03T03:00:00Z"));
		Review review = open();
		long a = this.f.a.id();
		ReviewUnit unit = submitted(review);
		assertThat(unit.signOff()).isEqualTo(SignOff.SUBMITTED);
		assertThat(Reviews.approvals(review, unit).name()).isEqualTo("PROVINCE");

		// no district step: the page says the province approves, and a former district's
		// account does not even see the commune of the units in force
		this.mvc
			.perform(get("/reviews/" + review.id() + "/communes/" + a).with(authentication(this.f.auth(this.province))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Chờ tỉnh duyệt")))
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Chờ huyện duyệt"))))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"approve\"")));
		this.f.signIn(this.district);
		assertThat(code(() -> this.reviews.signOff(review.id(), a, Action.APPROVE, unit.version(), null)))
			.isEqualTo(ErrorCode.NOT_FOUND);
		// the commune cannot approve itself
		this.f.signIn(this.officerA);
		assertThat(code(() -> this.reviews.signOff(review.id(), a, Action.APPROVE, unit.version(), null)))
			.isEqualTo(ErrorCode.FORBIDDEN);

		// the province returns with a reason, the commune resubmits, one approval locks
		this.f.signIn(this.province);
		ReviewUnit back = this.reviews.signOff(review.id(), a, Action.RETURN, unit.version(), "Thiếu biên bản");
		assertThat(back.signOff()).isEqualTo(SignOff.RETURNED);
		this.f.signIn(this.officerA);
		ReviewUnit again = this.reviews.signOff(review.id(), a, Action.SUBMIT, back.version(), null);
		this.f.signIn(this.province);
		ReviewUnit approved = this.reviews.signOff(review.id(), a, Action.APPROVE, again.version(), null);
		assertThat(approved.signOff()).isEqualTo(SignOff.APPROVED);
		assertThat(approved.signOff().locked()).isTrue();
		assertThat(this.jdbc
			.sql("select string_agg(actor || ':' || action || ':' || (changes -> 'signOff' ->> 'new'), ','"
					+ " order by id) from audit_event where entity_type = 'REVIEW_UNIT' and entity_id = ?"
					+ " and action in ('SUBMIT', 'APPROVE', 'RETURN')")
			.param(review.id() + "/" + a)
			.query(String.class)
			.single())
			.isEqualTo(String.join(",", this.officerA + ":SUBMIT:SUBMITTED", this.province + ":RETURN:RETURNED",
					this.officerA + ":SUBMIT:SUBMITTED", this.province + ":APPROVE:APPROVED"));
	}

}
