package vn.giamngheo.analytics;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.giamngheo.analytics.WhatIfs.View;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.support.Bench;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

/**
 * Bench, not a timed test (issue 15 item 6): writes a synthetic province part of
 * {@code -Dwhatif.bench.households} households (default 600,000) in 200 communes, each
 * with three years of recognised assessments under 2022–2025, into a throw-away
 * PostgreSQL, then runs what-ifs through the service as a user would (background run,
 * progress read from the run's row) and prints the time from the request to the result,
 * the progress seen on the way, and the machine. Run with {@code bench/whatif.sh}.
 */
@IntegrationTest
@Tag("bench")
class WhatIfBench {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@OwnerDatabase
	DataSource owner;

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	WhatIfs whatIfs;

	@Test
	void reclassifyAProvince() throws Exception {
		int households = Integer.getInteger("whatif.bench.households", 600_000);
		int communeCount = 200;
		Territory t = new Territory(this.jdbc, "49").district("Huyện", null, false);
		Bench.Communes c = Bench.communes(this.jdbc, t, communeCount);
		long t0 = System.nanoTime();
		Bench.households(this.jdbc, t, c, households, "WB");
		this.jdbc.sql("insert into household_assessment (household_id, province_code, year, standard_key, member_count,"
				+ " income_per_capita, deprivations, deprivation_count, classification, recognised, source)"
				+ " select h.id, '49', y, '2022-2025', 4, x.income, x.deps, cardinality(x.deps),"
				+ " case when x.income <= (case when h.urban then 2000000 else 1500000 end) then"
				+ "   (case when cardinality(x.deps) >= 3 then 'POOR' else 'NEAR_POOR' end)"
				+ " when x.income <= (case when h.urban then 3000000 else 2250000 end) then 'MIDDLE'"
				+ " else 'ABOVE_MIDDLE' end, true, 'DEMO'"
				+ " from household h cross join generate_series(2022, 2024) y cross join lateral (select"
				+ " 600000 + abs(hashtext(h.code || y)::bigint) % 3000000 as income, array(select d from unnest(array"
				+ "['EMP','DEP','NUT','HIN','AED','CED','HQU','HAR','WAT','SAN','TEL','INF']) with ordinality"
				+ " u(d, i) where abs(hashtext(h.code || y || i)::bigint) % 5 = 0) as deps) x"
				+ " where h.unit_path like ?")
			.param(t.districtPath + "%")
			.update();
		try (var conn = this.owner.getConnection(); var s = conn.createStatement()) {
			s.execute("analyze household");
			s.execute("analyze household_assessment");
		}
		double load = (System.nanoTime() - t0) / 1e9;
		long assessments = this.jdbc
			.sql("select count(*) from household_assessment a join household h on h.id = a.household_id"
					+ " where h.unit_path like ?")
			.param(t.districtPath + "%")
			.query(Long.class)
			.single();
		Bench.machine("what-if bench", this.jdbc);
		System.out.printf("households: %,d in %d communes, %,d assessments (3 years each), written in %.1f s%n",
				households, communeCount, assessments, load);

		SecurityContextHolder.getContext().setAuthentication(this.fixtures.create().auth("admin"));
		String draft = Files.readString(Path.of("docs/examples/whatif-draft-rural-line.yaml"));
		for (int run = 1; run <= 3; run++) {
			time("draft (rural line 2,000,000), run " + run, t.districtId, null,
					new WhatIfs.Draft("whatif-draft-rural-line.yaml", draft.getBytes(StandardCharsets.UTF_8)));
		}
		time("national 2027-2030", t.districtId, "2027-2030", null);
		System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
	}

	void time(String label, long unit, String standard, WhatIfs.Draft draft) throws Exception {
		long t0 = System.nanoTime();
		UUID id = this.whatIfs.start(unit, standard, draft).id();
		List<String> seen = new ArrayList<>();
		View view;
		while ((view = this.whatIfs.run(id)).running()) {
			seen.add(String.format("%.1fs %d%%", (System.nanoTime() - t0) / 1e9, view.percent()));
			Thread.sleep(500);
		}
		double wall = (System.nanoTime() - t0) / 1e9;
		System.out.printf(
				"time %s: %.2f s request → result (%s ms in the run), %,d households, %,d change class,"
						+ " %,d unclassified, %.0f households/s%n",
				label, wall, view.run().millis(), view.run().done(), view.run().changed(), view.run().unclassified(),
				view.run().done() / wall);
		System.out.println("progress " + label + ": " + String.join(", ", seen) + ", " + view.status());
	}

}
