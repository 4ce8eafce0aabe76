package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A citizen files a complaint from the public posting page without signing in: the
 * tracking number is shown, the commune sees the complaint, the audit names the public;
 * bad input changes nothing; a client sending too many is refused (429).
 */
@IntegrationTest
@Import(TestClock.Config.class)
class PublicComplaintIT {

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
	MockMvc mvc;

	Fixtures f;

	ReviewData data;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communesInForce();
		this.data = new ReviewData(this.jdbc);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
		this.data.cleanUp();
	}

	@Test
	void aCitizenFilesAComplaintOnlineAndGetsATrackingNumber() throws Exception {
		int year = ReviewData.uniqueYear();
		Posted p = posted(year);
		Review review = p.review();
		long c = p.commune();
		ReviewHousehold rh = p.rh();
		String officer = p.officer();
		String page = "/public/reviews/" + review.id() + "/communes/" + c;

		// the public page offers the form, naming the household by an opaque reference
		String html = this.mvc.perform(get(page))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("id=\"public-complaint\"").contains("value=\"" + rh.id() + "\"");

		// bad input: a clear error, nothing recorded
		this.mvc
			.perform(from("10.0.0.1",
					post(page + "/complaints").param("household", rh.id().toString())
						.param("complainant", "Nguyễn Văn Dân")
						.param("content", " ")))
			.andExpect(status().isBadRequest());
		assertThat(complaints(review)).isZero();

		MvcResult filed = this.mvc
			.perform(from("10.0.0.1",
					post(page + "/complaints").param("household", rh.id().toString())
						.param("complainant", "Nguyễn Văn Dân")
						.param("phone", "0905 000 111")
						.param("contact", "Thôn 3")
						.param("content", "Hộ này có xe tải, không phải hộ nghèo")))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String tracking = (String) filed.getFlashMap().get("filed");
		// a reference nobody can guess: the year and ten random characters, not the
		// commune and a sequence
		assertThat(tracking)
			.matches("KN-" + year + "-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{5}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{5}")
			.doesNotContain("-" + c + "-");
		assertThat(filed.getResponse().getRedirectedUrl()).endsWith("/public/complaints?no=" + tracking);
		assertThat(this.mvc.perform(get("/public/complaints").param("no", tracking).flashAttr("filed", tracking))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("số theo dõi: " + tracking).contains("Đã tiếp nhận");
		// the phone is kept apart from the text, the audit names the public
		assertThat(this.jdbc.sql("select phone || ' ' || contact from review_complaint where tracking_no = ?")
			.param(tracking)
			.query(String.class)
			.single()).isEqualTo("0905000111 Thôn 3");
		assertThat(this.jdbc.sql(
				"select actor || ' ' || e.reason from audit_event e join review_complaint k on k.id::text = e.entity_id"
						+ " where k.tracking_no = ?")
			.param(tracking)
			.query(String.class)
			.single()).isEqualTo("public Hộ này có xe tải, không phải hộ nghèo");
		this.f.signIn(officer);
		assertThat(this.postings.complaints(review.id(), c)).extracting((k) -> k.trackingNo()).contains(tracking);
		SecurityContextHolder.clearContext();
		// one address may file five in ten minutes; the sixth is refused and not recorded
		for (int i = 0; i < 5; i++) {
			this.mvc
				.perform(from("10.0.0.2",
						post(page + "/complaints").param("household", rh.id().toString())
							.param("complainant", "Người " + i)
							.param("content", "Khiếu nại " + i)))
				.andExpect(status().is3xxRedirection());
		}
		long before = complaints(review);
		this.mvc
			.perform(from("10.0.0.2",
					post(page + "/complaints").param("household", rh.id().toString())
						.param("complainant", "Người 6")
						.param("content", "Khiếu nại 6")))
			.andExpect(status().isTooManyRequests());
		assertThat(complaints(review)).isEqualTo(before).isEqualTo(6);
		// another address still can
		this.mvc
			.perform(from("10.0.0.3",
					post(page + "/complaints").param("household", rh.id().toString())
						.param("complainant", "Người khác")
						.param("content", "Khiếu nại khác")))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void theAnswerIsShownOnlyToWhoeverGivesTheLastDigitsOfThePhoneAndGuessingIsStopped() throws Exception {
		int year = ReviewData.uniqueYear();
		Posted p = posted(year);
		String tracking = this.postings
			.complainPublic(p.review().id(), p.commune(), p.rh().id(), "Trần Thị Hỏi", "+84 912 345 678", null,
					"Xin xem lại hộ này")
			.trackingNo();
		this.f.signIn(p.officer());
		UUID id = this.jdbc.sql("select id from review_complaint where tracking_no = ?")
			.param(tracking)
			.query(UUID.class)
			.single();
		this.postings.answer(id, 0, "POOR", "Đã phúc tra: hộ vẫn thiếu hụt nước sạch " + this.f.tag);
		SecurityContextHolder.clearContext();
		String answer = "Đã phúc tra: hộ vẫn thiếu hụt nước sạch " + this.f.tag;

		// without proof: status and dates only, no answer, village or name
		String status = this.mvc.perform(get("/public/complaints").param("no", tracking.toLowerCase()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(status).contains("Đã trả lời", "id=\"proof\"")
			.doesNotContain(answer, "Thôn Alfa", "Trần Thị Hỏi", "0912345678", "KnPoor" + this.f.tag);
		// wrong digits: refused, counted, and after five a day no digits are checked
		for (int i = 4; i >= 0; i--) {
			String wrong = this.mvc
				.perform(from("10.0.1.1", post("/public/complaints").param("no", tracking).param("digits", "0000")))
				.andExpect(status().is(i > 0 ? 400 : 429))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(wrong).doesNotContain(answer);
			if (i > 0) {
				assertThat(wrong).contains("Còn " + i + " lần thử");
			}
		}
		String locked = this.mvc
			.perform(from("10.0.1.2", post("/public/complaints").param("no", tracking).param("digits", "5678")))
			.andExpect(status().isTooManyRequests())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(locked).doesNotContain(answer).contains("Đã nhập sai quá nhiều lần");
		// a day later the right digits show the answer and the village
		this.clock.advance(java.time.Duration.ofDays(1).plusMinutes(1));
		String proven = this.mvc
			.perform(from("10.0.1.3", post("/public/complaints").param("no", tracking).param("digits", "5678")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(proven).contains(answer, "giữ nguyên kết quả", "Thôn Alfa" + this.f.tag)
			.doesNotContain("Trần Thị Hỏi", "0912345678");

		// the phone: officers who handle complaints see it, a leader and a reviewer a
		// mask
		this.f.signIn(p.officer());
		assertThat(this.postings.complaints(p.review().id(), p.commune()))
			.filteredOn((k) -> k.trackingNo().equals(tracking))
			.singleElement()
			.satisfies((k) -> assertThat(k.phone()).isEqualTo("0912345678"));
		String a = this.f.a.scope();
		for (String viewer : List.of(this.f.user("ldkn", Role.LEADER, List.of(a), List.of()),
				this.f.user("rvkn", Role.REVIEWER, List.of(a), List.of("V" + this.f.tag + "A@local")))) {
			this.f.signIn(viewer);
			assertThat(this.postings.complaints(p.review().id(), p.commune()))
				.filteredOn((k) -> k.trackingNo().equals(tracking))
				.singleElement()
				.satisfies((k) -> assertThat(k.phone()).isEqualTo("091****678"));
		}
		// the commune page as the leader shows the mask only
		this.f.signIn(p.officer());
		String leader = this.f.user("ldpage", Role.LEADER, List.of(a), List.of());
		assertThat(this.mvc.perform(get("/reviews/" + p.review().id() + "/communes/" + p.commune())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.authentication(this.f.auth(leader))))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("091****678").doesNotContain("0912345678");
		SecurityContextHolder.clearContext();

		// a reference given before (KN-year-commune-sequence) still finds its complaint
		this.jdbc.sql("update review_complaint set tracking_no = ? where id = ?")
			.params("KN-" + year + "-" + p.commune() + "-0001", id)
			.update();
		assertThat(this.mvc.perform(get("/public/complaints").param("no", "KN-" + year + "-" + p.commune() + "-0001"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Đã trả lời");
	}

	@Test
	void aComplaintWithoutAPhoneShowsNoAnswerPublicly() throws Exception {
		Posted p = posted(ReviewData.uniqueYear());
		String tracking = this.postings
			.complainPublic(p.review().id(), p.commune(), p.rh().id(), "Người dân", null, "Thôn 2", "Xem lại")
			.trackingNo();
		String page = this.mvc.perform(get("/public/complaints").param("no", tracking))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("không ghi số điện thoại").doesNotContain("id=\"proof\"");
		this.mvc.perform(from("10.0.2.1", post("/public/complaints").param("no", tracking).param("digits", "1234")))
			.andExpect(status().isBadRequest());
		// a phone that is not one is refused, nothing recorded
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.postings.complainPublic(p.review().id(), p.commune(), p.rh().id(),
					"Người dân", "số 5 ngõ 3", null, "Xem lại"))
			.isInstanceOfSatisfying(vn.giamngheo.shared.error.DomainException.class,
					(e) -> assertThat(e.fieldProblems()).extracting((x) -> x.field()).containsExactly("phone"));
	}

	/** A commune's posted list with one household, as its officer made it. */
	record Posted(Review review, long commune, ReviewHousehold rh, String officer) {
	}

	Posted posted(int year) {
		String a = this.f.a.scope();
		String province = this.f.user("tinhp" + year, Role.PROVINCE_OFFICER, List.of("48@2025"), List.of("48@2025"));
		String officer = this.f.user("xap" + year, Role.COMMUNE_OFFICER, List.of(a), List.of(a));
		this.data.household(this.f.a, "KnPoor" + this.f.tag, year - 1, "POOR", 700_000L, 1);
		this.f.signIn(province);
		LocalDate today = LocalDate.now(this.clock);
		Review review = this.reviews.open(new Reviews.OpenReview(this.data.provinceId(), year, "2022-2025",
				today.minusDays(10), today.plusDays(40), List.of(this.f.a.id())));
		long c = this.f.a.id();
		this.f.signIn(officer);
		this.reviews.generateWorklist(review.id(), c, false);
		ReviewHousehold rh = this.reviews.worklist(review.id(), c, null, null, 0, 10).get(0);
		this.surveys.submitAll(review.id(), c,
				Map.of(rh.id(), ReviewWorkflowIT.deprived(rh.version(), 500_000, List.of("LAND"))));
		this.meetings.record(review.id(), c, ReviewData.meeting(this.f.a.villageId(), today, 10, Map.of(rh.id(), 7)));
		this.postings.post(review.id(), c, this.reviews.unit(review.id(), c).version(), null, null);
		SecurityContextHolder.clearContext();
		return new Posted(review, c, rh, officer);
	}

	static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
		return request.with(csrf()).with((r) -> {
			r.setRemoteAddr(address);
			return r;
		});
	}

	long complaints(Review review) {
		return this.jdbc.sql("select count(*) from review_complaint where review_id = ?")
			.param(review.id())
			.query(Long.class)
			.single();
	}

}
