package vn.giamngheo.review;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
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
 * The province's preliminary and official reports, read back from the PDF and the XLSX a
 * user downloads: per district and commune, households by class, rates, transitions,
 * households still to survey and the communes not yet approved; scoped to the user.
 */
@IntegrationTest
@Import(TestClock.Config.class)
class ProvinceReportsIT {

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
	MockMvc mvc;

	Fixtures f;

	ReviewData data;

	int year;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		this.data = new ReviewData(this.jdbc);
		// districts are of the 2024 list: a review of a year before the reform (ADR 0030)
		this.year = TestYears.beforeReform(this.jdbc, "49");
	}

	Review review;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
		this.data.cleanUp();
		if (this.review != null) {
			this.data.cleanUp(this.review.id());
		}
	}

	@Test
	void theProvinceReportsCountClassesRatesAndTransitionsPerDistrictAndCommune() throws Exception {
		String a = this.f.a.code() + "@2024";
		String province = this.f.user("tinhbc", Role.PROVINCE_OFFICER, List.of("49@2024"), List.of("49@2024"));
		String officer = this.f.user("xabc", Role.COMMUNE_OFFICER, List.of(a), List.of(a));
		UUID h1 = this.data.household(this.f.a, "RpPoor" + this.f.tag, this.year - 1, "POOR", 700_000L, 1);
		UUID h2 = this.data.household(this.f.a, "RpNear" + this.f.tag, this.year - 1, "NEAR_POOR", 1_200_000L, 1);
		UUID h3 = this.data.household(this.f.a, "RpBack" + this.f.tag, this.year - 1, "MIDDLE", 2_000_000L, 1);
		this.data.assessment(h3, this.year - 3, "POOR");
		this.data.household(this.f.a, "RpWait" + this.f.tag, this.year - 1, "POOR", 700_000L, 1);
		this.f.signIn(province);
		LocalDate today = LocalDate.now(this.clock);
		Review review = this.reviews.open(new Reviews.OpenReview(this.data.oldProvinceId(), this.year, "2022-2025",
				today.minusDays(10), today.plusDays(40), List.of(this.f.a.id(), this.f.b.id())));
		this.review = review;
		long c = this.f.a.id();
		this.f.signIn(officer);
		this.reviews.generateWorklist(review.id(), c, false);
		this.reviews.addScreened(review.id(), c, h3, List.of("NO_STABLE_INCOME"), null);
		Map<UUID, ReviewHousehold> listed = new LinkedHashMap<>();
		this.reviews.worklist(review.id(), c, null, null, 0, 50).forEach((rh) -> listed.put(rh.householdId(), rh));
		Map<UUID, Surveys.SurveyInput> forms = new LinkedHashMap<>();
		forms.put(listed.get(h1).id(), ReviewWorkflowIT.deprived(listed.get(h1).version(), 500_000, List.of("LAND")));
		forms.put(listed.get(h2).id(), ReviewWorkflowIT.income(listed.get(h2).version(), 5_000_000, List.of()));
		forms.put(listed.get(h3).id(), ReviewWorkflowIT.deprived(listed.get(h3).version(), 500_000, List.of("LAND")));
		this.surveys.submitAll(review.id(), c, forms);
		this.meetings.record(review.id(), c,
				ReviewData.meeting(this.f.a.villageId(), today, 10, Map.of(listed.get(h1).id(), 9)));
		SecurityContextHolder.clearContext();

		String communeA = name(this.f.a.id());
		String communeB = name(this.f.b.id());
		String district = this.jdbc
			.sql("select d.name from admin_unit c join admin_unit d on d.id = c.parent_id where c.id = ?")
			.param(this.f.a.id())
			.query(String.class)
			.single();
		long households = this.jdbc
			.sql("select count(*) from household where commune_id = ? and not voided and status = 'ACTIVE'")
			.param(this.f.a.id())
			.query(Long.class)
			.single();

		// the XLSX: a district subtotal, then its communes; figures as numbers
		List<List<String>> sheet = xlsx("/reviews/" + review.id() + "/reports/preliminary.xlsx", province);
		assertThat(sheet.get(0).get(0)).startsWith("Báo cáo sơ bộ").endsWith("Quảng Nam");
		assertThat(sheet.get(2).get(0)).startsWith("2 xã chưa được duyệt");
		List<String> rowA = sheet.stream()
			.filter((r) -> r.size() > 1 && communeA.equals(r.get(1)))
			.findFirst()
			.orElseThrow();
		assertThat(rowA.get(0)).isEqualTo(district);
		assertThat(rowA.get(2)).isEqualTo(String.valueOf(households));
		assertThat(rowA.subList(4, 6)).containsExactly("2", "2");
		assertThat(Double.parseDouble(rowA.get(6))).isCloseTo(2.0 / households,
				org.assertj.core.data.Offset.offset(0.0001));
		assertThat(rowA.get(7)).isEqualTo("0");
		assertThat(rowA.subList(10, 14)).containsExactly("1", "0", "1", "1");
		assertThat(rowA.get(14)).isEqualTo("Đang thực hiện");
		assertThat(sheet).anySatisfy((r) -> assertThat(r.get(0)).isEqualTo(district));
		// two communes, neither approved: the sum is provisional, with its coverage
		assertThat(sheet.get(sheet.size() - 1).get(0)).isEqualTo("Tạm tính (0/2 xã đã duyệt)");

		// the PDF, in Vietnamese
		String pdf = pdfText("/reviews/" + review.id() + "/reports/official.pdf", province);
		assertThat(pdf).contains("BÁO CÁO Kết quả chính thức rà soát hộ nghèo, hộ cận nghèo")
			.contains(communeA)
			.contains(communeB)
			.contains(district)
			.contains("2 xã chưa được duyệt")
			.contains("Tạm tính (0/2 xã đã duyệt)")
			.contains(communeA + " " + households + " " + households + " 2 2 ")
			.contains("Đang thực hiện")
			// the standard by its name, not its file key
			.contains("Chuẩn nghèo đa chiều giai đoạn 2022–2025")
			.doesNotContain("chuẩn 2022-2025");

		// a commune officer's report has only their commune
		List<List<String>> own = xlsx("/reviews/" + review.id() + "/reports/official.xlsx", officer);
		assertThat(own.toString()).contains(communeA).doesNotContain(communeB);
		this.mvc
			.perform(get("/reviews/" + review.id() + "/reports/weekly.pdf").with(authentication(this.f.auth(province))))
			.andExpect(status().isNotFound());
	}

	String name(long unitId) {
		return this.jdbc.sql("select name from admin_unit where id = ?").param(unitId).query(String.class).single();
	}

	List<List<String>> xlsx(String path, String user) throws Exception {
		byte[] bytes = this.mvc.perform(get(path).with(authentication(this.f.auth(user))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> sheet = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
			for (Row r : wb.getFirstSheet().read()) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < r.getCellCount(); c++) {
					cells.add(r.getCellText(c));
				}
				sheet.add(cells);
			}
		}
		return sheet;
	}

	String pdfText(String path, String user) throws Exception {
		byte[] bytes = this.mvc.perform(get(path).with(authentication(this.f.auth(user))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(bytes)) {
			return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
		}
	}

}
