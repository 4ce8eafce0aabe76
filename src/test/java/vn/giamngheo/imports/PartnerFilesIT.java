package vn.giamngheo.imports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.identity.UserDirectory;
import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Partner files (ADR 0037) through the pages a commune officer and a partner use: a VBSP
 * loan extract with unmatched and malformed rows changes nothing until committed and
 * reports each row; commit of the valid rows writes only them; revert voids them; a
 * re-import corrects rather than duplicates; card and school lists give their policies'
 * records; a partner of another agency is refused.
 */
@IntegrationTest
class PartnerFilesIT {

	static final List<String> LOAN_HEADERS = List.of("Số khế ước", "Chương trình cho vay", "Họ và tên", "Số CCCD",
			"Mã hộ", "Xã", "Ngày giải ngân", "Số tiền (đồng)", "Thời hạn vay (tháng)", "Lãi suất (%/năm)",
			"Dư nợ (đồng)", "Tình trạng", "Tổ TK&VV");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDirectory directory;

	@Autowired
	UserRepository users;

	@Autowired
	TransactionTemplate tx;

	Fixtures f;

	Authentication officer;

	/** The fixture household's head in commune A: name and date of birth. */
	String name;

	LocalDate born;

	@BeforeEach
	void setUp() {
		this.f = new Fixtures(this.jdbc, this.directory, this.users, this.tx).communes();
		String a = this.f.a.scope();
		this.officer = this.f.auth(this.f.user("xa", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
		Map<String, Object> m = this.jdbc.sql("select full_name, date_of_birth from member where id = ?")
			.param(this.f.a.member())
			.query()
			.singleRow();
		this.name = (String) m.get("full_name");
		this.born = ((java.sql.Date) m.get("date_of_birth")).toLocalDate();
	}

	TestFiles.Xlsx loans() {
		return new TestFiles.Xlsx().sheet("Sao kê", LOAN_HEADERS);
	}

	Object[] loan(String contract, String programme, String name, String cccd, String code, Object disbursed,
			Object amount, String status) {
		return new Object[] { contract, programme, name, (cccd == null) ? "" : cccd, (code == null) ? "" : code, "Alfa",
				disbursed, amount, 60, "6,6", 30_000_000, status, "Tổ 3" };
	}

	@Test
	void aVbspExtractWithUnmatchedAndMalformedRowsChangesNothingUntilCommittedAndReportsEachRow() throws Exception {
		String k = "K" + this.f.tag;
		TestFiles.Xlsx x = loans();
		x.row("Sao kê", loan(k + "-1", "Cho vay hộ nghèo", this.name, this.f.a.cccd(), "", LocalDate.of(2024, 3, 15),
				50_000_000, "Đang vay"));
		x.row("Sao kê", loan(k + "-2", "19", this.name.toUpperCase(), "", this.f.a.householdCode(),
				LocalDate.of(2023, 6, 1), 40_000_000, "Quá hạn"));
		x.row("Sao kê", loan(k + "-3", "Cho vay hộ nghèo", "Không Ai Cả", "001099123456", "", LocalDate.of(2024, 3, 15),
				10_000_000, "Đang vay"));
		x.row("Sao kê", loan(k + "-4", "Cho vay hộ nghèo", "Không Ai Cả", "", "KHONGCO-" + this.f.tag,
				LocalDate.of(2024, 3, 15), 10_000_000, "Đang vay"));
		x.row("Sao kê", loan(k + "-5", "Cho vay hộ nghèo", this.name, this.f.a.cccd(), "", "31/02/2024", 10_000_000,
				"Đang vay"));
		x.row("Sao kê", loan(k + "-6", "Cho vay hộ nghèo", this.name, this.f.a.cccd(), "", LocalDate.of(2024, 3, 15),
				"năm triệu", "Đang vay"));
		// commune B's person: outside the officer's area, told apart from nobody
		x.row("Sao kê", loan(k + "-7", "Cho vay hộ nghèo", "Ai Đó", this.f.b.cccd(), "", LocalDate.of(2024, 3, 15),
				10_000_000, "Đang vay"));
		UUID id = upload("VBSP_LOANS", x.bytes(), "sao-ke.xlsx", this.officer);
		assertThat(await(id)).isEqualTo("VALIDATED");
		assertThat(ledger()).as("a dry run writes nothing").isZero();
		String page = page(id);
		assertThat(page).contains("Nếu ghi: 2 bản ghi mới, 0 bản ghi đính chính.")
			.contains("Không tìm thấy người có số CCCD 001099123456 trong sổ hộ thuộc địa bàn của bạn.")
			.contains("Không tìm thấy hộ có mã KHONGCO-" + this.f.tag)
			.contains("Ngày không đọc được")
			.contains("Không phải số tiền hợp lệ")
			.contains("Không tìm thấy người có số CCCD " + this.f.b.cccd())
			.doesNotContain(this.f.b.headName());
		assertThat(rowsWithProblems(id)).containsExactly(4, 5, 6, 7, 8);

		// all or nothing is refused while rows have problems; nothing written
		MvcResult all = this.mvc
			.perform(post("/imports/partner/" + id + "/commit").param("mode", "ALL")
				.with(authentication(this.officer))
				.with(csrf()))
			.andReturn();
		assertThat(all.getResponse().getStatus()).isEqualTo(422);
		assertThat(ledger()).isZero();

		commit(id, "VALID");
		assertThat(await(id)).isEqualTo("COMMITTED");
		List<Map<String, Object>> written = records();
		assertThat(written).extracting((r) -> r.get("partner_ref")).containsExactly(k + "-1", k + "-2");
		assertThat(written).extracting((r) -> r.get("policy_code")).containsExactly("LOAN_POOR", "LOAN_NEAR_POOR");
		assertThat(written).extracting((r) -> r.get("status")).containsExactly("DELIVERED", "OVERDUE");
		assertThat(written).extracting((r) -> r.get("amount_vnd")).containsExactly(50_000_000L, 40_000_000L);
		assertThat(written).extracting((r) -> r.get("credit_vnd")).containsExactly(50_000_000L, 40_000_000L);
		assertThat(written).extracting((r) -> r.get("period_to").toString())
			.containsExactly("2029-03-14", "2028-05-31");
		assertThat(written).allSatisfy((r) -> {
			assertThat(r.get("household_id")).isEqualTo(this.f.a.household());
			assertThat(r.get("member_id")).isNull();
			assertThat(r.get("import_job_id")).isEqualTo(id);
			assertThat(r.get("agency")).isEqualTo("VBSP");
		});
		assertThat(audited()).isEqualTo(2);

		revert(id);
		assertThat(status(id)).isEqualTo("REVERTED");
		assertThat(ledger()).as("live records after the revert").isZero();
		assertThat(this.jdbc.sql("select void_reason from benefit_record where import_job_id = ?")
			.param(id)
			.query(String.class)
			.list()).hasSize(2).allSatisfy((r) -> assertThat(r).isEqualTo("Hoàn tác tệp sao-ke.xlsx"));
	}

	@Test
	void reImportingAnExtractCorrectsTheSameContractsInsteadOfDuplicatingThemAndItsRevertPutsThemBack()
			throws Exception {
		String k = "R" + this.f.tag;
		TestFiles.Xlsx first = loans();
		first.row("Sao kê", loan(k + "-1", "Cho vay hộ nghèo", this.name, this.f.a.cccd(), "",
				LocalDate.of(2024, 3, 15), 50_000_000, "Đang vay"));
		first.row("Sao kê", loan(k + "-2", "Hộ mới thoát nghèo", this.name, this.f.a.cccd(), "",
				LocalDate.of(2024, 4, 1), 30_000_000, "Đang vay"));
		UUID one = upload("VBSP_LOANS", first.bytes(), "thang-3.xlsx", this.officer);
		assertThat(await(one)).isEqualTo("VALIDATED");
		commit(one, "ALL");
		assertThat(await(one)).isEqualTo("COMMITTED");

		// next month's extract: the first loan repaid, the second unchanged
		TestFiles.Xlsx next = loans();
		next.row("Sao kê", loan(k + "-1", "Cho vay hộ nghèo", this.name, this.f.a.cccd(), "", LocalDate.of(2024, 3, 15),
				50_000_000, "Đã trả"));
		next.row("Sao kê", loan(k + "-2", "Hộ mới thoát nghèo", this.name, this.f.a.cccd(), "",
				LocalDate.of(2024, 4, 1), 30_000_000, "Đang vay"));
		UUID two = upload("VBSP_LOANS", next.bytes(), "thang-4.xlsx", this.officer);
		assertThat(await(two)).isEqualTo("VALIDATED");
		assertThat(page(two)).contains("Nếu ghi: 0 bản ghi mới, 1 bản ghi đính chính.");
		commit(two, "ALL");
		assertThat(await(two)).isEqualTo("COMMITTED");
		List<Map<String, Object>> live = records();
		assertThat(live).extracting((r) -> r.get("partner_ref")).containsExactly(k + "-1", k + "-2");
		assertThat(live).extracting((r) -> r.get("status")).containsExactly("CLOSED", "DELIVERED");
		assertThat(live.get(0).get("version")).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select p.row_before ->> 'status' from benefit_record_past p"
					+ " join benefit_record r on r.id = p.record_id where r.partner_ref = ?")
			.param(k + "-1")
			.query(String.class)
			.list()).containsExactly("DELIVERED");

		revert(two);
		assertThat(records()).extracting((r) -> r.get("status")).containsExactly("DELIVERED", "DELIVERED");
		assertThat(records()).extracting((r) -> r.get("import_job_id")).containsExactly(one, one);
	}

