package vn.giamngheo.benefits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.giamngheo.analytics.Territory;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

/**
 * Bench, not a timed test (ADR 0038): writes {@code -Dcoverage.bench.households}
 * households (default 600,000) in 200 communes with a support ledger — a loan eligibility
 * spell for 30 % (poor or near-poor), a loan demand for 60 % of those, a delivered loan
 * for 80 % of the demand — and times the coverage reads a province page makes, counted on
 * read. Run with {@code bench/coverage.sh}.
 */
@IntegrationTest
@Tag("bench")
class CoverageBench {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@OwnerDatabase
	DataSource owner;

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	SupportCoverage coverage;

	@Autowired
	MessageSource messages;

	@Test
	void readTheCoverageOfAProvince() throws Exception {
		int households = Integer.getInteger("coverage.bench.households", 600_000);
		int communeCount = 200;
		Territory t = new Territory(this.jdbc, "49").district("Huyện", null, false);
		List<Long> communes = new ArrayList<>();
		List<Long> villages = new ArrayList<>();
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < communeCount; i++) {
			long[] c = t.commune("B" + i, "Xã", false);
			communes.add(c[0]);
			villages.add(c[1]);
			paths.add(
					this.jdbc.sql("select path from admin_unit where id = ?").param(c[1]).query(String.class).single());
		}
		long t0 = System.nanoTime();
		this.jdbc
			.sql("insert into household (province_code, code, commune_id, village_id, unit_path, head_name,"
					+ " head_name_norm, urban, synthetic) select '49', 'CB' || ? || '-' || g, c.commune_id,"
					+ " c.village_id, c.path, 'Hộ thử ' || g, 'ho thu ' || g, false, true"
					+ " from generate_series(0, ? - 1) g join unnest(?::bigint[], ?::bigint[], ?::text[])"
					+ " with ordinality c(commune_id, village_id, path, n) on c.n = g % ? + 1")
			.params(t.tag, households, communes.toArray(new Long[0]), villages.toArray(new Long[0]),
					paths.toArray(new String[0]), communeCount)
			.update();
		String like = t.districtPath + "%";
		this.jdbc
			.sql("insert into eligibility_run (province_code, commune_id, as_of, trigger) select '49', c, date"
					+ " '2024-01-01', 'DEMO' from unnest(?::bigint[]) c")
			.param(communes.toArray(new Long[0]))
			.update();
		this.jdbc.sql("insert into eligibility_spell (province_code, commune_id, policy_code, policy_version,"
				+ " household_id, eligible_from, reasons, started_by) select '49', h.commune_id,"
				+ " case when abs(hashtext(h.code)) % 10 < 2 then 'LOAN_POOR' else 'LOAN_NEAR_POOR' end, 1, h.id,"
				+ " date '2022-01-01', '[]'::jsonb, (select id from eligibility_run r where r.commune_id = h.commune_id"
				+ " limit 1) from household h where h.unit_path like ? and abs(hashtext(h.code)) % 10 < 3")
			.param(like)
			.update();
		this.jdbc
			.sql("insert into support_demand (province_code, household_id, kind, purpose, amount_vnd,"
					+ " registered_on, source, created_by) select '49', s.household_id, 'LOAN', 'Chăn nuôi', 30000000,"
					+ " date '2025-01-01' + (abs(hashtext(s.household_id::text)) % 300), 'DEMO', 'bench'"
					+ " from eligibility_spell s join household h on h.id = s.household_id where h.unit_path like ?"
					+ " and abs(hashtext(s.household_id::text || 'd')) % 10 < 6")
			.param(like)
			.update();
		this.jdbc.sql("insert into benefit_record (province_code, household_id, commune_id, unit_path, policy_code,"
				+ " policy_version, agency, period_from, period_to, amount_vnd, credit_vnd, status, delivered_on,"
				+ " created_by) select '49', h.id, h.commune_id, h.unit_path, s.policy_code, 1, 'VBSP',"
				+ " q.registered_on + 30, q.registered_on + 1000, 30000000, 30000000, 'DELIVERED', q.registered_on + 30,"
				+ " 'bench' from support_demand q join household h on h.id = q.household_id"
				+ " join eligibility_spell s on s.household_id = h.id where h.unit_path like ?"
				+ " and abs(hashtext(q.id::text)) % 10 < 8")
			.param(like)
			.update();
		try (var c = this.owner.getConnection(); var s = c.createStatement()) {
			for (String table : List.of("household", "eligibility_spell", "support_demand", "benefit_record")) {
				s.execute("analyze " + table);
			}
		}
		double load = (System.nanoTime() - t0) / 1e9;
		System.out.println("=== coverage bench");
		System.out.println(
				"cores: " + Runtime.getRuntime().availableProcessors() + ", java " + System.getProperty("java.version")
						+ ", postgresql " + this.jdbc.sql("show server_version").query(String.class).single());
		System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
		System.out.printf("households: %,d in %d communes; spells %,d, demands %,d, records %,d; written in %.1f s%n",
				households, communeCount, count("eligibility_spell"), count("support_demand"), count("benefit_record"),
				load);
		SecurityContextHolder.getContext().setAuthentication(this.fixtures.create().auth("admin"));
		for (int run = 1; run <= 3; run++) {
			time("LOAN_POOR coverage by commune, run " + run,
					() -> this.coverage.coverage("LOAN_POOR", t.districtId, 2025).total());
		}
		time("hub: every policy", () -> this.coverage.overview(t.districtId, 2025).size() + " policies");
		time("gap worklist LOAN_POOR (first 5,000)",
				() -> this.coverage
					.gap("LOAN_POOR", t.districtId, 2025, false, this.messages, Locale.forLanguageTag("vi"))
					.size() + " rows");
		time("indicator LOANS_WITH_DEMAND, every year",
				() -> this.coverage.indicatorSeries("LOANS_WITH_DEMAND", t.districtId));
		System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
	}

	long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	static void time(String label, Supplier<Object> read) {
		long t0 = System.nanoTime();
		Object result = read.get();
		System.out.printf("time %s: %.2f s (%s)%n", label, (System.nanoTime() - t0) / 1e9, result);
	}

}
