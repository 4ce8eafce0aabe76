package vn.giamngheo.programmes.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.programmes.web.ProgrammeDashboard.Line;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The programme funds dashboard (ADR 0050) on the demo's rows (the 2 % demo load shared
 * with the demo ITs): a province officer and a commune officer read the figures they
 * would check against their own books (approved rows summed by SQL here), the rows
 * waiting for approval said so, the child units lowest first, the XLSX and CSV with the
 * same totals in whole đồng, and a commune officer kept out of another commune.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeDashboardIT {

	private static final String PROGRAMME = "GNBV-2021-2025";

	@Autowired
	vn.giamngheo.demo.DemoLoader demo;

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	Fixtures f;

	long province;

	String provincePath;

	Authentication provinceOfficer;

	long commune;

	long otherCommune;

	Authentication communeOfficer;

	@BeforeAll
	void setUp() {
		this.demo.load("2%", 0.02, 7L);
		this.f = this.fixtures.create();
		Map<String, Object> p = this.jdbc.sql("select id, path from admin_unit where code = '49' and edition = '2024'")
			.query()
			.singleRow();
		this.province = ((Number) p.get("id")).longValue();
		this.provincePath = (String) p.get("path");
		this.provinceOfficer = this.f
			.auth(this.f.user("pdprov", Role.PROVINCE_OFFICER, List.of("49@2024"), List.of("49@2024")));
		// two demo communes with approved money in 2024
		List<Map<String, Object>> communes = this.jdbc
			.sql("""
					select u.id, u.code from admin_unit u where u.level = 'commune' and u.province_code = '49'
					and exists (select 1 from programme_fund f where f.unit_id = u.id and f.year = 2024 and f.status = 'APPROVED'
					    and f.source_kind = 'DEMO')
					order by u.code limit 2""")
			.query()
			.listOfRows();
		this.commune = ((Number) communes.get(0).get("id")).longValue();
		this.otherCommune = ((Number) communes.get(1).get("id")).longValue();
		String scope = communes.get(0).get("code") + "@2024";
		this.communeOfficer = this.f.auth(this.f.user("pdcomm", Role.COMMUNE_OFFICER, List.of(scope), List.of(scope)));
	}

	/**
	 * Approved money of the unit's subtree in a year (VND): planned, allocated,
	 * disbursed.
	 */
	long[] approved(long unit, int year) {
		return this.jdbc
			.sql("""
					select coalesce(sum(f.planned_vnd), 0), coalesce(sum(f.allocated_vnd), 0), coalesce(sum(f.disbursed_vnd), 0)
					from programme_fund f join admin_unit u on u.id = ?
					where f.unit_path like u.path || '%' and f.year = ? and f.status = 'APPROVED' and f.programme_code = ?""")
			.params(unit, year, PROGRAMME)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
	}

	String page(String path, Authentication who) throws Exception {
		return this.mvc.perform(get(path).with(authentication(who)).header("Accept-Language", "vi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	static String millions(long vnd) {
		return String.format(Locale.GERMANY, "%,d", Line.millions(vnd));
	}

	static String percent(long disbursed, long allocated) {
		long perMille = (disbursed * 1000 + allocated / 2) / allocated;
		return String.format(Locale.GERMANY, "%d,%d%%", perMille / 10, perMille % 10);
	}

	@Test
	void theProvinceSeesItsApprovedTotalsByProjectAndItsDistrictsLowestFirst() throws Exception {
		String html = page("/programmes/dashboard?unit=" + this.province + "&year=2024", this.provinceOfficer);
		long[] m = approved(this.province, 2024);
		assertThat(m[1]).isGreaterThan(100_000_000_000L);
		// the total in million đồng as the officer's books have it, and the rate
		assertThat(html).contains(millions(m[0]), millions(m[1]), millions(m[2]), percent(m[2], m[1]));
		// 2024 is fully approved in the demo
		assertThat(html).contains("Mọi dòng số liệu của năm đã được duyệt")
			.doesNotContain("dòng chờ duyệt chưa được tính");
		// projects by their names, sources by theirs, no codes
		assertThat(html).contains("Ngân sách trung ương — vốn đầu tư phát triển", "Vốn tín dụng chính sách")
			.doesNotContain(">CENTRAL_INVESTMENT<")
			.doesNotContain(">DA5<");
		long da5 = this.jdbc
			.sql("""
					select sum(allocated_vnd) from programme_fund where unit_path like ? and year = 2024 and status = 'APPROVED'
					and programme_code = ? and programme_node like 'DA5%'""")
			.params(this.provincePath + "%", PROGRAMME)
			.query(Long.class)
			.single();
		assertThat(html).contains(millions(da5));
		// districts: the lowest disbursement rate comes first
		List<String> byRate = this.jdbc.sql("""
				select d.name from admin_unit d join programme_fund f on f.unit_path like d.path || '%'
				where d.parent_id = ? and f.year = 2024 and f.status = 'APPROVED' and f.programme_code = ?
				group by d.id, d.name order by sum(f.disbursed_vnd)::float8 / sum(f.allocated_vnd)""")
			.params(this.province, PROGRAMME)
			.query(String.class)
			.list();
		assertThat(byRate).hasSizeGreaterThan(3);
		String units = html.substring(html.indexOf("id=\"table-units\""));
		assertThat(units.indexOf(byRate.get(0))).isLessThan(units.indexOf(byRate.get(byRate.size() - 1)));
		// outputs against targets, with how each was obtained
		assertThat(html).contains("Đếm từ sổ hỗ trợ và mô hình", "Do đơn vị nhập, đã duyệt");
	}

	@Test
	void theLatestYearIsProvisionalWithTheRowsWaitingCounted() throws Exception {
		String html = page("/programmes/dashboard?unit=" + this.province + "&year=2025", this.provinceOfficer);
		long waiting = this.jdbc.sql("""
				select count(*) from programme_fund where unit_path like ? and year = 2025 and status = 'ENTERED'
				and programme_code = ?""").params(this.provincePath + "%", PROGRAMME).query(Long.class).single();
		assertThat(waiting).isPositive();
		assertThat(html).contains("Tạm tính", waiting + " dòng chờ duyệt chưa được tính");
		long[] m = approved(this.province, 2025);
		assertThat(html).contains(millions(m[1]));
	}

	@Test
	void aCommuneOfficerSeesTheOwnCommuneAndNotAnother() throws Exception {
		String html = page("/programmes/dashboard?unit=" + this.commune + "&year=2024", this.communeOfficer);
		long[] m = approved(this.commune, 2024);
		assertThat(html).contains(millions(m[1]), millions(m[2]));
		// without a unit the page opens on the officer's commune
		assertThat(page("/programmes/dashboard?year=2024", this.communeOfficer)).contains(millions(m[1]));
		// another commune's page, files and card: refused as the house refuses a unit out
		// of scope, and none of its figures shown
		String otherAllocated = millions(approved(this.otherCommune, 2024)[1]);
		for (String path : List.of("/programmes/dashboard?unit=" + this.otherCommune + "&year=2024",
				"/programmes/dashboard/projects.xlsx?unit=" + this.otherCommune + "&year=2024",
				"/programmes/dashboard/units.csv?unit=" + this.otherCommune + "&year=2024",
				"/programmes/dashboard/card?unit=" + this.otherCommune)) {
			var response = this.mvc.perform(get(path).with(authentication(this.communeOfficer)))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(path).isIn(403, 404);
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(path).doesNotContain(otherAllocated);
		}
	}

	@Test
	void theDownloadsCarryTheTotalsInWholeDong() throws Exception {
		long[] m = approved(this.province, 2024);
		byte[] bytes = this.mvc
			.perform(get("/programmes/dashboard/projects.xlsx?unit=" + this.province + "&year=2024")
				.with(authentication(this.provinceOfficer))
				.header("Accept-Language", "vi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
			for (Row r : wb.getFirstSheet().read()) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < r.getCellCount(); c++) {
					cells.add(r.getCellText(c));
				}
				rows.add(cells);
			}
		}
		assertThat(rows.get(0).get(0)).contains("Tỉnh Quảng Nam", "2024");
		List<String> total = rows.stream()
			.filter((r) -> !r.isEmpty() && "Tổng cộng".equals(r.get(0)))
			.findFirst()
			.get();
		assertThat(total.subList(1, 4)).containsExactly(Long.toString(m[0]), Long.toString(m[1]), Long.toString(m[2]));
		assertThat(total.get(total.size() - 1)).isEqualTo("Đã duyệt");
		// a row per project of the catalogue, by name
		assertThat(rows).anySatisfy((r) -> assertThat(r.get(0)).startsWith("Dự án 5"));
		String csv = this.mvc
			.perform(get("/programmes/dashboard/sources.csv?unit=" + this.province + "&year=2024")
				.with(authentication(this.provinceOfficer))
				.header("Accept-Language", "vi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF").contains("Tổng cộng," + m[0] + "," + m[1] + "," + m[2] + ",");
	}

	@Test
	void theUnitDashboardCardShowsTheLatestYearWithMoney() throws Exception {
		String html = page("/programmes/dashboard/card?unit=" + this.province, this.provinceOfficer);
		long[] m = approved(this.province, 2025);
		assertThat(html).contains("id=\"programme-funds-card\"", "2025", millions(m[1]), millions(m[2]),
				"/programmes/dashboard?unit=" + this.province);
	}

}
