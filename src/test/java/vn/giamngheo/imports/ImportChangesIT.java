package vn.giamngheo.imports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.identity.UserDirectory;
import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.registry.Member;
import vn.giamngheo.registry.RecognisedAssessment;
import vn.giamngheo.registry.domain.HouseholdData;
import vn.giamngheo.registry.domain.MemberData;
import vn.giamngheo.registry.domain.Sex;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * An import never blanks a field its file does not carry, and its dry run lists every
 * field it would change or clear: an export imported again unchanged changes nothing (the
 * recognition decision number and date, and every other stored column, included), a file
 * without some columns keeps what was entered on the household page, a file with one
 * changed cell lists exactly that field, and the clear marker clears an optional field.
 */
@IntegrationTest
class ImportChangesIT {

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

	@Autowired
	HouseholdRegistry registry;

	ImportTestSupport t;

	@BeforeEach
	void setUp() {
		this.t = new ImportTestSupport(this.mvc, this.jdbc, this.json, this.directory, this.users, this.tx);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anExportImportedAgainUnchangedChangesNothingNotEvenTheDecisionNumber() throws Exception {
		byte[] narrow = this.t.households(3).bytes();
		UUID first = this.t.upload(narrow, "ho.xlsx");
		this.t.await(first);
		assertThat(this.t.commitAndWait(first, "ALL").get("status")).isEqualTo("COMMITTED");
		// on the pages: the commune's decision recognises household 1; a child of
		// household
		// 1 gets her school, card and phone; household 2 its phone and flag
		this.t.f.signIn(this.t.officerName);
		UUID h1 = id(1);
		UUID h2 = id(2);
		recognise(h1, "125/QĐ-UBND");
		Member child = this.registry.members(h1, false)
			.stream()
			.filter((m) -> "CHILD".equals(m.relation()))
			.findFirst()
			.orElseThrow();
		this.registry.updateMember(h1, child.id(), child.version(),
				new MemberData(child.fullName(), Sex.ofCode(child.sex()), child.dateOfBirth(), child.ethnicityCode(),
						child.relation(), null, "0912345678", "PRIMARY", true, child.employment(), true, false, false,
						false, false));
		Household two = this.registry.household(h2);
		this.registry.update(h2, two.version(), new HouseholdData(two.villageId(), two.address(), two.urban(),
				two.ethnicMinority(), two.socialProtection(), true, "0987654321", two.status()));
		SecurityContextHolder.clearContext();
		String before = this.t.stored();
		assertThat(before).contains("125/QĐ-UBND").contains("2024-12-20").contains("0987654321").contains("PRIMARY");

		// the first file again: it has no column for phones, school, card or decision
		UUID again = this.t.upload(narrow, "ho.xlsx");
		Map<String, Object> dry = this.t.await(again);
		assertThat(dry.get("householdsSame")).isEqualTo(3);
		assertThat(this.t.changes(again)).isEmpty();
		assertThat(this.t.commitAndWait(again, "ALL").get("status")).isEqualTo("COMMITTED");
		assertThat(this.t.stored()).isEqualTo(before);

		// the village's export, as XLSX and as CSV: it carries no decision number or date
		for (String format : List.of("xlsx", "csv")) {
			UUID id = this.t.upload(this.t.export(format, 2024, "POOR"), "xuat." + format);
			Map<String, Object> check = this.t.await(id);
			assertThat(check.get("problemCount")).as(format + " " + this.t.problems(id)).isEqualTo(0);
			assertThat(check.get("householdsSame")).as(format).isEqualTo(3);
			assertThat(check.get("householdsUpdated")).isEqualTo(0);
			assertThat(check.get("membersUpdated")).isEqualTo(0);
			assertThat(check.get("membersCreated")).isEqualTo(0);
			assertThat(check.get("assessments")).isEqualTo(0);
			assertThat(this.t.changes(id)).as(format).isEmpty();
			assertThat(this.t.commitAndWait(id, "ALL").get("status")).isEqualTo("COMMITTED");
			assertThat(this.t.stored()).as("every stored column after the " + format + " export").isEqualTo(before);
			assertThat(this.jdbc.sql("select count(*) from audit_event where reason like ?")
				.param("import " + id + "%")
				.query(Long.class)
				.single()).isZero();
		}
	}

	@Test
	void aFileWithOneChangedCellListsExactlyThatFieldAndTheClearMarkerClears() throws Exception {
		UUID first = this.t.upload(this.t.households(2).bytes(), "ho.xlsx");
		this.t.await(first);
		this.t.commitAndWait(first, "ALL");
		this.t.f.signIn(this.t.officerName);
		recognise(id(1), "126/QĐ-UBND");
		SecurityContextHolder.clearContext();
		String export = new String(this.t.export("csv", 2024, "POOR"), StandardCharsets.UTF_8);

		String moved = export.replace("Số 2,", "Số 2 mới,");
		assertThat(moved).isNotEqualTo(export);
		UUID id = this.t.upload(moved.getBytes(StandardCharsets.UTF_8), "sua-dia-chi.csv");
		Map<String, Object> dry = this.t.await(id);
		assertThat(dry.get("householdsUpdated")).isEqualTo(1);
		assertThat(dry.get("membersUpdated")).isEqualTo(0);
		assertThat(dry.get("assessments")).isEqualTo(0);
		assertThat(this.t.changes(id)).singleElement()
			.satisfies((c) -> assertThat(c).containsEntry("household", this.t.code(2))
				.containsEntry("householdId", id(2).toString())
				.containsEntry("link", "/households/" + id(2))
				.containsEntry("record", "Hộ")
				.containsEntry("field", "Địa chỉ")
				.containsEntry("oldValue", "Số 2")
				.containsEntry("newValue", "Số 2 mới"));
		String page = this.mvc.perform(get("/imports/" + id).with(authentication(this.t.officer)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Thay đổi với hộ đã có trong sổ (1 trường)")
			.contains("<td>Địa chỉ</td>")
			.contains("<td>Số 2 mới</td>");
		assertThat(this.t.commitAndWait(id, "ALL").get("status")).isEqualTo("COMMITTED");
		assertThat(address(2)).isEqualTo("Số 2 mới");
		assertThat(decision(1)).isEqualTo("126/QĐ-UBND");

		// a column the export does not have, with the clear marker for household 1 and an
		// empty cell (keep) for household 2
		export = new String(this.t.export("csv", 2024, "POOR"), StandardCharsets.UTF_8);
		StringBuilder withDecision = new StringBuilder();
		for (String line : export.split("\r\n")) {
			String value = line.startsWith(this.t.code(1) + ",") ? "[xóa]" : "";
			withDecision.append(line)
				.append(',')
				.append(line.contains("Mã hộ") ? "Số quyết định công nhận" : value)
				.append("\r\n");
		}
		UUID cleared = this.t.upload(withDecision.toString().getBytes(StandardCharsets.UTF_8), "xoa-qd.csv");
		this.t.await(cleared);
		assertThat(this.t.problems(cleared)).isEmpty();
		assertThat(this.t.changes(cleared)).singleElement()
			.satisfies((c) -> assertThat(c).containsEntry("household", this.t.code(1))
				.containsEntry("record", "Phân loại năm 2024")
				.containsEntry("field", "Số quyết định công nhận")
				.containsEntry("oldValue", "126/QĐ-UBND")
				.containsEntry("newValue", "(trống)"));
		assertThat(this.t.commitAndWait(cleared, "ALL").get("status")).isEqualTo("COMMITTED");
		assertThat(decision(1)).isNull();
		assertThat(this.jdbc.sql("select decision_date from household_assessment where household_id = ?")
			.param(id(1))
			.query(LocalDate.class)
			.single()).as("the decision date, which no file carries").isEqualTo(LocalDate.of(2024, 12, 20));

		// the clear marker in a required column is a row problem, not a blank
		String badMarker = export.replaceFirst(",Nam,", ",[xóa],");
		UUID bad = this.t.upload(badMarker.getBytes(StandardCharsets.UTF_8), "xoa-sai.csv");
		this.t.await(bad);
		assertThat(this.t.problems(bad)).singleElement()
			.satisfies((p) -> assertThat((String) p.get("message")).contains("không xóa được"));
	}

	private void recognise(UUID household, String decision) {
		String standard = this.jdbc.sql("select standard_key from household_assessment where household_id = ?")
			.param(household)
			.query(String.class)
			.single();
		this.registry.recordRecognised(
				new RecognisedAssessment(household, 2024, standard, LocalDate.of(2024, 10, 1), 2, 1_200_000L, null,
						null, List.of(), "POOR", "INCOME_POOR", decision, LocalDate.of(2024, 12, 20), null, null));
	}

	private UUID id(int n) {
		return this.jdbc.sql("select id from household where code = ?")
			.param(this.t.code(n))
			.query(UUID.class)
			.single();
	}

	private String address(int n) {
		return this.jdbc.sql("select address from household where code = ?")
			.param(this.t.code(n))
			.query(String.class)
			.single();
	}

	private String decision(int n) {
		return this.jdbc.sql("select decision_no from household_assessment where household_id = ?")
			.param(id(n))
			.query(String.class)
			.list()
			.get(0);
	}

}
