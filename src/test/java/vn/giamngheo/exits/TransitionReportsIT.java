package vn.giamngheo.exits;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.analytics.Territory;
import vn.giamngheo.exits.domain.CohortLine;
import vn.giamngheo.exits.domain.Column;
import vn.giamngheo.exits.domain.Dynamics.Kind;
import vn.giamngheo.exits.domain.Dynamics.Line;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The transition reports on a small hand-made history (ADR 0044): fifteen households of a
 * synthetic district over 2020–2024, each figure of the 2024 dynamics forms (by
 * households and persons, urban and rural, by commune) and of the exit cohorts computed
 * by hand; the causes and shocks of the households that became poor; scope; and the XLSX
 * and PDF.
 */
@IntegrationTest
class TransitionReportsIT {

	static final int N = 2024;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@OwnerDatabase
	DataSource owner;

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	TransitionReports reports;

	@Autowired
	vn.giamngheo.analytics.Aggregates aggregates;

	UUID review;

	Territory t;

	long[] a;

	long[] b;

	String communePathA;

	Fixtures f;

	Authentication district;

	Authentication officerA;

	Authentication officerB;

	final Map<String, UUID> h = new LinkedHashMap<>();

	@BeforeEach
	void setUp() {
		this.t = new Territory(this.jdbc, "49").district("Huyện", null, false);
		this.a = this.t.commune("A", "Xã", false);
		this.b = this.t.commune("B", "Xã", false);
		this.communePathA = path(this.a[0]);
		// classes from 2020 (P poor, N near-poor, O above near-poor, - not assessed) and
		// members of each year
		household("H1", false, "POOOO", 4, 4, 4, 4, 4); // exits 2021, stays out
		household("H2", false, "PNPPN", 3, 3, 3, 3, 3); // exits 2021, poor again 2022
		household("H3", false, "POOPP", 5, 5, 5, 5, 4); // exits 2021, poor again 2023
		household("H4", false, "PO---", 4, 4, 0, 0, 0); // exits 2021, never seen again
		household("H5", true, "OOOOP", 2, 2, 2, 2, 2); // newly poor 2024 (urban)
		household("H6", false, "NPOOP", 4, 4, 4, 4, 3); // exits 2022, falls back 2024
		household("H7", false, "---NP", 0, 0, 0, 4, 5); // near-poor → poor
		household("H8", false, "---P-", 0, 0, 0, 2, 0); // poor, not assessed 2024
		household("H9", false, "---PO", 0, 0, 0, 6, 6); // poor → above near-poor
		household("H10", true, "----P", 0, 0, 0, 0, 7); // new household, poor (urban)
		household("H11", false, "---NN", 0, 0, 0, 4, 5); // near-poor both years, one more
															// member
		household("H12", false, "--NON", 0, 0, 4, 4, 4); // fell back into near-poverty
		household("H13", false, "---ON", 0, 0, 0, 2, 2); // newly near-poor
		household("H14", false, "---NO", 0, 0, 0, 3, 3); // left near-poverty
		household("H15", false, "---PP", 0, 0, 0, 4, 4); // poor, moves from A to B on
															// 01/06/2024
		JdbcClient owner = JdbcClient.create(this.owner);
		owner
			.sql("insert into household_address_past (household_id, province_code, commune_id, village_id, unit_path,"
					+ " valid_to) select id, province_code, commune_id, village_id, unit_path, date '2024-06-01'"
					+ " from household where id = ?")
			.param(this.h.get("H15"))
			.update();
		owner.sql("update household set commune_id = ?, village_id = ?, unit_path = ? where id = ?")
			.params(this.b[0], this.b[1], path(this.b[1]), this.h.get("H15"))
			.update();
		// causes recorded in the 2024 review for H5 and H6; shocks of H6 (counted) and H5
		// (too early, and a voided one)
		UUID review = this.jdbc
			.sql("insert into review (province_code, province_id, province_path, year, standard_key, window_from,"
					+ " window_to, created_by) select '49', id, path, 2024, '2022-2025', date '2024-09-01',"
					+ " date '2024-12-14', 'test' from admin_unit where code = '49' and edition = '2024'"
					+ " on conflict (province_code, year) do update set created_by = review.created_by returning id")
			.query(UUID.class)
			.single();
		this.review = review;
		cause(review, "H5", "LAND", "CAPITAL");
		cause(review, "H6", "ILLNESS", "CAPITAL");
		event("H6", "SERIOUS_ILLNESS", "2023-05-10", false);
		event("H5", "NATURAL_DISASTER", "2022-10-01", false);
		event("H5", "JOB_LOSS", "2024-03-01", true);
		this.f = this.fixtures.create();
		String scopeA = "C" + this.t.tag + "A@local";
		String scopeB = "C" + this.t.tag + "B@local";
		this.district = this.f
			.auth(this.f.user("trdistrict", Role.DISTRICT_OFFICER, List.of("D" + this.t.tag + "@local"), List.of()));
		this.officerA = this.f.auth(this.f.user("trofficera", Role.COMMUNE_OFFICER, List.of(scopeA), List.of(scopeA)));
		this.officerB = this.f.auth(this.f.user("trofficerb", Role.COMMUNE_OFFICER, List.of(scopeB), List.of(scopeB)));
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
		this.jdbc.sql("delete from review_unit where review_id = ? and commune_id = ?")
			.params(this.review, this.a[0])
			.update();
	}

