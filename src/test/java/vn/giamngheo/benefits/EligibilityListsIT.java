package vn.giamngheo.benefits;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.analytics.Territory;
import vn.giamngheo.benefits.EligibilityLists.RunSummary;
import vn.giamngheo.benefits.persistence.EligibilityRepository;
import vn.giamngheo.benefits.persistence.EligibilityRepository.Close;
import vn.giamngheo.benefits.persistence.EligibilityRepository.OpenSpell;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.registry.RecognisedAssessment;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The eligibility lists on a real database with the real policy rules: the newly-exited
 * loan's three-year window to the day, regeneration after a recognition through the
 * pending work queue (new and ended entries, with the reason), an idempotent rerun, and
 * the scope of the lists.
 */
@IntegrationTest
class EligibilityListsIT {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EligibilityLists lists;

	@Autowired
	EligibilityRefresher refresher;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	EligibilityRepository repository;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MockMvc mvc;

	Territory t;

	long commune;

	UUID household;

	UUID head;

	UUID child;

	@BeforeEach
	void household() {
		this.t = new Territory(this.jdbc, "49").district("Huyện", null, false);
		long[] c = this.t.commune("E", "Xã", false);
		this.commune = c[0];
		this.household = this.t.household(c, false, false, 2, 0, 2021, "");
		this.head = member("HEAD", LocalDate.of(1980, 3, 4), "Nguyễn Văn Chủ");
		this.child = member("CHILD", LocalDate.of(2015, 9, 1), "Nguyễn Thị Con");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	UUID member(String relation, LocalDate born, String name) {
		return this.jdbc
			.sql("insert into member (household_id, province_code, full_name, full_name_norm, sex, date_of_birth,"
					+ " ethnicity_code, relation, in_school) values (?, '49', ?, ?, 'M', ?, '01', ?, ?) returning id")
			.params(this.household, name, name.toLowerCase(), born, relation, "CHILD".equals(relation))
			.query(UUID.class)
			.single();
	}

	void assess(int year, String classification, String decisionNo, LocalDate decided) {
		this.jdbc
			.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
					+ " income_per_capita, classification, recognised, decision_no, decision_date, source)"
					+ " values (?, '49', ?, '2022-2025', 2, 900000, ?, true, ?, ?, 'MANUAL')")
			.params(this.household, year, classification, decisionNo, decided)
			.update();
	}

	/** The household's spell of a policy that covers a day (the contract's SQL). */
	boolean eligibleOn(String policy, LocalDate day) {
		return this.jdbc
			.sql("select count(*) from eligibility_spell where household_id = ? and policy_code = ?"
					+ " and eligible_from <= ? and coalesce(least(eligible_to, window_end), 'infinity') >= ?")
			.params(this.household, policy, day, day)
			.query(Long.class)
			.single() > 0;
	}

	record Spell(UUID id, LocalDate from, LocalDate to, LocalDate windowEnd, String endReason, UUID member,
			String reasons) {
	}

