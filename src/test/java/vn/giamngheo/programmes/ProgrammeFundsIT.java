package vn.giamngheo.programmes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Programme funds through the API on a real database (ADR 0048): entry → waiting →
 * approval by a second person → totals; one's own approval refused; a disbursement above
 * its allocation refused with both amounts and nothing written, also when one line of a
 * many-line form is bad; a stale version; a commune officer kept to the own commune; the
 * roll-up from communes to district to province exact to the đồng, with rows at every
 * level and a returned row left out. Lines outside the programmes need no catalogue;
 * programme rows of the roll-up are written as SQL fixtures.
 */
@IntegrationTest
class ProgrammeFundsIT {

	/**
	 * A year of its own for each test: rows of one test never count in another's sums.
	 */
	private static final AtomicInteger YEARS = new AtomicInteger(2001);

	private static final String PROGRAMME = "GNBV-2021-2025";

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProgrammeFunds funds;

	Fixtures f;

	int year;

	Authentication communeA;

	Authentication district;

	Authentication province;

	Authentication province2;

	long provinceId;

	long districtId;

	@Autowired
	@OwnerDatabase
	DataSource owner;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		DemoProgrammeRows.clear(this.owner, this.f.a.id(), this.f.b.id());
		this.year = YEARS.getAndIncrement();
		String a = this.f.a.scope();
		this.communeA = this.f.auth(this.f.user("fundcomm", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
		this.district = this.f
			.auth(this.f.user("funddist", Role.DISTRICT_OFFICER, List.of("504@2024"), List.of("504@2024")));
		this.province = this.f
			.auth(this.f.user("fundprov", Role.PROVINCE_OFFICER, List.of("49@2024"), List.of("49@2024")));
		this.province2 = this.f
			.auth(this.f.user("fundprov2", Role.PROVINCE_OFFICER, List.of("49@2024"), List.of("49@2024")));
		this.provinceId = unitId("49");
		this.districtId = unitId("504");
	}

	long unitId(String code) {
		return this.jdbc.sql("select id from admin_unit where code = ? and edition = '2024'")
			.param(code)
			.query(Long.class)
			.single();
	}

	String line(String purpose, String source, String planned, String allocated, String disbursed) {
		return """
				{"purpose":"%s","source":"%s","planned":"%s","allocated":"%s","disbursed":"%s"}"""
			.formatted(purpose + " " + this.f.tag, source, planned, allocated, disbursed);
	}

	ResultActions enter(Authentication who, long unit, String... lines) throws Exception {
		return this.mvc.perform(post("/api/v1/programme-funds").param("unit", Long.toString(unit))
			.param("year", Integer.toString(this.year))
			.with(authentication(who))
			.with(csrf())
			.header("Accept-Language", "vi")
			.contentType(MediaType.APPLICATION_JSON)
			.content("[" + String.join(",", lines) + "]"));
	}

	ResultActions decide(Authentication who, long id, boolean approve, int version, String note) throws Exception {
		return this.mvc.perform(post("/api/v1/programme-funds/{id}/decision", id).with(authentication(who))
			.with(csrf())
			.header("Accept-Language", "vi")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"approve\":%s,\"version\":%d,\"note\":%s}".formatted(approve, version,
					(note == null) ? "null" : "\"" + note + "\"")));
	}

	/** The id of the unit's row with this purpose. */
	long row(long unit, String purpose, String source) {
		return this.jdbc
			.sql("select id from programme_fund where unit_id = ? and year = ? and purpose = ? and source = ?")
			.params(unit, this.year, purpose + " " + this.f.tag, source)
			.query(Long.class)
			.single();
	}

	long rows() {
		return this.jdbc.sql("select count(*) from programme_fund where year = ?")
			.param(this.year)
			.query(Long.class)
			.single();
	}

