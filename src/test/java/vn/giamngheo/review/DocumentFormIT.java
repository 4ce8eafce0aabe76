package vn.giamngheo.review;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;
import vn.giamngheo.support.TestYears;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review's documents read back from the PDFs a signer is handed (Nghị định
 * 30/2020/NĐ-CP, ADR 0024): the two-column head (issuing committee, national title and
 * motto), number and symbol with the year, place and date, recipients, signature titles,
 * the minutes' times, secretary and Fatherland Front representative, each unit of an
 * address once, units named as on the document's date, and Liberation Serif embedded. The
 * fixture commune is Xã Tây Giang (Thành phố Đà Nẵng) of the units in force, which took
 * in Xã Dang (Huyện Tây Giang, Tỉnh Quảng Nam) of the 2024 list on 01/07/2025; a review
 * of a year before the reform prints the old names, also after its households moved (ADR
 * 0030).
 */
@IntegrationTest
@Import(TestClock.Config.class)
class DocumentFormIT {

	static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

	static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

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
	Letterheads letterheads;

	@Autowired
	vn.giamngheo.review.persistence.ReviewRepository repository;

	@Autowired
	MockMvc mvc;

	Fixtures f;

	ReviewData data;

	int year;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communesInForce();
		this.data = new ReviewData(this.jdbc);
		this.year = ReviewData.uniqueYear();
	}

	Review review;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
		this.clock.set(Instant.now());
		this.data.cleanUp();
		if (this.review != null && this.review.year() <= 2024) {
			this.data.cleanUp(this.review.id());
		}
	}

	@Test
	void theDocumentsOfAReviewTakeTheFormOfAdministrativeDocuments() throws Exception {
		String a = this.f.a.scope();
		String province = this.f.user("tinhvb", Role.PROVINCE_OFFICER, List.of("48@2025"), List.of("48@2025"));
		String officer = this.f.user("xavb", Role.COMMUNE_OFFICER, List.of(a), List.of(a));
		String village = "Thôn Alfa" + this.f.tag;
		UUID h1 = this.data.household(this.f.a, "VbMot" + this.f.tag, this.year - 1, "POOR", 700_000L, 1);
		UUID h2 = this.data.household(this.f.a, "VbHai" + this.f.tag, this.year - 1, "POOR", 700_000L, 1);
		// the address as typed repeats the village and the commune
		this.jdbc.sql("update household set address = ? where id = ?")
			.params("Số 12, " + village + ", Xã Tây Giang", h1)
			.update();
		this.f.signIn(province);
		LocalDate today = LocalDate.now(this.clock);
		Review review = this.data.open(this.reviews, this.year, today, this.f.a.id(), this.f.b.id());
		long c = this.f.a.id();
		this.f.signIn(officer);
		this.reviews.generateWorklist(review.id(), c, false);
		Map<UUID, Surveys.SurveyInput> forms = new LinkedHashMap<>();
		Map<UUID, Integer> votes = new LinkedHashMap<>();
		for (ReviewHousehold rh : this.reviews.worklist(review.id(), c, null, null, 0, 50)) {
			forms.put(rh.id(), ReviewWorkflowIT.deprived(rh.version(), 500_000, List.of("LAND")));
			votes.put(rh.id(), 9);
		}
		assertThat(forms).hasSizeGreaterThanOrEqualTo(2);
		this.surveys.submitAll(review.id(), c, forms);
		UUID meeting = this.meetings.record(review.id(), c, ReviewData.meeting(this.f.a.villageId(), today, 10, votes))
			.id();
		this.postings.post(review.id(), c, this.reviews.unit(review.id(), c).version(), null, "Nhà văn hóa thôn");
		String communePath = "/reviews/" + review.id() + "/communes/" + c;

		// the minutes: the village under its commune's committee, times, secretary, the
		// Fatherland Front, three signatures
		String minutes = text(pdf("/reviews/meetings/" + meeting + "/minutes.pdf", officer, "minutes"));
		assertThat(minutes).contains("UBND XÃ TÂY GIANG " + village.toUpperCase(java.util.Locale.forLanguageTag("vi")))
			.contains(NATION)
			.contains(MOTTO)
			.contains("BIÊN BẢN")
			.contains("Thời gian bắt đầu: 19 giờ 00 phút, ngày " + day(today))
			.contains("Cuộc họp kết thúc lúc 21 giờ 00 phút")
			.contains("Thư ký (người ghi biên bản): Thư ký thôn")
			.contains("Đại diện Ủy ban Mặt trận Tổ quốc Việt Nam xã (giám sát): Đại diện MTTQ")
			.contains("THƯ KÝ ĐẠI DIỆN ỦY BAN MTTQ CHỦ TRÌ")
			.contains("Bản số 1/02")
			.contains("Bản số 2/02");

		// the posting list: signed on behalf of the committee, with its recipients
		String posting = text(pdf(communePath + "/posting.pdf", officer, "posting"));
		assertThat(posting).contains("ỦY BAN NHÂN DÂN XÃ TÂY GIANG")
			.contains("Tây Giang, ngày " + day(today))
			.contains("Nơi nhận:")
			.contains("TM. ỦY BAN NHÂN DÂN")
			.contains("CHỦ TỊCH");

		// before the decision: a draft to sign, number and date left blank
		String draft = text(pdf(communePath + "/decision.pdf", officer, "decision-draft"));
		assertThat(draft).contains("DỰ THẢO")
			.contains("Số: /QĐ-UBND")
			.contains("Tây Giang, ngày ...... tháng ...... năm ......")
			.contains("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂY GIANG")
			.contains("Căn cứ Quyết định số 24/2021/QĐ-TTg");

		// the decision only after the whole posting period
		this.f.signIn(officer);
		LocalDate postedTo = this.reviews.unit(review.id(), c).postedTo();
		this.clock.advance(Duration.ofDays(postedTo.toEpochDay() - LocalDate.now(this.clock).toEpochDay() + 1));
		LocalDate decided = LocalDate.now(this.clock);
		this.f.signIn(officer);
		this.recognitions.recognise(review.id(), c, this.reviews.unit(review.id(), c).version(), "07/QĐ-UBND", decided,
				"Nguyễn Chủ Tịch");

		// the decision as made: its number and date, the chairman's signature, the list
		String decision = text(pdf(communePath + "/decision.pdf", officer, "decision"));
		assertThat(decision).doesNotContain("DỰ THẢO")
			.contains("ỦY BAN NHÂN DÂN XÃ TÂY GIANG Số: 07/QĐ-UBND")
			.contains("Tây Giang, ngày " + day(decided))
			.contains("QUYẾT ĐỊNH")
			.contains("Nơi nhận: - Như Điều 3;")
			.contains("CHỦ TỊCH Nguyễn Chủ Tịch")
			.doesNotContain("XÃ DANG")
			.doesNotContain("Quảng Nam")
			.contains("VbMot" + this.f.tag)
			.contains("(Kèm theo Quyết định số 07/QĐ-UBND ngày " + dmy(decided));

		// the certificates: numbered per committee and year, the address names each unit
		// once as on the decision's date
		byte[] certificates = pdf(communePath + "/certificates.pdf", officer, "certificates");
		String certificate = text(certificates);
		Matcher numbers = Pattern.compile("Số: (\\d{2,})/" + decided.getYear() + "/GCN-HN\\.HCN").matcher(certificate);
		List<Integer> taken = new ArrayList<>();
		while (numbers.find()) {
			taken.add(Integer.parseInt(numbers.group(1)));
		}
		assertThat(taken).hasSize(forms.size()).doesNotHaveDuplicates();
		assertThat(taken.get(taken.size() - 1) - taken.get(0)).isEqualTo(taken.size() - 1);
		assertThat(certificate).contains("ỦY BAN NHÂN DÂN XÃ TÂY GIANG")
			.contains(NATION)
			.contains(MOTTO)
			.contains("Tây Giang, ngày " + day(decided))
			.contains("GIẤY CHỨNG NHẬN HỘ NGHÈO")
			.contains("Chủ tịch Ủy ban nhân dân xã Tây Giang chứng nhận:")
			.contains("Nơi cư trú: Số 12, " + village + ", xã Tây Giang, thành phố Đà Nẵng")
			.contains("theo Quyết định số 07/QĐ-UBND ngày " + dmy(decided))
			.contains("CHỦ TỊCH Nguyễn Chủ Tịch")
			.doesNotContain("Xã Dang")
			.doesNotContain(village + ", " + village);
		assertThat(count(certificate, village + ",")).isEqualTo(forms.size());
		assertThat(this.jdbc
			.sql("select count(*) from review_household where review_id = ? and certificate_no is null"
					+ " and certificate_action in ('ISSUE', 'RENEW')")
			.param(review.id())
			.query(Long.class)
			.single()).isZero();

		// the province's report: the committee of the province as on its day, to the
		// ministry in charge then, its number given at signing
		String report = text(pdf("/reviews/" + review.id() + "/reports/official.pdf", province, "report"));
		assertThat(report).contains("ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG")
			.contains("Số: /BC-UBND")
			.contains("Đà Nẵng, ngày " + day(decided))
			.contains("BÁO CÁO")
			.contains("Bộ Nông nghiệp và Môi trường (để báo cáo)")
			.contains("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH");

		// every document is set in Liberation Serif, embedded; no other font
		for (String doc : List.of("certificates", "decision", "minutes", "report")) {
			byte[] bytes = Files.readAllBytes(out().resolve(doc + ".pdf"));
			assertThat(fonts(bytes)).as(doc)
				.isNotEmpty()
				.allSatisfy((name) -> assertThat(name).contains("LiberationSerif"));
		}
	}

	@Test
	void unitsAreNamedAsOnTheDocumentsDate() {
		// a commune of the 2024 list, Xã Dang, which became Xã Tây Giang on 01/07/2025
		this.f = this.fixtures.create().communes();
		String a = this.f.a.scope();
		this.f.signIn(this.f.user("xaon", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
		String village = "Thôn Alfa" + this.f.tag;
		// before the two-tier map of 01/07/2025: the commune, its district and province
		Letterhead before = this.letterheads.committee(this.f.a.id(), LocalDate.of(2025, 5, 15), null);
		assertThat(before.issuer()).isEqualTo("XÃ DANG");
		assertThat(before.place()).isEqualTo("Dang");
		assertThat(before.units().district().name()).isEqualTo("Huyện Tây Giang");
		assertThat(before.units().province().name()).isEqualTo("Tỉnh Quảng Nam");
		assertThat(before.day() + "/" + before.month()).isEqualTo("15/5");
		assertThat(
				this.letterheads.addresses(LocalDate.of(2025, 5, 15)).of(village + ", Xã Dang", this.f.a.villageId()))
			.isEqualTo(village + ", xã Dang, huyện Tây Giang, tỉnh Quảng Nam");
		// after it: the commune it became and its province, no district
		Letterhead after = this.letterheads.committee(this.f.a.id(), LocalDate.of(2026, 2, 3), null);
		assertThat(after.issuer()).isEqualTo("XÃ TÂY GIANG");
		assertThat(after.units().district()).isNull();
		assertThat(after.units().province().name()).isEqualTo("Thành phố Đà Nẵng");
		assertThat(after.day() + "/" + after.month()).isEqualTo("03/02");
		assertThat(this.letterheads.addresses(LocalDate.of(2026, 2, 3)).of("Dang; " + village, this.f.a.villageId()))
			.isEqualTo(village + ", xã Tây Giang, thành phố Đà Nẵng");
		// one committee issues for every commune merged into it
		assertThat(this.letterheads.issuer(this.f.a.id(), LocalDate.of(2026, 2, 3)))
			.isEqualTo(after.units().body().id())
			.isNotEqualTo(this.f.a.id());
	}

	@Test
	void aReviewBeforeTheReformPrintsTheOldNamesAlsoAfterItsHouseholdsMoved() throws Exception {
		Fixtures old = this.fixtures.create().communes();
		String a = old.a.scope();
		String province = old.user("tinhvbcu", Role.PROVINCE_OFFICER, List.of("49@2024"), List.of("49@2024"));
		String officer = old.user("xavbcu", Role.COMMUNE_OFFICER, List.of(a), List.of(a));
		int before = TestYears.beforeReform(this.jdbc, "49");
		UUID h = this.data.household(old.a, "VbCu" + old.tag, before - 1, "POOR", 700_000L, 1);
		this.clock.set(Instant.parse("2024-11-04T03:00:00Z"));
		LocalDate today = LocalDate.now(this.clock);
		old.signIn(province);
		Review review = this.reviews.open(new Reviews.OpenReview(this.data.oldProvinceId(), before, "2022-2025",
				today.minusDays(10), today.plusDays(40), List.of(old.a.id())));
		this.review = review;
		long c = old.a.id();
		old.signIn(officer);
		this.reviews.generateWorklist(review.id(), c, false);
		Map<UUID, Surveys.SurveyInput> forms = new LinkedHashMap<>();
		Map<UUID, Integer> votes = new LinkedHashMap<>();
		for (ReviewHousehold r : this.reviews.worklist(review.id(), c, null, null, 0, 50)) {
			forms.put(r.id(), ReviewWorkflowIT.deprived(r.version(), 500_000, List.of("LAND")));
			votes.put(r.id(), 9);
		}
		this.surveys.submitAll(review.id(), c, forms);
		this.meetings.record(review.id(), c, ReviewData.meeting(old.a.villageId(), today, 10, votes));
		this.postings.post(review.id(), c, this.reviews.unit(review.id(), c).version(), null, "Nhà văn hóa thôn");
		LocalDate postedTo = this.reviews.unit(review.id(), c).postedTo();
		this.clock.advance(Duration.ofDays(postedTo.toEpochDay() - today.toEpochDay() + 1));
		LocalDate decided = LocalDate.now(this.clock);
		assertThat(decided).isBefore(LocalDate.of(2025, 7, 1));
		this.recognitions.recognise(review.id(), c, this.reviews.unit(review.id(), c).version(), "05/QĐ-UBND", decided,
				"Nguyễn Chủ Tịch");
		String communePath = "/reviews/" + review.id() + "/communes/" + c;
		String village = "Thôn Alfa" + old.tag;

		// the commune's households move to Xã Tây Giang on 01/07/2025; the documents of
		// the review of a year before keep the names of their day
		this.data.move(h, this.data.village(this.f.a.id(), village));
		this.clock.set(Instant.parse("2026-12-01T03:00:00Z"));
		String decision = text(pdf(communePath + "/decision.pdf", officer, "decision-2024"));
		assertThat(decision).contains("ỦY BAN NHÂN DÂN XÃ DANG Số: 05/QĐ-UBND")
			.contains("Dang, ngày " + day(decided))
			.contains("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ DANG")
			.contains("VbCu" + old.tag)
			.doesNotContain("TÂY GIANG Số")
			.doesNotContain("Đà Nẵng");
		String certificate = text(pdf(communePath + "/certificates.pdf", officer, "certificates-2024"));
		assertThat(certificate).contains("ỦY BAN NHÂN DÂN XÃ DANG")
			.contains("Chủ tịch Ủy ban nhân dân xã Dang chứng nhận:")
			.contains("Nơi cư trú: " + village + ", xã Dang, huyện Tây Giang, tỉnh Quảng Nam")
			.doesNotContain("Đà Nẵng");
	}

	@Test
	void numbersAreUniquePerIssuerAndYearFromOne() {
		long issuer = this.f.b.id();
		int y = this.year;
		assertThat(this.repository.takeNumbers(issuer, y, "GCN", 3)).isEqualTo(1);
		assertThat(this.repository.takeNumbers(issuer, y, "GCN", 2)).isEqualTo(4);
		assertThat(this.repository.takeNumbers(issuer, y + 1, "GCN", 1)).isEqualTo(1);
		assertThat(this.repository.takeNumbers(this.f.a.id(), y, "GCN", 1)).isEqualTo(1);
		this.jdbc.sql("delete from document_number where year in (?, ?)").params(y, y + 1).update();
	}

	byte[] pdf(String path, String user, String name) throws Exception {
		byte[] bytes = this.mvc.perform(get(path).with(authentication(this.f.auth(user))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Files.createDirectories(out());
		Files.write(out().resolve(name + ".pdf"), bytes);
		return bytes;
	}

	static Path out() {
		return Path.of("target", "document-form");
	}

	static String text(byte[] pdf) throws Exception {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc).replace('\u00a0', ' ').replaceAll("\\s+", " ");
		}
	}

	/** The names of the fonts of every page, each asserted embedded. */
	static List<String> fonts(byte[] pdf) throws Exception {
		List<String> names = new ArrayList<>();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			for (PDPage page : doc.getPages()) {
				PDResources resources = page.getResources();
				for (COSName key : resources.getFontNames()) {
					PDFont font = resources.getFont(key);
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
					names.add(font.getName());
				}
			}
		}
		return names;
	}

	/** "ngày 06 tháng 12 năm 2026": day below 10 and months 1, 2 with a leading zero. */
	static String day(LocalDate d) {
		return String.format("%02d tháng %s năm %d", d.getDayOfMonth(),
				(d.getMonthValue() <= 2) ? String.format("%02d", d.getMonthValue()) : d.getMonthValue(), d.getYear());
	}

	static String dmy(LocalDate d) {
		return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
	}

	static int count(String text, String part) {
		int n = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			n++;
		}
		return n;
	}

}
