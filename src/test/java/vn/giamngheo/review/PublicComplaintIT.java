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
import vn.giamngheo.review.Meetings.MeetingInput;
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
		this.f = this.fixtures.create().communes();
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
		String a = this.f.a.code() + "@2024";
		String province = this.f.user("tinhkn", Role.PROVINCE_OFFICER, List.of("49@2024"), List.of("49@2024"));
		String officer = this.f.user("xakn", Role.COMMUNE_OFFICER, List.of(a), List.of(a));
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
		this.meetings.record(review.id(), c,
				new MeetingInput(this.f.a.villageId(), today, "Trưởng thôn", 10, null, null, Map.of(rh.id(), 7)));
		this.postings.post(review.id(), c, this.reviews.unit(review.id(), c).version(), null, null);
		SecurityContextHolder.clearContext();
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
						.param("contact", "0905 000 111")
						.param("content", "Hộ này có xe tải, không phải hộ nghèo")))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String tracking = (String) filed.getFlashMap().get("filed");
		assertThat(tracking).startsWith("KN-" + year + "-" + c + "-");
		assertThat(filed.getResponse().getRedirectedUrl()).endsWith("/public/complaints?no=" + tracking);
		assertThat(this.mvc.perform(get("/public/complaints").param("no", tracking).flashAttr("filed", tracking))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("số theo dõi: " + tracking).contains("Đã tiếp nhận");
		assertThat(this.jdbc.sql(
				"select actor || ' ' || k.content from audit_event e join review_complaint k on k.id::text = e.entity_id"
						+ " where k.tracking_no = ?")
			.param(tracking)
			.query(String.class)
			.single()).startsWith("public Hộ này có xe tải").contains("0905 000 111");
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
