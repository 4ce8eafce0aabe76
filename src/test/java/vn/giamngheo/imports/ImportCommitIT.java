package vn.giamngheo.imports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.analytics.AggregatesRefresher;
import vn.giamngheo.identity.UserDirectory;
import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.registry.RecognisedAssessment;
import vn.giamngheo.registry.domain.HouseholdData;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The commit applies the plan its dry run staged, and what a user sees follows: the
 * commune's dashboard figures change after the commit (and back after a revert); a
 * household changed between the dry run and the commit (on its page, by another import,
 * by a review) is never overwritten: it is a conflict with a link to it, the rest goes in
 * (valid-rows mode) or nothing does (all or nothing), also when the staged plan was lost
 * with a crash of the database and the commit checks the file again.
 */
@IntegrationTest
class ImportCommitIT {

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
	AggregatesRefresher refresher;

	@Autowired
	HouseholdRegistry registry;

	ImportTestSupport t;

	@BeforeEach
	void setUp() {
		this.t = new ImportTestSupport(this.mvc, this.jdbc, this.json, this.directory, this.users, this.tx);
	}

	@Test
	void anImportCommitChangesTheCommunesDashboardFiguresAndItsRevertTakesThemBack() throws Exception {
		this.refresher.refreshPending();
		Map<String, Object> before = year2024();
		UUID id = this.t.upload(this.t.households(3).bytes(), "ngheo-2024.xlsx");
		assertThat(this.t.await(id).get("status")).isEqualTo("VALIDATED");
		assertThat(this.t.commitAndWait(id, "ALL").get("status")).isEqualTo("COMMITTED");
		// the commit marked the commune; the background pass (every few seconds) rebuilds
		// it
		this.refresher.refreshPending();
		Map<String, Object> after = year2024();
		assertThat(number(after, "poorHouseholds")).as("3 poor households imported for 2024")
			.isEqualTo(number(before, "poorHouseholds") + 3);
		assertThat(number(after, "households")).isEqualTo(number(before, "households") + 3);
		assertThat(number(after, "persons")).isEqualTo(number(before, "persons") + 6);

		String revert = this.mvc
			.perform(post("/api/v1/imports/" + id + "/reverts").with(authentication(this.t.officer)).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(revert).contains("\"status\":\"REVERTED\"");
		this.refresher.refreshPending();
		assertThat(number(year2024(), "poorHouseholds")).isEqualTo(number(before, "poorHouseholds"));
	}

	@Test
	void aHouseholdAnotherImportCreatedSinceTheDryRunIsAConflict() throws Exception {
		// file 1 plans to create households 1 and 2
		UUID first = this.t.upload(this.t.households(2).bytes(), "hai-ho.xlsx");
		assertThat(this.t.await(first).get("householdsCreated")).isEqualTo(2);
		// meanwhile another import creates household 1
		UUID other = this.t.upload(this.t.households(1).bytes(), "mot-ho.xlsx");
		this.t.await(other);
		assertThat(this.t.commitAndWait(other, "ALL").get("status")).isEqualTo("COMMITTED");
		assertThat(this.t.households()).isEqualTo(1);
		String before = this.t.stored();

		// all or nothing: refused, nothing written, the conflict listed with a link
		Map<String, Object> refused = this.t.commitAndWait(first, "ALL");
		assertThat(refused.get("status")).isEqualTo("VALIDATED");
		assertThat(refused.get("conflictCount")).isEqualTo(1);
		assertThat(refused.get("error")).isEqualTo("imports.commit.conflicts");
		assertThat(this.t.stored()).isEqualTo(before);
		UUID one = householdId(1);
		assertThat(this.t.conflicts(first)).singleElement()
			.satisfies((c) -> assertThat(c).containsEntry("household", this.t.code(1))
				.containsEntry("householdId", one.toString())
				.containsEntry("link", "/households/" + one)
				.containsEntry("apiLink", "/api/v1/households/" + one)
				.extractingByKey("message")
				.asString()
				.contains("đã được một hộ khác dùng"));

		// the rest: household 2 only
		Map<String, Object> done = this.t.commitAndWait(first, "VALID");
		assertThat(done.get("status")).isEqualTo("COMMITTED");
		assertThat(done.get("householdsCreated")).isEqualTo(1);
		assertThat(done.get("conflictCount")).isEqualTo(1);
		assertThat(this.t.households()).isEqualTo(2);
		assertThat(this.t.members()).isEqualTo(4);
		assertThat(this.jdbc.sql("select count(*) from audit_event where reason like ? and entity_type = 'HOUSEHOLD'")
			.param("import " + first + "%")
			.query(Long.class)
			.single()).as("audit rows only for what this commit wrote").isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from import_change where job_id = ?")
			.param(first)
			.query(Long.class)
			.single()).as("revert records only for what it wrote").isEqualTo(1);
		assertThat(staged(first)).as("the staged plan is dropped").isZero();
	}

