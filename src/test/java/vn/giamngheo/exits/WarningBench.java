package vn.giamngheo.exits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.giamngheo.analytics.Territory;
import vn.giamngheo.exits.EarlyWarnings.Backtest;
import vn.giamngheo.exits.EarlyWarnings.Worklist;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.support.Bench;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

/**
 * Bench, not a timed test (issue 17 item 4): writes a synthetic province of
 * {@code -Dwarning.bench.households} households (default 300,000) in 300 communes, three
 * members each, four recognised years 2022–2025 (about 12 % poor, 10 % near-poor, the
 * rest middle or above, incomes around the line) and a job loss in 2025 for one household
 * in twenty, into a throw-away PostgreSQL; then, as a nation-wide administrator, times
 * the first page of the province's early-warning list of 2025 (three times) and the
 * backtest of 2025. Run with {@code bench/warning-list.sh}.
 */
@IntegrationTest
@Tag("bench")
class WarningBench {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@OwnerDatabase
	DataSource owner;

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	EarlyWarnings warnings;

	@Test
	void scoreAProvince() throws Exception {
		int households = Integer.getInteger("warning.bench.households", 300_000);
		int communeCount = 300;
		Territory t = new Territory(this.jdbc, "49").district("Huyện", null, false);
		Bench.Communes c = Bench.communes(this.jdbc, t, communeCount);
		long t0 = System.nanoTime();
		Bench.households(this.jdbc, t, c, households, "WB");
		this.jdbc
			.sql("insert into member (household_id, province_code, full_name, full_name_norm, sex, date_of_birth,"
					+ " ethnicity_code, relation, sort_order) select h.id, '49', 'Người ' || k, 'nguoi ' || k, 'M',"
					+ " date '1950-01-01' + abs(hashtext(h.code || k)) % 25000, '01',"
					+ " case k when 1 then 'HEAD' else 'CHILD' end, k"
					+ " from household h cross join generate_series(1, 3) k where h.unit_path like ?")
			.param(t.districtPath + "%")
			.update();
		this.jdbc
			.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
					+ " income_per_capita, deprivation_count, classification, recognised, decision_date, source)"
					+ " select h.id, '49', y, '2022-2025', 3, 900000 + abs(hashtext(h.code || y || 'i')) % 2500000,"
					+ " abs(hashtext(h.code || y || 'd')) % 5, case when r < 12 then 'POOR' when r < 22"
					+ " then 'NEAR_POOR' when r < 70 then 'MIDDLE' else 'ABOVE_MIDDLE' end, true,"
					+ " make_date(y, 12, 20), 'DEMO' from household h cross join generate_series(2022, 2025) y"
					+ " cross join lateral (select abs(hashtext(h.code || y)) % 100 r) x where h.unit_path like ?")
			.param(t.districtPath + "%")
			.update();
		this.jdbc
			.sql("insert into household_event (province_code, household_id, unit_path, event_date, type, source,"
					+ " created_by) select '49', h.id, h.unit_path, date '2025-01-01' + abs(hashtext(h.code)) % 365,"
					+ " 'JOB_LOSS', 'DEMO', 'bench' from household h where h.unit_path like ?"
					+ " and abs(hashtext(h.code || 'e')) % 20 = 0")
			.param(t.districtPath + "%")
			.update();
		try (var conn = this.owner.getConnection(); var s = conn.createStatement()) {
			s.execute("analyze household");
			s.execute("analyze member");
			s.execute("analyze household_assessment");
			s.execute("analyze household_event");
		}
		double load = (System.nanoTime() - t0) / 1e9;
		Bench.machine("early-warning bench", this.jdbc);
		System.out.printf("households: %,d in %d communes, 3 members, 4 recognised years, written in %.1f s%n",
				households, communeCount, load);
		Fixtures f = this.fixtures.create();
		f.signIn(f.nationUser("warnbench", Role.SYSTEM_ADMIN));
		for (int i = 1; i <= 3; i++) {
			Worklist w = time("time list of 2025, first page of 50, run " + i,
					() -> this.warnings.list(t.districtId, 2025, 0, 50, Locale.forLanguageTag("vi")));
			System.out.printf("  candidates %,d, listed %,d, top tenth %,d%n", w.candidates(), w.listed(),
					w.topTenth());
		}
		Backtest b = time("time backtest of 2025", () -> this.warnings.backtest(t.districtId, 2025));
		System.out.printf("  fell %,d, caught %,d, share %.3f, base rate %.3f%n", b.fell(), b.caught(), b.share(),
				b.baseRate());
		System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
	}

	static <T> T time(String label, Supplier<T> work) {
		long t0 = System.nanoTime();
		T out = work.get();
		System.out.printf("%s: %.2f s%n", label, (System.nanoTime() - t0) / 1e9);
		return out;
	}

}
