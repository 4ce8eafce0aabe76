package vn.giamngheo.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.identity.UserDirectory;
import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.imports.domain.Encodings;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The import as a commune officer uses it: dry run with a report, commit, the same file
 * again (nothing changes), a corrected file (updates, matched by code or by the head's
 * citizen ID), revert as a whole, row-level problems in Vietnamese, valid-rows mode with
 * the rejected rows as a workbook, and CSV files in the encodings people save.
 */
@IntegrationTest
class ImportIT {

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

	@Test
	void dryRunWritesNothingCommitWritesAllWithAuditAndTheSameFileTwiceChangesNothing() throws Exception {
		byte[] file = this.t.households(3).bytes();
		UUID id = this.t.upload(file, "ho-xa-a.xlsx");
		Map<String, Object> dry = this.t.await(id);
		assertThat(dry.get("status")).isEqualTo("VALIDATED");
		assertThat(dry.get("problemCount")).isEqualTo(0);
		assertThat(dry.get("householdsCreated")).isEqualTo(3);
		assertThat(dry.get("membersCreated")).isEqualTo(6);
		assertThat(this.t.households()).as("a dry run writes nothing").isZero();

		Map<String, Object> done = this.t.commitAndWait(id, "ALL");
		assertThat(done.get("status")).isEqualTo("COMMITTED");
		assertThat(this.t.households()).isEqualTo(3);
		assertThat(this.t.members()).isEqualTo(6);
		assertThat(this.jdbc
			.sql("select count(*) from household_assessment a join household h on h.id = a.household_id"
					+ " where h.code like ? and a.year = 2024 and a.classification = 'POOR' and a.source = 'IMPORT'"
					+ " and a.income_per_capita = 1200000 and a.member_count = 2")
			.param("T" + this.t.f.tag + "-%")
			.query(Long.class)
			.single()).isEqualTo(3);
		long audit = this.jdbc.sql("select count(*) from audit_event where reason like ?")
			.param("import " + id + "%")
			.query(Long.class)
			.single();
		assertThat(audit).as("one audit row per created household, its members and classification counted in it")
			.isEqualTo(3);
		assertThat(this.jdbc.sql("select checksum from import_job where id = ?").param(id).query(String.class).single())
			.hasSize(64);

		UUID again = this.t.upload(file, "ho-xa-a.xlsx");
		Map<String, Object> second = this.t.await(again);
		assertThat(second.get("householdsCreated")).isEqualTo(0);
		assertThat(second.get("householdsUpdated")).isEqualTo(0);
		assertThat(second.get("householdsSame")).isEqualTo(3);
		assertThat(this.t.commitAndWait(again, "ALL").get("status")).isEqualTo("COMMITTED");
		assertThat(this.jdbc.sql("select count(*) from audit_event where reason like ?")
			.param("import " + again + "%")
			.query(Long.class)
			.single()).as("the same file twice changes nothing").isZero();
		assertThat(this.t.households()).isEqualTo(3);
		assertThat(this.t.members()).isEqualTo(6);
	}

