package vn.giamngheo.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * A commune's own list as communes keep it (issue 14 item 13, ADR 0026): a title block, a
 * two-row header under merged cells, a row of column numbers, no commune column, villages
 * by name, citizen IDs typed as numbers, totals and signatures at the foot. And the
 * template as downloaded (item 12): its read-me and lists are not data.
 */
@IntegrationTest
class CommuneListIT {

	@Autowired
	ApplicationContext context;

	ImportTestSupport t;

	String communeName;

	String villageName;

	@BeforeEach
	void setUp() {
		this.t = new ImportTestSupport(this.context);
		this.communeName = this.t.jdbc.sql("select name from admin_unit where id = ?")
			.param(this.t.f.a.id())
			.query(String.class)
			.single();
		this.villageName = this.t.jdbc.sql("select name from admin_unit where id = ?")
			.param(this.t.f.a.villageId())
			.query(String.class)
			.single();
	}

	static final String SHEET = "DS hộ nghèo";

	/** A citizen ID of Nghệ An (040…): typed as a number it keeps 11 digits. */
	String cccd(LocalDate dob, int n) {
		return "0400" + String.format("%02d", dob.getYear() % 100)
				+ String.format("%06d", (this.t.serial + n) % 1_000_000);
	}

	/**
	 * The list: title block, a header of two rows ("Chủ hộ" over five columns, the others
	 * merged down), column numbers, a section title, the rows, the foot.
	 */
	TestFiles.Xlsx list(List<Object[]> rows) {
		TestFiles.Xlsx x = new TestFiles.Xlsx()
			.sheet(SHEET,
					List.of("UBND " + this.communeName.toUpperCase(), "", "", "", "", "",
							"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
			.row(SHEET, "BAN CHỈ ĐẠO GIẢM NGHÈO", "", "", "", "", "", "Độc lập - Tự do - Hạnh phúc")
			.row(SHEET)
			.row(SHEET, "DANH SÁCH HỘ NGHÈO NĂM 2024")
			.row(SHEET)
			.row(SHEET, "STT", "Mã hộ", "Thôn/Bản", "Chủ hộ", "", "", "", "", "Năm rà soát", "Phân loại",
					"Chỉ số thiếu hụt")
			.row(SHEET, "", "", "", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Số CCCD")
			.row(SHEET, "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)")
			.row(SHEET, "I. Hộ nghèo")
			.merge(SHEET, 3, 0, 3, 10)
			.merge(SHEET, 5, 3, 5, 7);
		for (int c : new int[] { 0, 1, 2, 8, 9, 10 }) {
			x.merge(SHEET, 5, c, 6, c);
		}
		for (Object[] row : rows) {
			x.row(SHEET, row);
		}
		x.row(SHEET, "Tổng cộng: " + rows.size() + " hộ")
			.row(SHEET, "", "", "", "", "", "", this.communeName + ", ngày 10 tháng 12 năm 2024")
			.row(SHEET, "NGƯỜI LẬP BIỂU", "", "", "", "", "", "CHỦ TỊCH");
		return x;
	}

	Object[] row(int n, String village, LocalDate dob, String deprivations) {
		return new Object[] { n, this.t.code(n), village, "Nguyễn Văn Danh " + this.t.f.tag + " " + n, "Nam", dob,
				"Kinh", Long.parseLong(cccd(dob, n)), 2024, "Hộ nghèo", deprivations };
	}

	List<String> messages(UUID id) throws Exception {
		return this.t.problems(id).stream().map((p) -> p.get("row") + ": " + p.get("message")).toList();
	}

	@Test
	void aCommunesOwnListImportsWithItsVillagesByNameAndItsCitizenIdsGivenBackTheirZero() throws Exception {
		LocalDate dob1 = LocalDate.of(1975, 3, 4);
		LocalDate dob2 = LocalDate.of(1982, 7, 9);
		LocalDate dob3 = LocalDate.of(1990, 1, 2);
		List<Object[]> rows = new ArrayList<>();
		// the village as written in lists: upper case, with its type word, or without it
		rows.add(row(1, this.villageName.toUpperCase(), dob1, "HQU; Chất lượng nhà ở"));
		rows.add(row(2, this.villageName.substring("Thôn ".length()), dob2, ""));
		// an unknown village and an unknown deprivation on one row: both are reported
		rows.add(row(3, "Thôn Không Có " + this.t.f.tag, dob3, "HQU, XYZ"));
		Map<String, Object> job = this.t.dryRun(list(rows).bytes(), "ds-ho-ngheo-2024.xlsx");

		assertThat(job.get("status")).isEqualTo("VALIDATED");
		assertThat(job.get("householdsCreated")).as(messages(UUID.fromString((String) job.get("id"))).toString())
			.isEqualTo(2);
		assertThat(job.get("membersCreated")).isEqualTo(2);
		assertThat(job.get("rowsRejected")).isEqualTo(1);
		UUID id = UUID.fromString((String) job.get("id"));
		List<String> messages = messages(id);
		// row 12 of the sheet (1-based): the third household
		assertThat(messages).anyMatch((m) -> m.startsWith("12: ")
				&& m.contains("Thôn \"Thôn Không Có " + this.t.f.tag + "\" không có trong " + this.communeName)
				&& m.contains(this.villageName));
		assertThat(messages).anyMatch((m) -> m.startsWith("12: ") && m.contains("Chỉ số thiếu hụt \"XYZ\" không có"));
		// the title block, the header, the column numbers, the section title and the foot
		// are not rows with problems
		assertThat(messages).hasSize(2);
		assertThat(this.t.households()).isZero();

		Map<String, Object> done = this.t.commitAndWait(id, "VALID");
		assertThat(done.get("status")).isEqualTo("COMMITTED");
		assertThat(this.t.households()).isEqualTo(2);
		// in the stated commune (the officer's own), in the village the name denotes
		assertThat(this.t.jdbc
			.sql("select count(*) from household where code like ? and commune_id = ? and village_id = ?")
			.params("T" + this.t.f.tag + "-%", this.t.f.a.id(), this.t.f.a.villageId())
			.query(Long.class)
			.single()).isEqualTo(2);
		// the citizen ID typed as the number 40075…, stored with its leading zero
		assertThat(this.t.jdbc
			.sql("select m.cccd from member m join household h on h.id = m.household_id where h.code = ?"
					+ " and m.relation = 'HEAD'")
			.param(this.t.code(1))
			.query(String.class)
			.single()).isEqualTo(cccd(dob1, 1)).startsWith("040").hasSize(12);
		// the deprivation given by code and by name is one code
		assertThat(this.t.jdbc
			.sql("select array_to_string(a.deprivations, ',') from household_assessment a"
					+ " join household h on h.id = a.household_id where h.code = ? and a.year = 2024")
			.param(this.t.code(1))
			.query(String.class)
			.single()).isEqualTo("HQU");
	}

	@Test
	void aListWithNothingUsableCannotBeCommittedAndTheJobSaysWhy() throws Exception {
		List<Object[]> rows = new ArrayList<>();
		rows.add(row(1, "Thôn Không Có " + this.t.f.tag, LocalDate.of(1975, 3, 4), ""));
		rows.add(row(2, "Bản Lạ " + this.t.f.tag, LocalDate.of(1982, 7, 9), ""));
		Map<String, Object> job = this.t.dryRun(list(rows).bytes(), "ds-sai-thon.xlsx");
		UUID id = UUID.fromString((String) job.get("id"));
		assertThat(job.get("status")).isEqualTo("VALIDATED");
		assertThat(messages(id)).hasSize(2);

		MvcResult r = this.t.commit(id, "VALID");
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(r.getResponse().getContentAsString()).contains("Không có gì để ghi vào sổ");
		assertThat(this.t.job(id).get("status")).isEqualTo("VALIDATED");
		assertThat(this.t.households()).isZero();
		// the job page says why, and offers no commit
		String page = this.t.mvc.perform(get("/imports/" + id).with(authentication(this.t.officer)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Không có gì để ghi vào sổ: dòng dữ liệu nào cũng có lỗi")
			.doesNotContain("id=\"commit-all\"")
			.doesNotContain("id=\"commit-valid\"");
	}

	@Test
	void theTemplateAsDownloadedHasNoDataRowsAndItsGuideAndListsAreNotRead() throws Exception {
		byte[] template = this.t.mvc.perform(get("/api/v1/import-template").with(authentication(this.t.officer)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Map<String, Object> job = this.t.dryRun(template, "mau.xlsx");
		UUID id = UUID.fromString((String) job.get("id"));
		assertThat(job.get("status")).isEqualTo("VALIDATED");
		// the guide's and lists' rows are neither data nor rows with problems
		assertThat(messages(id)).isEmpty();
		assertThat(job.get("rowsRejected")).isEqualTo(0);
		MvcResult r = this.t.commit(id, "VALID");
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(r.getResponse().getContentAsString()).contains("dưới dòng tiêu đề không có dòng dữ liệu nào");
	}

	@Test
	void aCommuneOutsideTheOfficersScopeCannotBeStatedForAFile() throws Exception {
		byte[] bytes = list(List.<Object[]>of(row(1, this.villageName, LocalDate.of(1975, 3, 4), ""))).bytes();
		long before = this.t.jdbc.sql("select count(*) from import_job").query(Long.class).single();
		MvcResult r = this.t.mvc
			.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", "b.xlsx", null, bytes))
				.param("commune", this.t.f.b.code())
				.with(authentication(this.t.officer))
				.with(csrf()))
			.andReturn();
		// bad input: 400, nothing stored
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		assertThat(r.getResponse().getContentAsString()).contains("ngoài phạm vi nhập của bạn");
		assertThat(this.t.jdbc.sql("select count(*) from import_job").query(Long.class).single()).isEqualTo(before);
	}

}
