package vn.giamngheo.benefits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.analytics.Territory;
import vn.giamngheo.benefits.EligibilityLists.RunSummary;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.support.Bench;
import vn.giamngheo.support.IntegrationTest;

/**
 * Bench, not a timed test (issue 16 item 10): writes a synthetic province of
 * {@code -Deligibility.bench.households} households (default 600,000) in 200 communes,
 * three members each and two recognised years (2023, 2024, with decision dates: about 10
 * % poor, 8 % near-poor, the rest middle, so some leave the list), into a throw-away
 * PostgreSQL, then generates every commune's eligibility lists through
 * {@link EligibilityLists#generateProvince} as the demo or a province officer would:
 * first run (every entry new), a second run the same day (nothing changes), and a run a
 * year later; the second and third also one commune at a time
 * ({@link EligibilityLists#generate}, as before ADR 0046; the third rolled back) for the
 * comparison under the same load. Prints seconds, households per second, the entries and
 * the machine. Run with {@code bench/eligibility.sh}.
 */
@IntegrationTest
@Tag("bench")
class EligibilityBench {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@OwnerDatabase
	DataSource owner;

	@Autowired
	EligibilityLists lists;

	@Autowired
	TransactionTemplate tx;

	List<Long> communes;

	@Test
	void generateAProvince() throws Exception {
		int households = Integer.getInteger("eligibility.bench.households", 600_000);
		int communeCount = 200;
		Territory t = new Territory(this.jdbc, "49").district("Huyện", null, false);
		Bench.Communes c = Bench.communes(this.jdbc, t, communeCount);
		for (int i = 0; i < communeCount; i += 4) {
			t.attribute(c.communes()[i], "DBKK_COMMUNE", "true", "2021-01-01", null);
		}
		long t0 = System.nanoTime();
		Bench.households(this.jdbc, t, c, households, "EB");
		this.communes = List.of(c.communes());
		this.jdbc
			.sql("insert into member (household_id, province_code, full_name, full_name_norm, sex, date_of_birth,"
					+ " ethnicity_code, relation, in_school, sort_order) select h.id, '49', 'Người ' || k,"
					+ " 'nguoi ' || k, case when k = 2 then 'F' else 'M' end, case when k < 3"
					+ " then date '1960-01-01' + abs(hashtext(h.code || k)) % 12000"
					+ " else date '2006-01-01' + abs(hashtext(h.code || k)) % 6000 end, '01',"
					+ " case k when 1 then 'HEAD' when 2 then 'SPOUSE' else 'CHILD' end, k = 3, k"
					+ " from household h cross join generate_series(1, 3) k where h.unit_path like ?")
			.param(t.districtPath + "%")
			.update();
		this.jdbc
			.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
					+ " income_per_capita, classification, recognised, decision_no, decision_date, source)"
					+ " select h.id, '49', y, '2022-2025', 3, 1000000, case when r < 10 then 'POOR' when r < 18"
					+ " then 'NEAR_POOR' else 'MIDDLE' end, true, y || '/QĐ-UBND', make_date(y, 12, 20), 'DEMO'"
					+ " from household h cross join generate_series(2023, 2024) y"
					+ " cross join lateral (select abs(hashtext(h.code || y)) % 100 r) x where h.unit_path like ?")
			.param(t.districtPath + "%")
			.update();
		try (var conn = this.owner.getConnection(); var s = conn.createStatement()) {
			s.execute("analyze household");
			s.execute("analyze member");
			s.execute("analyze household_assessment");
		}
		double load = (System.nanoTime() - t0) / 1e9;
		Bench.machine("eligibility bench", this.jdbc);
		System.out.printf("households: %,d in %d communes, 3 members each, 2 recognised years, written in %.1f s%n",
				households, communeCount, load);
		LocalDate day = LocalDate.of(2025, 3, 1);
		LocalDate later = LocalDate.of(2026, 3, 1);
		time("first run (every entry new)", day, households, this::province);
		time("second run, same day (nothing changes)", day, households, this::province);
		// the loop grows with the square of the province (every commune's read scans the
		// tables): compared up to 150,000 households
		if (households <= 150_000) {
			time("second run, same day, one commune at a time (before ADR 0046)", day, households, this::eachCommune);
			this.tx.execute((s) -> {
				time("third run, a year later, one commune at a time (before ADR 0046, rolled back)", later, households,
						this::eachCommune);
				s.setRollbackOnly();
				return null;
			});
		}
		time("third run, a year later", later, households, this::province);
		System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
	}

	List<RunSummary> province(LocalDate asOf) {
		return this.lists.generateProvince("49", asOf, "DEMO");
	}

	/** The province as it was generated before ADR 0046: a run per commune. */
	List<RunSummary> eachCommune(LocalDate asOf) {
		return this.communes.stream().map((c) -> this.lists.generate(c, asOf, "DEMO")).toList();
	}

	void time(String label, LocalDate asOf, int households, Function<LocalDate, List<RunSummary>> how) {
		long t0 = System.nanoTime();
		List<RunSummary> runs = how.apply(asOf);
		double wall = (System.nanoTime() - t0) / 1e9;
		System.out.printf(
				"time %s: %.2f s for %d communes as of %s, %,d entries, %,d new, %,d ended, %.0f households/s%n", label,
				wall, runs.size(), asOf, runs.stream().mapToInt(RunSummary::entries).sum(),
				runs.stream().mapToInt(RunSummary::started).sum(), runs.stream().mapToInt(RunSummary::ended).sum(),
				households / wall);
	}

}