	@Test
	void aCorrectedFileUpdatesTheHouseholdsItNamesAndTheImportRevertsAsAWhole() throws Exception {
		UUID first = this.t.upload(this.t.households(2).bytes(), "v1.xlsx");
		this.t.await(first);
		this.t.commitAndWait(first, "ALL");
		// corrected: household 1 gets a new address; household 2 comes under another
		// code,
		// found by its head's citizen ID; a new member joins household 2
		TestFiles.Xlsx v2 = new TestFiles.Xlsx().sheet("Hộ gia đình", TestFiles.HOUSEHOLD_HEADERS)
			.sheet("Nhân khẩu", TestFiles.MEMBER_HEADERS);
		LocalDate dob1 = LocalDate.of(1971, 2, 2);
		LocalDate dob2 = LocalDate.of(1972, 3, 3);
		v2.row("Hộ gia đình", this.t.code(1), this.t.f.a.code(), this.t.village, "Số 1 mới", 2024, "Hộ nghèo",
				1_200_000);
		v2.row("Hộ gia đình", "OTHER-" + this.t.f.tag, this.t.f.a.code(), this.t.village, "Số 2", 2024, "Hộ nghèo",
				1_200_000);
		v2.row("Nhân khẩu", this.t.code(1), "Nguyễn Văn Thử " + this.t.f.tag + " 1", "Nam", dob1, "Cơ-tu", "Chủ hộ",
				this.t.cccd(false, dob1, 1));
		v2.row("Nhân khẩu", "OTHER-" + this.t.f.tag, "Nguyễn Văn Thử " + this.t.f.tag + " 2", "Nam", dob2, "Cơ-tu",
				"Chủ hộ", this.t.cccd(false, dob2, 2));
		v2.row("Nhân khẩu", "OTHER-" + this.t.f.tag, "Trần Thị Mới " + this.t.f.tag, "Nữ", LocalDate.of(1975, 1, 1),
				"Kinh", "Vợ/chồng", "");
		UUID second = this.t.upload(v2.bytes(), "v2.xlsx");
		Map<String, Object> dry = this.t.await(second);
		assertThat(dry.get("problemCount")).as(this.t.problems(second).toString()).isEqualTo(0);
		assertThat(dry.get("householdsCreated")).isEqualTo(0);
		assertThat(dry.get("householdsUpdated")).isEqualTo(1);
		assertThat(dry.get("membersCreated")).isEqualTo(1);
		assertThat((Map<String, Object>) dry.get("matches")).containsEntry("CODE", 1).containsEntry("CCCD", 1);
		assertThat(this.t.problems(second).stream().map((p) -> (String) p.get("message"))).isEmpty();
		this.t.commitAndWait(second, "ALL");
		assertThat(this.jdbc.sql("select address from household where code = ?")
			.param(this.t.code(1))
			.query(String.class)
			.single()).isEqualTo("Số 1 mới");
		assertThat(this.t.members()).isEqualTo(5);

		String revert = this.mvc
			.perform(post("/api/v1/imports/" + second + "/reverts").with(authentication(this.t.officer)).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(revert).contains("\"status\":\"REVERTED\"");
		assertThat(this.jdbc.sql("select address from household where code = ?")
			.param(this.t.code(1))
			.query(String.class)
			.single()).isEqualTo("Số 1");
		assertThat(this.t.members()).as("the member the import added is voided").isEqualTo(4);
		assertThat(this.jdbc.sql("select count(*) from audit_event where reason like ?")
			.param("revert import " + second + "%")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void problemsAreReportedByRowInVietnameseAndValidRowsModeWritesOnlyTheValidHouseholds() throws Exception {
		TestFiles.Xlsx x = this.t.households(2);
		LocalDate dob = LocalDate.of(1980, 1, 1);
		// 3: unknown commune; 4: outside scope (commune B); 5: bad CCCD, future birth
		// date, income not a number
		x.row("Hộ gia đình", this.t.code(3), "99999", "Thôn X", "", 2024, "Hộ nghèo", 1);
		x.row("Hộ gia đình", this.t.code(4), this.t.f.b.code(), "Thôn Y", "", 2024, "Hộ nghèo", 1);
		x.row("Hộ gia đình", this.t.code(5), this.t.f.a.code(), this.t.village, "", 2024, "Hộ nghèo", "nhiều");
		x.row("Nhân khẩu", this.t.code(5), "Lê Văn Lỗi", "Nam", LocalDate.now().plusDays(3), "Kinh", "Chủ hộ", "12345");
		x.row("Nhân khẩu", "KHONGCO-" + this.t.f.tag, "Mồ Côi", "Nam", dob, "Kinh", "Con", "");
		UUID id = this.t.upload(x.bytes(), "loi.xlsx");
		Map<String, Object> dry = this.t.await(id);
		List<Map<String, Object>> problems = this.t.problems(id);
		List<String> messages = problems.stream().map((p) -> (String) p.get("message")).toList();
		assertThat(messages).anyMatch((m) -> m.contains("Mã xã \"99999\" không có"))
			.anyMatch((m) -> m.contains("Số CCCD phải gồm đúng 12 chữ số"))
			.anyMatch((m) -> m.contains("ở tương lai"))
			.anyMatch((m) -> m.contains("Không phải số tiền hợp lệ"))
			.anyMatch((m) -> m.contains("không có trong tệp cũng như trong sổ"));
		assertThat(messages).as("commune B is not visible: unknown or outside scope")
			.anyMatch((m) -> m.contains("\"" + this.t.f.b.code() + "\" không có hoặc ngoài phạm vi"));
		Map<String, Object> cccd = problems.stream()
			.filter((p) -> ((String) p.get("message")).contains("12 chữ số"))
			.findFirst()
			.orElseThrow();
		assertThat(cccd).containsEntry("sheet", "Nhân khẩu").containsEntry("row", 6).containsEntry("value", "12345");
		assertThat((String) cccd.get("column")).startsWith("G").contains("Số CCCD");
		assertThat(messages).noneMatch((m) -> m.contains(this.t.f.b.headName()));

		assertThat(this.t.commit(id, "ALL").getResponse().getStatus()).as("all-or-nothing refused").isEqualTo(422);
		assertThat(this.t.households()).isZero();
		Map<String, Object> done = this.t.commitAndWait(id, "VALID");
		assertThat(done.get("status")).isEqualTo("COMMITTED");
		assertThat(this.t.households()).as("only the two valid households").isEqualTo(2);
		assertThat(this.t.members()).isEqualTo(4);
		assertThat((Integer) done.get("rowsRejected")).isEqualTo(5);

		byte[] rejected = this.mvc
			.perform(get("/api/v1/imports/" + id + "/rejected-rows").with(authentication(this.t.officer)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<String> lines = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(rejected))) {
			wb.getSheets().forEach((s) -> {
				try {
					for (Row r : s.read()) {
						lines.add(s.getName() + "|" + r.getCellText(0) + "|" + r.getCellText(r.getCellCount() - 1));
					}
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
		}
		assertThat(lines).anyMatch((l) -> l.startsWith("Hộ gia đình|" + this.t.code(3) + "|Mã xã"))
			.anyMatch((l) -> l.startsWith("Nhân khẩu|" + this.t.code(5) + "|"))
			.noneMatch((l) -> l.contains(this.t.code(1) + "|"));
	}

	@Test
	void csvFilesAreReadInUtf8WithBomWindows1258AndWindows1252() throws Exception {
		for (var encoding : List.of("UTF-8-BOM", "windows-1258", "windows-1252")) {
			String name = encoding.equals("windows-1252") ? "José Nguyen Latin" : "Nguyễn Văn Mã Hóa";
			int day = 1 + Math.abs(encoding.hashCode() % 28);
			String code = this.t.code(100 + encoding.hashCode() % 1000);
			List<List<String>> rows = List.of(
					List.of("Mã hộ", "Mã xã", "Thôn/bản/tổ dân phố", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc",
							"Quan hệ với chủ hộ"),
					List.of(code, this.t.f.a.code(), this.t.village, name, "Nam", day + "/06/1966", "Kinh",
							encoding.equals("windows-1252") ? "Chu ho" : "Chủ hộ"));
			byte[] bytes;
			if (encoding.equals("UTF-8-BOM")) {
				byte[] body = TestFiles.csv(StandardCharsets.UTF_8, rows);
				bytes = new byte[body.length + 3];
				bytes[0] = (byte) 0xEF;
				bytes[1] = (byte) 0xBB;
				bytes[2] = (byte) 0xBF;
				System.arraycopy(body, 0, bytes, 3, body.length);
			}
			else {
				// headers in the legacy file are typed without diacritics, as cp1252
				// cannot hold them
				List<List<String>> legacy = List.of(
						List.of("Ma ho", "Ma xa", "Thon", "Ho va ten", "Gioi tinh", "Ngay sinh", "Dan toc", "Quan he"),
						rows.get(1));
				bytes = encoding.equals("windows-1258") ? TestFiles.cp1258(legacy)
						: TestFiles.csv(Encodings.CP1252, legacy);
			}
			UUID id = this.t.upload(bytes, "ds-" + encoding + ".csv");
			Map<String, Object> dry = this.t.await(id);
			assertThat(dry.get("problemCount")).as(encoding + " " + this.t.problems(id)).isEqualTo(0);
			assertThat(this.t.commitAndWait(id, "ALL").get("status")).isEqualTo("COMMITTED");
			assertThat(this.jdbc.sql("select head_name from household where code = ?")
				.param(code)
				.query(String.class)
				.single()).as(encoding).isEqualTo(name);
		}
	}

	@Test
	void aKoboExportWithMembersInARepeatGroupSheetIsImportedAsItIs() throws Exception {
		LocalDate dob1 = LocalDate.of(1980, 3, 4);
		LocalDate dob2 = LocalDate.of(1990, 5, 6);
		LocalDate dob3 = LocalDate.of(1975, 8, 9);
		// the submissions sheet, then the repeat group's sheet linked by _parent_index;
		// group names prefix the columns, choices are the form's names
		TestFiles.Xlsx file = new TestFiles.Xlsx()
			.sheet("ra_soat_ho",
					List.of("start", "ma_ho", "ma_xa", "thon", "nam_ra_soat", "phan_loai", "_id", "_uuid", "_index"))
			.row("ra_soat_ho", "2024-10-01", this.t.code(1), this.t.f.a.code(), this.t.village, 2024, "ho_ngheo", 101,
					"uuid-1", 1)
			.row("ra_soat_ho", "2024-10-01", this.t.code(2), this.t.f.a.code(), this.t.village, 2024, "can_ngheo", 102,
					"uuid-2", 2)
			.sheet("thanh_vien",
					List.of("thanh_vien/ho_ten", "thanh_vien/gioi_tinh", "thanh_vien/ngay_sinh", "thanh_vien/dan_toc",
							"thanh_vien/quan_he", "thanh_vien/cccd", "_index", "_parent_table_name", "_parent_index",
							"_submission__uuid"))
			.row("thanh_vien", "Kiều Văn Một " + this.t.f.tag, "nam", dob1.toString(), "kinh", "chu_ho",
					this.t.cccd(false, dob1, 1), 1, "ra_soat_ho", 1, "uuid-1")
			.row("thanh_vien", "Kiều Thị Hai " + this.t.f.tag, "nu", dob2.toString(), "kinh", "spouse",
					this.t.cccd(true, dob2, 2), 2, "ra_soat_ho", 1, "uuid-1")
			.row("thanh_vien", "Alăng Ba " + this.t.f.tag, "nam", dob3.toString(), "kinh", "chu_ho",
					this.t.cccd(false, dob3, 3), 3, "ra_soat_ho", 2, "uuid-2");
		byte[] good = file.bytes();
		file.row("thanh_vien", "Không Có Hộ " + this.t.f.tag, "nam", dob3.toString(), "kinh", "chu_ho", "", 4,
				"ra_soat_ho", 9, "uuid-9");
		UUID bad = this.t.upload(file.bytes(), "kobo.xlsx");
		assertThat(this.t.await(bad).get("problemCount")).isEqualTo(1);
		Map<String, Object> problem = this.t.problems(bad).get(0);
		assertThat(problem.get("sheet")).isEqualTo("thanh_vien");
		assertThat(problem.get("row")).isEqualTo(5);
		assertThat((String) problem.get("message"))
			.isEqualTo("Không có hộ nào trên trang hộ (đứng trước trang này) mang khóa dòng \"9\".");

		UUID id = this.t.upload(good, "kobo.xlsx");
		Map<String, Object> dry = this.t.await(id);
		assertThat(dry.get("problemCount")).isEqualTo(0);
		assertThat(dry.get("householdsCreated")).isEqualTo(2);
		assertThat(dry.get("membersCreated")).isEqualTo(3);
		assertThat(this.t.commitAndWait(id, "ALL").get("status")).isEqualTo("COMMITTED");
		assertThat(this.jdbc
			.sql("select h.code || ':' || m.relation || ':' || m.ethnicity_code from member m"
					+ " join household h on h.id = m.household_id where m.full_name = ?")
			.param("Alăng Ba " + this.t.f.tag)
			.query(String.class)
			.single()).as("the member is in the household its _parent_index names")
			.isEqualTo(this.t.code(2) + ":HEAD:01");
		assertThat(this.jdbc
			.sql("select a.classification from household_assessment a join household h on h.id = a.household_id"
					+ " where h.code = ?")
			.param(this.t.code(2))
			.query(String.class)
			.single()).isEqualTo("NEAR_POOR");
		UUID household = this.jdbc.sql("select id from household where code = ?")
			.param(this.t.code(2))
			.query(UUID.class)
			.single();
		String page = this.mvc.perform(get("/households/" + household).with(authentication(this.t.officer)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).as("the history reads in Vietnamese, not in stored names and codes")
			.contains("<b>Phân loại theo năm</b>: <span></span> → <span>2024 Hộ cận nghèo</span>")
			.contains("<b>Số nhân khẩu tạo cùng hộ</b>: <span></span> → <span>1</span>")
			.contains("<b>Thôn/bản</b>: <span></span> → <span>Thôn ")
			.doesNotContain("<b>classifications</b>");
	}

	@Test
	void anOdkCentralZipOfCsvFilesIsImportedWithItsRepeatGroupFile() throws Exception {
		LocalDate dob1 = LocalDate.of(1981, 2, 3);
		LocalDate dob2 = LocalDate.of(1979, 4, 5);
		byte[] submissions = TestFiles.csv(StandardCharsets.UTF_8,
				List.of(List.of("SubmissionDate", "ho-ma_ho", "ho-ma_xa", "ho-thon", "nam_ra_soat", "phan_loai",
						"meta-instanceID", "KEY"),
						List.of("2024-10-02T08:00:00.000Z", this.t.code(1), this.t.f.a.code(), this.t.village, "2024",
								"ho_ngheo", "uuid:a1", "uuid:a1"),
						List.of("2024-10-02T09:00:00.000Z", this.t.code(2), this.t.f.a.code(), this.t.village, "2024",
								"ho_ngheo", "uuid:b2", "uuid:b2")));
		byte[] members = TestFiles.csv(StandardCharsets.UTF_8,
				List.of(List.of("thanh_vien-ho_ten", "thanh_vien-gioi_tinh", "thanh_vien-ngay_sinh",
						"thanh_vien-dan_toc", "thanh_vien-quan_he", "thanh_vien-cccd", "PARENT_KEY", "KEY"),
						List.of("Hồ Văn Một " + this.t.f.tag, "nam", dob1.toString(), "kinh", "chu_ho",
								this.t.cccd(false, dob1, 11), "uuid:a1", "uuid:a1/thanh_vien[1]"),
						List.of("Hồ Thị Hai " + this.t.f.tag, "nu", dob2.toString(), "kinh", "chu_ho",
								this.t.cccd(true, dob2, 12), "uuid:b2", "uuid:b2/thanh_vien[1]")));
		java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
			// the repeat group's file first: the households file is read first all the
			// same
			out.putNextEntry(new java.util.zip.ZipEntry("ho_ngheo-thanh_vien.csv"));
			out.write(members);
			out.putNextEntry(new java.util.zip.ZipEntry("ho_ngheo.csv"));
			out.write(submissions);
		}
		UUID id = this.t.upload(zip.toByteArray(), "ho_ngheo.zip");
		Map<String, Object> dry = this.t.await(id);
		assertThat(dry.get("problemCount")).as(String.valueOf(this.t.problems(id))).isEqualTo(0);
		assertThat(dry.get("householdsCreated")).isEqualTo(2);
		assertThat(dry.get("membersCreated")).isEqualTo(2);
		assertThat(this.t.commitAndWait(id, "ALL").get("status")).isEqualTo("COMMITTED");
		assertThat(this.jdbc
			.sql("select h.code from member m join household h on h.id = m.household_id where m.full_name = ?")
			.param("Hồ Thị Hai " + this.t.f.tag)
			.query(String.class)
			.single()).isEqualTo(this.t.code(2));
	}

	@Test
	void aMatchByNameIsAskedAndTheUploaderCanSayItIsAnotherHousehold() throws Exception {
		UUID first = this.t.upload(this.t.households(1).bytes(), "mot-ho.xlsx");
		this.t.await(first);
		this.t.commitAndWait(first, "ALL");
		// another code, the head without a citizen ID: found by name, date of birth and
		// village only
		LocalDate dob = LocalDate.of(1971, 2, 2);
		String twin = "TWIN-" + this.t.f.tag;
		TestFiles.Xlsx file = new TestFiles.Xlsx().sheet("Hộ gia đình", TestFiles.HOUSEHOLD_HEADERS)
			.sheet("Nhân khẩu", TestFiles.MEMBER_HEADERS)
			.row("Hộ gia đình", twin, this.t.f.a.code(), this.t.village, "Xóm dưới", 2024, "Hộ nghèo", 1_100_000)
			.row("Nhân khẩu", twin, "Nguyễn Văn Thử " + this.t.f.tag + " 1", "Nam", dob, "Kinh", "Chủ hộ", "");
		UUID id = this.t.upload(file.bytes(), "trung-ten.xlsx");
		Map<String, Object> dry = this.t.await(id);
		assertThat((Map<String, Object>) dry.get("matches")).containsEntry("NAME", 1);
		assertThat(dry.get("householdsCreated")).isEqualTo(0);
		String page = this.mvc.perform(get("/imports/" + id).with(authentication(this.t.officer)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("name=\"separate\" value=\"" + twin + "\"")
			.contains("Không phải cùng hộ: tạo hộ mới và kiểm tra lại");

		assertThat(this.mvc
			.perform(post("/api/v1/imports/" + id + "/separations").contentType("application/json")
				.content("{\"codes\":[]}")
				.with(authentication(this.t.officer))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).as("no household chosen").isEqualTo(400);
		assertThat(this.mvc
			.perform(post("/imports/" + id + "/separate").param("separate", twin)
				.with(authentication(this.t.officer))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(302);
		Map<String, Object> again = this.t.await(id);
		assertThat(again.get("status")).isEqualTo("VALIDATED");
		assertThat((Map<String, Object>) again.get("matches")).containsEntry("NEW", 1).doesNotContainKey("NAME");
		assertThat(again.get("householdsCreated")).isEqualTo(1);
		assertThat(this.t.commitAndWait(id, "ALL").get("status")).isEqualTo("COMMITTED");
		assertThat(
				this.jdbc.sql("select address from household where code = ?").param(twin).query(String.class).single())
			.isEqualTo("Xóm dưới");
		assertThat(this.jdbc.sql("select address from household where code = ?")
			.param(this.t.code(1))
			.query(String.class)
			.single()).as("the household the name matched is left as it was").isEqualTo("Số 1");
	}

}
