package vn.giamngheo.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.demo.DemoLoader;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.review.Surveys.SurveyInput;
import vn.giamngheo.review.domain.Step;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Bench, not a timed test: loads the Quảng Nam demo ({@code -Dreview.bench.size}, default
 * {@code sample}; {@code full} ≈ 420k Quảng Nam households), then runs a full periodic
 * review of the province through the application services — every household listed,
 * surveyed with generated answers, agreed at village meetings, posted and recognised —
 * and times each step; then the server time of the commune step pages (p50/p95). Run with
 * {@code bench/review.sh}.
 */
@IntegrationTest
@Tag("bench")
// figures comparable with earlier runs: no WAL archiving unless
// -Dreview.bench.archive=true (ADR 0015)
@TestPropertySource(properties = "giamngheo.backup.enabled=${review.bench.archive:false}")
class ReviewBench {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	DemoLoader loader;

	@Autowired
	JdbcClient jdbc;

	/** The owner: only it may vacuum the review tables (ADR 0015). */
	@Autowired
	@OwnerDatabase
	javax.sql.DataSource ownerDataSource;

	@Autowired
	Reviews reviews;

	@Autowired
	Surveys surveys;

	@Autowired
	Meetings meetings;

	@Autowired
	Postings postings;

	@Autowired
	Recognitions recognitions;

	@Autowired
	MockMvc mvc;

	@Test
	void fullProvinceReview() throws Exception {
		String size = System.getProperty("review.bench.size", "sample");
		double fraction = "full".equals(size) ? 1.0 : 0.10;
		long t0 = System.nanoTime();
		this.loader.load(size, fraction, 20151231L);
		double load = seconds(t0);
		Fixtures f = this.fixtures.create();
		Authentication admin = f.auth("admin");
		// one reviewer stands in for the province's many: the user admin gives reviewers
		// villages
		// only (ADR 0016), so the bench writes its province-wide capture scope directly
		String reviewer = f.user("bench.ctv", Role.REVIEWER, List.of("49@2024"), List.of());
		this.jdbc
			.sql("insert into user_scope (user_id, kind, unit_id) select u.id, 'CAPTURE', a.id from app_user u,"
					+ " admin_unit a where u.username = ? and a.code = '49' and a.edition = '2024'")
			.param(reviewer)
			.update();
		Authentication ctv = f.auth(reviewer);
		long province = this.jdbc.sql("select id from admin_unit where code = '49' and edition = '2024'")
			.query(Long.class)
			.single();
		LocalDate today = LocalDate.now();
		int year = this.jdbc.sql("select max(year) + 1 from household_assessment where province_code = '49'")
			.query(Integer.class)
			.single();
		Map<String, Double> times = new LinkedHashMap<>();

		SecurityContextHolder.getContext().setAuthentication(admin);
		long t = System.nanoTime();
		Review review = this.reviews
			.open(new Reviews.OpenReview(province, year, null, today.minusDays(30), today.plusDays(30), List.of()));
		List<Long> communes = this.jdbc
			.sql("select distinct commune_id from household where province_code = '49' order by commune_id")
			.query(Long.class)
			.list();
		times.put("open", seconds(t));

		t = System.nanoTime();
		long listed = 0;
		for (long c : communes) {
			listed += this.reviews.generateWorklist(review.id(), c, true);
			for (var v : this.reviews.villages(review.id(), c)) {
				this.reviews.assign(review.id(), c, v.villageId(), reviewer);
			}
		}
		times.put("step 1 list + assign", seconds(t));

		SecurityContextHolder.getContext().setAuthentication(ctv);
		t = System.nanoTime();
		long surveyed = 0;
		Map<String, Long> classes = new HashMap<>();
		for (long c : communes) {
			List<ReviewHousehold> page;
			while (!(page = this.reviews.worklist(review.id(), c, null, List.of(Step.LISTED), 0, 500)).isEmpty()) {
				// a reviewer's batch of collected forms (Surveys.submitAll: same checks,
				// engine,
				// flags and audit rows as one at a time)
				Map<UUID, SurveyInput> forms = new LinkedHashMap<>();
				for (ReviewHousehold rh : page) {
					forms.put(rh.id(), answers(rh));
				}
				for (String proposed : this.surveys.submitAll(review.id(), c, forms).values()) {
					classes.merge(proposed, 1L, Long::sum);
					surveyed++;
				}
			}
		}
		times.put("step 2 survey", seconds(t));

		SecurityContextHolder.getContext().setAuthentication(admin);
		t = System.nanoTime();
		long meetingsHeld = 0;
		for (long c : communes) {
			for (var v : this.reviews.villages(review.id(), c)) {
				// a worklist page holds at most 500 households: a large village meets
				// again
				List<ReviewHousehold> surveyedHere;
				while (!(surveyedHere = this.reviews.worklist(review.id(), c, v.villageId(), List.of(Step.SURVEYED), 0,
						500))
					.isEmpty()) {
					Map<UUID, Integer> votes = new HashMap<>();
					for (ReviewHousehold rh : surveyedHere) {
						votes.put(rh.id(), 25 + (Math.abs(rh.id().hashCode()) % 16));
					}
					this.meetings.record(review.id(), c, ReviewData.meeting(v.villageId(), today, 40, votes));
					meetingsHeld++;
				}
			}
		}
		times.put("step 3 meetings", seconds(t));

		t = System.nanoTime();
		for (long c : communes) {
			this.postings.post(review.id(), c, this.reviews.unit(review.id(), c).version(), today.minusDays(5), null);
		}
		times.put("step 4 posting", seconds(t));

		t = System.nanoTime();
		for (long c : communes) {
			this.recognitions.recognise(review.id(), c, this.reviews.unit(review.id(), c).version(), "01/QĐ-UBND",
					today, "Chủ tịch UBND xã");
		}
		times.put("step 5 recognition", seconds(t));
		SecurityContextHolder.clearContext();

		// server time of the commune step pages, the largest communes first
		List<Long> big = this.jdbc
			.sql("select commune_id from review_household where review_id = ? group by commune_id"
					+ " order by count(*) desc limit 20")
			.param(review.id())
			.query(Long.class)
			.list();
		Map<String, double[]> pages = new LinkedHashMap<>();
		List<String> boardPaths = List.of("/reviews/" + review.id());
		List<String> communePaths = new ArrayList<>();
		List<String> surveyPaths = new ArrayList<>();
		List<String> publicPaths = new ArrayList<>();
		for (long c : big) {
			communePaths.add("/reviews/" + review.id() + "/communes/" + c);
			publicPaths.add("/public/reviews/" + review.id() + "/communes/" + c);
			surveyPaths.add(this.jdbc
				.sql("select '/reviews/households/' || id || '/survey' from review_household"
						+ " where review_id = ? and commune_id = ? limit 1")
				.params(review.id(), c)
				.query(String.class)
				.single());
		}
		pages.put("board (province)", time(boardPaths, admin, 40));
		pages.put("commune page", time(communePaths, admin, 4));
		pages.put("survey page", time(surveyPaths, admin, 4));
		pages.put("public posting", time(publicPaths, null, 4));

		// the plans of the commune page's two commune-wide reads, on the largest commune
		List<String> plans = new ArrayList<>();
		for (String sql : List.of(
				"select rh.id, h.head_name from review_household rh join household h on h.id = rh.household_id"
						+ " where rh.review_id = ? and rh.commune_id = ?"
						+ " order by rh.village_name, rh.head_name_norm, rh.household_code limit 101 offset 0",
				"select village_id, count(*), string_agg(distinct reviewer, ', '),"
						+ " count(*) filter (where step <> 'LISTED' and step <> 'RESURVEY') from review_household"
						+ " where review_id = ? and commune_id = ? group by village_id")) {
			JdbcClient.create(this.ownerDataSource).sql("vacuum analyze review_household").update();
			plans.addAll(this.jdbc.sql("explain (analyze, costs off) " + sql)
				.params(review.id(), big.get(0))
				.query(String.class)
				.list());
		}

		System.out.println("=== review bench ===");
		System.out.printf(Locale.ROOT, "size:            %s (demo load %.1f s)%n", size, load);
		System.out.printf(Locale.ROOT, "review year:     %d, standard %s, %d communes%n", year, review.standardKey(),
				communes.size());
		System.out.printf(Locale.ROOT, "households:      listed %d, surveyed %d, meetings %d%n", listed, surveyed,
				meetingsHeld);
		System.out.printf(Locale.ROOT, "classes:         %s%n", classes);
		double total = 0;
		for (var e : times.entrySet()) {
			total += e.getValue();
			System.out.printf(Locale.ROOT, "time %-22s %8.1f s  %8.0f households/s%n", e.getKey() + ":", e.getValue(),
					listed / Math.max(e.getValue(), 1e-9));
		}
		System.out.printf(Locale.ROOT, "time total:              %8.1f s%n", total);
		for (var e : pages.entrySet()) {
			System.out.printf(Locale.ROOT, "page %-18s p50 %6.1f ms  p95 %6.1f ms  (n=%d)%n", e.getKey() + ":",
					e.getValue()[0], e.getValue()[1], (int) e.getValue()[2]);
		}
		plans.forEach((line) -> System.out.println("plan " + line));
		System.out.printf(Locale.ROOT, "cores:           %d%n", Runtime.getRuntime().availableProcessors());
		System.out.printf(Locale.ROOT, "java:            %s%n", System.getProperty("java.version"));
		System.out.printf(Locale.ROOT, "postgresql:      %s%n",
				this.jdbc.sql("show server_version").query(String.class).single());
	}

