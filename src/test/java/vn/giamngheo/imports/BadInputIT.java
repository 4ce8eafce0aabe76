package vn.giamngheo.imports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.identity.UserDirectory;
import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.imports.domain.ForgedZip;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files as they really arrive: each ends with a clear report and zero rows written (or
 * exactly the valid households in valid-rows mode), and a commit killed midway leaves
 * nothing behind and completes once after a restart.
 */
@IntegrationTest
class BadInputIT {

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

	/** The owner: the application role may not lock the audit table. */
	@Autowired
	@OwnerDatabase
	DataSource dataSource;

	@Autowired
	JobRunner runner;

	ImportTestSupport t;

	@BeforeEach
	void setUp() {
		this.t = new ImportTestSupport(this.mvc, this.jdbc, this.json, this.directory, this.users, this.tx);
	}

	List<String> messages(UUID id) throws Exception {
		return this.t.problems(id).stream().map((p) -> (String) p.get("message")).toList();
	}

	@Test
	void aCorruptWorkbookIsReportedAndCannotBeCommitted() throws Exception {
		byte[] good = this.t.households(2).bytes();
		byte[] corrupt = java.util.Arrays.copyOf(good, good.length / 2);
		UUID id = this.t.upload(corrupt, "hong.xlsx");
		Map<String, Object> job = this.t.await(id);
		assertThat(job.get("status")).isEqualTo("VALIDATED");
		assertThat(messages(id)).containsExactly("Không đọc được tệp: tệp hỏng hoặc không phải XLSX/CSV.");
		assertThat(this.t.commit(id, "VALID").getResponse().getStatus()).isEqualTo(409);
		assertThat(this.t.households()).isZero();
	}

