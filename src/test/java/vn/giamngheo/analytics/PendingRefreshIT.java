package vn.giamngheo.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.analytics.domain.Group;
import vn.giamngheo.analytics.web.AnalyticsApiController;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.registry.RecognisedAssessment;
import vn.giamngheo.shared.ClockConfiguration;
import vn.giamngheo.shared.db.OneRunner;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.shared.work.PendingWork;
import vn.giamngheo.shared.work.WorkDrainer;
import vn.giamngheo.shared.work.WorkHandler;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The hand-off from a change to the aggregates is durable: the commune is marked in the
 * change's transaction (nothing in memory), a restart finds the mark and does it, a
 * failing refresh keeps it and is retried after a back-off, a rolled-back change leaves
 * none; the pages and the API say when figures are being updated.
 */
@IntegrationTest
class PendingRefreshIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OneRunner jobs;

	@Autowired
	@OwnerDatabase
	DataSource ownerDataSource;

	@Autowired
	Aggregates aggregates;

	@Autowired
	AggregatesRefresher refresher;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	PendingWork work;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MockMvc mvc;

	Fixtures f;

	Territory t;

	long[] a;

	long[] b;

	UUID inA;

	UUID inB;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create();
		this.t = new Territory(this.jdbc, "49").district("Huyện", "MOUNTAIN", false);
		this.a = this.t.commune("A", "Xã", false);
		this.b = this.t.commune("B", "Xã", false);
		this.inA = this.t.household(this.a, false, false, 2, 3_000_000, 2021, "OOOO");
		this.inB = this.t.household(this.b, false, false, 3, 3_000_000, 2021, "OOOO");
		this.aggregates.refreshCommunes(List.of(this.a[0], this.b[0]));
		this.f.signIn("admin");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aCommittedChangeIsMarkedInTheDatabaseBeforeAnyRefresh() {
		recognisePoor(this.inA);
		assertThat(marks(this.a[0])).as("marked in the change's transaction").isEqualTo(1);
		assertThat(poor2024()).as("not counted before the refresh").isZero();
		assertThat(this.refresher.pending()).contains(this.a[0]).doesNotContain(this.b[0]);
		this.refresher.refreshPending();
		assertThat(poor2024()).isEqualTo(1);
		assertThat(marks(this.a[0])).isZero();
	}

	@Test
	void aRolledBackChangeLeavesNoMark() {
		this.tx.executeWithoutResult((status) -> {
			recognisePoor(this.inA);
			assertThat(marks(this.a[0])).as("inside the transaction").isEqualTo(1);
			status.setRollbackOnly();
		});
		assertThat(marks(this.a[0])).isZero();
	}

	@Test
	void aRestartFindsTheMarkAndTheRefreshCountsTheChange() {
		recognisePoor(this.inA);
		// the process stops before any refresh: a new drainer and handler, as after a
		// start, know nothing but the database
		AggregatesRefresher afterRestart = new AggregatesRefresher(this.aggregates, this.work, null);
		WorkDrainer started = drainer(Clock.systemUTC(), afterRestart);
		assertThat(marks(this.a[0])).isEqualTo(1);
		started.resume();
		assertThat(marks(this.a[0])).isZero();
		assertThat(poor2024()).isEqualTo(1);
	}

	@Test
	void aFailingRefreshKeepsItsMarkAndIsRetriedAfterABackOffWhileOtherCommunesGoOn() throws Exception {
		// only the owner may create functions and triggers
		JdbcClient owner = JdbcClient.create(this.ownerDataSource);
		owner
			.sql("create or replace function pending_refresh_it_fail() returns trigger language plpgsql as $$"
					+ " begin if new.commune_id = " + this.a[0] + " then raise exception 'simulated failure'; end if;"
					+ " return new; end $$")
			.update();
		owner
			.sql("create trigger pending_refresh_it_fail before insert on agg_commune_year for each row"
					+ " execute function pending_refresh_it_fail()")
			.update();
		try {
			recognisePoor(this.inA);
			recognisePoor(this.inB);
			WorkDrainer.Drained drained = this.refresher.refreshPending();
			assertThat(drained.failed()).isEqualTo(1);
			// B was refreshed, A kept its mark with the failure and a time to try again
			assertThat(marks(this.b[0])).isZero();
			assertThat(poor2024()).isEqualTo(1);
			List<PendingWork.Mark> kept = this.work.marks(Aggregates.PENDING)
				.stream()
				.filter((m) -> m.subject().equals(String.valueOf(this.a[0])))
				.toList();
			assertThat(kept).hasSize(1);
			assertThat(kept.get(0).attempts()).isEqualTo(1);
			assertThat(kept.get(0).lastError()).contains("simulated failure");
			assertThat(kept.get(0).nextAttempt()).isAfter(OffsetDateTime.now());
			Freshness freshness = this.aggregates.freshness(this.t.districtId);
			assertThat(freshness.pendingCommunes()).isEqualTo(1);
			assertThat(freshness.failingCommunes()).isEqualTo(1);
			this.mvc
				.perform(get("/dashboards").param("unit", String.valueOf(this.t.districtId))
					.with(authentication(this.f.auth("admin"))))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Đang cập nhật: thay đổi ở 1 xã")))
				.andExpect(content().string(containsString("Cập nhật số liệu của 1 xã đang bị lỗi")));
			// the request ended its sign-in on this thread
			this.f.signIn("admin");
		}
		finally {
			owner.sql("drop trigger pending_refresh_it_fail on agg_commune_year").update();
			owner.sql("drop function pending_refresh_it_fail()").update();
		}
		// fixed now, but the back-off holds it back
		this.refresher.refreshPending();
		assertThat(marks(this.a[0])).isEqualTo(1);
		// an hour later it is tried again and succeeds
		WorkDrainer later = drainer(Clock.offset(Clock.systemUTC(), Duration.ofHours(1)),
				new AggregatesRefresher(this.aggregates, this.work, null));
		later.resume();
		assertThat(marks(this.a[0])).isZero();
		assertThat(poor2024()).isEqualTo(2);
		assertThat(this.aggregates.freshness(this.t.districtId).updating()).isFalse();
	}

	@Test
	void thePagesAndTheApiSayWhenFiguresAreBeingUpdated() throws Exception {
		recognisePoor(this.inA);
		String district = String.valueOf(this.t.districtId);
		OffsetDateTime refreshed = this.jdbc.sql("select max(refreshed_at) from agg_refresh where commune_id in (?, ?)")
			.params(this.a[0], this.b[0])
			.query(OffsetDateTime.class)
			.single();
		String shown = refreshed.atZoneSameInstant(ClockConfiguration.VIETNAM)
			.format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
		for (String page : List.of("/dashboards", "/dashboards/af")) {
			this.mvc.perform(get(page).param("unit", district).with(authentication(this.f.auth("admin"))))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Số liệu cập nhật lúc " + shown)))
				.andExpect(content().string(containsString("id=\"freshness-updating\"")))
				.andExpect(content().string(containsString("Đang cập nhật: thay đổi ở 1 xã")));
		}
		this.mvc
			.perform(get("/dashboards").param("unit", district)
				.param("lang", "en")
				.with(authentication(this.f.auth("admin"))))
			.andExpect(content().string(containsString("Being updated: changes in 1 commune(s)")));
		this.mvc
			.perform(get("/api/v1/analytics/series").param("unit", district).with(authentication(this.f.auth("admin"))))
			.andExpect(status().isOk())
			.andExpect(header().string(AnalyticsApiController.PENDING, "1"))
			.andExpect(header().string(AnalyticsApiController.FAILING, "0"))
			.andExpect(header().string(AnalyticsApiController.REFRESHED_AT,
					refreshed.atZoneSameInstant(ClockConfiguration.VIETNAM).toOffsetDateTime().toString()));
		this.mvc
			.perform(get("/api/v1/analytics/freshness").param("unit", district)
				.with(authentication(this.f.auth("admin"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pendingCommunes").value(1))
			.andExpect(jsonPath("$.failingCommunes").value(0))
			.andExpect(jsonPath("$.refreshedAt", containsString("+07:00")));

		this.refresher.refreshPending();
		this.mvc.perform(get("/dashboards").param("unit", district).with(authentication(this.f.auth("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"freshness-updating\""))));
		this.mvc
			.perform(get("/api/v1/analytics/series").param("unit", district).with(authentication(this.f.auth("admin"))))
			.andExpect(header().string(AnalyticsApiController.PENDING, "0"));
	}

	@Test
	void aProvinceRefreshClearsTheMarksItCovers() {
		recognisePoor(this.inA);
		assertThat(marks(this.a[0])).isEqualTo(1);
		this.aggregates.refreshProvince(this.t.provinceCode);
		assertThat(marks(this.a[0])).isZero();
		assertThat(poor2024()).isEqualTo(1);
	}

	private WorkDrainer drainer(Clock clock, WorkHandler handler) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("handler", handler);
		return new WorkDrainer(new PendingWork(this.jdbc, clock), beans.getBeanProvider(WorkHandler.class), this.tx,
				Runnable::run, clock, this.jobs, true, Duration.ofSeconds(10), Duration.ofMinutes(30));
	}

	private void recognisePoor(UUID household) {
		this.registry.recordRecognised(new RecognisedAssessment(household, 2024, "2022-2025", null, 2, 1_000_000L, null,
				null, List.of("EMP", "HIN", "WAT"), "POOR", null, "QĐ-01", null, null, null));
	}

	private long marks(long commune) {
		return this.jdbc.sql("select count(*) from pending_work where kind = ? and subject = ?")
			.params(Aggregates.PENDING, String.valueOf(commune))
			.query(Long.class)
			.single();
	}

	private long poor2024() {
		return this.aggregates.series(this.t.districtId, Group.ALL)
			.stream()
			.filter((y) -> y.year() == 2024)
			.mapToLong(Figures::poorHouseholds)
			.sum();
	}

}
