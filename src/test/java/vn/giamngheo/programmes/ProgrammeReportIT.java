package vn.giamngheo.programmes;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.giamngheo.analytics.Territory;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.programmes.ProgrammeReport.ChainLine;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Mẫu 01 supervision reports and the Biểu 01/02 files (ADR 0049) on a synthetic district
 * with two communes: a submitted version cannot be changed (the service refuses and the
 * V71 trigger refuses a direct SQL update), a correction needs a reason and supersedes
 * it, a stale version is a 409, a commune sees only its own reports, the district sees
 * where its communes stand; the XLSX and the PDF carry the figures a user checks. The
 * catalogue, outputs and funds faces are other parts of issue 18: until they are merged,
 * they are stood in for by fixed figures here (the lifecycle, the freezing and the files
 * are this part's).
 */
@IntegrationTest
class ProgrammeReportIT {

	static final String CODE = "GNBV-2021-2025";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	ProgrammeReports reports;

	@MockitoBean
	ProgrammeCatalogue catalogue;

	@MockitoBean
	ProgrammeOutputs outputs;

	@MockitoBean
	ProgrammeFunds funds;

	Territory t;

	long[] a;

	long[] b;

	Fixtures f;

	Authentication district;

	Authentication officerA;

	Authentication officerB;

	@BeforeEach
	void setUp() {
		this.t = new Territory(this.jdbc, "49").district("Huyện", null, false);
		this.a = this.t.commune("A", "Xã", false);
		this.b = this.t.commune("B", "Xã", false);
		this.f = this.fixtures.create();
		String scopeA = "C" + this.t.tag + "A@local";
		String scopeB = "C" + this.t.tag + "B@local";
		String scopeD = "D" + this.t.tag + "@local";
		this.district = this.f.auth(this.f.user("prdistrict", Role.DISTRICT_OFFICER, List.of(scopeD), List.of(scopeD)));
		this.officerA = this.f.auth(this.f.user("profficera", Role.COMMUNE_OFFICER, List.of(scopeA), List.of(scopeA)));
		this.officerB = this.f.auth(this.f.user("profficerb", Role.COMMUNE_OFFICER, List.of(scopeB), List.of(scopeB)));
		OutputDef households = new OutputDef("HOUSEHOLDS_SUPPORTED", "Số hộ được hỗ trợ", "Households supported", "hộ",
				"households", true, null);
		OutputDef houses = new OutputDef("HOUSES_BUILT", "Số nhà được xây mới", "Houses built", "căn", "houses", false,
				null);
		ProgrammeIndicator rate = new ProgrammeIndicator("POOR_RATE", "Tỷ lệ hộ nghèo đa chiều",
				"Multidimensional poverty rate", "IMPACT", "%", "%", "giảm 1–1,5 %/năm", null, "90/QĐ-TTg", true);
		ProgrammeIndicator built = new ProgrammeIndicator("HOUSES", "Nhà ở được hỗ trợ", "Houses supported", "OUTPUT",
				"căn", "houses", "100.000 căn", "HOUSES_BUILT", "90/QĐ-TTg", false);
		ProgrammeNode da2 = new ProgrammeNode("DA2", "PROJECT", "Dự án 2: Đa dạng hóa sinh kế",
				"Project 2: Livelihoods", "90/QĐ-TTg", true, "Bộ NN&PTNT", "Hộ nghèo", List.of(households),
				List.of(rate), List.of());
		ProgrammeNode da5 = new ProgrammeNode("DA5", "PROJECT", "Dự án 5: Hỗ trợ nhà ở", "Project 5: Housing",
				"90/QĐ-TTg", true, "Bộ Xây dựng", "Hộ nghèo thiếu nhà ở", List.of(houses), List.of(built), List.of());
		Programme programme = new Programme(CODE, "Chương trình MTQG giảm nghèo bền vững giai đoạn 2021–2025",
				"National Target Programme for Sustainable Poverty Reduction 2021–2025", 2021, 2025,
				"Quyết định 90/QĐ-TTg ngày 18/01/2022", true, "Bộ LĐTBXH", "", List.of(da2, da5),
				List.of(new ProgrammeIndicator("POVERTY_RATE_FALL", "Tỷ lệ hộ nghèo giảm bình quân",
						"Poverty rate falls", "IMPACT", "%/năm", "%/year", "giảm 1,0–1,5%/năm", null, "NQ 24/2021/QH15",
						false)));
		when(this.catalogue.programme(CODE)).thenReturn(Optional.of(programme));
		when(this.catalogue.programme(eq("NOPE"))).thenReturn(Optional.empty());
		when(this.catalogue.inForce(anyInt())).thenReturn(List.of(programme));
		Map<OutputKey, OutputFigure> figures = new LinkedHashMap<>();
		OutputKey hk = new OutputKey("DA2", "HOUSEHOLDS_SUPPORTED");
		figures.put(hk, new OutputFigure(hk, 37, OutputFigure.How.COUNTED, 40L, 0));
		OutputKey bk = new OutputKey("DA5", "HOUSES_BUILT");
		figures.put(bk, new OutputFigure(bk, 12, OutputFigure.How.ENTERED, 15L, 1));
		when(this.outputs.outputs(eq(CODE), anyLong(), anyInt())).thenReturn(figures);
		disbursed(1_000_000_000L);
	}

	/**
	 * The funds stood in: central investment with the given disbursement, and local
	 * money.
	 */
	void disbursed(long central) {
		Map<String, Money> bySource = new LinkedHashMap<>();
		bySource.put("CENTRAL_INVESTMENT", new Money(1_500_000_000L, 1_250_000_000L, central));
		bySource.put("LOCAL", new Money(200_000_000L, 200_000_000L, 150_000_000L));
		Map<String, Money> byNode = new LinkedHashMap<>();
		byNode.put("DA2", new Money(700_000_000L, 650_000_000L, 500_000_000L));
		byNode.put("DA5", new Money(1_000_000_000L, 800_000_000L, central - 350_000_000L));
		Money total = new Money(1_700_000_000L, 1_450_000_000L, central + 150_000_000L);
		FundTotals totals = new FundTotals(this.t.districtId, 2024, CODE, bySource, byNode, total, 2);
		when(this.funds.totals(eq(CODE), anyLong(), anyInt())).thenReturn(totals);
		Map<Long, FundTotals> byChild = new LinkedHashMap<>();
		byChild.put(this.a[0], totals);
		when(this.funds.totalsByChild(eq(CODE), anyLong(), anyInt())).thenReturn(byChild);
	}

	ResultActions send(MockHttpServletRequestBuilder request, Authentication who, String json) throws Exception {
		return this.mvc.perform(
				request.with(authentication(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	byte[] download(String url, long unit, Authentication who) throws Exception {
		return this.mvc
			.perform(get(url).param("unit", String.valueOf(unit)).param("year", "2024").with(authentication(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
	}

	void as(Authentication who) {
		SecurityContextHolder.getContext().setAuthentication(who);
	}

	ProgrammeReport submittedOfA() {
		as(this.officerA);
		ProgrammeReport draft = this.reports.create(new ProgrammeReports.NewReport(this.a[0], CODE, 2024, "H1"));
		ProgrammeReport edited = this.reports.edit(draft.id(), new ProgrammeReports.Edit("Hoàn thành 92 % kế hoạch.",
				"Giải ngân vốn sự nghiệp chậm.", "Đề nghị giao vốn sớm.", draft.rowVersion()));
		return this.reports.submit(draft.id(), new ProgrammeReports.Submission(edited.rowVersion()));
	}

	@Test
	void aSubmittedReportCannotBeChangedByTheServiceNorBySql() {
		ProgrammeReport r = submittedOfA();
		assertThat(r.status()).isEqualTo("SUBMITTED");
		assertThat(r.submittedAt()).isNotNull();
		assertThat(r.dueOn()).isEqualTo(java.time.LocalDate.of(2024, 7, 19));
		assertThat(r.late()).isTrue();
		// the service refuses an edit and a second submission
		assertThatThrownBy(() -> this.reports.edit(r.id(), new ProgrammeReports.Edit("khác", "", "", r.rowVersion())))
			.isInstanceOfSatisfying(DomainException.class, (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CONFLICT));
		assertThatThrownBy(() -> this.reports.submit(r.id(), new ProgrammeReports.Submission(r.rowVersion())))
			.isInstanceOfSatisfying(DomainException.class, (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CONFLICT));
		// the data moves on: the submitted version keeps what it showed
		disbursed(1_200_000_000L);
		assertThat(this.reports.content(r.id()).results().total().disbursed()).isEqualTo(1_150_000_000L);
		assertThat(this.reports.results(CODE, this.a[0], 2024, java.util.Locale.ROOT).total().disbursed())
			.isEqualTo(1_350_000_000L);
		// the database refuses a direct change of the frozen row, and its deletion
		assertThatThrownBy(() -> this.jdbc
			.sql("update programme_report set narrative = '{\"assessment\": \"sửa lén\"}'::jsonb where id = ?")
			.param(r.id())
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("frozen");
		assertThatThrownBy(
				() -> this.jdbc.sql("update programme_report set status = 'DRAFT' where id = ?").param(r.id()).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("frozen");
		assertThatThrownBy(() -> this.jdbc
			.sql("update programme_report set status = 'SUPERSEDED', content = '{}'::jsonb where id = ?")
			.param(r.id())
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("frozen");
		assertThatThrownBy(() -> this.jdbc.sql("delete from programme_report where id = ?").param(r.id()).update())
			.isInstanceOf(DataAccessException.class);
		assertThat(this.jdbc.sql("select narrative->>'assessment' from programme_report where id = ?")
			.param(r.id())
			.query(String.class)
			.single()).isEqualTo("Hoàn thành 92 % kế hoạch.");
	}

	@Test
	void aCorrectionNeedsAReasonAndSupersedesTheSubmittedVersion() {
		ProgrammeReport r = submittedOfA();
		assertThatThrownBy(() -> this.reports.correct(r.id(), new ProgrammeReports.Correction("  ")))
			.isInstanceOfSatisfying(DomainException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_INPUT));
		assertThat(this.reports.get(r.id()).status()).isEqualTo("SUBMITTED");
		ProgrammeReport v2 = this.reports.correct(r.id(),
				new ProgrammeReports.Correction("Sai số hộ được hỗ trợ của Dự án 2"));
		assertThat(v2.version()).isEqualTo(2);
		assertThat(v2.status()).isEqualTo("DRAFT");
		assertThat(v2.reason()).isEqualTo("Sai số hộ được hỗ trợ của Dự án 2");
		assertThat(v2.supersedes()).isEqualTo(r.id());
		assertThat(v2.narrative().assessment()).isEqualTo("Hoàn thành 92 % kế hoạch.");
		assertThat(v2.dueOn()).isEqualTo(r.dueOn());
		assertThat(this.reports.get(r.id()).status()).isEqualTo("SUPERSEDED");
		// a superseded version stays as it was
		assertThatThrownBy(() -> this.reports.correct(r.id(), new ProgrammeReports.Correction("lại")))
			.isInstanceOfSatisfying(DomainException.class, (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CONFLICT));
		assertThatThrownBy(() -> this.jdbc.sql("update programme_report set status = 'SUBMITTED' where id = ?")
			.param(r.id())
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("frozen");
		// a new draft of the same period is refused while the correction is live
		assertThatThrownBy(() -> this.reports.create(new ProgrammeReports.NewReport(this.a[0], CODE, 2024, "H1")))
			.isInstanceOfSatisfying(DomainException.class, (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CONFLICT));
		ProgrammeReport v2s = this.reports.submit(v2.id(), new ProgrammeReports.Submission(v2.rowVersion()));
		assertThat(v2s.status()).isEqualTo("SUBMITTED");
		// lateness is the first submission's
		assertThat(v2s.firstSubmittedOn()).isEqualTo(r.firstSubmittedOn());
		assertThat(this.reports.list(this.a[0], 2024)).extracting(ProgrammeReport::version, ProgrammeReport::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "SUBMITTED"),
					org.assertj.core.groups.Tuple.tuple(1, "SUPERSEDED"));
	}

	@Test
	void theApiAnswersAStaleVersionWith409AndAMissingReasonWith400() throws Exception {
		String body = send(post("/api/v1/programme-reports"), this.officerA,
				"{\"unit\": " + this.a[0] + ", \"programme\": \"" + CODE + "\", \"year\": 2024, \"period\": \"YEAR\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.dueOn").value("2025-01-21"))
			.andExpect(jsonPath("$.unitPath").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = body.replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1");
		send(put("/api/v1/programme-reports/" + id), this.officerA, "{\"assessment\": \"Tốt\", \"version\": 0}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rowVersion").value(1));
		send(put("/api/v1/programme-reports/" + id), this.officerA, "{\"assessment\": \"Ghi đè\", \"version\": 0}")
			.andExpect(status().isConflict())
			.andExpect(
					jsonPath("$.detail").value("Báo cáo vừa được người khác thay đổi; hãy tải lại trang rồi làm lại."));
		send(post("/api/v1/programme-reports/" + id + "/submit"), this.officerA, "{\"version\": 1}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"));
		send(put("/api/v1/programme-reports/" + id), this.officerA,
				"{\"assessment\": \"Sửa sau khi nộp\", \"version\": 2}")
			.andExpect(status().isConflict());
		send(post("/api/v1/programme-reports/" + id + "/corrections"), this.officerA, "{\"reason\": \"\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Cần ghi lý do đính chính."));
		// a leader may read but not prepare
		Authentication leader = this.f.auth(this.f.user("prleader", Role.LEADER, List.of("D" + this.t.tag + "@local"),
				List.of("D" + this.t.tag + "@local")));
		send(post("/api/v1/programme-reports/" + id + "/corrections"), leader, "{\"reason\": \"thử\"}")
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/programme-reports/" + id).with(authentication(leader)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"));
	}

	@Test
	void aCommuneSeesOnlyItsReportsAndTheDistrictSeesTheChain() throws Exception {
		ProgrammeReport r = submittedOfA();
		// commune B neither reads A's report nor lists A's or the district's reports
		this.mvc.perform(get("/api/v1/programme-reports/" + r.id()).with(authentication(this.officerB)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/programme-reports/" + r.id() + ".pdf").with(authentication(this.officerB)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/programme-reports").param("unit", String.valueOf(this.a[0]))
				.param("year", "2024")
				.with(authentication(this.officerB)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/programme-reports/chain").param("unit", String.valueOf(this.t.districtId))
				.param("programme", CODE)
				.param("year", "2024")
				.param("period", "H1")
				.with(authentication(this.officerA)))
			.andExpect(status().isNotFound());
		// nor prepares the district's report
		send(post("/api/v1/programme-reports"), this.officerA, "{\"unit\": " + this.t.districtId + ", \"programme\": \""
				+ CODE + "\", \"year\": 2024, \"period\": \"H1\"}")
			.andExpect(status().isNotFound());
		// the district: A submitted (late: due 19/07/2024), B overdue
		as(this.district);
		List<ChainLine> chain = this.reports.chain(this.t.districtId, CODE, 2024, "H1");
		assertThat(chain).extracting(ChainLine::unitId, ChainLine::state)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(this.a[0], "SUBMITTED_LATE"),
					org.assertj.core.groups.Tuple.tuple(this.b[0], "OVERDUE"));
		assertThat(chain.get(0).report().id()).isEqualTo(r.id());
		assertThat(this.reports.get(r.id()).narrative().proposals()).isEqualTo("Đề nghị giao vốn sớm.");
		// the district prepares its own (due before 01/06 only for a province)
		ProgrammeReport own = this.reports.create(new ProgrammeReports.NewReport(this.t.districtId, CODE, 2024, "H1"));
		assertThat(own.dueOn()).isEqualTo(java.time.LocalDate.of(2024, 7, 19));
		String page = this.mvc
			.perform(get("/programmes/reports").param("unit", String.valueOf(this.t.districtId))
				.param("year", "2024")
				.param("programme", CODE)
				.param("period", "H1")
				.with(authentication(this.district)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Nộp muộn", "Chưa nộp, quá hạn", "19/07/2024", "1.000.000.000", "Dự thảo");
		// the commune's submitted report opens as a page, from its frozen content
		String shown = this.mvc.perform(get("/programmes/reports/" + r.id()).with(authentication(this.district)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(shown).contains("Đề nghị giao vốn sớm.", "1.000.000.000", "giữ nguyên như lúc nộp")
			.doesNotContain("không kèm nội dung lúc nộp");
		// a year outside the programme is a rule rejection, an unknown programme not
		// found
		as(this.district);
		assertThatThrownBy(() -> this.reports.results(CODE, this.t.districtId, 2019, java.util.Locale.ROOT))
			.isInstanceOfSatisfying(DomainException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.RULE_REJECTED));
		this.mvc
			.perform(get("/api/v1/programmes/NOPE/reports/results.xlsx").param("unit", String.valueOf(this.a[0]))
				.param("year", "2024")
				.with(authentication(this.officerA)))
			.andExpect(status().isNotFound());
	}

	@Test
	void theResultsWorkbookHoldsTheFundsAsNumbers() throws Exception {
		byte[] xlsx = download("/api/v1/programmes/" + CODE + "/reports/results.xlsx", this.t.districtId,
				this.district);
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> rows = wb.getFirstSheet().read();
			assertThat(rows.get(0).getCellText(0)).isEqualTo("BIỂU SỐ 02: KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH");
			Row central = rows.stream()
				.filter((r) -> "Vốn đầu tư phát triển".equals(r.getCellText(1)))
				.findFirst()
				.orElseThrow();
			assertThat(central.getCellText(0)).isEqualTo("Ngân sách trung ương");
			assertThat(central.getCell(2).asNumber()).isEqualByComparingTo(new BigDecimal("1500000000"));
			assertThat(central.getCell(4).asNumber()).isEqualByComparingTo(new BigDecimal("1000000000"));
			assertThat(central.getCell(5).asNumber()).isEqualByComparingTo(new BigDecimal("80.0"));
			Row houses = rows.stream()
				.filter((r) -> "Số nhà được xây mới".equals(r.getCellText(1)))
				.findFirst()
				.orElseThrow();
			assertThat(houses.getCell(3).asNumber()).isEqualByComparingTo(new BigDecimal("15"));
			assertThat(houses.getCell(4).asNumber()).isEqualByComparingTo(new BigDecimal("12"));
			assertThat(houses.getCellText(6)).isEqualTo("Nhập tay, đã duyệt");
			Row child = rows.stream()
				.filter((r) -> ("Xã A " + this.t.tag).equals(r.getCellText(1)))
				.findFirst()
				.orElseThrow();
			assertThat(child.getCell(4).asNumber()).isEqualByComparingTo(new BigDecimal("1150000000"));
			assertThat(rows.stream().map((r) -> r.getCellText(0))).anyMatch((s) -> s.contains("chưa có bản mẫu gốc"));
			// projects are numbered as the forms number them, never shown by the
			// catalogue's code
			assertThat(rows.stream().map((r) -> r.getCellText(0))).anyMatch((s) -> s.matches("\\d+(\\.\\d+)?"))
				.noneMatch((s) -> s.matches("(DA|HP)\\d.*"));
		}
		byte[] framework = download("/api/v1/programmes/" + CODE + "/reports/framework.xlsx", this.t.districtId,
				this.district);
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(framework))) {
			List<Row> rows = wb.getFirstSheet().read();
			Row houses = rows.stream()
				.filter((r) -> "Nhà ở được hỗ trợ".equals(r.getCellText(2)))
				.findFirst()
				.orElseThrow();
			assertThat(houses.getCell(7).asNumber()).isEqualByComparingTo(new BigDecimal("12"));
			assertThat(houses.getCellText(9)).contains("chưa đối chiếu");
			// the programme's own indicator, read from the review figures (none here)
			Row fall = rows.stream()
				.filter((r) -> "Tỷ lệ hộ nghèo giảm bình quân".equals(r.getCellText(2)))
				.findFirst()
				.orElseThrow();
			assertThat(fall.getCellText(8)).isEqualTo("Kết quả rà soát");
			assertThat(fall.getCellText(7)).isEqualTo("—");
		}
	}

	@Test
	void theSubmittedReportPdfIsADocumentOfTheCommitteeWithItsFrozenFigures() throws Exception {
		ProgrammeReport r = submittedOfA();
		disbursed(1_200_000_000L);
		byte[] pdf = this.mvc
			.perform(get("/api/v1/programme-reports/" + r.id() + ".pdf").with(authentication(this.officerA)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
			assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
					"ỦY BAN NHÂN DÂN", "BÁO CÁO", "6 tháng đầu năm 2024", "1.000.000.000", "1.150.000.000",
					"Hoàn thành 92 % kế hoạch.", "KHÓ KHĂN, VƯỚNG MẮC", "Đề nghị giao vốn sớm.",
					"Nộp lúc " + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
						.format(r.submittedAt().atZoneSameInstant(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))));
			assertThat(text).doesNotContain("DỰ THẢO", "1.350.000.000");
		}
		byte[] results = download("/api/v1/programmes/" + CODE + "/reports/results.pdf", this.a[0], this.officerA);
		try (PDDocument doc = Loader.loadPDF(results)) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
			assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BIỂU SỐ 02", "1.200.000.000", "96,0 %");
		}
	}

}