	@Test
	void aZipBombIsRefusedBeforeItIsInflated() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 200; i++) {
				zip.write(zeros);
			}
		}
		assertThat(out.size()).isLessThan(1 << 20);
		UUID id = this.t.upload(out.toByteArray(), "bom.xlsx");
		assertThat(this.t.await(id).get("status")).isEqualTo("VALIDATED");
		assertThat(messages(id)).singleElement().asString().contains("nghi tệp độc hại");
		assertThat(this.t.households()).isZero();

		// the same bomb as a CSV file in a zip, as ODK Central exports a form
		ByteArrayOutputStream csvZip = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(csvZip)) {
			zip.putNextEntry(new ZipEntry("ho.csv"));
			zip.write("Mã hộ,Mã xã,Thôn\n".getBytes(StandardCharsets.UTF_8));
			byte[] commas = new byte[1 << 20];
			java.util.Arrays.fill(commas, (byte) ',');
			for (int i = 0; i < 200; i++) {
				zip.write(commas);
			}
		}
		UUID csv = this.t.upload(csvZip.toByteArray(), "odk.zip");
		assertThat(this.t.await(csv).get("status")).isEqualTo("VALIDATED");
		assertThat(messages(csv)).singleElement().asString().contains("nghi tệp độc hại");
		assertThat(this.t.households()).isZero();
	}

	/**
	 * The same bombs with headers that lie: the central directory and the local headers
	 * call the 200 MB part 1,000 bytes, so every declared size and ratio looks harmless.
	 * The bytes actually inflated stop them, for a workbook and for an ODK Central zip.
	 */
	@Test
	void aZipBombThatUnderstatesItsSizesIsStoppedByTheBytesActuallyInflated() throws Exception {
		byte[] spaces = new byte[1 << 20];
		java.util.Arrays.fill(spaces, (byte) ' ');
		byte[] workbook = new ForgedZip().entry("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8))
			.entry("xl/worksheets/sheet1.xml", spaces, 200, 1_000, 0)
			.bytes();
		assertThat(workbook.length).isLessThan(1 << 20);
		UUID id = this.t.upload(workbook, "bom-gia.xlsx");
		assertThat(this.t.await(id).get("status")).isEqualTo("VALIDATED");
		assertThat(messages(id)).singleElement().asString().contains("nghi tệp độc hại");
		assertThat(this.t.commit(id, "VALID").getResponse().getStatus()).isEqualTo(409);

		byte[] commas = new byte[1 << 20];
		java.util.Arrays.fill(commas, (byte) ',');
		byte[] odk = new ForgedZip().entry("ho.csv", "Mã hộ,Mã xã,Thôn\n".getBytes(StandardCharsets.UTF_8))
			.entry("ho-thanh_vien.csv", commas, 200, 1_000, 0)
			.bytes();
		UUID csv = this.t.upload(odk, "odk-gia.zip");
		assertThat(this.t.await(csv).get("status")).isEqualTo("VALIDATED");
		assertThat(messages(csv)).singleElement().asString().contains("nghi tệp độc hại");
		assertThat(this.t.households()).isZero();
	}

	@Test
	void aCsvWithMixedEncodingsNamesTheLinesThatDifferAndValidRowsModeTakesTheRest() throws Exception {
		LocalDate dob = LocalDate.of(1980, 4, 4);
		String header = "Mã hộ,Mã xã,Thôn,Họ và tên,Giới tính,Ngày sinh,Dân tộc,Quan hệ\r\n";
		String good = this.t.code(1) + "," + this.t.f.a.code() + "," + this.t.village + ",Hà Thị Ưng,Nữ,04/04/1980,"
				+ "Kinh,Chủ hộ\r\n";
		List<List<String>> legacyRow = List.of(List.of(this.t.code(2), this.t.f.a.code(), this.t.village, "Lò Văn Đông",
				"Nam", "05/05/1981", "Thái", "Chủ hộ"));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write(header.getBytes(StandardCharsets.UTF_8));
		bytes.write(good.getBytes(StandardCharsets.UTF_8));
		bytes.write(TestFiles.cp1258(legacyRow));
		UUID id = this.t.upload(bytes.toByteArray(), "tron.csv");
		Map<String, Object> job = this.t.await(id);
		List<Map<String, Object>> problems = this.t.problems(id);
		assertThat(problems).singleElement()
			.satisfies((p) -> assertThat(p).containsEntry("row", 3)
				.extractingByKey("message")
				.asString()
				.contains("không theo bảng mã UTF-8"));
		assertThat(this.t.commit(id, "ALL").getResponse().getStatus()).isEqualTo(422);
		assertThat(this.t.households()).isZero();
		this.t.commitAndWait(id, "VALID");
		assertThat(this.jdbc.sql("select head_name from household where code like ?")
			.param("T" + this.t.f.tag + "-%")
			.query(String.class)
			.list()).containsExactly("Hà Thị Ưng");
		assertThat(dob).isNotNull();
	}

	@Test
	void aFiftyMegabyteFileWithTenThousandBadRowsIsReportedRowByRowAndNothingIsWritten() throws Exception {
		String pad = "Xóm Đồi Thông, đường liên thôn số 5, gần nhà văn hóa; ".repeat(3);
		ByteArrayOutputStream out = new ByteArrayOutputStream(52 << 20);
		out.write("Mã hộ,Mã xã,Thôn,Địa chỉ,Họ và tên,Giới tính,Ngày sinh,Dân tộc,Quan hệ\r\n"
			.getBytes(StandardCharsets.UTF_8));
		int rows = 0;
		int bad = 0;
		while (out.size() < 50 << 20) {
			rows++;
			boolean wrong = rows % 17 == 0 && bad < 10_000;
			bad += wrong ? 1 : 0;
			String line = "B" + this.t.f.tag + "-" + rows + "," + this.t.f.a.code() + "," + this.t.village + ",\"" + pad
					+ "\",Người Thử " + rows + ",Nam," + (wrong ? "31/02/1980" : "01/02/1980") + ",Kinh,Chủ hộ\r\n";
			out.write(line.getBytes(StandardCharsets.UTF_8));
		}
		assertThat(bad).isEqualTo(10_000);
		UUID id = this.t.upload(out.toByteArray(), "lon.csv");
		// the application answers while the file is read
		assertThat(this.t.job(id).get("fileName")).isEqualTo("lon.csv");
		Map<String, Object> job = this.t.await(id);
		assertThat(job.get("status")).isEqualTo("VALIDATED");
		assertThat(job.get("problemCount")).isEqualTo(10_000);
		assertThat(job.get("rowsRejected")).isEqualTo(10_000);
		assertThat(job.get("householdsCreated")).isEqualTo(rows - 10_000);
		assertThat(this.t.problems(id).get(0)).containsEntry("value", "31/02/1980")
			.containsEntry("row", 18)
			.extractingByKey("message")
			.asString()
			.contains("Ngày không đọc được");
		assertThat(this.t.commit(id, "ALL").getResponse().getStatus()).isEqualTo(422);
		assertThat(this.jdbc.sql("select count(*) from household where code like ?")
			.param("B" + this.t.f.tag + "-%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void formulasAreRefusedAndDatesTypedAsTextInThreeFormatsAreRead() throws Exception {
		TestFiles.Xlsx x = new TestFiles.Xlsx().sheet("Hộ gia đình", TestFiles.HOUSEHOLD_HEADERS)
			.sheet("Nhân khẩu", TestFiles.MEMBER_HEADERS);
		String[] dates = { "05/03/1980", "1980-03-05", "05.03.1980" };
		for (int i = 1; i <= 3; i++) {
			x.row("Hộ gia đình", this.t.code(i), this.t.f.a.code(), this.t.village, "", 2024, "Hộ cận nghèo",
					2_000_000);
			x.row("Nhân khẩu", this.t.code(i), "Đinh Văn Ngày " + i + this.t.f.tag, "Nam", dates[i - 1], "Kinh",
					"Chủ hộ", "");
		}
		x.row("Hộ gia đình", this.t.code(4), this.t.f.a.code(), this.t.village, "", 2024, "Hộ nghèo", "=1000000*2");
		x.row("Nhân khẩu", this.t.code(4), "Đinh Văn Công Thức", "Nam", LocalDate.of(1990, 1, 1), "Kinh", "Chủ hộ", "");
		x.row("Hộ gia đình", this.t.code(5), this.t.f.a.code(), this.t.village, "", 2024, "Hộ nghèo", 1);
		x.row("Nhân khẩu", this.t.code(5), "Đinh Văn Chữ", "Nam", "5 tháng 3 năm 1980", "Kinh", "Chủ hộ", "");
		UUID id = this.t.upload(x.bytes(), "ngay.xlsx");
		this.t.await(id);
		List<Map<String, Object>> problems = this.t.problems(id);
		assertThat(problems).hasSize(2);
		assertThat(problems).anySatisfy((p) -> assertThat(p).containsEntry("value", "=1000000*2")
			.extractingByKey("message")
			.asString()
			.contains("công thức"));
		assertThat(problems).anySatisfy((p) -> assertThat(p).containsEntry("value", "5 tháng 3 năm 1980"));
		assertThat(this.t.commit(id, "ALL").getResponse().getStatus()).isEqualTo(422);
		assertThat(this.t.households()).isZero();
		this.t.commitAndWait(id, "VALID");
		assertThat(this.jdbc
			.sql("select distinct m.date_of_birth from member m join household h on h.id = m.household_id"
					+ " where h.code like ?")
			.param("T" + this.t.f.tag + "-%")
			.query(LocalDate.class)
			.list()).containsExactly(LocalDate.of(1980, 3, 5));
		assertThat(this.t.households()).isEqualTo(3);
	}

	@Test
	void mergedHeaderCellsAreFoundUnderATitleAndAHiddenColumnIsReported() throws Exception {
		TestFiles.Xlsx ok = new TestFiles.Xlsx().sheet("Hộ", List.of("DANH SÁCH HỘ NGHÈO NĂM 2024"))
			.row("Hộ", TestFiles.HOUSEHOLD_HEADERS.toArray())
			.merge("Hộ", 0, 0, 0, 6)
			.sheet("NK", List.of("DANH SÁCH NHÂN KHẨU"))
			.row("NK", TestFiles.MEMBER_HEADERS.toArray())
			.merge("NK", 0, 0, 0, 6);
		LocalDate dob = LocalDate.of(1979, 9, 9);
		ok.row("Hộ", this.t.code(1), this.t.f.a.code(), this.t.village, "", "", "", "");
		ok.row("NK", this.t.code(1), "Vi Văn Gộp " + this.t.f.tag, "Nam", dob, "Tày", "Chủ hộ", "");
		UUID id = this.t.upload(ok.bytes(), "gop.xlsx");
		assertThat(this.t.await(id).get("problemCount")).as(messages(id).toString()).isEqualTo(0);

		// "Dân tộc" merged into the cell of "Ngày sinh": the column has no header
		List<String> hidden = new ArrayList<>(TestFiles.MEMBER_HEADERS);
		hidden.set(4, "");
		TestFiles.Xlsx bad = new TestFiles.Xlsx().sheet("Hộ gia đình", TestFiles.HOUSEHOLD_HEADERS)
			.sheet("Nhân khẩu", hidden)
			.merge("Nhân khẩu", 0, 3, 0, 4);
		bad.row("Hộ gia đình", this.t.code(2), this.t.f.a.code(), this.t.village, "", "", "", "");
		bad.row("Nhân khẩu", this.t.code(2), "Vi Văn Ẩn", "Nam", dob, "Tày", "Chủ hộ", "");
		UUID badId = this.t.upload(bad.bytes(), "gop-loi.xlsx");
		this.t.await(badId);
		assertThat(messages(badId))
			.contains("Thiếu cột bắt buộc \"Dân tộc\" (hoặc tiêu đề cột không nhận ra; dùng bước chọn cột).");
		assertThat(this.t.households()).isZero();
	}

	@Test
	void aRowRepeatedInTheFileIsSetAsideOnceAndAHouseholdOfAnotherCommuneIsOutsideScope() throws Exception {
		TestFiles.Xlsx x = this.t.households(1);
		LocalDate dob = LocalDate.of(1971, 2, 2);
		x.row("Nhân khẩu", this.t.code(1), "Nguyễn Văn Thử " + this.t.f.tag + " 1", "Nam", dob, "Cơ-tu", "Chủ hộ",
				this.t.cccd(false, dob, 1));
		x.row("Hộ gia đình", this.t.f.b.householdCode(), this.t.f.a.code(), this.t.village, "", "", "", "");
		UUID id = this.t.upload(x.bytes(), "trung.xlsx");
		this.t.await(id);
		List<String> messages = messages(id);
		assertThat(messages).hasSize(2)
			.anyMatch((m) -> m.startsWith("Dòng trùng hoàn toàn với dòng 2"))
			.anyMatch((m) -> m.contains("ngoài phạm vi nhập liệu"));
		assertThat(this.t.commit(id, "ALL").getResponse().getStatus()).isEqualTo(422);
		assertThat(this.t.households()).isZero();
		this.t.commitAndWait(id, "VALID");
		assertThat(this.t.households()).isEqualTo(1);
		assertThat(this.t.members()).as("the repeated head is not added twice").isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from household where code = ? and not voided")
			.param(this.t.f.b.householdCode())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aCommitKilledMidwayWritesNothingAndCompletesOnceAfterARestart() throws Exception {
		UUID id = this.t.upload(this.t.households(200).bytes(), "dai.xlsx");
		assertThat(this.t.await(id).get("householdsCreated")).isEqualTo(200);
		try (Connection lock = this.dataSource.getConnection()) {
			lock.setAutoCommit(false);
			try (Statement s = lock.createStatement()) {
				// the commit writes households and members, then waits on the audit table
				s.execute("lock table audit_event in exclusive mode");
			}
			assertThat(this.t.commit(id, "ALL").getResponse().getStatus()).isEqualTo(202);
			Integer pid = null;
			long until = System.currentTimeMillis() + 60_000;
			while (pid == null && System.currentTimeMillis() < until) {
				pid = this.jdbc
					.sql("select pid from pg_stat_activity where wait_event_type = 'Lock'"
							+ " and query ilike 'insert into audit_event%' limit 1")
					.query(Integer.class)
					.optional()
					.orElse(null);
				Thread.sleep(20);
			}
			assertThat(pid).as("the commit reached the audit rows").isNotNull();
			assertThat(this.t.job(id).get("status")).isEqualTo("COMMITTING");
			// the database connection of the commit dies, as when the application is
			// killed
			this.jdbc.sql("select pg_terminate_backend(?)").param(pid).query(Boolean.class).single();
			lock.rollback();
		}
		Map<String, Object> failed = this.t.await(id);
		assertThat(failed.get("status")).isEqualTo("FAILED");
		assertThat(this.t.households()).isZero();
		assertThat(this.t.members()).isZero();
		assertThat(this.jdbc.sql("select count(*) from audit_event where reason like ?")
			.param("import " + id + "%")
			.query(Long.class)
			.single()).isZero();

		// a process killed during the commit leaves the job COMMITTING: the restart
		// resumes it
		this.jdbc.sql("update import_job set status = 'COMMITTING' where id = ?").param(id).update();
		this.runner.recover();
		Map<String, Object> resumed = this.t.await(id);
		assertThat(resumed.get("status")).isEqualTo("COMMITTED");
		assertThat(resumed.get("restarts")).isEqualTo(1);
		assertThat(this.t.households()).isEqualTo(200);
		assertThat(this.t.members()).isEqualTo(400);
	}

}