	/**
	 * Generated answers: last year's income moved by −20% … +40%, facts from the
	 * household id.
	 */
	static SurveyInput answers(ReviewHousehold rh) {
		int h = Math.abs(rh.householdId().hashCode());
		long last = (rh.lastIncome() != null) ? rh.lastIncome() : 1_800_000L;
		long income = last * (80 + h % 61) / 100;
		boolean poorHouse = h % 7 == 0;
		return new SurveyInput(rh.version(), "INCOME", income, null, null, poorHouse ? "NON_DURABLE" : "SOLID",
				new BigDecimal(poorHouse ? "7" : "40"), (h % 5 == 0) ? "UNPROTECTED_WELL" : "TAP",
				(h % 4 == 0) ? "UNHYGIENIC_PIT" : "SEPTIC", true, h % 3 != 0, true, true, "COLLECTED",
				List.of("CAPITAL"), List.of("LOAN"), null);
	}

	/**
	 * p50, p95 (ms) and n over {@code rounds} passes of the paths, after one warm-up
	 * pass.
	 */
	double[] time(List<String> paths, Authentication user, int rounds) throws Exception {
		List<Double> ms = new ArrayList<>();
		for (int round = -1; round < rounds; round++) {
			for (String path : paths) {
				var request = get(path);
				if (user != null) {
					request.with(authentication(user));
				}
				long t = System.nanoTime();
				int status = this.mvc.perform(request).andReturn().getResponse().getStatus();
				double took = (System.nanoTime() - t) / 1e6;
				if (status != 200) {
					throw new IllegalStateException(path + " -> " + status);
				}
				if (round >= 0) {
					ms.add(took);
				}
			}
		}
		double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return new double[] { sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.95) - 1],
				sorted.length };
	}

	static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