	/**
	 * The case: an officer corrects a household on its page between the dry run
	 * and the commit. The commit does not overwrite the correction: the household is a
	 * conflict with a link to its page, the other households go in (valid-rows mode), or
	 * nothing goes in (all or nothing) until the file is checked again.
	 */
	@Test
	void aManualEditBetweenTheDryRunAndTheCommitSurvivesAndIsReportedAsAConflict() throws Exception {
		UUID first = this.t.upload(this.t.households(3).bytes(), "ba-ho.xlsx");
		this.t.await(first);
		this.t.commitAndWait(first, "ALL");
		byte[] corrected = addresses(3, "mới").bytes();

		// valid-rows mode
		UUID dry = this.t.upload(corrected, "sua.xlsx");
		assertThat(this.t.await(dry).get("householdsUpdated")).isEqualTo(3);
		editOnThePage(1, "Sửa tay 1");
		Map<String, Object> done = this.t.commitAndWait(dry, "VALID");
		assertThat(done.get("status")).isEqualTo("COMMITTED");
		assertThat(done.get("conflictCount")).isEqualTo(1);
		assertThat(done.get("householdsUpdated")).isEqualTo(2);
		assertThat(address(1)).as("the edit on the page survives").isEqualTo("Sửa tay 1");
		assertThat(address(2)).isEqualTo("Số 2 mới");
		assertThat(address(3)).isEqualTo("Số 3 mới");
		UUID one = householdId(1);
		assertThat(this.t.conflicts(dry)).singleElement()
			.satisfies((c) -> assertThat(c).containsEntry("household", this.t.code(1))
				.containsEntry("link", "/households/" + one)
				.extractingByKey("message")
				.asString()
				.contains("đã được sửa trong sổ sau khi kiểm tra thử"));
		assertThat(this.t.changes(dry)).as("the changes listed are those written")
			.extracting((c) -> c.get("household"))
			.containsExactly(this.t.code(2), this.t.code(3));
		String page = this.mvc.perform(get("/imports/" + dry).with(authentication(this.t.officer)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("href=\"/households/" + one + "\"").contains("Hộ xung đột (không ghi)");

		// all or nothing: refused as a whole, checked again, then written
		byte[] again = addresses(3, "mới hơn").bytes();
		UUID all = this.t.upload(again, "sua-lan-2.xlsx");
		this.t.await(all);
		editOnThePage(2, "Sửa tay 2");
		String before = this.t.stored();
		Map<String, Object> refused = this.t.commitAndWait(all, "ALL");
		assertThat(refused.get("status")).isEqualTo("VALIDATED");
		assertThat(refused.get("conflictCount")).isEqualTo(1);
		assertThat(this.t.stored()).as("nothing written").isEqualTo(before);
		assertThat(this.t.conflicts(all)).extracting((c) -> c.get("household")).containsExactly(this.t.code(2));
		page = this.mvc.perform(get("/imports/" + all).with(authentication(this.t.officer)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Không ghi gì: có hộ đã thay đổi trong sổ sau khi kiểm tra thử")
			.contains("id=\"check-again\"")
			.contains("Chỉ ghi các hộ không xung đột")
			.doesNotContain("id=\"commit-all\"");
		assertThat(this.mvc
			.perform(post("/api/v1/imports/" + all + "/checks").with(authentication(this.t.officer)).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(202);
		Map<String, Object> checked = this.t.await(all);
		assertThat(checked.get("conflictCount")).isEqualTo(0);
		assertThat(this.t.changes(all)).filteredOn((c) -> this.t.code(2).equals(c.get("household")))
			.singleElement()
			.satisfies((c) -> assertThat(c).containsEntry("oldValue", "Sửa tay 2")
				.containsEntry("newValue", "Số 2 mới hơn"));
		assertThat(this.t.commitAndWait(all, "ALL").get("status")).isEqualTo("COMMITTED");
		assertThat(address(2)).isEqualTo("Số 2 mới hơn");
	}

	/**
	 * A change the household's own row does not show (a review recognising its class) is
	 * a conflict too, and so is any change when the staged plan was lost with the
	 * database and the commit plans the file again.
	 */
	@Test
	void aClassificationRecognisedSinceTheDryRunIsAConflictEvenWhenTheStagedPlanIsLost() throws Exception {
		UUID first = this.t.upload(this.t.households(2).bytes(), "hai-ho.xlsx");
		this.t.await(first);
		this.t.commitAndWait(first, "ALL");
		UUID dry = this.t.upload(addresses(2, "mới").bytes(), "sua.xlsx");
		this.t.await(dry);
		this.t.f.signIn(this.t.officerName);
		try {
			UUID one = householdId(1);
			String standard = this.jdbc.sql("select standard_key from household_assessment where household_id = ?")
				.param(one)
				.query(String.class)
				.single();
			this.registry.recordRecognised(new RecognisedAssessment(one, 2024, standard, null, 2, 1_000_000L, null,
					null, List.of(), "NEAR_POOR", null, "7/QĐ-UBND", LocalDate.of(2024, 12, 1), null, null));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		// a crash of PostgreSQL empties the unlogged staging tables
		this.jdbc.sql("delete from bulk_stage where batch_id = ?").param(dry).update();
		Map<String, Object> done = this.t.commitAndWait(dry, "VALID");
		assertThat(done.get("status")).isEqualTo("COMMITTED");
		assertThat(this.t.conflicts(dry)).extracting((c) -> c.get("household")).containsExactly(this.t.code(1));
		assertThat(address(1)).isEqualTo("Số 1");
		assertThat(address(2)).isEqualTo("Số 2 mới");
		assertThat(this.jdbc
			.sql("select classification || ' ' || decision_no from household_assessment a"
					+ " join household h on h.id = a.household_id where h.code = ?")
			.param(this.t.code(1))
			.query(String.class)
			.single()).isEqualTo("NEAR_POOR 7/QĐ-UBND");
	}

	/** The test's households with new addresses ("Số n " + suffix). */
	private TestFiles.Xlsx addresses(int n, String suffix) {
		TestFiles.Xlsx x = this.t.households(n);
		x.sheets.get("Hộ gia đình").stream().skip(1).forEach((row) -> row.set(3, row.get(3) + " " + suffix));
		return x;
	}

	/** An officer changes a household's address on its page. */
	private void editOnThePage(int n, String address) {
		this.t.f.signIn(this.t.officerName);
		try {
			Household h = this.registry.household(householdId(n));
			this.registry.update(h.id(), h.version(), new HouseholdData(h.villageId(), address, h.urban(),
					h.ethnicMinority(), h.socialProtection(), h.meritorious(), h.phone(), h.status()));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private UUID householdId(int n) {
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

	@Test
	void aStagedPlanLostWithTheDatabaseIsMadeAgainAtTheCommit() throws Exception {
		UUID id = this.t.upload(this.t.households(2).bytes(), "hai-ho.xlsx");
		assertThat(this.t.await(id).get("householdsCreated")).isEqualTo(2);
		assertThat(staged(id)).as("households, members and assessments staged").isEqualTo(2 + 4 + 2);
		// a crash of PostgreSQL empties the unlogged staging tables
		this.jdbc.sql("delete from bulk_stage where batch_id = ?").param(id).update();
		Map<String, Object> done = this.t.commitAndWait(id, "ALL");
		assertThat(done.get("status")).isEqualTo("COMMITTED");
		assertThat(this.t.households()).isEqualTo(2);
		assertThat(this.t.members()).isEqualTo(4);
		assertThat(this.jdbc.sql("select count(*) from audit_event where reason like ?")
			.param("import " + id + "%")
			.query(Long.class)
			.single()).as("one audit row per created household").isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from import_change where job_id = ?")
			.param(id)
			.query(Long.class)
			.single()).as("the revert records: the created households (their members and classifications go with them)")
			.isEqualTo(2);
	}

	/**
	 * The audit rows of created rows are built inside PostgreSQL from the staged plan;
	 * when the plan is lost the commit writes them from Java. A reader of the audit trail
	 * sees the same fields, of the same JSON types, either way.
	 */
	@Test
	void createdRowsAreAuditedAlikeFromTheStagedPlanAndFromAFreshPlan() throws Exception {
		UUID staged = this.t.upload(this.t.households(1).bytes(), "mot-ho.xlsx");
		this.t.await(staged);
		assertThat(this.t.commitAndWait(staged, "ALL").get("status")).isEqualTo("COMMITTED");
		ImportTestSupport other = new ImportTestSupport(this.mvc, this.jdbc, this.json, this.directory, this.users,
				this.tx);
		UUID fresh = other.upload(other.households(1).bytes(), "mot-ho.xlsx");
		other.await(fresh);
		this.jdbc.sql("delete from bulk_stage where batch_id = ?").param(fresh).update();
		assertThat(other.commitAndWait(fresh, "ALL").get("status")).isEqualTo("COMMITTED");

		assertThat(auditShape(staged)).isNotEmpty().isEqualTo(auditShape(fresh));
		Map<String, Object> household = this.jdbc
			.sql("select changes -> 'code' ->> 'new' as code, changes -> 'code' -> 'old' as old, actor, unit_path"
					+ " from audit_event where reason like ? and entity_type = 'HOUSEHOLD'")
			.param("import " + staged + "%")
			.query()
			.singleRow();
		assertThat(household.get("code")).isEqualTo(this.t.code(1));
		assertThat(household.get("old")).hasToString("null");
		assertThat(household.get("unit_path")).isEqualTo(this.t.f.a.villagePath());
		assertThat(this.jdbc
			.sql("select (changes -> 'members' ->> 'new') || ' / ' || (changes -> 'classifications' ->> 'new')"
					+ " from audit_event where reason like ?")
			.param("import " + staged + "%")
			.query(String.class)
			.single()).as("the household's members and classification, counted in its one audit row")
			.isEqualTo("2 / 2024 POOR");
	}

	/** entity type · field · JSON type of the new value, of a job's audit rows. */
	private List<String> auditShape(UUID job) {
		return this.jdbc.sql(
				"select distinct e.entity_type || ' ' || e.action || ' ' || k.key || ' ' || jsonb_typeof(k.value -> 'new')"
						+ " || ' ' || jsonb_typeof(k.value -> 'old') from audit_event e, jsonb_each(e.changes) k"
						+ " where e.reason like ? order by 1")
			.param("import " + job + "%")
			.query(String.class)
			.list();
	}

	private long staged(UUID id) {
		return this.jdbc
			.sql("select (select count(*) from bulk_stage_household where batch_id = ?)"
					+ " + (select count(*) from bulk_stage_member where batch_id = ?)"
					+ " + (select count(*) from bulk_stage_assessment where batch_id = ?)")
			.params(id, id, id)
			.query(Long.class)
			.single();
	}

	/** The commune's 2024 figures as the dashboard reads them (zeros when none). */
	private Map<String, Object> year2024() throws Exception {
		String body = this.mvc
			.perform(get("/api/v1/analytics/series").param("unit", String.valueOf(this.t.f.a.id()))
				.with(authentication(this.t.officer)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Map<String, Object>> years = this.json.readValue(body, List.class);
		return years.stream()
			.filter((y) -> ((Number) y.get("year")).intValue() == 2024)
			.findFirst()
			.orElse(Map.of("households", 0, "persons", 0, "poorHouseholds", 0));
	}

	private static long number(Map<String, Object> year, String key) {
		return ((Number) year.get(key)).longValue();
	}

}
