package vn.giamngheo.analytics;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.giamngheo.analytics.domain.Group;
import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.identity.SignedInUser;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Formula tests of the aggregates on a small hand-computed territory: five households of
 * one commune over four review years.
 */
@IntegrationTest
class AggregatesIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Aggregates aggregates;

	@Autowired
	UserRepository users;

	Territory t;

	long[] commune;

	@BeforeEach
	void setUp() {
		this.t = new Territory(this.jdbc, "49").district("Huyện", "MOUNTAIN", false);
		this.commune = this.t.commune("A", "Xã", false);
		// 2021 2022 2023 2024
		this.t.household(this.commune, true, false, 4, 1_000_000, 2021, "POPO"); // exit,
																					// fell
																					// back,
																					// exit
		this.t.household(this.commune, false, false, 2, 1_500_000, 2021, "PPNO"); // exit
																					// to
																					// near-poor
																					// 2023
		this.t.household(this.commune, true, false, 3, 2_000_000, 2021, "NPPP"); // near-poor
																					// ->
																					// poor
																					// 2022
		this.t.household(this.commune, false, false, 5, 5_000_000, 2021, "OOOO");
		this.t.household(this.commune, false, true, 1, 900_000, 2021, "OOOP"); // newly
																				// poor
																				// 2024
		this.aggregates.refreshCommunes(List.of(this.commune[0]));
		SignedInUser admin = this.users.findPrincipal("admin").orElseThrow();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void ratesByYearAreCountsOverHouseholds() {
		Map<Integer, Figures> byYear = this.aggregates.series(this.t.districtId, Group.ALL)
			.stream()
			.collect(Collectors.toMap(Figures::year, Function.identity()));
		assertThat(byYear.keySet()).containsExactly(2021, 2022, 2023, 2024);
		assertThat(byYear.get(2021).households()).isEqualTo(5);
		assertThat(byYear.get(2021).poorRate()).isEqualTo(40.0);
		assertThat(byYear.get(2021).nearPoorRate()).isEqualTo(20.0);
		assertThat(byYear.get(2023).nearPoorRate()).isEqualTo(20.0);
		// poor 2021: 4 members at 1,000,000 and 2 at 1,500,000 -> 7,000,000 / 6
		assertThat(byYear.get(2021).poorIncomePerHead()).isEqualTo(1_166_667L);
		assertThat(byYear.get(2021).poorMeanDeprivations()).isEqualTo(3.0);
	}

	@Test
	void groupsFilterHouseholdsAndUnits() {
		List<Figures> minority = this.aggregates.series(this.t.districtId, Group.parse("ETHNIC_MINORITY"));
		// 2021: households 1 (poor) and 3 (near-poor) -> 50% poor
		assertThat(minority.get(0).households()).isEqualTo(2);
		assertThat(minority.get(0).poorRate()).isEqualTo(50.0);
		assertThat(this.aggregates.series(this.t.districtId, Group.parse("MOUNTAIN"))).hasSize(4);
		assertThat(this.aggregates.series(this.t.districtId, Group.parse("PLAIN"))).isEmpty();
		assertThat(this.aggregates.series(this.t.districtId, Group.parse("SOCIAL_PROTECTION")).get(3).poorRate())
			.isEqualTo(100.0);
	}

	@Test
	void flowsSeparateExitsNewlyPoorAndFallingBack() {
		Map<Integer, Flow> flows = this.aggregates.flows(this.t.districtId)
			.stream()
			.collect(Collectors.toMap(Flow::year, Function.identity()));
		assertThat(flows).doesNotContainKey(2021);
		assertThat(flows.get(2022)).isEqualTo(new Flow(2022, 5, 1, 1, 0, 1, 0, 1, 0));
		assertThat(flows.get(2023)).isEqualTo(new Flow(2023, 5, 1, 0, 1, 0, 1, 1, 0));
		assertThat(flows.get(2024)).isEqualTo(new Flow(2024, 5, 1, 1, 0, 0, 0, 1, 0));
	}

	@Test
	void cohortSustainabilityCountsPoorAgainWithinYears() {
		Map<Integer, Cohort> cohorts = this.aggregates.cohorts(this.t.districtId)
			.stream()
			.collect(Collectors.toMap(Cohort::exitYear, Function.identity()));
		// household 1 left in 2022 and was poor again in 2023
		assertThat(cohorts.get(2022).exited()).isEqualTo(1);
		assertThat(cohorts.get(2022).poorAgainRate(1)).isEqualTo(100.0);
		assertThat(cohorts.get(2022).poorAgainRate(2)).isEqualTo(100.0);
		assertThat(cohorts.get(2022).poorAgainRate(3)).isNull();
		// household 2 left in 2023 and stayed out in 2024
		assertThat(cohorts.get(2023).poorAgainRate(1)).isEqualTo(0.0);
		assertThat(cohorts.get(2024).poorAgainRate(1)).isNull();
	}

	@Test
	void refreshingACommuneAgainReplacesItsRows() {
		this.t.household(this.commune, false, false, 2, 4_000_000, 2021, "OOOO");
		assertThat(this.aggregates.series(this.t.districtId, Group.ALL).get(0).households()).isEqualTo(5);
		this.aggregates.refreshCommunes(List.of(this.commune[0]));
		Figures y2021 = this.aggregates.series(this.t.districtId, Group.ALL).get(0);
		assertThat(y2021.households()).isEqualTo(6);
		assertThat(y2021.poorRate()).isEqualTo(33.33);
	}

	@Test
	void deprivationProfileCountsPoorHouseholdsPerIndicator() {
		List<Deprivation> rows = this.aggregates.deprivations(this.t.districtId, 2021);
		assertThat(rows).extracting(Deprivation::indicator).containsExactly("SAN", "TEL", "WAT");
		assertThat(rows.get(0).poorShare()).isEqualTo(100.0);
	}

	@Autowired
	vn.giamngheo.registry.HouseholdRegistry registry;

	@Autowired
	AggregatesRefresher refresher;

	@Test
	void aRecognisedYearReachesTheAggregatesWithoutAnyoneAskingForARefresh() {
		java.util.UUID household = this.t.household(this.commune, false, false, 2, 3_000_000, 2021, "OOOO");
		this.refresher.refreshPending();
		this.aggregates.refreshCommunes(List.of(this.commune[0]));
		long before = poorIn2024();
		this.registry
			.recordRecognised(new vn.giamngheo.registry.RecognisedAssessment(household, 2024, "2022-2025", null, 2,
					1_000_000L, null, null, List.of("EMP", "HIN", "WAT"), "POOR", null, "QĐ-01", null, null, null));
		// the change is committed (no test transaction); the background pass picks the
		// commune
		this.refresher.refreshPending();
		assertThat(poorIn2024()).isEqualTo(before + 1);
		assertThat(this.refresher.pending()).doesNotContain(this.commune[0]);
	}

	long poorIn2024() {
		return this.aggregates.series(this.t.districtId, Group.ALL)
			.stream()
			.filter((f) -> f.year() == 2024)
			.mapToLong(Figures::poorHouseholds)
			.sum();
	}

	@Test
	void aProvinceRefreshInParallelPartsGivesTheSameFiguresAndDropsEmptiedCommunes() {
		long[] emptied = this.t.commune("B", "Xã", false);
		this.t.household(emptied, false, false, 3, 900_000, 2021, "PPPP");
		this.aggregates.refreshCommunes(List.of(emptied[0]));
		List<Figures> before = this.aggregates.series(this.t.districtId, Group.ALL);
		assertThat(rows(emptied[0])).isPositive();
		this.jdbc.sql("update household set voided = true, void_reason = 'test' where commune_id = ?")
			.param(emptied[0])
			.update();
		RefreshReport report = this.aggregates.refreshProvince("49");
		assertThat(report.communes()).isPositive();
		assertThat(rows(emptied[0])).isZero();
		List<Figures> after = this.aggregates.series(this.t.districtId, Group.ALL);
		// the emptied commune's one poor household is gone from every year; the rest is
		// equal
		assertThat(after).hasSameSizeAs(before);
		for (int i = 0; i < after.size(); i++) {
			assertThat(after.get(i).households()).isEqualTo(before.get(i).households() - 1);
			assertThat(after.get(i).poorHouseholds()).isEqualTo(before.get(i).poorHouseholds() - 1);
			assertThat(after.get(i).nearPoorHouseholds()).isEqualTo(before.get(i).nearPoorHouseholds());
		}
	}

	long rows(long communeId) {
		return this.jdbc.sql("select count(*) from agg_commune_year where commune_id = ?")
			.param(communeId)
			.query(Long.class)
			.single();
	}

}