	String path(long unit) {
		return this.jdbc.sql("select path from admin_unit where id = ?").param(unit).query(String.class).single();
	}

	void household(String key, boolean urban, String classes, int... members) {
		UUID id = this.t.household(this.a, false, false, 1, 1_000_000, 2020, "-----");
		this.jdbc.sql("update household set urban = ? where id = ?").params(urban, id).update();
		for (int k = 0; k < classes.length(); k++) {
			char c = classes.charAt(k);
			if (c == '-') {
				continue;
			}
			String cls = (c == 'P') ? "POOR" : (c == 'N') ? "NEAR_POOR" : "MIDDLE";
			this.jdbc
				.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
						+ " classification, decision_date, source) values (?, '49', ?, '2022-2025', ?, ?, ?, 'MANUAL')")
				.params(id, 2020 + k, members[k], cls, java.time.LocalDate.of(2020 + k, 12, 20))
				.update();
		}
		this.h.put(key, id);
	}

	void cause(UUID review, String key, String... causes) {
		this.jdbc.sql("insert into review_household (review_id, household_id, province_code, commune_id, village_id,"
				+ " unit_path, origin, causes) select ?, id, province_code, commune_id, village_id, unit_path, 'LIST',"
				+ " ? from household where id = ?")
			.params(review, causes, this.h.get(key))
			.update();
	}

	void event(String key, String type, String date, boolean voided) {
		this.jdbc
			.sql("insert into household_event (province_code, household_id, unit_path, event_date, type, voided,"
					+ " void_reason, created_by) select province_code, id, unit_path, cast(? as date), ?, ?, ?, 'test'"
					+ " from household where id = ?")
			.params(date, type, voided, voided ? "nhập nhầm" : null, this.h.get(key))
			.update();
	}

	TransitionReport report(Authentication who, long unit) {
		SecurityContextHolder.getContext().setAuthentication(who);
		return this.reports.report(unit, N, Locale.forLanguageTag("vi"));
	}

	static Line line(List<Line> lines, Kind kind, Long unitId) {
		return lines.stream()
			.filter((l) -> l.kind() == kind && (unitId == null || unitId.equals(l.unitId())))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Values in the order START, TO_OTHER_LIST, ABOVE, OTHER_DECREASE, FROM_OTHER_LIST,
	 * FELL_BACK, NEW, OTHER_INCREASE, END.
	 */
	static List<Long> values(Map<Column, Long> byColumn) {
		List<Long> v = new ArrayList<>();
		for (Column c : Column.values()) {
			v.add(byColumn.get(c));
		}
		return v;
	}

	@Test
	void thePoorAndNearPoorDynamicsOfTheCommuneMatchTheHandCount() {
		TransitionReport r = report(this.officerA, this.a[0]);
		// poor at the start: H2 H3 H8 H9 H15 (3+5+2+6+4 persons). H2 became near-poor, H9
		// rose above, H8 was not assessed and H15 moved to B (other decreases; by persons
		// also the member H3 lost); H7 came from near-poor, H6 fell back, H5 is newly
		// poor, H10 a new household: 5 − 4 + 4 = 5 poor at the end (H3 H5 H6 H7 H10)
		Line poor = line(r.poor(), Kind.TOTAL, null);
		assertThat(values(poor.households())).containsExactly(5L, 1L, 1L, 2L, 1L, 1L, 1L, 1L, 5L);
		assertThat(values(poor.persons())).containsExactly(20L, 3L, 6L, 7L, 5L, 3L, 2L, 7L, 21L);
		assertThat(poor.balanced()).isTrue();
		// urban: H5 and H10 only
		assertThat(values(line(r.poor(), Kind.URBAN, null).households())).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 1L,
				1L, 2L);
		assertThat(values(line(r.poor(), Kind.RURAL, null).households())).containsExactly(5L, 1L, 1L, 2L, 1L, 1L, 0L,
				0L, 3L);
		// the commune's only village is its child line, with the same figures
		assertThat(values(line(r.poor(), Kind.CHILD, this.a[1]).households())).isEqualTo(values(poor.households()));

		// near-poor at the start: H7 H11 H14 (4+4+3). H7 became poor, H14 left
		// near-poverty; H2 came from poor, H12 fell back (near-poor in 2022), H13 is
		// newly near-poor; H11 stayed and gained a member: 3 − 2 + 3 = 4
		Line near = line(r.nearPoor(), Kind.TOTAL, null);
		assertThat(values(near.households())).containsExactly(3L, 1L, 1L, 0L, 1L, 1L, 1L, 0L, 4L);
		assertThat(values(near.persons())).containsExactly(11L, 4L, 3L, 0L, 3L, 4L, 2L, 1L, 14L);
		assertThat(near.balanced()).isTrue();
	}

	@Test
	void inTheDistrictAHouseholdMovingBetweenCommunesLeavesOneAndEntersTheOther() {
		TransitionReport r = report(this.district, this.t.districtId);
		Line total = line(r.poor(), Kind.TOTAL, null);
		// H15 stays poor in the district
		assertThat(values(total.households())).containsExactly(5L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 6L);
		assertThat(values(total.persons())).containsExactly(20L, 3L, 6L, 3L, 5L, 3L, 2L, 7L, 25L);
		assertThat(values(line(r.poor(), Kind.CHILD, this.a[0]).households())).containsExactly(5L, 1L, 1L, 2L, 1L, 1L,
				1L, 1L, 5L);
		assertThat(values(line(r.poor(), Kind.CHILD, this.b[0]).households())).containsExactly(0L, 0L, 0L, 0L, 0L, 0L,
				0L, 1L, 1L);
		assertThat(r.poor()).allMatch(Line::balanced);
		assertThat(r.nearPoor()).allMatch(Line::balanced);
	}

	@Test
	void theCohortFiguresMatchTheHandCount() {
		List<CohortLine> cohorts = report(this.officerA, this.a[0]).cohorts();
		// 2021: H1 H2 H3 H4 exited; H1 H2 H3 reviewed in 2022, 2023 and 2024 (H4 never);
		// still out: after 1 year H1 H3 (H2 poor in 2022), after 2 and 3 years H1 (H3
		// poor in 2023)
		// 2022: H6 exited; reviewed 2023 (out) and 2024 (poor); 2025 not reached
		assertThat(cohorts).extracting(CohortLine::exitYear).containsExactly(2021, 2022);
		CohortLine y2021 = cohorts.get(0);
		assertThat(y2021.exited()).isEqualTo(4);
		assertThat(y2021.observed()).containsExactly(3, 3, 3);
		assertThat(y2021.stillOut()).containsExactly(2, 1, 1);
		assertThat(y2021.shares()).containsExactly(66.67, 33.33, 33.33);
		CohortLine y2022 = cohorts.get(1);
		assertThat(y2022.exited()).isEqualTo(1);
		assertThat(y2022.observed()).containsExactly(1, 1, 0);
		assertThat(y2022.stillOut()).containsExactly(1, 0, 0);
		assertThat(y2022.observable()).containsExactly(true, true, false);
		// no look-ahead: the report of 2022 follows the 2021 cohort one year only
		SecurityContextHolder.getContext().setAuthentication(this.officerA);
		CohortLine early = this.reports.report(this.a[0], 2022, Locale.forLanguageTag("vi")).cohorts().get(0);
		assertThat(early.observed()).containsExactly(3, 0, 0);
		assertThat(early.stillOut()).containsExactly(2, 0, 0);
		assertThat(early.observable()).containsExactly(true, false, false);
	}

	@Test
	void causesAndShocksOfTheHouseholdsThatBecamePoorAreCountedByHowTheyBecamePoor() {
		TransitionReport r = report(this.officerA, this.a[0]);
		assertThat(r.entrants()).containsEntry(Column.FELL_BACK, 1L)
			.containsEntry(Column.NEW, 1L)
			.containsEntry(Column.FROM_OTHER_LIST, 1L)
			.containsEntry(Column.OTHER_INCREASE, 1L);
		Map<String, TransitionReport.Cause> causes = new LinkedHashMap<>();
		r.causes().forEach((c) -> causes.put(c.code(), c));
		assertThat(causes.keySet()).containsExactlyInAnyOrder("CAPITAL", "LAND", "ILLNESS");
		assertThat(causes.get("CAPITAL").total()).isEqualTo(2);
		assertThat(causes.get("CAPITAL").households()).containsEntry(Column.FELL_BACK, 1L)
			.containsEntry(Column.NEW, 1L);
		assertThat(causes.get("LAND").name()).isEqualTo("Thiếu đất sản xuất");
		// H6's illness in 2023 counts; H5's disaster of 2022 and voided job loss do not
		assertThat(r.shocks()).extracting(TransitionReport.Cause::code).containsExactly("SERIOUS_ILLNESS");
		assertThat(r.shocks().get(0).households()).containsEntry(Column.FELL_BACK, 1L);
	}

	@Test
	void aCommuneOfficerReadsItsCommuneOnly() throws Exception {
		this.mvc
			.perform(get("/api/v1/transition-reports").param("unit", String.valueOf(this.a[0]))
				.param("year", "2024")
				.with(authentication(this.officerA)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.poor[0].households.END").value(5))
			.andExpect(jsonPath("$.cohorts[0].exitYear").value(2021));
		this.mvc
			.perform(get("/api/v1/transition-reports").param("unit", String.valueOf(this.a[0]))
				.param("year", "2024")
				.with(authentication(this.officerB)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/exits/transitions.xlsx").param("unit", String.valueOf(this.t.districtId))
				.param("year", "2024")
				.with(authentication(this.officerA)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/transition-reports").param("unit", String.valueOf(this.a[0]))
				.param("year", "1850")
				.with(authentication(this.officerA)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void thePageShowsTheFormsWithTheirNotes() throws Exception {
		String page = fetch("/exits/transitions", this.a[0], this.officerA).getContentAsString();
		assertThat(page).contains("TỔNG HỢP DIỄN BIẾN HỘ NGHÈO 2024", "TỔNG HỢP DIỄN BIẾN HỘ CẬN NGHÈO 2024",
				"Tái nghèo", "Phát sinh mới", "suy luận", "31/12/2023", "Thiếu đất sản xuất", "66,7 %");
	}

	@Test
	void theWorkbookHoldsTheFormsAsNumbers() throws Exception {
		byte[] xlsx = fetch("/exits/transitions.xlsx", this.a[0], this.officerA).getContentAsByteArray();
		Files.write(Path.of(System.getProperty("java.io.tmpdir"), "transitions-it.xlsx"), xlsx);
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Sheet> sheets = wb.getSheets().toList();
			assertThat(sheets).extracting(Sheet::getName)
				.containsExactly("Diễn biến hộ nghèo", "Diễn biến hộ cận nghèo", "Nguyên nhân và biến cố",
						"Bền vững thoát nghèo", "Ghi chú");
			Map<Integer, Row> rows = byNumber(sheets.get(0).read());
			assertThat(rows.get(0).getCellText(0)).isEqualTo("TỔNG HỢP DIỄN BIẾN HỘ NGHÈO 2024");
			// header in rows 6–8 (group, column, households / persons), then the total
			Row header = rows.get(6);
			assertThat(header.getCellText(11)).isEqualTo("Tái nghèo");
			assertThat(rows.get(7).getCellText(1)).isEqualTo("Hộ");
			Row total = rows.get(8);
			assertThat(total.getCellText(0)).isEqualTo("Tổng số");
			// START households, persons … END households, persons
			assertThat(total.getCellAsNumber(1).orElseThrow().intValue()).isEqualTo(5);
			assertThat(total.getCellAsNumber(2).orElseThrow().intValue()).isEqualTo(20);
			assertThat(total.getCellAsNumber(11).orElseThrow().intValue()).isEqualTo(1);
			assertThat(total.getCellAsNumber(18).orElseThrow().intValue()).isEqualTo(21);
			Row y2021 = sheets.get(3)
				.read()
				.stream()
				.filter((r) -> "2021".equals(r.getCellText(0)))
				.findFirst()
				.orElseThrow();
			assertThat(y2021.getCellAsNumber(1).orElseThrow().intValue()).isEqualTo(4);
			assertThat(y2021.getCellAsNumber(3).orElseThrow().intValue()).isEqualTo(2);
		}
	}

	@Test
	void aYearWhoseReviewIsNotRecognisedEverywhereIsLabelledProvisional() throws Exception {
		// commune A takes part in the 2024 review and is not recognised yet
		this.jdbc
			.sql("insert into review_unit (review_id, commune_id, province_code, unit_path)"
					+ " select ?, id, '49', path from admin_unit where id = ?")
			.params(this.review, this.a[0])
			.update();
		this.aggregates.refreshCommunes(List.of(this.a[0], this.b[0]));
		TransitionReport r = report(this.district, this.t.districtId);
		assertThat(r.status().provisional()).isTrue();
		assertThat(r.startStatus().isFinal()).isTrue();
		assertThat(r.provisional()).isTrue();
		String page = fetch("/exits/transitions", this.t.districtId, this.district).getContentAsString();
		assertThat(page).contains("Tạm tính");
		byte[] xlsx = fetch("/exits/transitions.xlsx", this.t.districtId, this.district).getContentAsByteArray();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(byNumber(wb.getFirstSheet().read()).get(3).getCellText(0)).startsWith("TẠM TÍNH");
		}
		// the report of 2023 is final, and the default year is the last final one
		SecurityContextHolder.getContext().setAuthentication(this.district);
		assertThat(this.reports.report(this.t.districtId, null, Locale.forLanguageTag("vi")).year()).isEqualTo(2023);
	}

	/** A page or file of the report of 2024, in Vietnamese, answered 200. */
	org.springframework.mock.web.MockHttpServletResponse fetch(String path, long unit, Authentication who)
			throws Exception {
		return this.mvc
			.perform(get(path).param("unit", String.valueOf(unit))
				.param("year", "2024")
				.header("Accept-Language", "vi")
				.with(authentication(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
	}

	/** Rows by their 0-based number (empty rows are not read). */
	static Map<Integer, Row> byNumber(List<Row> rows) {
		Map<Integer, Row> out = new LinkedHashMap<>();
		rows.forEach((r) -> out.put(r.getRowNum() - 1, r));
		return out;
	}

	@Test
	void thePdfIsAReportOfTheCommittee() throws Exception {
		byte[] pdf = fetch("/exits/transitions.pdf", this.a[0], this.officerA).getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
			assertThat(text).contains("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO",
					"Tổng hợp diễn biến hộ nghèo, hộ cận nghèo năm 2024", "TỔNG HỢP DIỄN BIẾN HỘ NGHÈO 2024",
					"Tái nghèo", "suy luận");
			javax.imageio.ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 70), "png",
					Path.of(System.getProperty("java.io.tmpdir"), "transitions-it.png").toFile());
		}
	}

}