	FundTotals totals(Authentication who, String programme, long unit) {
		SecurityContextHolder.getContext().setAuthentication(who);
		try {
			return this.funds.totals(programme, unit, this.year);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** Enters a line as one officer and approves it as another. */
	long approved(Authentication enterer, Authentication approver, long unit, String purpose, String source,
			long planned, long allocated, long disbursed) throws Exception {
		enter(enterer, unit,
				line(purpose, source, Long.toString(planned), Long.toString(allocated), Long.toString(disbursed)))
			.andExpect(status().isOk());
		long id = row(unit, purpose, source);
		decide(approver, id, true, 0, null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"));
		return id;
	}

	@Test
	void enteredWaitsThenAnotherPersonApprovesAndItCounts() throws Exception {
		enter(this.communeA, this.f.a.id(),
				line("Đường thôn", "LOCAL", "1.250.000.000", "1 000 000 000", "750.000.000 đ"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines[0].planned").value(1_250_000_000L))
			.andExpect(jsonPath("$.lines[0].allocated").value(1_000_000_000L))
			.andExpect(jsonPath("$.lines[0].status").value("ENTERED"))
			.andExpect(jsonPath("$.outside.pending").value(1))
			.andExpect(jsonPath("$.outside.total.allocated").value(0));
		long id = row(this.f.a.id(), "Đường thôn", "LOCAL");
		// the district sees it waiting
		this.mvc.perform(get("/api/v1/programme-funds/pending").with(authentication(this.district)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == %d)].enteredBy".formatted(id)).value("fundcomm." + this.f.tag));
		decide(this.district, id, true, 0, "Khớp quyết định giao vốn").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.decidedBy").value("funddist." + this.f.tag))
			.andExpect(jsonPath("$.version").value(1));
		FundTotals t = totals(this.province, null, this.provinceId);
		assertThat(t.total()).isEqualTo(new Money(1_250_000_000L, 1_000_000_000L, 750_000_000L));
		assertThat(t.total().ratePerMille()).isEqualTo(750);
		assertThat(t.bySource().get("LOCAL")).isEqualTo(t.total());
		assertThat(t.pending()).isZero();
		// entry and approval are audited
		assertThat(this.jdbc
			.sql("select string_agg(action, ',' order by id) from audit_event where entity_type = 'PROGRAMME_FUND'"
					+ " and entity_id = ?")
			.param(Long.toString(id))
			.query(String.class)
			.single()).isEqualTo("CREATE,APPROVE");
		// an edit of the approved row puts it back to waiting, and it no longer counts
		enter(this.communeA, this.f.a.id(),
				line("Đường thôn", "LOCAL", "1.250.000.000", "1.000.000.000", "900.000.000"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines[0].status").value("ENTERED"))
			.andExpect(jsonPath("$.lines[0].version").value(2))
			.andExpect(jsonPath("$.outside.pending").value(1));
		assertThat(totals(this.province, null, this.provinceId).total()).isEqualTo(Money.ZERO);
	}

	@Test
	void noOneApprovesTheirOwnLine() throws Exception {
		enter(this.province, this.provinceId, line("Nhà văn hoá", "BUSINESS", "0", "300.000.000", "0"))
			.andExpect(status().isOk());
		long id = row(this.provinceId, "Nhà văn hoá", "BUSINESS");
		decide(this.province, id, true, 0, null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("người khác")));
		assertThat(
				this.jdbc.sql("select status from programme_fund where id = ?").param(id).query(String.class).single())
			.isEqualTo("ENTERED");
		// a commune officer may not approve at all
		decide(this.communeA, id, true, 0, null).andExpect(status().isForbidden());
		// a return needs a note
		decide(this.province2, id, false, 0, " ").andExpect(status().isBadRequest());
		decide(this.province2, id, false, 0, "Thiếu quyết định giao vốn").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RETURNED"))
			.andExpect(jsonPath("$.decisionNote").value("Thiếu quyết định giao vốn"));
	}

	@Test
	void disbursedAboveAllocatedIsRefusedWithBothAmountsAndNothingWritten() throws Exception {
		enter(this.communeA, this.f.a.id(), line("Bò giống", "DONOR", "0", "1.250.000.000", "1.250.000.001"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].disbursed"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("1.250.000.001 đ")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("1.250.000.000 đ")));
		assertThat(rows()).isZero();
	}

	@Test
	void aManyLineFormIsAllOrNothingAndNamesTheBadLine() throws Exception {
		enter(this.communeA, this.f.a.id(), line("Giếng nước", "LOCAL", "100.000.000", "100.000.000", "90.000.000"),
				line("Giếng nước", "FUND_FOR_POOR", "20.000.000", "20.000.000", "20.000.000"),
				line("Giếng nước", "OWN_CONTRIBUTION", "0", "5.000.000", "6.000.000"),
				line("Giếng nước", "BUSINESS", "0", "10.000.000", "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("lines[2].disbursed"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("6.000.000 đ")));
		assertThat(rows()).isZero();
		// an amount that cannot be read is a 400, and still nothing is written
		enter(this.communeA, this.f.a.id(), line("Giếng nước", "LOCAL", "100.000.000", "100.000.000", "90.000.000"),
				line("Giếng nước", "DONOR", "1,5", "-3", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lines[1].planned"))
			.andExpect(jsonPath("$.errors[1].field").value("lines[1].allocated"));
		assertThat(rows()).isZero();
		// an unknown source, a line with neither a node nor a purpose
		enter(this.communeA, this.f.a.id(), "{\"source\":\"LOTTERY\",\"purpose\":\"x\"}", "{\"source\":\"LOCAL\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].source"))
			.andExpect(jsonPath("$.errors[1].field").value("lines[1].purpose"));
		assertThat(rows()).isZero();
	}

	@Test
	void aDecisionOnAStaleVersionIsAConflict() throws Exception {
		enter(this.communeA, this.f.a.id(), line("Cầu treo", "LOCAL", "0", "500.000.000", "0"))
			.andExpect(status().isOk());
		long id = row(this.f.a.id(), "Cầu treo", "LOCAL");
		// the commune corrects the line while the district has the old one open
		enter(this.communeA, this.f.a.id(), line("Cầu treo", "LOCAL", "0", "500.000.000", "100.000.000"))
			.andExpect(status().isOk());
		decide(this.district, id, true, 0, null).andExpect(status().isConflict());
		// an entry read at an old version is a conflict too, and changes nothing
		enter(this.communeA, this.f.a.id(),
				"{\"purpose\":\"Cầu treo %s\",\"source\":\"LOCAL\",\"allocated\":\"1\",\"version\":0}"
					.formatted(this.f.tag))
			.andExpect(status().isConflict());
		assertThat(this.jdbc.sql("select disbursed_vnd from programme_fund where id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(100_000_000L);
		decide(this.district, id, true, 1, null).andExpect(status().isOk());
	}

	@Test
	void aCommuneOfficerEntersForTheOwnCommuneOnly() throws Exception {
		enter(this.communeA, this.f.b.id(), line("Lớp học nghề", "LOCAL", "0", "1", "0"))
			.andExpect(status().isNotFound());
		// the district above is outside the commune's scope as well
		enter(this.communeA, this.districtId, line("Lớp học nghề", "LOCAL", "0", "1", "0"))
			.andExpect(status().isNotFound());
		assertThat(rows()).isZero();
		// nor reads another commune's rows or the district's totals
		this.mvc
			.perform(get("/api/v1/programme-funds").param("unit", Long.toString(this.f.b.id()))
				.param("year", Integer.toString(this.year))
				.with(authentication(this.communeA)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/programme-funds/totals").param("unit", Long.toString(this.districtId))
				.param("year", Integer.toString(this.year))
				.with(authentication(this.communeA)))
			.andExpect(status().isNotFound());
	}

	/**
	 * Approved programme rows written directly (the catalogue checks entry, not sums).
	 */
	void programmeRow(long unit, String node, String source, long planned, long allocated, long disbursed,
			String status) {
		this.jdbc
			.sql("insert into programme_fund (province_code, unit_id, unit_path, year, programme_code, programme_node,"
					+ " source, planned_vnd, allocated_vnd, disbursed_vnd, status, entered_by)"
					+ " select province_code, id, path, ?, ?, ?, ?, ?, ?, ?, ?, 'fixture' from admin_unit where id = ?")
			.params(this.year, PROGRAMME, node, source, planned, allocated, disbursed, status, unit)
			.update();
	}

	@Test
	void fundsRollUpFromCommunesToTheProvinceExactlyToTheDong() throws Exception {
		long a = this.f.a.id();
		long b = this.f.b.id();
		// outside the programmes, entered and approved at every level
		approved(this.communeA, this.district, a, "Đường nội đồng", "LOCAL", 333_333_333L, 333_333_333L, 111_111_111L);
		approved(this.communeA, this.district, a, "Đường nội đồng", "OWN_CONTRIBUTION", 0, 7_777_777L, 7_777_777L);
		approved(this.district, this.province, b, "Nhà sinh hoạt", "BUSINESS", 1L, 999_999_999L, 999_999_998L);
		approved(this.district, this.province, this.districtId, "Tập huấn", "CENTRAL_RECURRENT", 50_000_001L,
				50_000_001L, 49_999_999L);
		approved(this.province, this.province2, this.provinceId, "Truyền thông", "DONOR", 12_345_678_901L,
				12_345_678_901L, 2_345_678_901L);
		// a returned row and a waiting row do not count; the waiting one is counted as
		// waiting
		enter(this.district, b, line("Trả lại", "LOCAL", "0", "400.000.000", "400.000.000")).andExpect(status().isOk());
		decide(this.province, row(b, "Trả lại", "LOCAL"), false, 0, "Sai số quyết định").andExpect(status().isOk());
		enter(this.communeA, a, line("Chờ duyệt", "LOCAL", "0", "600.000.000", "0")).andExpect(status().isOk());

		Money communeA = new Money(333_333_333L, 341_111_110L, 118_888_888L);
		Money communeB = new Money(1L, 999_999_999L, 999_999_998L);
		Money districtOwn = new Money(50_000_001L, 50_000_001L, 49_999_999L);
		Money provinceOwn = new Money(12_345_678_901L, 12_345_678_901L, 2_345_678_901L);
		assertThat(totals(this.province, null, a).total()).isEqualTo(communeA);
		assertThat(totals(this.province, null, b).total()).isEqualTo(communeB);
		FundTotals district = totals(this.province, null, this.districtId);
		assertThat(district.total()).isEqualTo(communeA.plus(communeB).plus(districtOwn));
		FundTotals province = totals(this.province, null, this.provinceId);
		assertThat(province.total()).isEqualTo(district.total().plus(provinceOwn));
		assertThat(province.total()).isEqualTo(new Money(12_729_012_236L, 13_736_790_011L, 3_514_567_786L));
		assertThat(province.pending()).isEqualTo(1);
		assertThat(province.bySource().keySet()).containsExactly("CENTRAL_INVESTMENT", "CENTRAL_RECURRENT", "LOCAL",
				"POLICY_CREDIT", "FUND_FOR_POOR", "BUSINESS", "DONOR", "OWN_CONTRIBUTION");
		assertThat(province.bySource().get("LOCAL")).isEqualTo(new Money(333_333_333L, 333_333_333L, 111_111_111L));
		assertThat(province.bySource().values().stream().reduce(Money.ZERO, Money::plus)).isEqualTo(province.total());
		assertThat(province.byNode().values().stream().reduce(Money.ZERO, Money::plus)).isEqualTo(province.total());
		// the province's children: the district of A and B carries their sums
		SecurityContextHolder.getContext().setAuthentication(this.province);
		Map<Long, FundTotals> children;
		try {
			children = this.funds.totalsByChild(null, this.provinceId, this.year);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		assertThat(children.get(this.districtId).total()).isEqualTo(district.total());
		assertThat(children.values().stream().map(FundTotals::total).reduce(Money.ZERO, Money::plus).plus(provinceOwn))
			.isEqualTo(province.total());

		// programme rows: a sub-project's money counts in its project
		programmeRow(a, "DA3", "CENTRAL_INVESTMENT", 100L, 100L, 99L, "APPROVED");
		programmeRow(a, "DA3.TDA1", "CENTRAL_INVESTMENT", 1_000L, 1_000L, 1_000L, "APPROVED");
		programmeRow(b, "DA3.TDA2", "LOCAL", 10L, 10L, 0L, "APPROVED");
		programmeRow(this.provinceId, "DA1", "CENTRAL_INVESTMENT", 5_000_000_000L, 4_000_000_000L, 3_000_000_000L,
				"APPROVED");
		programmeRow(b, "DA5", "LOCAL", 7L, 7L, 7L, "RETURNED");
		FundTotals programme = totals(this.province, PROGRAMME, this.provinceId);
		assertThat(programme.byNode().keySet()).containsExactly("DA1", "DA3");
		assertThat(programme.byNode().get("DA3")).isEqualTo(new Money(1_110L, 1_110L, 1_099L));
		assertThat(programme.total()).isEqualTo(new Money(5_000_001_110L, 4_000_001_110L, 3_000_001_099L));
		assertThat(programme.bySource().get("CENTRAL_INVESTMENT"))
			.isEqualTo(new Money(5_000_001_100L, 4_000_001_100L, 3_000_001_099L));
		// the programme's money and the money outside it are kept apart
		assertThat(totals(this.province, null, this.provinceId).total()).isEqualTo(province.total());
		// the API says the same
		this.mvc
			.perform(get("/api/v1/programme-funds/totals").param("programme", PROGRAMME)
				.param("unit", Long.toString(this.districtId))
				.param("year", Integer.toString(this.year))
				.with(authentication(this.district)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.byNode.DA3.disbursed").value(1_099))
			.andExpect(jsonPath("$.total.allocated").value(1_110));
	}

	ResultActions enterOutputs(Authentication who, long unit, String... lines) throws Exception {
		return this.mvc.perform(post("/api/v1/programme-outputs").param("unit", Long.toString(unit))
			.param("year", Integer.toString(this.year))
			.with(authentication(who))
			.with(csrf())
			.header("Accept-Language", "vi")
			.contentType(MediaType.APPLICATION_JSON)
			.content("[" + String.join(",", lines) + "]"));
	}

	@Test
	void programmeLinesNameANodeOfAProgrammeInForceThatYear() throws Exception {
		this.year = 2023;
		String good = """
				{"programme":"GNBV-2021-2025","node":"DA4.TDA2","source":"DONOR","planned":"40.000.000",
				 "allocated":"40.000.000","disbursed":"12.500.000","comment":"%s"}""".formatted(this.f.tag);
		// the 2021–2025 programme does not run in 2019; DA9 is no project of it; a line
		// outside the programmes needs no node
		this.year = 2019;
		enter(this.communeA, this.f.a.id(), good).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].programme"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("2019")));
		this.year = 2023;
		enter(this.communeA, this.f.a.id(), good, good.replace("DA4.TDA2", "DA9").replace("DONOR", "BUSINESS"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("lines[1].node"));
		assertThat(this.jdbc.sql("select count(*) from programme_fund where unit_id = ? and comment = ?")
			.params(this.f.a.id(), this.f.tag)
			.query(Long.class)
			.single()).isZero();
		enter(this.communeA, this.f.a.id(), good).andExpect(status().isOk())
			.andExpect(jsonPath("$.lines[?(@.comment == '%s')].node".formatted(this.f.tag)).value("DA4.TDA2"));
		long id = this.jdbc.sql("select id from programme_fund where unit_id = ? and comment = ?")
			.params(this.f.a.id(), this.f.tag)
			.query(Long.class)
			.single();
		decide(this.district, id, true, 0, null).andExpect(status().isOk());
		// the sub-project's money counts in its project
		assertThat(totals(this.district, PROGRAMME, this.f.a.id()).byNode().get("DA4").disbursed())
			.isGreaterThanOrEqualTo(12_500_000L);
	}

	@Test
	void outputsAreEnteredOnlyWhereTheyCannotBeCounted() throws Exception {
		this.year = 2022;
		String counted = """
				{"programme":"GNBV-2021-2025","node":"DA3","output":"HOUSEHOLDS_SUPPORTED","kind":"%s","value":"%s",
				 "comment":"%s"}""";
		String works = """
				{"programme":"GNBV-2021-2025","node":"DA1","output":"WORKS_BUILT","kind":"ACTUAL","value":"12",
				 "comment":"%s"}""".formatted(this.f.tag);
		// a counted output takes a plan target but no typed result
		enterOutputs(this.communeA, this.f.a.id(), counted.formatted("PLAN", "1.200", this.f.tag),
				counted.formatted("ACTUAL", "1.150", this.f.tag))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("lines[1].output"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("đếm tự động")));
		// an output the node does not list
		enterOutputs(this.communeA, this.f.a.id(), works.replace("WORKS_BUILT", "HOUSES_BUILT"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].output"));
		assertThat(this.jdbc.sql("select count(*) from programme_output where unit_id = ? and comment = ?")
			.params(this.f.a.id(), this.f.tag)
			.query(Long.class)
			.single()).isZero();
		enterOutputs(this.communeA, this.f.a.id(), counted.formatted("PLAN", "1.200", this.f.tag), works)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines[?(@.output == 'HOUSEHOLDS_SUPPORTED')].value").value(1200))
			.andExpect(jsonPath("$.lines[?(@.output == 'WORKS_BUILT')].status").value("ENTERED"));
		long id = this.jdbc
			.sql("select id from programme_output where unit_id = ? and comment = ? and output_code = 'WORKS_BUILT'")
			.params(this.f.a.id(), this.f.tag)
			.query(Long.class)
			.single();
		this.mvc
			.perform(post("/api/v1/programme-outputs/{id}/decision", id).with(authentication(this.communeA))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"approve\":true,\"version\":0}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/programme-outputs/{id}/decision", id).with(authentication(this.district))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"approve\":true,\"version\":0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"));
	}

}
