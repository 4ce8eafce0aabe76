package vn.giamngheo.exits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.benefits.SupportPolicies;
import vn.giamngheo.exits.persistence.EventRepository;
import vn.giamngheo.exits.persistence.FollowUpRepository;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The follow-up after exit as a commune reads it: a household poor in 2022 and near-poor
 * in 2023 (recognised on 20/12/2023) is followed for exactly the configured window — out
 * on 19/12/2023, in on 20/12/2023 and on the window's last day, out the day after — with
 * its classes, the support delivered since the exit (not before) and its shocks (not a
 * birth, not a voided one); falling back takes it off the list onto the "đã tái nghèo"
 * one; another commune sees nothing of it.
 */
@IntegrationTest
class FollowUpIT {

	static final LocalDate E = LocalDate.of(2023, 12, 20);

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FollowUpRepository repository;

	@Autowired
	EventRepository events;

	@Autowired
	SupportPolicies policies;

	@Autowired
	Geography geography;

	@Autowired
	CurrentActor actor;

	@Autowired
	Clock clock;

	Fixtures f;

	Authentication officer;

	Authentication other;

	UUID household;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		this.officer = this.f
			.auth(this.f.user("fuofficer", Role.COMMUNE_OFFICER, List.of(this.f.a.scope()), List.of(this.f.a.scope())));
		this.other = this.f
			.auth(this.f.user("fuother", Role.COMMUNE_OFFICER, List.of(this.f.b.scope()), List.of(this.f.b.scope())));
		this.household = this.f.a.household();
		assess(2022, "POOR", "2021-12-22");
		assess(2023, "NEAR_POOR", E.toString());
		// support before the exit does not count, after it does; a voided one never
		benefit("2023-06-01", 5_000_000, false);
		benefit("2024-03-05", 30_000_000, false);
		benefit("2024-04-05", 7_000_000, true);
		event("2024-09-10", "NATURAL_DISASTER", false);
		event("2024-10-10", "BIRTH", false);
		event("2024-11-10", "JOB_LOSS", true);
		event("2023-01-10", "SERIOUS_ILLNESS", false);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	void assess(int year, String classification, String decided) {
		this.jdbc
			.sql("""
					insert into household_assessment (household_id, province_code, year, standard_key, member_count,
					  classification, recognised, decision_date) values (?, ?, ?, '2022-2025', 3, ?, true, cast(? as date))""")
			.params(this.household, this.f.a.provinceCode(), year, classification, decided)
			.update();
	}

	void benefit(String delivered, long amount, boolean voided) {
		this.jdbc.sql("""
				insert into benefit_record (province_code, household_id, commune_id, unit_path, policy_code,
				  policy_version, agency, period_from, period_to, amount_vnd, credit_vnd, status, delivered_on, voided,
				  void_reason, created_by)
				select province_code, id, commune_id, unit_path, 'LOAN_NEAR_POOR', 1, 'VBSP', cast(? as date),
				  cast(? as date) + 1000, ?, ?, 'DELIVERED', cast(? as date), ?, case when ? then 'x' end, 'test'
				from household where id = ?""")
			.params(delivered, delivered, amount, amount, delivered, voided, voided, this.household)
			.update();
	}

	void event(String day, String type, boolean voided) {
		this.jdbc.sql("""
				insert into household_event (province_code, household_id, unit_path, event_date, type, note, voided,
				  void_reason, created_by) select province_code, id, unit_path, cast(? as date), ?, 'ghi chú', ?,
				  case when ? then 'x' end, 'test' from household where id = ?""")
			.params(day, type, voided, voided, this.household)
			.update();
	}

