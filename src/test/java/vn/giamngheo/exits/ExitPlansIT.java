package vn.giamngheo.exits;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import vn.giamngheo.analytics.Territory;
import vn.giamngheo.benefits.LedgerRows;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.registry.RecognisedAssessment;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;
import vn.giamngheo.targets.TargetProgress;
import vn.giamngheo.targets.Targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Exit registrations end to end as commune officers use them (ADR 0040): a poor household
 * registers with its plan, another officer approves it (the registrant may not), the
 * approval becomes an EXIT_PLAN demand, checkpoints follow, and the recognition of the
 * target year links the outcome (EXITED / NOT_EXITED) through the pending work; another
 * commune sees nothing; bad input writes nothing; the targets' EXIT_REGISTRANTS_FUNDED is
 * counted from approved plans and the ledger.
 */
@IntegrationTest
class ExitPlansIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	ExitOutcomes outcomes;

	@Autowired
	ExitPlans plans;

	@Autowired
	Targets targets;

	@Autowired
	vn.giamngheo.benefits.SupportPolicies policies;

	@Autowired
	vn.giamngheo.analytics.Aggregates aggregates;

	Fixtures f;

	Authentication registrar;

	Authentication approver;

	Authentication officerB;

	Authentication leader;

	int year;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		String a = this.f.a.scope();
		String b = this.f.b.scope();
		this.registrar = this.f.auth(this.f.user("planreg", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
		this.approver = this.f.auth(this.f.user("planok", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
		this.officerB = this.f.auth(this.f.user("planb", Role.COMMUNE_OFFICER, List.of(b), List.of(b)));
		this.leader = this.f.auth(this.f.user("planlead", Role.LEADER, List.of(a), List.of()));
		this.year = today().getYear();
		assess(this.f.a.household(), this.year - 1, "POOR");
	}

	static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	void assess(UUID household, int year, String cls) {
		this.jdbc
			.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
					+ " income_per_capita, classification) values (?, ?, ?, '2022-2025', 3, 900000, ?)")
			.params(household, this.f.a.provinceCode(), year, cls)
			.update();
	}

	/** Another household of commune A's village, with its class of last year. */
	UUID household(String name, String cls) {
		UUID id = this.jdbc
			.sql("insert into household (province_code, code, commune_id, village_id, unit_path, head_name,"
					+ " head_name_norm, urban, synthetic) values (?, ?, ?, ?, ?, ?, ?, false, false) returning id")
			.params(this.f.a.provinceCode(), "EP-" + name + this.f.tag, this.f.a.id(), this.f.a.villageId(),
					this.f.a.villagePath(), name + this.f.tag, (name + this.f.tag).toLowerCase())
			.query(UUID.class)
			.single();
		assess(id, this.year - 1, cls);
		return id;
	}

	String send(String uri, Authentication who, String body, ResultMatcher expected) throws Exception {
		return this.mvc
			.perform(post(uri).with(authentication(who))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "vi")
				.content(body))
			.andExpect(expected)
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String page(String uri, Authentication who) throws Exception {
		return this.mvc.perform(get(uri).with(authentication(who)).header("Accept-Language", "vi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String registration(UUID household) {
		return """
				{"householdId":"%s","targetYear":%d,"ownActions":"Nuôi 2 con bò sinh sản, trồng 1 ha ngô",
				 "needs":[{"policyCode":"LOAN_POOR","amountVnd":30000000},{"description":"Giống ngô","amountVnd":2000000}],
				 "ownVnd":3000000}"""
			.formatted(household, this.year);
	}

	String approve(String id, Authentication who, ResultMatcher expected) throws Exception {
		int version = JsonPath.read(page("/api/v1/exit-registrations/" + id, this.registrar), "$.version");
		return send("/api/v1/exit-registrations/" + id + "/approval", who, """
				{"version":%d,"decisionNo":"12/QĐ-UBND","decidedOn":"%s","note":"Đủ điều kiện"}""".formatted(version,
				today()), expected);
	}

	void recognise(UUID household, String cls) {
		this.f.signIn("admin");
		try {
			this.registry
				.recordRecognised(new RecognisedAssessment(household, this.year, "2026", null, 3, 2_500_000L, null,
						null, List.of(), cls, null, "40/QĐ-UBND", today(), null, null, RecognisedAssessment.REVIEWED));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	@Test
	void aPlanIsRegisteredApprovedByAnotherFollowedAndLinkedToTheNextReviewsOutcome() throws Exception {
		String created = send("/api/v1/exit-registrations", this.registrar, registration(this.f.a.household()),
				status().isCreated());
		String id = JsonPath.read(created, "$.id");
		assertThat((String) JsonPath.read(created, "$.fromClass")).isEqualTo("POOR");
		assertThat(((Number) JsonPath.read(created, "$.budgetVnd")).longValue()).isEqualTo(35_000_000L);
		assertThat((String) JsonPath.read(created, "$.status")).isEqualTo("REGISTERED");

		// the registrant may not approve it: 422, and nothing changes
		String refused = send("/api/v1/exit-registrations/" + id + "/approval", this.registrar,
				"{\"version\":0,\"decisionNo\":\"1/QĐ\",\"decidedOn\":\"" + today() + "\"}",
				status().isUnprocessableContent());
		assertThat(refused).contains("Người phê duyệt phải khác người đã đăng ký");
		assertThat(count("select count(*) from exit_plan where id = ?::uuid and status = 'REGISTERED'", id))
			.isEqualTo(1);

		// another officer approves: the support asked becomes an EXIT_PLAN demand
		String approved = approve(id, this.approver, status().isOk());
		assertThat((String) JsonPath.read(approved, "$.status")).isEqualTo("APPROVED");
		assertThat(this.jdbc
			.sql("select policy_code || ' ' || amount_vnd || ' ' || status from support_demand"
					+ " where household_id = ? and kind = 'EXIT_PLAN'")
			.param(this.f.a.household())
			.query(String.class)
			.list()).containsExactly("EXIT_PLAN_SUPPORT 32000000 OPEN");

		// a checkpoint, in words on the plan page and the household's panel
		send("/api/v1/exit-registrations/" + id + "/checkpoints", this.registrar,
				"{\"checkedOn\":\"" + today()
						+ "\",\"progress\":\"AT_RISK\",\"incomePerCapita\":1200000,\"note\":\"Bò ốm\"}",
				status().isCreated());
		String plan = page("/exits/plans/" + id, this.registrar);
		String checkpoints = plan.substring(plan.indexOf("id=\"checkpoints\""), plan.indexOf("</ol>"));
		assertThat(checkpoints).contains("Có nguy cơ chậm", "1.200.000", "Bò ốm").doesNotContain("AT_RISK");
		assertThat(plan).contains("12/QĐ-UBND", "Chờ kết quả rà soát", "Giống ngô", "30.000.000 đ")
			.doesNotContain(">LOAN_POOR<")
			.doesNotContain("id=\"decision-form\"");
		String panel = page("/households/" + this.f.a.household() + "/exit-plan", this.registrar);
		assertThat(panel).contains("Đã phê duyệt", "Có nguy cơ chậm", "Chờ kết quả rà soát")
			.doesNotContain("register-exit");

		// a second household registers through the page form; its year's review keeps it
		// poor
		UUID second = household("Hai", "NEAR_POOR");
		this.mvc
			.perform(post("/households/" + second + "/exit-plans").with(authentication(this.registrar))
				.with(csrf())
				.param("targetYear", String.valueOf(this.year))
				.param("ownActions", "Đi làm công nhân")
				.param("needPolicy", "", "")
				.param("needDescription", "Học nghề may", "")
				.param("needAmount", "4.000.000", "")
				.param("ownVnd", ""))
			.andExpect(status().is3xxRedirection());
		String secondId = this.jdbc.sql("select id::text from exit_plan where household_id = ?")
			.param(second)
			.query(String.class)
			.single();
		approve(secondId, this.approver, status().isOk());
		// a third has no review result for its year yet
		UUID third = household("Ba", "POOR");
		String thirdId = JsonPath.read(
				send("/api/v1/exit-registrations", this.registrar, registration(third), status().isCreated()), "$.id");
		approve(thirdId, this.approver, status().isOk());

		// the recognition of the target year links the outcomes through the pending work
		recognise(this.f.a.household(), "NEAR_POOR");
		recognise(second, "NEAR_POOR");
		this.outcomes.linkPending();
		assertThat(this.jdbc
			.sql("select outcome || ' ' || outcome_year || ' ' || outcome_class from exit_plan where id = ?::uuid")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("EXITED " + this.year + " NEAR_POOR");
		assertThat(this.jdbc.sql("select outcome from exit_plan where id = ?::uuid")
			.param(secondId)
			.query(String.class)
			.single()).isEqualTo("NOT_EXITED");
		assertThat(this.jdbc.sql("select outcome from exit_plan where id = ?::uuid")
			.param(thirdId)
			.query(String.class)
			.optional()
			.orElse(null)).isNull();
		assertThat(page("/exits/plans/" + id, this.registrar)).contains("Đã thoát (kết quả rà soát năm " + this.year)
			.contains("Hộ cận nghèo")
			.doesNotContain("EXITED");
		assertThat(page("/exits/plans/" + secondId, this.registrar)).contains("Chưa thoát");
		assertThat(page("/exits/plans/" + thirdId, this.registrar)).contains("Chờ kết quả rà soát");
		assertThat(count("select count(*) from audit_event where entity_type = 'EXIT_PLAN' and action = 'LINK_OUTCOME'"
				+ " and entity_id in (?, ?)", id, secondId))
			.isEqualTo(2);

		// a re-run changes nothing
		int versionBefore = this.jdbc.sql("select version from exit_plan where id = ?::uuid")
			.param(id)
			.query(Integer.class)
			.single();
		assertThat(this.outcomes.link(this.f.a.id())).isZero();
		assertThat(this.jdbc.sql("select version from exit_plan where id = ?::uuid")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(versionBefore);

		// the list of the commune and the year shows the three plans in words (the
		// fixture's village holds only them)
		String list = page("/exits/plans?unit=" + this.f.a.id() + "&year=" + this.year, this.registrar);
		assertThat(list).contains(this.f.a.headName(), "Hai" + this.f.tag, "Ba" + this.f.tag, "Hộ nghèo",
				"Hộ cận nghèo", "35.000.000 đ", "Đã thoát", "Chưa thoát", "Chờ kết quả rà soát");
		this.mvc
			.perform(get("/api/v1/exit-registrations").param("unit", String.valueOf(this.f.a.villageId()))
				.param("year", String.valueOf(this.year))
				.with(authentication(this.registrar)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3));
		String hub = page("/exits?unit=" + this.f.a.id() + "&year=" + this.year, this.registrar);
		assertThat(hub).contains("/exits/follow-up", "/exits/warnings", "/exits/events", "/exits/transitions",
				"/models", "Đã phê duyệt");
	}

	@Test
	void anotherCommuneSeesNothingAndARoleWithoutThePermissionIsRefused() throws Exception {
		String id = JsonPath.read(send("/api/v1/exit-registrations", this.registrar, registration(this.f.a.household()),
				status().isCreated()), "$.id");
		this.mvc.perform(get("/api/v1/exit-registrations/" + id).with(authentication(this.officerB)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/exits/plans/" + id).with(authentication(this.officerB)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/households/" + this.f.a.household() + "/exit-plan").with(authentication(this.officerB)))
			.andExpect(status().isNotFound());
		send("/api/v1/exit-registrations/" + id + "/approval", this.officerB,
				"{\"version\":0,\"decisionNo\":\"1/QĐ\",\"decidedOn\":\"" + today() + "\"}", status().isNotFound());
		send("/api/v1/exit-registrations", this.officerB, registration(this.f.a.household()), status().isNotFound());
		String list = this.mvc.perform(get("/api/v1/exit-registrations").with(authentication(this.officerB)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).doesNotContain(this.f.a.headName());
		// a leader reads but may not register nor approve
		send("/api/v1/exit-registrations", this.leader, registration(this.f.a.household()), status().isForbidden());
		send("/api/v1/exit-registrations/" + id + "/approval", this.leader,
				"{\"version\":0,\"decisionNo\":\"1/QĐ\",\"decidedOn\":\"" + today() + "\"}", status().isForbidden());
		this.mvc.perform(get("/api/v1/exit-registrations/" + id).with(authentication(this.leader)))
			.andExpect(status().isOk());
		assertThat(page("/households/" + this.f.a.household() + "/exit-plan", this.leader))
			.doesNotContain("register-exit");
		assertThat(count("select count(*) from exit_plan where household_id = ?", this.f.a.household())).isEqualTo(1);
	}

	@Test
	void badInputIsRefusedAndChangesNothing() throws Exception {
		// before anything: the household's panel offers the registration to who may,
		// and the form says the household's class and offers the policies by name
		assertThat(page("/households/" + this.f.a.household() + "/exit-plan", this.registrar))
			.contains("Hộ chưa đăng ký thoát nghèo", "register-exit");
		String newForm = page("/households/" + this.f.a.household() + "/exit-plans/new", this.registrar);
		assertThat(newForm).contains("Hộ hiện là: Hộ nghèo", ">" + this.policies.require("LOAN_POOR").name() + "<");
		this.mvc
			.perform(get("/households/" + this.f.a.household() + "/exit-plans/new").with(authentication(this.leader)))
			.andExpect(status().isForbidden());
		long audit = count("select count(*) from audit_event where entity_type = 'EXIT_PLAN'");
		// missing what the household will do: 400 naming the field
		this.mvc
			.perform(post("/api/v1/exit-registrations").with(authentication(this.registrar))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"householdId\":\"" + this.f.a.household() + "\",\"targetYear\":" + this.year + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		// a target year already past; a need with neither policy nor description: 422
		send("/api/v1/exit-registrations", this.registrar, registration(this.f.a.household()).replace(
				"\"targetYear\":" + this.year, "\"targetYear\":" + (this.year - 1)), status().isUnprocessableContent());
		send("/api/v1/exit-registrations", this.registrar,
				registration(this.f.a.household()).replace("\"policyCode\":\"LOAN_POOR\",", ""),
				status().isUnprocessableContent());
		// a household that is neither poor nor near-poor, in words
		UUID middle = household("Tb", "MIDDLE");
		String refused = send("/api/v1/exit-registrations", this.registrar, registration(middle),
				status().isUnprocessableContent());
		assertThat(refused).contains("Chỉ hộ nghèo hoặc hộ cận nghèo", "Hộ có mức sống trung bình")
			.doesNotContain("MIDDLE");
		assertThat(count("select count(*) from exit_plan where household_id in (?, ?)", this.f.a.household(), middle))
			.isZero();

		// a registered plan: a stale approval (409), a checkpoint before approval (422),
		// a
		// second live plan for the same year (409)
		String id = JsonPath.read(send("/api/v1/exit-registrations", this.registrar, registration(this.f.a.household()),
				status().isCreated()), "$.id");
		send("/api/v1/exit-registrations/" + id + "/approval", this.approver,
				"{\"version\":7,\"decisionNo\":\"1/QĐ\",\"decidedOn\":\"" + today() + "\"}", status().isConflict());
		send("/api/v1/exit-registrations/" + id + "/checkpoints", this.registrar,
				"{\"checkedOn\":\"" + today() + "\",\"progress\":\"ON_TRACK\"}", status().isUnprocessableContent());
		send("/api/v1/exit-registrations", this.registrar, registration(this.f.a.household()), status().isConflict());
		assertThat(count(
				"select count(*) from exit_plan where household_id = ? and status = 'REGISTERED'" + " and version = 0",
				this.f.a.household()))
			.isEqualTo(1);
		assertThat(count("select count(*) from exit_plan_checkpoint c join exit_plan p on p.id = c.plan_id"
				+ " where p.household_id = ?", this.f.a.household()))
			.isZero();
		assertThat(count("select count(*) from audit_event where entity_type = 'EXIT_PLAN'")).isEqualTo(audit + 1);
		// the page form re-renders what was typed with the problem next to the field
		String form = this.mvc
			.perform(post("/households/" + this.f.a.household() + "/exit-plans").with(authentication(this.registrar))
				.with(csrf())
				.header("Accept-Language", "vi")
				.param("targetYear", String.valueOf(this.year + 1))
				.param("ownActions", "")
				.param("needPolicy", "", "")
				.param("needDescription", "Giống lợn", "")
				.param("needAmount", "ba triệu", ""))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("Giống lợn", "ba triệu", "error-needs");
		// withdrawing needs a reason; with one it is withdrawn
		int version = JsonPath.read(page("/api/v1/exit-registrations/" + id, this.registrar), "$.version");
		send("/api/v1/exit-registrations/" + id + "/withdrawal", this.registrar, "{\"version\":" + version + "}",
				status().isBadRequest());
		send("/api/v1/exit-registrations/" + id + "/withdrawal", this.registrar,
				"{\"version\":" + version + ",\"reason\":\"Hộ chuyển đi nơi khác\"}", status().isOk());
		assertThat(page("/exits/plans/" + id, this.registrar)).contains("Đã rút", "Hộ chuyển đi nơi khác");
	}

	@Test
	void exitRegistrantsFundedCountsApprovedPlansFundedByTheExitSupportOrAPolicyOfTheirNeeds() throws Exception {
		Territory qn = new Territory(this.jdbc, "49").district("Huyện", "MOUNTAIN", false);
		long[] c = qn.commune("F", "Xã", false);
		UUID byExitSupport = qn.household(c, true, false, 4, 900_000, 2020, "PPPPPP");
		UUID byNeedPolicy = qn.household(c, true, false, 4, 900_000, 2020, "PPPPPP");
		UUID notFunded = qn.household(c, true, false, 4, 900_000, 2020, "PPPPPP");
		UUID withdrawn = qn.household(c, true, false, 4, 900_000, 2020, "PPPPPP");
		this.aggregates.refreshCommunes(List.of(c[0]));
		plan(byExitSupport, c, "APPROVED", null);
		plan(byNeedPolicy, c, "APPROVED", "LOAN_POOR");
		plan(notFunded, c, "APPROVED", "HOUSING_2021");
		plan(withdrawn, c, "WITHDRAWN", null);
		LedgerRows ledger = new LedgerRows(this.jdbc);
		ledger.record("EXIT_PLAN_SUPPORT", "OTHER", byExitSupport, null, "DELIVERED", "2025-05-01", "2025-05-01",
				"2025-12-31", 10_000_000L, false);
		ledger.record("LOAN_POOR", "VBSP", byNeedPolicy, null, "DELIVERED", "2025-04-01", "2025-04-01", "2028-04-01",
				30_000_000L, true);
		// not counted: a policy the plan did not name, support before the registration,
		// and the withdrawn plan's support
		ledger.record("HI_POOR", "VSS", notFunded, null, "DELIVERED", "2025-03-01", "2025-01-01", "2025-12-31",
				1_000_000L, false);
		ledger.record("EXIT_PLAN_SUPPORT", "OTHER", notFunded, null, "DELIVERED", "2025-01-10", "2025-01-10",
				"2025-12-31", 5_000_000L, false);
		ledger.record("EXIT_PLAN_SUPPORT", "OTHER", withdrawn, null, "DELIVERED", "2025-05-01", "2025-05-01",
				"2025-12-31", 10_000_000L, false);

		this.f.signIn("admin");
		this.targets.loadBundled();
		assertThat(this.plans.fundedSeries(qn.districtId, 2020, 2025)).containsExactly(java.util.Map.entry(2025, 66.7));
		long resolution = this.targets.resolutions()
			.stream()
			.filter((r) -> r.code().equals("QNA-TU-2021-2025"))
			.findFirst()
			.orElseThrow()
			.id();
		TargetProgress qn10 = this.targets.progress(resolution, qn.districtId)
			.stream()
			.filter((p) -> p.target().indicatorCode().equals("EXIT_REGISTRANTS_FUNDED"))
			.findFirst()
			.orElseThrow();
		assertThat(qn10.indicator().kind()).isEqualTo("COMPUTED");
		assertThat(qn10.evaluation().points()).extracting((p) -> p.year() + ": " + p.value())
			.containsExactly("2025: 66.7");
		SecurityContextHolder.clearContext();
		String progress = page("/targets/resolutions/" + resolution + "?unit=" + qn.districtId, this.f.auth("admin"));
		assertThat(progress).contains("2025: 66,70");
		String list = page("/exits/plans?unit=" + qn.districtId + "&year=2025&status=APPROVED", this.f.auth("admin"));
		assertThat(list.split("<td>Có</td>", -1)).hasSize(3);
	}

	/** A plan of 2025 registered on 01/02/2025, with one need naming a policy or none. */
	void plan(UUID household, long[] commune, String status, String needPolicy) {
		String path = this.jdbc.sql("select unit_path from household where id = ?")
			.param(household)
			.query(String.class)
			.single();
		UUID id = this.jdbc
			.sql("insert into exit_plan (province_code, household_id, commune_id, unit_path, from_class, registered_on,"
					+ " target_year, own_actions, budget_vnd, own_vnd, status, withdrawn_on, withdrawn_reason,"
					+ " created_by) values ('49', ?, ?, ?, 'POOR', date '2025-02-01', 2025, 'Chăn nuôi', 20000000, 0, ?,"
					+ " case when ? = 'WITHDRAWN' then date '2025-03-01' end,"
					+ " case when ? = 'WITHDRAWN' then 'Chuyển đi' end, 'test') returning id")
			.params(household, commune[0], path, status, status, status)
			.query(UUID.class)
			.single();
		this.jdbc
			.sql("insert into exit_plan_need (plan_id, province_code, seq, policy_code, description, amount_vnd)"
					+ " values (?, '49', 1, ?, ?, 20000000)")
			.params(id, needPolicy, (needPolicy == null) ? "Con giống" : null)
			.update();
	}

}
