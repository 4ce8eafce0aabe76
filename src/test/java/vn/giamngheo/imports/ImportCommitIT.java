package vn.giamngheo.imports;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.analytics.AggregatesRefresher;
import vn.giamngheo.identity.UserDirectory;
import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The commit applies the plan its dry run staged, and what a user sees follows: the
 * commune's dashboard figures change after the commit (and back after a revert); a
 * registry changed between the dry run and the commit, or a staged plan lost with a crash
 * of the database, makes the commit check the file again instead of writing a stale plan.
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
	void aRegistryChangedSinceTheDryRunIsCheckedAgainAtTheCommit() throws Exception {
		// file 1 plans to create households 1 and 2
		UUID first = this.t.upload(this.t.households(2).bytes(), "hai-ho.xlsx");
		assertThat(this.t.await(first).get("householdsCreated")).isEqualTo(2);
		// meanwhile another import creates household 1
		UUID other = this.t.upload(this.t.households(1).bytes(), "mot-ho.xlsx");
		this.t.await(other);
		assertThat(this.t.commitAndWait(other, "ALL").get("status")).isEqualTo("COMMITTED");
		assertThat(this.t.households()).isEqualTo(1);

		// the staged plan of file 1 would create household 1 a second time: the commit
		// reads the file again, finds household 1 by its code and creates only household
		// 2
		Map<String, Object> done = this.t.commitAndWait(first, "ALL");
		assertThat(done.get("status")).isEqualTo("COMMITTED");
		assertThat(done.get("householdsCreated")).isEqualTo(1);
		assertThat(done.get("householdsSame")).isEqualTo(1);
		assertThat(this.t.households()).isEqualTo(2);
		assertThat(this.t.members()).isEqualTo(4);
		assertThat(this.jdbc.sql("select count(*) from audit_event where reason like ? and entity_type = 'HOUSEHOLD'")
			.param("import " + first + "%")
			.query(Long.class)
			.single()).as("audit rows only for what this commit wrote").isEqualTo(1);
		assertThat(staged(first)).as("the staged plan is dropped").isZero();
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
