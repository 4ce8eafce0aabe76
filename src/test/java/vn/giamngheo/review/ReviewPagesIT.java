package vn.giamngheo.review;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review pages as users drive them: a province officer opens a review, the commune
 * officer lists and assigns, the reviewer fills Phiếu B on the survey page, the meeting,
 * minutes (PDF), posting list (PDF, Vietnamese), the public page without sign-in and
 * without codes, a complaint, the decision and the certificates.
 */
@IntegrationTest
@Import(TestClock.Config.class)
class ReviewPagesIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	Fixtures f;

	ReviewData data;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communesInForce();
		this.data = new ReviewData(this.jdbc);
	}

	@org.junit.jupiter.api.AfterEach
	void cleanUp() {
		this.data.cleanUp();
	}

	String body(MvcResult r) throws Exception {
		return r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void theFiveStepsThroughThePages() throws Exception {
		String a = this.f.a.scope();
		Authentication province = this.f
			.auth(this.f.user("tinhp", Role.PROVINCE_OFFICER, List.of("48@2025"), List.of("48@2025")));
		Authentication officer = this.f.auth(this.f.user("xap", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
		String reviewerName = this.f.user("ctvp", Role.REVIEWER, List.of(a), List.of("V" + this.f.tag + "A@local"));
		Authentication reviewer = this.f.auth(reviewerName);
		int year = ReviewData.uniqueYear();
		UUID h1 = this.data.household(this.f.a, "Lò Thị Nghèo" + this.f.tag, year - 1, "POOR", 600_000L, 1);
		LocalDate today = LocalDate.now(this.clock);

		// open a review (province officer)
		MvcResult opened = this.mvc
			.perform(post("/reviews").param("provinceId", String.valueOf(this.data.provinceId()))
				.param("year", String.valueOf(year))
				.param("standardKey", "2022-2025")
				.param("windowFrom", today.minusDays(3).toString())
				.param("windowTo", today.plusDays(30).toString())
				.with(authentication(province))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String reviewPath = opened.getResponse().getRedirectedUrl();
		UUID reviewId = UUID.fromString(reviewPath.substring("/reviews/".length()));
		assertThat(body(this.mvc.perform(get(reviewPath).with(authentication(province))).andReturn()))
			.contains("Tiến độ rà soát")
			.contains("Báo cáo sơ bộ của tỉnh")
			.contains("<b>Chuẩn nghèo đa chiều giai đoạn 2022–2025</b>");
		// the list names the standard, and the opening form offers standards by name: no
		// key to read or type
		String list = body(this.mvc.perform(get("/reviews").with(authentication(province))).andReturn());
		assertThat(list).contains("<td>Chuẩn nghèo đa chiều giai đoạn 2022–2025</td>")
			.doesNotContain("<td>2022-2025</td>")
			.contains("<option value=\"2027-2030\">")
			.doesNotContain("name=\"standardKey\" placeholder");
		String communePath = reviewPath + "/communes/" + this.f.a.id();

		// a commune officer sees the board with the own commune only
		String board = body(this.mvc.perform(get(reviewPath).with(authentication(officer))).andReturn());
		assertThat(board).contains(communePath).doesNotContain("/communes/" + this.f.b.id());
		this.mvc.perform(get(reviewPath + "/communes/" + this.f.b.id()).with(authentication(officer)))
			.andExpect(status().isNotFound());

		// step 1
		this.mvc.perform(post(communePath + "/worklist").with(authentication(officer)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post(communePath + "/assignments").param("villageId", String.valueOf(this.f.a.villageId()))
				.param("reviewer", reviewerName)
				.with(authentication(officer))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		String commune = body(this.mvc.perform(get(communePath).with(authentication(officer))).andReturn());
		assertThat(commune).contains("Lò Thị Nghèo" + this.f.tag).contains(reviewerName);
		// nothing to submit yet: the button waits for the decision and says so
		assertThat(commune).containsPattern("value=\"SUBMIT\"[^>]*disabled")
			.contains("Gửi duyệt sau khi có quyết định công nhận (Bước 5).");
		// the posting period is stated with its length and basis, no bare {0}
		assertThat(commune).contains("Thời gian niêm yết: 3 ngày làm việc")
			.contains("theo Quyết định 24/2021/QĐ-TTg, Điều 4")
			.doesNotContain("{0}");
		UUID rh = this.jdbc.sql("select id from review_household where review_id = ? and household_id = ?")
			.params(reviewId, h1)
			.query(UUID.class)
			.single();

		// step 2 on the survey page (reviewer)
		String surveyPath = "/reviews/households/" + rh + "/survey";
		String form = body(this.mvc.perform(get(surveyPath).with(authentication(reviewer))).andReturn());
		assertThat(form).contains("name=\"incomePerCapita\"").contains("Thiếu vốn").contains("width=device-width");
		int version = this.jdbc.sql("select version from review_household where id = ?")
			.param(rh)
			.query(Integer.class)
			.single();
		this.mvc
			.perform(post(surveyPath).param("version", String.valueOf(version))
				.param("way", "INCOME")
				.param("incomePerCapita", "500000")
				.param("housingQuality", "MAKESHIFT")
				.param("floorAreaM2", "12")
				.param("waterSource", "SURFACE_WATER")
				.param("latrine", "NONE")
				.param("wasteHandling", "UNTREATED")
				.param("causes", "LAND", "ILLNESS")
				.param("needs", "LOAN")
				.with(authentication(reviewer))
				.with(csrf()))
			.andDo((r) -> assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(302));
		String result = body(this.mvc.perform(get(surveyPath).with(authentication(reviewer))).andReturn());
		assertThat(result).contains("id=\"proposed\"").contains("Hộ nghèo").contains("thiếu hụt");
		// the standard by its legal act, the stored values by their Vietnamese names
		assertThat(result.substring(result.indexOf("id=\"result\""), result.indexOf("id=\"survey\"")))
			.containsPattern("class=\"legal-act\">Nghị định [0-9]+/[0-9]{4}/NĐ-CP")
			.contains("Nhà ở: đơn sơ", "Nguồn nước: nước sông, suối, ao, hồ", "Nhà tiêu: không có nhà tiêu")
			.doesNotContain("MAKESHIFT", "SURFACE_WATER", "[2022-2025]");
		// a survey with a bad code is a 400 page, not a 500
		this.mvc
			.perform(post(surveyPath).param("version", String.valueOf(version + 1))
				.param("way", "INCOME")
				.param("incomePerCapita", "500000")
				.param("waterSource", "LAKE")
				.with(authentication(reviewer))
				.with(csrf()))
			.andExpect(status().isBadRequest());

		// step 3: meeting, minutes page and PDF
		MvcResult meeting = this.mvc
			.perform(post(communePath + "/meetings").param("villageId", String.valueOf(this.f.a.villageId()))
				.param("heldOn", today.toString())
				.param("startedAt", "19:30")
				.param("endedAt", "21:15")
				.param("chair", "Hồ Văn Trưởng")
				.param("secretary", "Lê Thị Thư")
				.param("supervisor", "Trần Mặt Trận")
				.param("attendees", "20")
				.param("vote." + rh, "10")
				.with(authentication(officer))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String minutesPath = meeting.getResponse().getRedirectedUrl();
		assertThat(body(this.mvc.perform(get(minutesPath).with(authentication(officer))).andReturn()))
			.contains("BIÊN BẢN")
			.contains("Họp dân thống nhất kết quả rà soát")
			.contains("10/20");
		String minutesPdf = pdfText(this.mvc.perform(get(minutesPath + "/minutes.pdf").with(authentication(officer)))
			.andExpect(status().isOk())
			.andReturn(), "minutes");
		assertThat(minutesPdf).contains("BIÊN BẢN")
			.contains("Họp dân thống nhất kết quả rà soát")
			.contains("Bản số 2/02")
			.contains("19 giờ 30 phút")
			.contains("21 giờ 15 phút")
			.contains("Hồ Văn Trưởng")
			.contains("Lê Thị Thư")
			.contains("Trần Mặt Trận");

		// step 4: posting, PDF, public page without sign-in and without codes
		int unitVersion = this.jdbc.sql("select version from review_unit where review_id = ? and commune_id = ?")
			.params(reviewId, this.f.a.id())
			.query(Integer.class)
			.single();
		this.mvc
			.perform(post(communePath + "/postings").param("version", String.valueOf(unitVersion))
				.with(authentication(officer))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		String postingPdf = pdfText(this.mvc.perform(get(communePath + "/posting.pdf").with(authentication(officer)))
			.andExpect(status().isOk())
			.andReturn(), "posting");
		assertThat(postingPdf).contains("DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO").contains("Lò Thị Nghèo" + this.f.tag);
		String publicPage = body(this.mvc.perform(get("/public/reviews/" + reviewId + "/communes/" + this.f.a.id()))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(publicPage).contains("Lò Thị Nghèo" + this.f.tag)
			.doesNotContain("RV-")
			.doesNotContain(h1.toString());
		MvcResult complained = this.mvc
			.perform(post("/reviews/households/" + rh + "/complaints").param("complainant", "Người dân")
				.param("content", "Đề nghị xem lại")
				.with(authentication(officer))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String tracking = (String) complained.getFlashMap().get("tracking");
		assertThat(body(this.mvc.perform(get("/public/complaints").param("no", tracking)).andReturn()))
			.contains("Đã tiếp nhận");
		UUID complaintId = this.jdbc.sql("select id from review_complaint where tracking_no = ?")
			.param(tracking)
			.query(UUID.class)
			.single();
		this.mvc
			.perform(post("/reviews/complaints/" + complaintId + "/answers").param("version", "0")
				.param("recheckClass", "POOR")
				.param("answer", "Giữ nguyên")
				.with(authentication(officer))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		// step 5 after the posting period
		this.clock.advance(Duration.ofDays(5));
		unitVersion++;
		this.mvc
			.perform(post(communePath + "/decisions").param("version", String.valueOf(unitVersion))
				.param("decisionNo", "45/QĐ-UBND")
				.param("decisionDate", LocalDate.now(this.clock).toString())
				.param("signer", "Nguyễn Chủ Tịch")
				.with(authentication(officer))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(body(this.mvc.perform(get(communePath).with(authentication(officer))).andReturn()))
			.contains("45/QĐ-UBND")
			.contains("Tiếp tục nghèo")
			.doesNotContainPattern("value=\"SUBMIT\"[^>]*disabled")
			.doesNotContain("Gửi duyệt sau khi có quyết định công nhận");
		String certificate = pdfText(
				this.mvc.perform(get(communePath + "/certificates.pdf").with(authentication(officer)))
					.andExpect(status().isOk())
					.andReturn(),
				"certificate");
		assertThat(certificate).contains("GIẤY CHỨNG NHẬN HỘ NGHÈO").contains("/GCN-HN.HCN").contains("45/QĐ-UBND");
		// each PDF that names households is in the audit trail, with its commune and rows
		assertThat(this.jdbc
			.sql("select entity_type || ' ' || (changes -> 'rows' ->> 'new') || ' '"
					+ " || (changes -> 'unit' ->> 'new') from audit_event where actor = ? and action = 'EXPORT'"
					+ " and unit_path like ? order by id")
			.params("xap." + this.f.tag, this.f.a.path() + "%")
			.query(String.class)
			.list()).hasSize(3)
			.satisfiesExactly((e) -> assertThat(e).startsWith("MINUTES 1 Thôn Alfa"),
					(e) -> assertThat(e).startsWith("POSTING_LIST 1 "),
					(e) -> assertThat(e).startsWith("CERTIFICATES 1 "));
		// the household page shows the recognised year
		assertThat(body(this.mvc.perform(get("/households/" + h1).with(authentication(officer))).andReturn()))
			.contains(String.valueOf(year));
	}

	/** The PDF's text (and its first page as a PNG under target/ for a look). */
	String pdfText(MvcResult result, String name) throws Exception {
		assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
		byte[] bytes = result.getResponse().getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(bytes)) {
			Path out = Path.of("target", "review-pdf");
			Files.createDirectories(out);
			javax.imageio.ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 60), "png",
					out.resolve(name + ".png").toFile());
			return new PDFTextStripper().getText(doc);
		}
	}

}