	List<Spell> spells(String policy) {
		return this.jdbc
			.sql("select id, eligible_from, eligible_to, window_end, end_reason::text, member_id, reasons::text"
					+ " from eligibility_spell"
					+ " where household_id = ? and policy_code = ? order by eligible_from, member_id")
			.params(this.household, policy)
			.query((rs, n) -> new Spell(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5),
					rs.getObject(6, UUID.class), rs.getString(7)))
			.list();
	}

	String allSpells() {
		return spellRows("reasons::text");
	}

	/** The household's spells: which entries, since and until when (not why). */
	String entries() {
		return spellRows("'-'");
	}

	String spellRows(String reasons) {
		return String.join("\n",
				this.jdbc
					.sql("select concat_ws('|', id, policy_code, policy_version, member_id, eligible_from, eligible_to,"
							+ " window_end, " + reasons + ", started_by, ended_by, end_reason::text, commune_id)"
							+ " from eligibility_spell where household_id = ? order by id")
					.param(this.household)
					.query(String.class)
					.list());
	}

	@Test
	void aHouseholdThatLeavesThePoorListStaysEligibleForTheNewlyExitedLoanForExactlyTheWindow() throws Exception {
		assess(2021, "POOR", "15/QĐ-UBND", LocalDate.of(2021, 12, 20));
		RunSummary poor = this.lists.generate(this.commune, LocalDate.of(2022, 1, 10), "ON_DEMAND");
		assertThat(poor.started()).isPositive();
		assertThat(eligibleOn("LOAN_POOR", LocalDate.of(2022, 1, 10))).isTrue();
		assertThat(spells("HI_POOR")).extracting(Spell::member).containsExactlyInAnyOrder(this.head, this.child);
		assertThat(spells("LOAN_EXITED")).isEmpty();

		LocalDate d = LocalDate.of(2022, 12, 15);
		assess(2022, "MIDDLE", "88/QĐ-UBND", d);
		RunSummary exit = this.lists.generate(this.commune, d, "RECOGNITION");
		assertThat(exit.started()).isPositive();
		assertThat(exit.ended()).isPositive();
		// the poor household's loan ended the day before, with the decision that took it
		// off the list
		Spell loanPoor = spells("LOAN_POOR").get(0);
		assertThat(loanPoor.to()).isEqualTo(d.minusDays(1));
		assertThat(text(loanPoor.endReason())).contains("88/QĐ-UBND").contains("15/12/2022");
		Spell exited = spells("LOAN_EXITED").get(0);
		LocalDate lastDay = d.plusYears(3).minusDays(1);
		assertThat(exited.from()).isEqualTo(d);
		assertThat(exited.to()).isNull();
		assertThat(exited.windowEnd()).isEqualTo(lastDay);

		// on the last day of the window: still on the list, the same entry
		RunSummary last = this.lists.generate(this.commune, lastDay, "ON_DEMAND");
		assertThat(spells("LOAN_EXITED")).singleElement().satisfies((s) -> {
			assertThat(s.id()).isEqualTo(exited.id());
			assertThat(s.to()).isNull();
		});
		assertThat(eligibleOn("LOAN_EXITED", lastDay)).isTrue();
		assertThat(last.entries()).isPositive();

		// the day after: ended on the window's last day, with the reason in words
		RunSummary after = this.lists.generate(this.commune, lastDay.plusDays(1), "ON_DEMAND");
		assertThat(after.ended()).isGreaterThanOrEqualTo(1);
		Spell ended = spells("LOAN_EXITED").get(0);
		assertThat(ended.to()).isEqualTo(lastDay);
		assertThat(text(ended.endReason())).contains(DAY.format(lastDay));
		assertThat(eligibleOn("LOAN_EXITED", lastDay)).isTrue();
		assertThat(eligibleOn("LOAN_EXITED", lastDay.plusDays(1))).isFalse();
		assertThat(spells("LOAN_EXITED")).hasSize(1);
	}

	@Test
	void aSecondRunOnTheSameDayChangesNothing() {
		assess(2021, "POOR", "15/QĐ-UBND", LocalDate.of(2021, 12, 20));
		LocalDate day = LocalDate.of(2022, 3, 1);
		RunSummary first = this.lists.generate(this.commune, day, "ON_DEMAND");
		String before = allSpells();
		RunSummary second = this.lists.generate(this.commune, day, "ON_DEMAND");
		assertThat(second.started()).isZero();
		assertThat(second.ended()).isZero();
		assertThat(second.entries()).isEqualTo(first.entries()).isPositive();
		assertThat(allSpells()).isEqualTo(before);
		// a year later, with the same facts and both members a year older, every entry
		// is kept as it was, reasons included: they state the rule's age bounds, not the
		// child's age, so a birthday rewrites nothing
		RunSummary later = this.lists.generate(this.commune, day.plusYears(1), "ON_DEMAND");
		assertThat(later.started()).isZero();
		assertThat(later.ended()).isZero();
		assertThat(allSpells()).isEqualTo(before);
		assertThat(text(spells("TUITION_EXEMPTION").get(0).reasons())).contains("Từ 3 đến dưới 18 tuổi")
			.doesNotContain("6 tuổi");
	}

	@Test
	void aSpellWrittenBeforeItsReasonsWereHashedGetsTodaysReasonsOnceThenStays() {
		assess(2021, "POOR", "15/QĐ-UBND", LocalDate.of(2021, 12, 20));
		LocalDate day = LocalDate.of(2022, 3, 1);
		this.lists.generate(this.commune, day, "ON_DEMAND");
		String current = allSpells();
		// as a spell of an earlier version left it: the child's age in its reasons, no
		// hash
		this.jdbc.sql(
				"update eligibility_spell set reasons_hash = null, reasons = '[{\"key\": \"support.reason.member.age\","
						+ " \"args\": [\"6\"]}]'::jsonb where household_id = ? and policy_code = 'TUITION_EXEMPTION'")
			.param(this.household)
			.update();
		assertThat(allSpells()).isNotEqualTo(current);
		RunSummary upgrade = this.lists.generate(this.commune, day, "ON_DEMAND");
		assertThat(upgrade.started()).isZero();
		assertThat(upgrade.ended()).isZero();
		assertThat(allSpells()).isEqualTo(current);
		assertThat(
				this.jdbc.sql("select count(*) from eligibility_spell where household_id = ? and reasons_hash is null")
					.param(this.household)
					.query(Long.class)
					.single())
			.isZero();
		this.lists.generate(this.commune, day, "ON_DEMAND");
		assertThat(allSpells()).isEqualTo(current);
	}

	@Test
	void aSpellChangedSinceTheRunReadItIsStillEndedByItsId() {
		assess(2021, "POOR", "15/QĐ-UBND", LocalDate.of(2021, 12, 20));
		LocalDate day = LocalDate.of(2022, 3, 1);
		this.lists.generate(this.commune, day, "ON_DEMAND");
		this.tx.executeWithoutResult((s) -> {
			OpenSpell read = this.repository.openSpells(this.commune)
				.stream()
				.filter((o) -> "LOAN_POOR".equals(o.policyCode()))
				.findFirst()
				.orElseThrow();
			// another version of the row since the read: the row the run knows is gone
			this.jdbc.sql("update eligibility_spell set reasons = reasons where id = ?").param(read.id()).update();
			UUID run = this.repository.startRun("49", this.commune, day, "ON_DEMAND", null, java.time.Instant.now());
			this.repository.close(run, List.of(new Close(read.id(), read.row(), day, "[]")));
		});
		assertThat(spells("LOAN_POOR")).singleElement().satisfies((sp) -> assertThat(sp.to()).isEqualTo(day));
	}

	@Test
	void aRecognitionRegeneratesTheListsThroughThePendingWorkAndMarksNewAndEndedEntries() throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		assess(2024, "POOR", "15/QĐ-UBND", LocalDate.of(2024, 12, 20));
		this.lists.generate(this.commune, today.minusDays(30), "ON_DEMAND");
		assertThat(spells("HI_POOR")).hasSize(2);

		Fixtures f = this.fixtures.create();
		f.signIn("admin");
		this.registry.recordRecognised(new RecognisedAssessment(this.household, 2025, "2022-2025", null, 2, 1_500_000L,
				null, null, List.of(), "NEAR_POOR", null, "99/QĐ-UBND", today.minusDays(2), null, null,
				RecognisedAssessment.REVIEWED));
		SecurityContextHolder.clearContext();
		// nothing changes until the pending work runs: the mark is durable
		assertThat(spells("HI_POOR")).allSatisfy((s) -> assertThat(s.to()).isNull());
		assertThat(this.jdbc.sql("select count(*) from pending_work where kind = 'ELIGIBILITY' and subject = ?")
			.param(String.valueOf(this.commune))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.refresher.regeneratePending().done()).isPositive();
		assertThat(this.jdbc.sql("select count(*) from pending_work where kind = 'ELIGIBILITY' and subject = ?")
			.param(String.valueOf(this.commune))
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc
			.sql("select trigger from eligibility_run where commune_id = ? order by started_at desc" + " limit 1")
			.param(this.commune)
			.query(String.class)
			.single()).isEqualTo("RECOGNITION");

		Authentication admin = f.auth("admin");
		this.mvc
			.perform(get("/api/v1/eligibility").param("unitId", String.valueOf(this.commune))
				.param("policy", "HI_POOR")
				.param("change", "ENDED")
				.with(authentication(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[0].change").value("ENDED"))
			.andExpect(jsonPath("$.items[0].eligibleTo").value(today.minusDays(1).toString()))
			.andExpect(jsonPath("$.items[0].endReason").value(org.hamcrest.Matchers.containsString("cận nghèo")))
			.andExpect(jsonPath("$.items[0].endReason").value(org.hamcrest.Matchers.containsString("99/QĐ-UBND")));
		this.mvc
			.perform(get("/api/v1/eligibility").param("unitId", String.valueOf(this.commune))
				.param("policy", "HI_NEAR_POOR")
				.with(authentication(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[0].change").value("NEW"))
			.andExpect(jsonPath("$.items[0].reasons[0]").isNotEmpty())
			.andExpect(jsonPath("$.items[0].age").isNumber());
		// in English, the same entries say why in English
		this.mvc
			.perform(get("/api/v1/eligibility").param("unitId", String.valueOf(this.commune))
				.param("policy", "HI_POOR")
				.param("change", "ENDED")
				.header("Accept-Language", "en")
				.with(authentication(admin)))
			.andExpect(jsonPath("$.items[0].endReason").value(org.hamcrest.Matchers.containsString("near-poor")));
		// the page: the ended entries marked Hết with why, the summary with each policy's
		// count
		this.mvc
			.perform(get("/support/lists").param("unitId", String.valueOf(this.commune))
				.param("policy", "HI_POOR")
				.with(authentication(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Nguyễn Thị Con")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Hết vì: được công nhận là hộ cận nghèo")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Sau quyết định công nhận")));
		this.mvc
			.perform(get("/support/lists").param("unitId", String.valueOf(this.commune)).with(authentication(admin)))
			.andExpect(status().isOk())
			.andExpect(
					content().string(org.hamcrest.Matchers.containsString("Bảo hiểm y tế cho người thuộc hộ nghèo")));
		// the household page's face: what the household is eligible for today
		f.signIn("admin");
		assertThat(this.lists.ofHousehold(this.household)).extracting((e) -> e.policy().code())
			.contains("HI_NEAR_POOR")
			.doesNotContain("HI_POOR", "LOAN_POOR");
		SecurityContextHolder.clearContext();
		// and nobody outside the scope reads it
		assertThatThrownBy(() -> this.lists.ofHousehold(this.household))
			.isInstanceOf(vn.giamngheo.shared.error.DomainException.class);
	}

	@Test
	void anotherCommunesOfficerNeitherReadsNorRegeneratesTheLists() throws Exception {
		Fixtures f = this.fixtures.create().communes();
		String a = f.a.code() + "@2024";
		Authentication officerA = f.auth(f.user("officer", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
		f.signIn("admin");
		this.lists.generate(f.b.id(), LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")), "ON_DEMAND");
		SecurityContextHolder.clearContext();
		long runsOfB = runs(f.b.id());
		this.mvc
			.perform(get("/api/v1/eligibility").param("unit", f.b.code() + "@2024")
				.param("policy", "HI_POOR")
				.with(authentication(officerA)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/eligibility-runs").param("unitId", String.valueOf(f.b.id()))
				.with(authentication(officerA)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/eligibility-runs").contentType(MediaType.APPLICATION_JSON)
				.content("{\"unit\": \"" + f.b.code() + "@2024\"}")
				.with(authentication(officerA))
				.with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(runs(f.b.id())).isEqualTo(runsOfB);
		// its own commune: read and regenerate
		this.mvc
			.perform(post("/api/v1/eligibility-runs").contentType(MediaType.APPLICATION_JSON)
				.content("{\"unit\": \"" + a + "\"}")
				.with(authentication(officerA))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].communeId").value(f.a.id()));
		this.mvc.perform(get("/api/v1/eligibility-runs").param("unit", a).with(authentication(officerA)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].trigger").value("ON_DEMAND"))
			.andExpect(jsonPath("$[0].requestedBy").value(org.hamcrest.Matchers.startsWith("officer.")));
		// a leader reads but may not regenerate
		Authentication leader = f.auth(f.user("leader", Role.LEADER, List.of(a), List.of()));
		this.mvc
			.perform(post("/api/v1/eligibility-runs").contentType(MediaType.APPLICATION_JSON)
				.content("{\"unit\": \"" + a + "\"}")
				.with(authentication(leader))
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

	long runs(long commune) {
		return this.jdbc.sql("select count(*) from eligibility_run where commune_id = ?")
			.param(commune)
			.query(Long.class)
			.single();
	}

	/** A stored end reason in Vietnamese. */
	String text(String stored) {
		return String.join("; ",
				this.lists.describe(this.lists.reasons(stored), java.util.Locale.forLanguageTag("vi")));
	}

}
