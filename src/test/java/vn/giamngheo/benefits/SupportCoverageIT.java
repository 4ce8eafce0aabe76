package vn.giamngheo.benefits;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.giamngheo.analytics.StoredFigures;
import vn.giamngheo.analytics.Territory;
import vn.giamngheo.benefits.SupportCoverage.Counts;
import vn.giamngheo.benefits.SupportCoverage.Coverage;
import vn.giamngheo.benefits.SupportCoverage.Gap;
import vn.giamngheo.benefits.SupportCoverage.Row;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.work.WorkDrainer;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;
import vn.giamngheo.targets.Targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Coverage counted over a small hand-made ledger. District D, commune A: poor households
 * h1, h2, h4 and near-poor h3; commune B: poor h5. Loans (LOAN_POOR) in 2025: h1 asked
 * (01/03/2025) and got one (05/2025), h2 asked (01/02/2025) and did not, h4 withdrew its
 * 2024 demand in 2024, h5 asked (01/04/2025) and did not. So A: 3 eligible, 2 with
 * demand, 1 served, 50.0 %; B: 1, 1, 0, 0.0 %; the district 4, 3, 1, 33.3 %. Health
 * insurance: two members of h1 eligible for HI_POOR, one card valid in 2025: 50.0 %.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupportCoverageIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SupportCoverage coverage;

	@Autowired
	MessageSource messages;

	@Autowired
	MockMvc mvc;

	@Autowired
	@OwnerDatabase
	DataSource owner;

	@Autowired
	Targets targets;

	@Autowired
	WorkDrainer drainer;

	Fixtures f;

	Territory t;

	long[] a;

	long[] b;

	UUID h1;

	UUID h2;

	UUID h5;

	@BeforeAll
	void ledger() {
		this.f = this.fixtures.create();
		this.t = new Territory(this.jdbc, "49").district("Huyện", "MOUNTAIN", false);
		this.a = this.t.commune("A", "Xã", false);
		this.b = this.t.commune("B", "Xã", false);
		this.h1 = this.t.household(this.a, false, false, 4, 900_000, 2024, "PP");
		this.h2 = this.t.household(this.a, false, false, 4, 900_000, 2024, "PP");
		UUID h3 = this.t.household(this.a, false, false, 4, 2_000_000, 2024, "NN");
		UUID h4 = this.t.household(this.a, false, false, 4, 900_000, 2024, "PP");
		this.h5 = this.t.household(this.b, false, false, 4, 900_000, 2024, "PP");
		LedgerRows l = new LedgerRows(this.jdbc);
		for (UUID h : List.of(this.h1, this.h2, h4, this.h5)) {
			l.spell("LOAN_POOR", h, null, "2024-01-01", null);
		}
		l.spell("LOAN_NEAR_POOR", h3, null, "2024-01-01", null);
		l.demand(this.h1, null, "LOAN", "2025-03-01", "Mua bò giống", 50_000_000L, "OPEN", null);
		l.demand(this.h2, null, "LOAN", "2025-02-01", "Chăn nuôi lợn", 30_000_000L, "OPEN", null);
		l.demand(h4, null, "LOAN", "2024-01-01", "Trồng keo", 20_000_000L, "WITHDRAWN", "2024-06-01");
		l.demand(this.h5, null, "LOAN", "2025-04-01", "Mở quán", 40_000_000L, "OPEN", null);
		l.record("LOAN_POOR", "VBSP", this.h1, null, "DELIVERED", "2025-05-01", "2025-05-01", "2028-05-01", 50_000_000L,
				true);
		// a loan to h2 that was cancelled does not serve it
		l.record("LOAN_POOR", "VBSP", this.h2, null, "CANCELLED", null, "2025-05-01", "2028-05-01", 30_000_000L, true);
		UUID m1 = l.member(this.h1, "Nguyễn Thị Một", "1990-01-01");
		UUID m2 = l.member(this.h1, "Nguyễn Thị Hai", "2015-01-01");
		l.spell("HI_POOR", this.h1, m1, "2024-01-01", null);
		l.spell("HI_POOR", this.h1, m2, "2024-01-01", null);
		l.record("HI_POOR", "SOCIAL_INSURANCE", this.h1, m1, "DELIVERED", "2025-01-01", "2025-01-01", "2025-12-31",
				1_263_000L, false);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void loanCoverageMatchesTheHandCount() {
		this.f.signIn("admin");
		Coverage c = this.coverage.coverage("LOAN_POOR", this.t.districtId, 2025);
		assertThat(c.rows()).extracting((r) -> r.communeId()).containsExactly(this.a[0], this.b[0]);
		assertThat(c.rows().get(0).counts()).isEqualTo(new Counts(3, 2, 1, 1));
		assertThat(c.rows().get(0).counts().percent()).isEqualTo(50.0);
		assertThat(c.rows().get(1).counts()).isEqualTo(new Counts(1, 1, 0, 0));
		assertThat(c.rows().get(1).counts().percent()).isEqualTo(0.0);
		assertThat(c.total()).isEqualTo(new Counts(4, 3, 1, 1));
		assertThat(c.total().percent()).isEqualTo(33.3);
		assertThat(c.total().gap()).isEqualTo(2);
		// 2024: h4's demand was open until withdrawn, nobody served
		assertThat(this.coverage.coverage("LOAN_POOR", this.t.districtId, 2024).total())
			.isEqualTo(new Counts(4, 1, 0, 0));
	}

	@Test
	void healthInsuranceCountsMembersWithACardValidInTheYear() {
		this.f.signIn("admin");
		Coverage c = this.coverage.coverage("HI_POOR", this.t.districtId, 2025);
		assertThat(c.total()).isEqualTo(new Counts(2, 2, 1, 1));
		assertThat(c.total().percent()).isEqualTo(50.0);
		assertThat(this.coverage.coverage("HI_POOR", this.t.districtId, 2024).total().percent()).isEqualTo(0.0);
		assertThat(this.coverage.indicatorSeries("POOR_NEAR_POOR_HI_CARDS", this.t.districtId))
			.containsEntry(2025, 50.0)
			.containsEntry(2024, 0.0);
	}

	@Test
	void gapListsWhoAskedAndWasNotServedOldestDemandFirst() {
		this.f.signIn("admin");
		List<Gap> gap = this.coverage.gap("LOAN_POOR", this.t.districtId, 2025, false, this.messages,
				Locale.forLanguageTag("vi"));
		assertThat(gap).extracting((g) -> g.row().householdId()).containsExactly(this.h2, this.h5);
		assertThat(gap.get(0).row().purpose()).isEqualTo("Chăn nuôi lợn");
		assertThat(gap.get(0).row().amountVnd()).isEqualTo(30_000_000L);
		assertThat(gap.get(0).row().demandOn()).hasToString("2025-02-01");
		// the spell's reasons (message keys) in words
		assertThat(gap.get(0).reasons()).containsExactly("Hộ nghèo");
		assertThat(this.coverage.gap("LOAN_POOR", this.t.districtId, 2025, true, this.messages, Locale.ENGLISH))
			.extracting((g) -> g.row().householdId())
			.containsExactly(this.h5, this.h2);
	}

	@Test
	void loanIndicatorCountsOutstandingLoansAgainstTheDemandOfTheYear() {
		this.f.signIn("admin");
		Map<Integer, Double> loans = this.coverage.indicatorSeries("LOANS_WITH_DEMAND", this.t.districtId);
		// 2025: h1, h2, h5 asked (h3 near-poor did not), h1 served: 1/3
		assertThat(loans).containsEntry(2025, 33.3).containsEntry(2024, 0.0);
		// the series is kept between reads, but a loan delivered to h2 shows at once: 2/3
		new LedgerRows(this.jdbc).record("LOAN_POOR", "VBSP", this.h2, null, "DELIVERED", "2025-06-01", "2025-06-01",
				"2028-06-01", 30_000_000L, true);
		assertThat(this.coverage.indicatorSeries("LOANS_WITH_DEMAND", this.t.districtId)).containsEntry(2025, 66.7);
		// and voiding it again puts the figure back (the other tests see the fixture as
		// it was)
		this.jdbc
			.sql("update benefit_record set voided = true, void_reason = 'test', version = version + 1"
					+ " where household_id = ? and delivered_on = date '2025-06-01'")
			.param(this.h2)
			.update();
		assertThat(this.coverage.indicatorSeries("LOANS_WITH_DEMAND", this.t.districtId)).containsEntry(2025, 33.3);
	}

	@Test
	void ledgerSeriesAreStoredUntilTheLedgerChangesNotWhenASurveyIsSaved() {
		this.f.signIn("admin");
		// what the fixture wrote is counted: no mark of the ledger is left
		this.drainer.drainNow(StoredFigures.LEDGER.pending());
		this.drainer.drainNow(StoredFigures.PENDING);
		assertThat(this.coverage.indicatorSeries("LOANS_WITH_DEMAND", this.t.districtId)).containsEntry(2025, 33.3);
		Object stored = storedSeriesAt();
		assertThat(stored).as("the series is stored for the district").isNotNull();
		assertThat(this.coverage.indicatorSeries("LOANS_WITH_DEMAND", this.t.districtId)).containsEntry(2025, 33.3);
		assertThat(storedSeriesAt()).as("read back, not computed again").isEqualTo(stored);
		// a change that makes the pages stale (a survey saved in the province) leaves the
		// ledger's series as stored
		this.jdbc.sql("select figures_mark('49')").query(String.class).optional();
		this.drainer.drainNow(StoredFigures.PENDING);
		assertThat(this.coverage.indicatorSeries("LOANS_WITH_DEMAND", this.t.districtId)).containsEntry(2025, 33.3);
		assertThat(storedSeriesAt()).as("not computed again after a survey's change").isEqualTo(stored);
		// a loan delivered is counted at once (computed while its mark waits), and stored
		// once the mark is counted
		new LedgerRows(this.jdbc).record("LOAN_POOR", "VBSP", this.h2, null, "DELIVERED", "2025-06-01", "2025-06-01",
				"2028-06-01", 30_000_000L, true);
		assertThat(this.coverage.indicatorSeries("LOANS_WITH_DEMAND", this.t.districtId)).containsEntry(2025, 66.7);
		assertThat(storedSeriesAt()).as("not stored while the ledger's mark waits").isEqualTo(stored);
		this.drainer.drainNow(StoredFigures.LEDGER.pending());
		assertThat(this.coverage.indicatorSeries("LOANS_WITH_DEMAND", this.t.districtId)).containsEntry(2025, 66.7);
		assertThat(storedSeriesAt()).as("stored again after the ledger changed").isNotEqualTo(stored);
		this.jdbc
			.sql("update benefit_record set voided = true, void_reason = 'test', version = version + 1"
					+ " where household_id = ? and delivered_on = date '2025-06-01'")
			.param(this.h2)
			.update();
		this.drainer.drainNow(StoredFigures.LEDGER.pending());
		assertThat(this.coverage.indicatorSeries("LOANS_WITH_DEMAND", this.t.districtId)).containsEntry(2025, 33.3);
	}

	private Object storedSeriesAt() {
		return this.jdbc
			.sql("select computed_at from figure_snapshot where kind = 'ledger-series' and unit_id = ?"
					+ " and variant like 'LOANS_WITH_DEMAND/%'")
			.param(this.t.districtId)
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class))
			.optional()
			.orElse(null);
	}

	@Test
	void aCommuneOfficerSeesOnlyItsCommune() {
		String officer = this.f.user("covA", Role.COMMUNE_OFFICER, List.of("C" + this.t.tag + "A@local"),
				List.of("C" + this.t.tag + "A@local"));
		this.f.signIn(officer);
		assertThatThrownBy(() -> this.coverage.coverage("LOAN_POOR", this.t.districtId, 2025))
			.isInstanceOf(DomainException.class);
		Coverage c = this.coverage.coverage("LOAN_POOR", this.a[0], 2025);
		assertThat(c.total()).isEqualTo(new Counts(3, 2, 1, 1));
		assertThat(this.coverage.gap("LOAN_POOR", this.a[0], 2025, false, this.messages, Locale.ENGLISH))
			.extracting((g) -> g.row().householdId())
			.containsExactly(this.h2);
		assertThatThrownBy(() -> this.coverage.coverage("LOAN_POOR", this.b[0], 2025))
			.isInstanceOf(DomainException.class);
	}

	@Test
	void aPartnerSeesOnlyItsAgencysPolicies() {
		String partner = this.f.user("covP", Role.PARTNER, List.of("C" + this.t.tag + "A@local"), List.of());
		this.f.signIn(partner);
		assertThat(this.coverage.visiblePolicies(2025)).isNotEmpty().allMatch((p) -> "VBSP".equals(p.agency()));
		assertThatThrownBy(() -> this.coverage.coverage("HI_POOR", this.a[0], 2025))
			.isInstanceOf(DomainException.class);
		assertThat(this.coverage.coverage("LOAN_POOR", this.a[0], 2025).total().served()).isEqualTo(1);
	}

	@Test
	void theFiveLedgerIndicatorsAreComputedAndNoLongerEntered() throws Exception {
		for (String code : SupportCoverage.INDICATORS) {
			this.mvc.perform(get("/api/v1/indicators").with(authentication(this.f.auth("admin"))))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.code == '" + code + "')].kind").value("COMPUTED"));
		}
		this.f.signIn("admin");
		assertThat(this.targets.entryForm(this.a[0], 2025)).extracting((l) -> l.indicator().code())
			.isNotEmpty()
			.doesNotContainAnyElementsOf(SupportCoverage.INDICATORS);
	}

	@Test
	void theCoveragePageAndTheGapWorklistShowTheHandCounts() throws Exception {
		String page = ok(get("/support/coverage").param("unit", String.valueOf(this.t.districtId))
			.param("year", "2025")
			.param("policy", "LOAN_POOR"), "admin").getContentAsString();
		assertThat(page).contains("33,3 %", "50,0 %", "support-coverage-data").doesNotContain("LOAN_POOR</");
		// the counts are stored until the ledger changes: the page says when they were
		// computed, as the dashboard does
		String computed = "Số liệu trên trang này được tính lúc \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}\\.";
		assertThat(page).containsPattern(computed);
		assertThat(ok(get("/support").param("unit", String.valueOf(this.t.districtId)).param("year", "2025"), "admin")
			.getContentAsString()).containsPattern(computed).contains("33,3 %");
		String gap = ok(get("/support/gap").param("unit", String.valueOf(this.t.districtId))
			.param("year", "2025")
			.param("policy", "LOAN_POOR"), "admin").getContentAsString();
		assertThat(gap)
			.contains("Chăn nuôi lợn", "01/02/2025", "30.000.000", "Vay vốn ưu đãi",
					"/support/records/new?household=" + this.h2)
			.doesNotContain("Mua bò giống");
		// a leader reads the list but may not record support: no button
		String leader = this.f.user("covL", Role.LEADER, List.of("C" + this.t.tag + "A@local"), List.of());
		String leaderGap = ok(get("/support/gap").param("unit", String.valueOf(this.a[0]))
			.param("year", "2025")
			.param("policy", "LOAN_POOR"), leader).getContentAsString();
		assertThat(leaderGap).contains("Chăn nuôi lợn").doesNotContain("/support/records/new");
	}

	@Test
	void theGapDownloadIsAnAuditedDisclosure() throws Exception {
		long before = disclosures();
		byte[] xlsx = ok(get("/support/gap.xlsx").param("unit", String.valueOf(this.t.districtId))
			.param("year", "2025")
			.param("policy", "LOAN_POOR"), "admin").getContentAsByteArray();
		List<List<String>> rows = Sheets.rows(xlsx);
		assertThat(rows).filteredOn((r) -> r.contains("Chăn nuôi lợn"))
			.singleElement()
			.satisfies((r) -> assertThat(r).contains("01/02/2025", "30000000", "Hộ nghèo", "Vay vốn ưu đãi"));
		assertThat(rows).filteredOn((r) -> r.contains("Mở quán")).hasSize(1);
		assertThat(rows).noneMatch((r) -> r.contains("Mua bò giống"));
		assertThat(disclosures()).isEqualTo(before + 1);
	}

	long disclosures() {
		return this.jdbc.sql("select count(*) from audit_event where entity_type = 'SUPPORT_GAP_LIST'")
			.query(Long.class)
			.single();
	}

	@Test
	void theReportsHaveARowPerCommuneAndTotals() throws Exception {
		byte[] coverage = ok(get("/support/reports/coverage.xlsx").param("unit", String.valueOf(this.t.districtId))
			.param("year", "2025"), "admin").getContentAsByteArray();
		List<List<String>> rows = Sheets.rows(coverage);
		String loan = this.coverage.visiblePolicies(2025)
			.stream()
			.filter((p) -> p.code().equals("LOAN_POOR"))
			.findFirst()
			.orElseThrow()
			.name();
		assertThat(rows).filteredOn((r) -> r.get(0).equals(loan))
			.extracting((r) -> String.join("|", r.subList(1, 7)))
			.containsExactly("Xã A " + this.t.tag + "|3|2|1|1|50.0", "Xã B " + this.t.tag + "|1|1|0|1|0.0",
					"Tổng|4|3|1|2|33.3");
		byte[] amounts = ok(get("/support/reports/amounts.xlsx").param("unit", String.valueOf(this.t.districtId))
			.param("year", "2025"), "admin").getContentAsByteArray();
		List<List<String>> money = Sheets.rows(amounts);
		// the loan (credit) and the card (central budget); the cancelled loan is not
		// counted
		assertThat(money.get(money.size() - 1)).containsExactly("Tổng", "2", "51263000", "1263000", "0", "50000000",
				"0", "0");
	}

	@Test
	void theReportsRenderAsAdministrativeDocuments() throws Exception {
		for (String kind : List.of("coverage", "amounts")) {
			byte[] pdf = ok(get("/support/reports/" + kind + ".pdf").param("unit", String.valueOf(this.t.districtId))
				.param("year", "2025"), "admin").getContentAsByteArray();
			java.nio.file.Files.write(java.nio.file.Path.of("target", "support-" + kind + ".pdf"), pdf);
			try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
				String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
				assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "TM. ỦY BAN NHÂN DÂN");
				if (kind.equals("coverage")) {
					assertThat(text).contains("Xã A " + this.t.tag, "33,3 %", "50,0 %");
				}
				else {
					assertThat(text).contains("51.263.000", "50.000.000");
				}
			}
		}
	}

	@Test
	void aHouseholdIsCountedWhereItLivedAtTheYearsEnd() {
		// lived in commune C until 01/07/2025, in commune D since (ADR 0031)
		Territory moved = new Territory(this.jdbc, "49").district("Huyện", "MOUNTAIN", false);
		long[] c = moved.commune("C", "Xã", false);
		long[] d = moved.commune("D", "Xã", false);
		UUID h = moved.household(c, false, false, 4, 900_000, 2024, "PP");
		new LedgerRows(this.jdbc).spell("LOAN_POOR", h, null, "2024-01-01", null);
		Territory.move(JdbcClient.create(this.owner), h, "49", d[0], d[1]);
		this.f.signIn("admin");
		assertThat(this.coverage.coverage("LOAN_POOR", moved.districtId, 2024).rows()).extracting(Row::communeId)
			.containsExactly(c[0]);
		assertThat(this.coverage.coverage("LOAN_POOR", moved.districtId, 2025).rows()).extracting(Row::communeId)
			.containsExactly(d[0]);
		assertThat(this.coverage.coverage("LOAN_POOR", c[0], 2024).total().eligible()).isEqualTo(1);
		assertThat(this.coverage.coverage("LOAN_POOR", c[0], 2025).total().eligible()).isZero();
	}

	@Test
	void aYearBeforeTheReformOnANewUnitPointsToTheFormerUnitsInsteadOfReBasedZeros() throws Exception {
		// a commune of the 2025 list that commune A became: support of 2024 was recorded
		// under A
		long province = this.jdbc
			.sql("select id from admin_unit where level = 'province' and edition = '2025' and code = '48'")
			.query(Long.class)
			.single();
		String name = "Xã Mới " + this.t.tag;
		long n = this.jdbc
			.sql("insert into admin_unit (code, edition, level, depth, type, name, short_name, name_norm, parent_id,"
					+ " province_code, path, urban, valid_from, synthetic) values (?, '2025', 'commune', 2, 'Xã', ?, ?,"
					+ " ?, ?, '48', '/', false, date '2025-07-01', true) returning id")
			.params("M" + this.t.tag, name, name, name.toLowerCase(Locale.ROOT), province)
			.query(Long.class)
			.single();
		this.jdbc
			.sql("update admin_unit set path = (select path from admin_unit where id = ?) || ? || '/' where id = ?")
			.params(province, n, n)
			.update();
		JdbcClient.create(this.owner)
			.sql("insert into unit_crosswalk (old_unit_id, old_code, old_level, old_name, new_unit_id, new_code,"
					+ " relation, n_targets, verification) values (?, 'A', 'commune', 'Xã A', ?, 'M', 'full', 1, 'test')")
			.params(this.a[0], n)
			.update();
		String before = coveragePage(n, 2024);
		assertThat(before)
			.contains("id=\"recorded-under\"", "được ghi theo các đơn vị cũ",
					"/support/coverage?unit=" + this.a[0] + "&amp;year=2024&amp;policy=LOAN_POOR", "Xã A " + this.t.tag)
			.doesNotContain("id=\"year-basis\"");
		assertThat(coveragePage(n, 2026)).doesNotContain("recorded-under");
		// and the former unit's own page shows its figures of 2024
		this.f.signIn("admin");
		assertThat(this.coverage.coverage("LOAN_POOR", this.a[0], 2024).total().eligible()).isPositive();
	}

	String coveragePage(long unit, int year) throws Exception {
		return ok(get("/support/coverage").param("unit", String.valueOf(unit))
			.param("year", String.valueOf(year))
			.param("policy", "LOAN_POOR"), "admin").getContentAsString();
	}

	/** The response to a request as a user, which must be 200. */
	MockHttpServletResponse ok(MockHttpServletRequestBuilder request, String user) throws Exception {
		return this.mvc.perform(request.with(authentication(this.f.auth(user))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
	}

}