	String api(Authentication who, String query) throws Exception {
		return this.mvc.perform(get("/api/v1/exit-follow-ups?" + query).with(authentication(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	boolean followedOn(LocalDate day) throws Exception {
		String body = api(this.officer, "unit=" + this.f.a.villageId() + "&on=" + day);
		List<String> ids = JsonPath.read(body, "$.items[*].householdId");
		return ids.contains(this.household.toString());
	}

	@Test
	void aHouseholdIsFollowedForExactlyThreeYearsFromItsExitDay() throws Exception {
		assertThat(followedOn(E.minusDays(1))).isFalse();
		assertThat(followedOn(E)).isTrue();
		assertThat(followedOn(LocalDate.of(2026, 12, 19))).isTrue();
		assertThat(followedOn(LocalDate.of(2026, 12, 20))).isFalse();

		String body = api(this.officer, "unit=" + this.f.a.villageId() + "&on=2025-01-01");
		assertThat((Integer) JsonPath.read(body, "$.total")).isEqualTo(1);
		assertThat((String) JsonPath.read(body, "$.items[0].exitFrom")).isEqualTo("POOR");
		assertThat((String) JsonPath.read(body, "$.items[0].windowEnd")).isEqualTo("2026-12-19");
		assertThat((Integer) JsonPath.read(body, "$.items[0].supportVnd")).isEqualTo(30_000_000);
		List<String> shocks = JsonPath.read(body, "$.items[0].shocks[*].type");
		assertThat(shocks).containsExactly("NATURAL_DISASTER");
		List<String> classes = JsonPath.read(body, "$.items[0].classes[*].classification");
		assertThat(classes).containsExactly("POOR", "NEAR_POOR");
		// kinds: a poor exit is not a near-poor one
		assertThat((Integer) JsonPath
			.read(api(this.officer, "unit=" + this.f.a.villageId() + "&on=2025-01-01&kind=NEAR_POOR"), "$.total"))
			.isZero();
		// another commune sees nothing of it
		assertThat((Integer) JsonPath.read(api(this.other, "on=2025-01-01"), "$.total")).isZero();
		this.mvc.perform(get("/api/v1/exit-follow-ups?unit=" + this.f.a.id()).with(authentication(this.other)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/exit-follow-ups?kind=SOMETHING").with(authentication(this.officer)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void withTwoYearsConfiguredTheWindowIsTwoYears() {
		FollowUps two = new FollowUps(this.repository, this.events, this.policies, this.geography, this.actor,
				this.clock, 2);
		SecurityContextHolder.getContext().setAuthentication(this.officer);
		assertThat(two.list(this.f.a.villageId(), null, E.minusDays(1), 0, 50).total()).isZero();
		assertThat(two.list(this.f.a.villageId(), null, E, 0, 50).total()).isEqualTo(1);
		assertThat(two.list(this.f.a.villageId(), null, LocalDate.of(2025, 12, 19), 0, 50).items().get(0).windowEnd())
			.isEqualTo(LocalDate.of(2025, 12, 19));
		assertThat(two.list(this.f.a.villageId(), null, LocalDate.of(2025, 12, 20), 0, 50).total()).isZero();
	}

	@Test
	void aHouseholdThatFallsBackLeavesTheListForTheFellBackOne() throws Exception {
		assess(2024, "POOR", "2024-12-18");
		assertThat(followedOn(LocalDate.of(2024, 12, 17))).isTrue();
		assertThat(followedOn(LocalDate.of(2024, 12, 18))).isFalse();
		String fell = api(this.officer, "unit=" + this.f.a.villageId() + "&on=2025-01-01&kind=FELL_BACK");
		assertThat((Integer) JsonPath.read(fell, "$.total")).isEqualTo(1);
		assertThat((String) JsonPath.read(fell, "$.items[0].fellBackOn")).isEqualTo("2024-12-18");
		// the page, in Vietnamese, with the detail
		String page = this.mvc
			.perform(get("/exits/follow-up?kind=FELL_BACK&on=01/01/2025&unit=" + this.f.a.villageId())
				.with(authentication(this.officer))
				.header("Accept-Language", "vi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(this.f.a.householdCode())
			.contains("Thoát nghèo năm 2023")
			.contains("18/12/2024")
			.contains("Thiên tai")
			.contains("30.000.000 đ")
			.doesNotContain("NATURAL_DISASTER");
	}

}