	@Test
	void aPartnerUploadsOnlyItsOwnAgencysFiles() throws Exception {
		String a = this.f.a.scope();
		Authentication vbsp = this.f.auth(this.f.user("nhcsxh", Role.PARTNER, List.of(a), List.of(a)));
		TestFiles.Xlsx cards = new TestFiles.Xlsx().sheet("DS", List.of("Số thẻ BHYT", "Họ và tên", "Ngày sinh",
				"Số CCCD", "Mã hộ", "Đối tượng", "Giá trị sử dụng từ ngày", "Giá trị sử dụng đến ngày"));
		MvcResult refused = this.mvc
			.perform(multipart("/imports/partner").file(new MockMultipartFile("file", "the.xlsx", null, cards.bytes()))
				.param("kind", "HI_CARDS")
				.with(authentication(vbsp))
				.with(csrf()))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(this.mvc.perform(get("/imports/partner/template/HI_CARDS").with(authentication(vbsp)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(this.mvc.perform(get("/imports").with(authentication(vbsp))).andReturn().getResponse().getStatus())
			.as("survey files stay behind the registry import")
			.isEqualTo(403);
		String list = this.mvc.perform(get("/imports/partner").with(authentication(vbsp)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("Sao kê dư nợ NHCSXH")
			.doesNotContain("Danh sách thẻ BHYT")
			.as("the nav leads a partner to its files")
			.contains("<a href=\"/imports/partner\">Tệp của đối tác</a>")
			.doesNotContain("href=\"/imports\"");

		TestFiles.Xlsx x = loans().row("Sao kê", loan("P" + this.f.tag, "Cho vay hộ nghèo", this.name, this.f.a.cccd(),
				null, LocalDate.of(2024, 3, 15), 20_000_000, "Đang vay"));
		UUID id = upload("VBSP_LOANS", x.bytes(), "nhcsxh.xlsx", vbsp);
		assertThat(await(id)).isEqualTo("VALIDATED");
		this.mvc.perform(post("/imports/partner/" + id + "/commit").param("mode", "ALL")
			.with(authentication(vbsp))
			.with(csrf()));
		assertThat(await(id)).isEqualTo("COMMITTED");
		assertThat(records()).hasSize(1);
		// the officer does not see the partner's job
		assertThat(this.mvc.perform(get("/imports/partner/" + id).with(authentication(this.officer)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void aCardListGivesHealthInsuranceRecordsOfTheMembers() throws Exception {
		TestFiles.Xlsx x = new TestFiles.Xlsx().sheet("Hướng dẫn", List.of("Danh sách cấp thẻ BHYT"))
			.sheet("DS",
					List.of("STT", "Số thẻ BHYT", "Họ và tên", "Ngày sinh", "Số CCCD", "Mã hộ", "Đối tượng",
							"Giá trị sử dụng từ ngày", "Giá trị sử dụng đến ngày", "Ngân sách trung ương đóng (đồng)",
							"Ngân sách địa phương đóng (đồng)"));
		String card = "HN4" + String.format("%012d", Math.abs(this.f.tag.hashCode()) % 1_000_000_000_000L);
		x.row("DS", 1, card, this.name, this.born, this.f.a.cccd(), this.f.a.householdCode(), "Hộ nghèo",
				LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 1_000_000, 105_300);
		x.row("DS", 2, card.replace("HN4", "CN3"), this.name, LocalDate.of(1901, 1, 1), this.f.a.cccd(), "",
				"Hộ cận nghèo", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 700_000, 0);
		UUID id = upload("HI_CARDS", x.bytes(), "the-bhyt.xlsx", this.officer);
		assertThat(await(id)).isEqualTo("VALIDATED");
		assertThat(page(id)).contains("Họ tên hoặc ngày sinh trong tệp khác với người có số CCCD");
		commit(id, "VALID");
		assertThat(await(id)).isEqualTo("COMMITTED");
		List<Map<String, Object>> written = records();
		assertThat(written).hasSize(1);
		Map<String, Object> r = written.get(0);
		assertThat(r.get("policy_code")).isEqualTo("HI_POOR");
		assertThat(r.get("member_id")).isEqualTo(this.f.a.member());
		assertThat(r.get("partner_ref")).isEqualTo(card);
		assertThat(r.get("amount_vnd")).isEqualTo(1_105_300L);
		assertThat(r.get("local_vnd")).isEqualTo(105_300L);
		assertThat(r.get("valid_to").toString()).isEqualTo("2025-12-31");
		assertThat(r.get("agency")).isEqualTo("SOCIAL_INSURANCE");
	}

	@Test
	void aSchoolListFindsThePupilInTheHouseholdByNameAndDateOfBirth() throws Exception {
		TestFiles.Xlsx x = new TestFiles.Xlsx().sheet("Danh sách", List.of("Họ và tên học sinh", "Ngày sinh", "Số CCCD",
				"Mã hộ", "Trường", "Cấp học", "Năm học", "Chế độ", "Số tháng", "Số tiền"));
		x.row("Danh sách", this.name, this.born, "", this.f.a.householdCode(), "THCS Alfa", "THCS", "2024-2025",
				"Miễn học phí", 9, 1_200_000);
		x.row("Danh sách", this.name, this.born, "", this.f.a.householdCode(), "THCS Alfa", "THCS", "2024-2025",
				"Hỗ trợ chi phí học tập", 9, 1_350_000);
		x.row("Danh sách", "Em Khác", this.born, "", this.f.a.householdCode(), "THCS Alfa", "THCS", "2024-2025",
				"Miễn học phí", 9, 1_200_000);
		x.row("Danh sách", this.name, this.born, "", this.f.a.householdCode(), "THCS Alfa", "THCS", "2024",
				"Miễn học phí", 12, 1_200_000);
		UUID id = upload("SCHOOL", x.bytes(), "hoc-sinh.xlsx", this.officer);
		assertThat(await(id)).isEqualTo("VALIDATED");
		assertThat(page(id)).contains("không có thành viên trùng họ tên và ngày sinh")
			.contains("Năm học không đọc được")
			.contains("Số tháng hỗ trợ phải từ 1 đến 9");
		commit(id, "VALID");
		assertThat(await(id)).isEqualTo("COMMITTED");
		List<Map<String, Object>> written = records();
		assertThat(written).extracting((r) -> r.get("policy_code"))
			.containsExactlyInAnyOrder("TUITION_EXEMPTION", "LEARNING_SUPPORT");
		assertThat(written).allSatisfy((r) -> {
			assertThat(r.get("member_id")).isEqualTo(this.f.a.member());
			assertThat(r.get("period_from").toString()).isEqualTo("2024-09-01");
			assertThat(r.get("period_to").toString()).isEqualTo("2025-05-31");
			assertThat(r.get("agency")).isEqualTo("EDUCATION");
		});
	}

	UUID upload(String kind, byte[] bytes, String name, Authentication who) throws Exception {
		MvcResult r = this.mvc
			.perform(multipart("/imports/partner").file(new MockMultipartFile("file", name, null, bytes))
				.param("kind", kind)
				.with(authentication(who))
				.with(csrf()))
			.andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(302);
		String location = r.getResponse().getRedirectedUrl();
		return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	String status(UUID id) {
		return this.jdbc.sql("select status from import_job where id = ?").param(id).query(String.class).single();
	}

	String await(UUID id) throws Exception {
		long until = System.currentTimeMillis() + 120_000;
		while (true) {
			String status = status(id);
			if (!List.of("QUEUED", "VALIDATING", "COMMIT_QUEUED", "COMMITTING").contains(status)) {
				return status;
			}
			assertThat(System.currentTimeMillis()).as("job still " + status).isLessThan(until);
			Thread.sleep(50);
		}
	}

	String page(UUID id) throws Exception {
		MvcResult r = this.mvc.perform(get("/imports/partner/" + id).with(authentication(this.officer))).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		return r.getResponse().getContentAsString();
	}

	void commit(UUID id, String mode) throws Exception {
		MvcResult r = this.mvc
			.perform(post("/imports/partner/" + id + "/commit").param("mode", mode)
				.with(authentication(this.officer))
				.with(csrf()))
			.andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(302);
	}

	void revert(UUID id) throws Exception {
		MvcResult r = this.mvc
			.perform(post("/imports/partner/" + id + "/revert").with(authentication(this.officer)).with(csrf()))
			.andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(302);
	}

	List<Integer> rowsWithProblems(UUID id) {
		return this.jdbc.sql("select distinct row_no from import_problem where job_id = ? order by row_no")
			.param(id)
			.query(Integer.class)
			.list();
	}

	/** Live ledger records of the fixture communes' households. */
	long ledger() {
		return this.jdbc.sql("select count(*) from benefit_record where household_id in (?, ?) and not voided")
			.params(this.f.a.household(), this.f.b.household())
			.query(Long.class)
			.single();
	}

	List<Map<String, Object>> records() {
		return this.jdbc.sql("select * from benefit_record where household_id = ? and not voided order by partner_ref")
			.param(this.f.a.household())
			.query()
			.listOfRows();
	}

	long audited() {
		return this.jdbc
			.sql("select count(*) from audit_event where entity_type = 'BENEFIT_RECORD' and household_id = ?"
					+ " and action = 'BENEFIT_IMPORTED'")
			.param(this.f.a.household())
			.query(Long.class)
			.single();
	}

}
