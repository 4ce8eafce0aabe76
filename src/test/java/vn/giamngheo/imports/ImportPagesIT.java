package vn.giamngheo.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.identity.Role;
import vn.giamngheo.identity.UserDirectory;
import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.imports.domain.Field;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Templates, exports (scoped, masked, importable again unchanged), the column mapping
 * remembered per uploader, and the pages.
 */
@IntegrationTest
class ImportPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	UserDirectory directory;

	@Autowired
	UserRepository users;

	@Autowired
	TransactionTemplate tx;

	ImportTestSupport t;

	@BeforeEach
	void setUp() {
		this.t = new ImportTestSupport(this.mvc, this.jdbc, this.json, this.directory, this.users, this.tx);
	}

	static List<List<String>> rows(byte[] xlsx, String sheet) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet s = wb.findSheet(sheet).orElseThrow(() -> new AssertionError("no sheet " + sheet));
			for (Row r : s.read()) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < r.getCellCount(); c++) {
					cells.add(r.getCellText(c));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	@Test
	void theTemplateHasVietnameseHeadersAReadMeAndTheListsOfTheUsersScope() throws Exception {
		MvcResult r = this.mvc.perform(get("/imports/template.xlsx").with(authentication(this.t.officer))).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		byte[] xlsx = r.getResponse().getContentAsByteArray();
		assertThat(rows(xlsx, "Hộ gia đình").get(0)).startsWith("Mã hộ", "Mã xã", "Thôn/bản/tổ dân phố");
		assertThat(rows(xlsx, "Nhân khẩu").get(0)).startsWith("Mã hộ", "Họ và tên", "Giới tính", "Ngày sinh");
		assertThat(rows(xlsx, "Hướng dẫn").get(0).get(0)).isEqualTo("MẪU NHẬP DANH SÁCH HỘ VÀ NHÂN KHẨU");
		List<List<String>> lists = rows(xlsx, "Danh mục");
		assertThat(lists.get(0)).contains("Quan hệ với chủ hộ", "Dân tộc", "Mã xã", "Thôn/bản/tổ dân phố");
		String all = lists.toString();
		assertThat(all).contains("Chủ hộ", "Cơ-tu", "Hộ cận nghèo", this.t.f.a.code(), "Thôn Alfa" + this.t.f.tag)
			.doesNotContain(this.t.f.b.code(), "Thôn Bravo");
		assertThat(rows(xlsx, "Hướng dẫn").toString()).as("the read-me says what an empty cell and [xóa] do")
			.contains("Ô trống, hoặc cột không có trong tệp, không làm thay đổi giá trị đã lưu")
			.contains("ghi [xóa] vào ô đó");
		String sheetXml = new String(xlsx, StandardCharsets.ISO_8859_1);
		assertThat(sheetXml).as("a zip, with drop-down lists inside").startsWith("PK");
		// a leader cannot import, so gets no template
		Authentication leader = this.t.f
			.auth(this.t.f.user("leader", Role.LEADER, List.of(this.t.f.a.code() + "@2024"), List.of()));
		assertThat(this.mvc.perform(get("/imports/template.xlsx").with(authentication(leader)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void aLongReportIsPagedAndEachPageLinksToTheNext() throws Exception {
		StringBuilder csv = new StringBuilder("Mã hộ,Mã xã,Thôn,Họ và tên,Giới tính,Ngày sinh,Dân tộc,Quan hệ\r\n");
		for (int i = 1; i <= 205; i++) {
			csv.append(this.t.code(i))
				.append(',')
				.append(this.t.f.a.code())
				.append(',')
				.append(this.t.village)
				.append(",Người Thử ")
				.append(i)
				.append(",Nam,31/02/1980,Kinh,Chủ hộ\r\n");
		}
		UUID id = this.t.upload(csv.toString().getBytes(StandardCharsets.UTF_8), "dai.csv");
		assertThat(this.t.await(id).get("problemCount")).isEqualTo(205);
		String first = this.mvc.perform(get("/imports/" + id).with(authentication(this.t.officer)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first).contains("Trang 1/2").contains("/imports/" + id + "?page=1").doesNotContain("cpage=");
		String second = this.mvc.perform(get("/imports/" + id).param("page", "1").with(authentication(this.t.officer)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second).contains("Trang 2/2").contains("/imports/" + id + "?page=0");
	}

	@Test
	void anExportIsScopedMaskedByRoleAndImportsAgainWithoutChanges() throws Exception {
		UUID id = this.t.upload(this.t.households(3).bytes(), "xuat.xlsx");
		this.t.await(id);
		this.t.commitAndWait(id, "ALL");
		String cccd = this.jdbc
			.sql("select m.cccd from member m join household h on h.id = m.household_id"
					+ " where h.code = ? and m.relation = 'HEAD'")
			.param(this.t.code(1))
			.query(String.class)
			.single();

		String csv = this.mvc
			.perform(get("/households/export").param("format", "csv")
				.param("unit", String.valueOf(this.t.f.a.id()))
				.param("year", "2024")
				.with(authentication(this.t.officer)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\ufeffMã hộ,Mã xã,").contains(this.t.code(1), cccd, "Hộ nghèo", "1200000");
		assertThat(csv).doesNotContain(this.t.f.b.headName(), this.t.f.b.householdCode());

		// a leader only reads (ADR 0016): no export of personal data
		Authentication leader = this.t.f
			.auth(this.t.f.user("leader", Role.LEADER, List.of(this.t.f.a.code() + "@2024"), List.of()));
		assertThat(this.mvc
			.perform(get("/api/v1/household-exports").param("format", "csv")
				.param("unit", String.valueOf(this.t.f.a.id()))
				.with(authentication(leader)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		// an officer who views the commune without capturing in it exports masked ID
		// numbers
		Authentication viewer = this.t.f
			.auth(this.t.f.user("viewer", Role.DISTRICT_OFFICER, List.of(this.t.f.a.code() + "@2024"), List.of()));
		String masked = this.mvc
			.perform(get("/api/v1/household-exports").param("format", "csv")
				.param("unit", String.valueOf(this.t.f.a.id()))
				.with(authentication(viewer)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(masked).contains(this.t.code(1)).doesNotContain(cccd).contains(cccd.substring(0, 4) + "******");
		assertThat(this.mvc
			.perform(get("/households/export").param("unit", String.valueOf(this.t.f.b.id()))
				.with(authentication(this.t.officer)))
			.andReturn()
			.getResponse()
			.getStatus()).as("another commune is not found").isEqualTo(404);

		byte[] xlsx = this.mvc
			.perform(get("/households/export").param("format", "xlsx")
				.param("unit", String.valueOf(this.t.f.a.id()))
				.param("year", "2024")
				.param("q", "Thử " + this.t.f.tag)
				.with(authentication(this.t.officer)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(rows(xlsx, "Hộ gia đình")).hasSize(1 + 6);
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx),
				new ReadingOptions(true, false))) {
			int dob = HouseholdExports.COLUMNS.indexOf(Field.DATE_OF_BIRTH);
			List<Row> read = wb.getFirstSheet().read();
			assertThat(read.subList(1, read.size())).as("dates of birth are dates to a spreadsheet, shown dd/mm/yyyy")
				.allSatisfy((r) -> assertThat(r.getCell(dob).getDataFormatString()).isEqualTo("dd/mm/yyyy"))
				.allSatisfy((r) -> assertThat(r.getCell(dob).asDate()).isNotNull());
		}
		Map<String, Object> again = this.t.dryRun(xlsx, "xuat-lai.xlsx");
		assertThat(again.get("problemCount"))
			.as(this.t.problems((UUID.fromString((String) again.get("id")))).toString())
			.isEqualTo(0);
		assertThat(again.get("householdsSame")).isEqualTo(3);
		assertThat(again.get("householdsCreated")).isEqualTo(0);
		assertThat(again.get("householdsUpdated")).isEqualTo(0);
	}

	@Test
	void aFileWithItsOwnColumnsIsMappedOnceAndTheMappingIsRemembered() throws Exception {
		List<String> headers = List.of("q1_hh", "q2_xa", "q3_thon", "q4_hoten", "q5_gt", "q6_ns", "q7_dt", "q8_qh");
		List<List<String>> rows = List.of(headers, List.of(this.t.code(1), this.t.f.a.code(), this.t.village,
				"Kiều Văn Kobo " + this.t.f.tag, "Nam", "1985-07-07T00:00:00.000+07:00", "Kinh", "Chủ hộ"));
		byte[] file = TestFiles.csv(StandardCharsets.UTF_8, rows);
		UUID id = this.t.upload(file, "kobo.csv");
		this.t.await(id);
		assertThat(this.t.problems(id)).singleElement()
			.satisfies((p) -> assertThat((String) p.get("message")).contains("Không tìm thấy dòng tiêu đề"));
		String page = this.mvc.perform(get("/imports/" + id + "/mapping").with(authentication(this.t.officer)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("q4_hoten", "Họ và tên");
		String[] fields = { "CODE", "COMMUNE", "VILLAGE", "FULL_NAME", "SEX", "DATE_OF_BIRTH", "ETHNICITY",
				"RELATION" };
		var request = post("/imports/" + id + "/mapping").param("row.0", "1")
			.with(authentication(this.t.officer))
			.with(csrf());
		for (int c = 0; c < fields.length; c++) {
			request.param("col.0." + c, fields[c]);
		}
		assertThat(this.mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(302);
		Map<String, Object> mapped = this.t.await(id);
		assertThat(mapped.get("problemCount")).as(this.t.problems(id).toString()).isEqualTo(0);
		assertThat(mapped.get("householdsCreated")).isEqualTo(1);

		UUID next = this.t.upload(file, "kobo-2.csv");
		Map<String, Object> remembered = this.t.await(next);
		assertThat(remembered.get("problemCount")).as("the mapping is remembered for the uploader").isEqualTo(0);
		assertThat(remembered.get("householdsCreated")).isEqualTo(1);
	}

	@Test
	void thePagesShowTheListTheReportAndTheProgress() throws Exception {
		UUID id = this.t.upload(this.t.households(1).bytes(), "trang.xlsx");
		this.t.await(id);
		String list = this.mvc.perform(get("/imports").with(authentication(this.t.officer)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("Nhập dữ liệu từ tệp", "trang.xlsx", "Đã kiểm tra thử", "Tải mẫu XLSX");
		String job = this.mvc.perform(get("/imports/" + id).with(authentication(this.t.officer)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(job).contains("Kết quả kiểm tra thử (chưa ghi gì)", "Ghi toàn bộ tệp vào sổ", "Không có lỗi.");
		String en = this.mvc.perform(get("/imports/" + id).param("lang", "en").with(authentication(this.t.officer)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(en).contains("Dry run (nothing written yet)", "Write the whole file");
		String progress = this.mvc.perform(get("/imports/" + id + "/progress").with(authentication(this.t.officer)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(progress).contains("Đã kiểm tra thử").doesNotContain("<html");
		// another user does not see the job
		Authentication other = this.t.f.auth(this.t.f.user("other", Role.COMMUNE_OFFICER,
				List.of(this.t.f.a.code() + "@2024"), List.of(this.t.f.a.code() + "@2024")));
		assertThat(this.mvc.perform(get("/api/v1/imports/" + id).with(authentication(other)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

}
