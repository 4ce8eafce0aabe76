package vn.giamngheo.targets;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.StoredFigures;
import vn.giamngheo.analytics.StoredFigures.Stored;
import vn.giamngheo.analytics.Territory;
import vn.giamngheo.analytics.domain.Group;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.shared.work.WorkDrainer;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The figures read from storage (ADR 0056) are the figures computed as before, field by
 * field as the page and the API write them: the dashboard of a province, a district, a
 * commune and a unit of the 2025 list, for the last final year and a provisional one; the
 * progress of the Lai Châu resolution for the province and the district. A recognition
 * and an approved indicator value make the stored figures follow; a reader whose scope
 * does not cover a whole unit never sees the stored whole.
 */
@IntegrationTest
class StoredFiguresIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Aggregates aggregates;

	@Autowired
	Dashboards dashboards;

	@Autowired
	Targets targets;

	@Autowired
	TargetFigures figures;

	@Autowired
	WorkDrainer drainer;

	@Autowired
	StoredFigures stored;

	@Autowired
	vn.giamngheo.identity.CurrentActor actor;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Autowired
	vn.giamngheo.shared.web.Bulkheads bulkheads;

	@Autowired
	vn.giamngheo.geography.Geography geography;

	@Autowired
	ObjectMapper json;

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	AlkireFosterDashboard alkireFoster;

	@Autowired
	TransactionTemplate tx;

	Fixtures f;

	String officer;

	Territory t;

	long[] a;

	long[] b;

	long[] c;

	UUID review;

	long province2025;

	long resolution;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create();
		this.officer = this.f.nationUser("tinh", Role.PROVINCE_OFFICER);
		this.t = new Territory(this.jdbc, "12").district("Huyện", "MOUNTAIN", false);
		this.a = this.t.commune("A", "Xã", false);
		this.b = this.t.commune("B", "Xã", false);
		this.c = this.t.commune("C", "Xã", false);
		for (long[] commune : List.of(this.a, this.b, this.c)) {
			boolean reviewed = commune != this.c;
			this.t.household(commune, true, false, 4, 900_000, 2024, reviewed ? "PPP" : "PP");
			this.t.household(commune, true, false, 4, 1_500_000, 2024, reviewed ? "NNO" : "NN");
			for (int k = 0; k < 6; k++) {
				this.t.household(commune, true, false, 4, 5_000_000, 2024, "OO");
			}
		}
		this.review = this.jdbc
			.sql("insert into review (province_code, province_id, province_path, year, standard_key, window_from,"
					+ " window_to, created_by) select '12', id, path, 2026, '2022-2025', date '2026-09-01',"
					+ " date '2026-12-14', 'test' from admin_unit where code = '12' and edition = '2024'"
					+ " on conflict (province_code, year) do update set created_by = 'test' returning id")
			.query(UUID.class)
			.single();
		for (long[] commune : List.of(this.a, this.b, this.c)) {
			this.jdbc
				.sql("insert into review_unit (review_id, commune_id, province_code, unit_path)"
						+ " select ?, id, '12', path from admin_unit where id = ?")
				.params(this.review, commune[0])
				.update();
		}
		recognise(this.a);
		this.aggregates.refreshCommunes(List.of(this.a[0], this.b[0], this.c[0]));
		this.province2025 = this.jdbc
			.sql("select id from admin_unit where level = 'province' and edition = '2025' and code in ('12', '48')"
					+ " order by code limit 1")
			.query(Long.class)
			.single();
		this.f.signIn(this.officer);
		this.targets.loadBundled();
		this.resolution = this.jdbc.sql("select id from resolution where code = 'LCU-TU-2016-2020'")
			.query(Long.class)
			.single();
		// the marks of this set-up (and of earlier tests) counted
		this.drainer.drainNow(StoredFigures.PENDING);
	}

	@AfterEach
	void tearDown() {
		SecurityContextHolder.clearContext();
		this.jdbc.sql("delete from review_unit where review_id = ?").param(this.review).update();
		this.drainer.drainNow(StoredFigures.PENDING);
	}

	void recognise(long[] commune) {
		this.jdbc
			.sql("update review_unit set decision_no = '12/QĐ-UBND', decision_date = date '2026-12-01',"
					+ " decision_signer = 'Chủ tịch' where review_id = ? and commune_id = ?")
			.params(this.review, commune[0])
			.update();
	}

	String write(Object value) {
		return this.json.writeValueAsString(value);
	}

	/**
	 * Reads a dashboard twice (computed and stored, then from storage) and compares both
	 * with the one computed now.
	 */
	Dashboards.Dashboard dashboardEqual(long unit, Integer year) {
		Stored<Dashboards.Dashboard> first = this.figures.dashboard(unit, year, Locale.forLanguageTag("vi"));
		Stored<Dashboards.Dashboard> second = this.figures.dashboard(unit, year, Locale.forLanguageTag("vi"));
		assertThat(second.stored()).as("unit %d year %s read from storage", unit, year).isTrue();
		String computed = write(this.dashboards.dashboard(unit, year));
		assertThat(write(first.value())).as("unit %d year %s as computed", unit, year).isEqualTo(computed);
		assertThat(write(second.value())).as("unit %d year %s stored", unit, year).isEqualTo(computed);
		return second.value();
	}

	TargetFigures.Progress progressEqual(Long unit) {
		this.figures.progress(this.resolution, unit);
		Stored<TargetFigures.Progress> stored = this.figures.progress(this.resolution, unit);
		assertThat(stored.stored()).isTrue();
		var r = this.targets.resolution(this.resolution);
		var shown = this.targets.progressUnit(r, unit);
		List<TargetProgress> computed = this.targets.progress(this.resolution, shown.id());
		assertThat(write(stored.value().progress())).isEqualTo(write(computed));
		assertThat(write(stored.value().statuses()))
			.isEqualTo(write(this.aggregates.statuses(shown.id(), Aggregates.Span.CONTINUED)));
		assertThat(write(stored.value().completeness()))
			.isEqualTo(write(this.targets.completeness(computed, shown.id())));
		// every sentence is worded from the same arguments (a phrase stays a phrase)
		assertThat(stored.value().progress()).extracting((p) -> Arrays.toString(p.sentence().getArguments()))
			.containsExactlyElementsOf(
					computed.stream().map((p) -> Arrays.toString(p.sentence().getArguments())).toList());
		return stored.value();
	}

	@Test
	void storedDashboardsEqualTheComputedOnesForEveryLevelFinalAndProvisional() {
		for (long unit : List.of(this.t.provinceId, this.t.districtId, this.a[0], this.province2025)) {
			for (Integer year : Arrays.asList(null, 2026)) {
				dashboardEqual(unit, year);
			}
		}
		Dashboards.Dashboard d = dashboardEqual(this.t.districtId, 2026);
		assertThat(d.provisional()).isTrue();
		assertThat(d.status().communesDone()).isEqualTo(1);
		assertThat(dashboardEqual(this.t.districtId, null).year()).isEqualTo(2025);
	}

	@Test
	void aRecognitionMakesTheStoredDashboardFollow() {
		assertThat(dashboardEqual(this.t.districtId, 2026).status().communesDone()).isEqualTo(1);
		recognise(this.b);
		// marked, not counted yet: computed as before, never served stale
		Stored<Dashboards.Dashboard> marked = this.figures.dashboard(this.t.districtId, 2026, Locale.ROOT);
		assertThat(marked.stored()).isFalse();
		assertThat(marked.value().status().communesDone()).isEqualTo(2);
		this.drainer.drainNow(StoredFigures.PENDING);
		assertThat(dashboardEqual(this.t.districtId, 2026).status().communesDone()).isEqualTo(2);

		// a re-assessment reaches the aggregates, whose refresh makes the stored stale at
		// once
		Map<String, Object> before = row(dashboardEqual(this.t.districtId, 2026), this.c[0]);
		this.t.household(this.c, true, false, 4, 900_000, 2024, "PPP");
		this.aggregates.refreshCommunes(List.of(this.c[0]));
		Map<String, Object> after = row(dashboardEqual(this.t.districtId, 2026), this.c[0]);
		assertThat(after).isNotEqualTo(before);
	}

	/** A commune's row in the comparison chart. */
	static Map<String, Object> row(Dashboards.Dashboard d, long commune) {
		for (List<Object> r : d.comparison().rows()) {
			if (((Number) r.get(0)).longValue() == commune) {
				return Map.of("households", r.get(2), "poor", r.get(3));
			}
		}
		return Map.of();
	}

	@Test
	void storedProgressEqualsTheComputedOneAndFollowsAnApprovedValue() {
		progressEqual(null);
		progressEqual(this.t.districtId);
		String clerk = this.f.nationUser("nhap", Role.PROVINCE_OFFICER);
		this.f.signIn(clerk);
		this.targets.enter(this.t.districtId, 2020, Map.of("JOBS_CREATED", "7321"), "test");
		long valueId = this.jdbc
			.sql("select id from indicator_value where unit_id = ? and indicator_code = 'JOBS_CREATED' and year = 2020")
			.param(this.t.districtId)
			.query(Long.class)
			.single();
		this.f.signIn(this.officer);
		this.targets.decide(valueId, true, 0);
		Stored<TargetFigures.Progress> marked = this.figures.progress(this.resolution, this.t.districtId);
		assertThat(marked.stored()).isFalse();
		this.drainer.drainNow(StoredFigures.PENDING);
		TargetFigures.Progress p = progressEqual(this.t.districtId);
		assertThat(p.progress()).filteredOn((x) -> "LC-13".equals(x.target().code()))
			.singleElement()
			.satisfies((x) -> assertThat(x.evaluation().points()).anySatisfy((pt) -> {
				assertThat(pt.year()).isEqualTo(2020);
				assertThat(pt.value()).isEqualTo(7321.0);
			}));
	}

	@Test
	void aReaderWhoseScopeDoesNotCoverTheWholeUnitNeverGetsTheStoredWhole() throws Exception {
		dashboardEqual(this.province2025, null);
		String code = this.jdbc.sql("select code from admin_unit where id = ?")
			.param(this.province2025)
			.query(String.class)
			.single() + "@2025";
		String reader = this.f.user("tinh2025", Role.PROVINCE_OFFICER, List.of(code), List.of(code));
		this.f.signIn(reader);
		// a unit of the 2025 list summed over the old communes this reader may see:
		// computed for them, never the stored whole
		Stored<Dashboards.Dashboard> own = this.figures.dashboard(this.province2025, null, Locale.ROOT);
		assertThat(own.stored()).isFalse();
		assertThat(write(own.value())).isEqualTo(write(this.dashboards.dashboard(this.province2025, null)));
		// then stored for this scope: read back, still this reader's own view
		Stored<Dashboards.Dashboard> again = this.figures.dashboard(this.province2025, null, Locale.ROOT);
		assertThat(again.stored()).isTrue();
		assertThat(write(again.value())).isEqualTo(write(own.value()));
		// shared by a reader with the same scope
		this.f.signIn(this.f.user("tinh2025b", Role.PROVINCE_OFFICER, List.of(code), List.of(code)));
		Stored<Dashboards.Dashboard> colleague = this.figures.dashboard(this.province2025, null, Locale.ROOT);
		assertThat(colleague.stored()).isTrue();
		assertThat(write(colleague.value())).isEqualTo(write(own.value()));
		// a view computed for one scope is never served to another
		vn.giamngheo.geography.Unit unit2025 = this.geography.unit(this.province2025);
		String variant = "scope:" + UUID.randomUUID();
		java.util.function.Supplier<String> scopeOfReader = () -> String.join(",",
				this.actor.get().scope().viewPaths());
		String mine = this.stored.get("test", unit2025, variant, String.class, scopeOfReader).value();
		assertThat(this.stored.get("test", unit2025, variant, String.class, scopeOfReader).stored()).isTrue();
		String district = this.jdbc.sql("select code from admin_unit where id = ?")
			.param(this.t.districtId)
			.query(String.class)
			.single();
		this.f.signIn(this.f.user("tinh2025c", Role.PROVINCE_OFFICER, List.of(code, district), List.of(code)));
		assertThat(this.stored.get("test", unit2025, variant, String.class, scopeOfReader).value()).isNotEqualTo(mine);
		this.f.signIn(this.officer);
		assertThat(this.stored.get("test", unit2025, variant, String.class, scopeOfReader).value()).isNotEqualTo(mine)
			.isEqualTo("/");
		this.jdbc.sql("delete from figure_snapshot where kind = 'test'").update();
		this.f.signIn(reader);
		// outside the scope: not found, stored or not
		this.mvc
			.perform(get("/dashboards").param("unit", String.valueOf(this.t.districtId))
				.with(authentication(this.f.auth(reader))))
			.andExpect(status().isNotFound());
	}

	@Test
	void thePageAndTheApiSayWhenTheFiguresWereComputed() throws Exception {
		var auth = authentication(this.f.auth(this.officer));
		for (int i = 0; i < 2; i++) {
			this.mvc.perform(get("/dashboards").param("unit", String.valueOf(this.t.districtId)).with(auth))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Số liệu trên trang này được tính lúc")))
				.andExpect(content().string(containsString("Số liệu chính thức năm 2025.")));
			this.mvc
				.perform(get("/targets/resolutions/" + this.resolution).param("unit", String.valueOf(this.t.districtId))
					.with(auth))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Số liệu trên trang này được tính lúc")));
			this.mvc
				.perform(get("/api/v1/resolutions/" + this.resolution + "/progress")
					.param("unit", String.valueOf(this.t.districtId))
					.with(auth))
				.andExpect(status().isOk())
				.andExpect(header().exists("Figures-Computed-At"));
		}
	}

	@Test
	void thePagesRenderTheirStoredFiguresOncePerViewAndLanguageAndFollowAChange() throws Exception {
		var auth = authentication(this.f.auth(this.officer));
		String district = String.valueOf(this.t.districtId);
		String first = table(
				this.mvc.perform(get("/dashboards").param("unit", district).param("year", "2026").with(auth))
					.andExpect(status().isOk())
					.andReturn());
		// the stored view keeps what its page rendered (the figures' cards, the charts'
		// data), in the reader's language
		this.f.signIn(this.officer);
		Stored<Dashboards.Dashboard> stored = this.figures.dashboard(this.t.districtId, 2026,
				Locale.forLanguageTag("vi"));
		assertThat(stored.stored()).isTrue();
		assertThat(stored.memo()).containsKeys("html:figures:vi", "html:chartData:vi");
		assertThat(table(this.mvc.perform(get("/dashboards").param("unit", district).param("year", "2026").with(auth))
			.andReturn())).isEqualTo(first);
		// another language is rendered for itself, not served the Vietnamese copy
		this.mvc
			.perform(get("/dashboards").param("unit", district)
				.param("year", "2026")
				.cookie(new jakarta.servlet.http.Cookie("giamngheo-lang", "en"))
				.with(auth))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Flows: exits, newly poor, poor again")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Biến động hộ nghèo"))));
		this.mvc.perform(get("/dashboards").param("unit", district).param("year", "2026").with(auth))
			.andExpect(content().string(containsString("Biến động hộ nghèo")));
		// a change makes the page render the new figures, not the copy kept
		this.t.household(this.c, true, false, 4, 900_000, 2024, "PPP");
		this.aggregates.refreshCommunes(List.of(this.c[0]));
		String after = table(
				this.mvc.perform(get("/dashboards").param("unit", district).param("year", "2026").with(auth))
					.andReturn());
		assertThat(after).isNotEqualTo(first);
		assertThat(table(this.mvc.perform(get("/dashboards").param("unit", district).param("year", "2026").with(auth))
			.andReturn())).isEqualTo(after);
		// the progress page keeps its table the same way
		String progress = "/targets/resolutions/" + this.resolution;
		String page = this.mvc.perform(get(progress).param("unit", district).with(auth))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"progress\"", "id=\"target-LC-01\"");
		this.f.signIn(this.officer);
		assertThat(this.figures.progress(this.resolution, this.t.districtId).memo()).containsKey("html:figures:vi");
		assertThat(this.mvc.perform(get(progress).param("unit", district).with(auth))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("id=\"target-LC-01\"");
	}

	@Test
	void whileOneReaderComputesAStaleViewTheOthersGetTheLastOneInsteadOfComputingItToo() throws Exception {
		singleFlight(true);
	}

	@Test
	void rightAfterAStartTheOthersGetTheViewStoredLastWhileOneReaderComputes() throws Exception {
		singleFlight(false);
	}

	/**
	 * One reader computes a stale view while another asks for it.
	 * @param parsedHere whether this node read the earlier view itself (else it was
	 * stored by another node, or before a restart)
	 */
	private void singleFlight(boolean parsedHere) throws Exception {
		vn.giamngheo.geography.Unit district = this.geography.unit(this.t.districtId);
		String variant = "single-flight:" + UUID.randomUUID();
		if (parsedHere) {
			assertThat(this.stored.get("test", district, variant, String.class, () -> "first").value())
				.isEqualTo("first");
		}
		else {
			this.jdbc
				.sql("insert into figure_generation (key, gen, changed_at) values ('12', 0, now())"
						+ " on conflict do nothing")
				.update();
			this.jdbc
				.sql("insert into figure_snapshot (kind, unit_id, variant, key, gen, body, computed_at)"
						+ " select 'test', ?, ?, '12', gen, '\"first\"', now() from figure_generation where key = '12'")
				.params(this.t.districtId, variant)
				.update();
		}
		// a change of the province makes it stale
		this.stored.work(List.of("12"));
		java.util.concurrent.CountDownLatch computing = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
		try {
			java.util.concurrent.Future<Stored<String>> slow = other.submit(() -> {
				this.f.signIn(this.officer);
				try {
					return this.stored.get("test", district, variant, String.class, () -> {
						computing.countDown();
						try {
							release.await();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
						return "second";
					});
				}
				finally {
					SecurityContextHolder.clearContext();
				}
			});
			assertThat(computing.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			// meanwhile: the last view, said to be stored (with its time), not a second
			// compute
			Stored<String> meanwhile = this.stored.get("test", district, variant, String.class, () -> "computed twice");
			assertThat(meanwhile.value()).isEqualTo("first");
			assertThat(meanwhile.stored()).isTrue();
			release.countDown();
			assertThat(slow.get(10, java.util.concurrent.TimeUnit.SECONDS).value()).isEqualTo("second");
		}
		finally {
			release.countDown();
			other.shutdownNow();
		}
		// once computed, everyone reads the new one
		assertThat(this.stored.get("test", district, variant, String.class, () -> "third").value()).isEqualTo("second");
		this.jdbc.sql("delete from figure_snapshot where kind = 'test'").update();
	}

	@Test
	void underAStreamOfChangesAViewIsComputedAtMostOncePerAllowedAge() {
		vn.giamngheo.review.TestClock clock = new vn.giamngheo.review.TestClock();
		StoredFigures windowed = new StoredFigures(this.jdbc, this.json, this.actor, clock, this.transactions,
				this.bulkheads, true, java.time.Duration.ofSeconds(10));
		vn.giamngheo.geography.Unit district = this.geography.unit(this.t.districtId);
		String variant = "max-stale:" + UUID.randomUUID();
		java.util.concurrent.atomic.AtomicInteger computes = new java.util.concurrent.atomic.AtomicInteger();
		java.util.function.Supplier<String> compute = () -> "v" + computes.incrementAndGet();
		assertThat(windowed.get("test", district, variant, String.class, compute).value()).isEqualTo("v1");
		// a refresh made it stale, and a change waits: within the allowed age the stored
		// view is served, said stored, with its time
		windowed.work(List.of("12"));
		this.jdbc.sql("select figures_mark('12')").query(String.class).optional();
		clock.advance(java.time.Duration.ofSeconds(9));
		Stored<String> recent = windowed.get("test", district, variant, String.class, compute);
		assertThat(recent.value()).isEqualTo("v1");
		assertThat(recent.stored()).isTrue();
		assertThat(computes).hasValue(1);
		// older than that: computed once and stored, although the change still waits
		clock.advance(java.time.Duration.ofSeconds(2));
		assertThat(windowed.get("test", district, variant, String.class, compute).value()).isEqualTo("v2");
		assertThat(windowed.get("test", district, variant, String.class, compute).value()).isEqualTo("v2");
		assertThat(computes).hasValue(2);
		// the strict store (age 0, as the other tests run) computes while the change
		// waits
		assertThat(this.stored.get("test", district, variant, String.class, () -> "strict").value())
			.isEqualTo("strict");
		this.drainer.drainNow(StoredFigures.PENDING);
		this.jdbc.sql("delete from figure_snapshot where kind = 'test'").update();
	}

	/** The comparison table of a dashboard page. */
	static String table(org.springframework.test.web.servlet.MvcResult page) throws Exception {
		String html = page.getResponse().getContentAsString();
		int from = html.indexOf("id=\"table-comparison\"");
		assertThat(from).as("the comparison table").isPositive();
		return html.substring(from, html.indexOf("</table>", from));
	}

	@Test
	void storedScorecardAndAlkireFosterEqualTheComputedOnes() {
		this.figures.scorecard(this.resolution);
		Stored<TargetFigures.Scorecard> scorecard = this.figures.scorecard(this.resolution);
		assertThat(scorecard.stored()).isTrue();
		assertThat(write(scorecard.value().rows())).isEqualTo(write(this.targets.scorecard(this.resolution)));
		for (long unit : List.of(this.t.provinceId, this.t.districtId)) {
			for (Integer year : Arrays.asList(null, 2026)) {
				for (String group : List.of("ALL", "ETHNIC_MINORITY")) {
					Group g = Group.parse(group);
					this.figures.alkireFoster(unit, year, g, group, Locale.ROOT);
					Stored<TargetFigures.AlkireFoster> af = this.figures.alkireFoster(unit, year, g, group,
							Locale.ROOT);
					assertThat(af.stored()).isTrue();
					assertThat(write(af.value().view()))
						.isEqualTo(write(this.alkireFoster.view(unit, year, g, group, Locale.ROOT)));
					assertThat(write(af.value().statuses())).isEqualTo(write(this.aggregates.statuses(unit)));
				}
			}
		}
	}

	@Test
	void aChangeMarksItsProvinceOnceInItsTransaction() {
		long before = marks("12");
		this.tx.executeWithoutResult((s) -> {
			recognise(this.b);
			recognise(this.c);
			this.jdbc.sql("update review_unit set decision_signer = 'Phó Chủ tịch' where review_id = ?")
				.param(this.review)
				.update();
		});
		assertThat(marks("12")).isEqualTo(before + 1);
		// a rolled-back change leaves no mark
		try {
			this.tx.executeWithoutResult((s) -> {
				recognise(this.c);
				throw new IllegalStateException("rolled back");
			});
		}
		catch (IllegalStateException expected) {
			// the change and its mark are gone
		}
		assertThat(marks("12")).isEqualTo(before + 1);
	}

	long marks(String province) {
		return this.jdbc.sql("select count(*) from pending_work where kind = 'figures' and subject = ?")
			.param(province)
			.query(Long.class)
			.single();
	}

}
