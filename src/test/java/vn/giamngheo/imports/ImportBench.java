package vn.giamngheo.imports;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyManager;
import org.postgresql.jdbc.PgConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

import vn.giamngheo.demo.DemoLoader;
import vn.giamngheo.identity.RunAs;
import vn.giamngheo.registry.HouseholdQuery;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.support.IntegrationTest;

/**
 * Bench, not a timed test (run it with {@code bench/imports.sh}): loads a share of the
 * demo (default 20% ≈ 100,000 households), exports every household with its members and
 * the latest year's classification to XLSX (timed: the export), empties the registry,
 * imports the workbook as the administrator (dry run, then commit; timed, with the peak
 * heap), and, in the same run, loads the same household and member rows with PostgreSQL
 * COPY from CSV for comparison. Prints the figures and the machine.
 */
@IntegrationTest
@Tag("bench")
// figures comparable with earlier runs: no WAL archiving unless
// -Dimports.bench.archive=true (ADR 0015)
@TestPropertySource(properties = "giamngheo.backup.enabled=${imports.bench.archive:false}")
class ImportBench {

	@Autowired
	DemoLoader loader;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	/** The owner: emptying the registry between runs is a truncate (ADR 0015). */
	@Autowired
	@OwnerDatabase
	DataSource ownerDataSource;

	@Autowired
	Imports imports;

	@Autowired
	HouseholdExports exports;

	@Autowired
	RunAs runAs;

	@Test
	void importAndExport() throws Exception {
		String size = System.getProperty("imports.bench.size", "20%");
		double fraction = Double.parseDouble(size.replace("%", "")) / 100.0;
		DemoLoader.LoadReport demo = this.loader.load(size, fraction, 20151231L);
		Path dir = Files.createTempDirectory("imports-bench");
		this.dir = dir;
		Path xlsx = dir.resolve("households.xlsx");
		Path csv = dir.resolve("households.csv");
		HouseholdQuery all = new HouseholdQuery(null, null, null, null, null, 0, 50, "code", false);

		long t0 = System.nanoTime();
		this.runAs.run("admin", () -> {
			try (OutputStream out = Files.newOutputStream(xlsx)) {
				this.exports.xlsx(all, Locale.forLanguageTag("vi"), out, () -> {
				});
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			return null;
		});
		double exportXlsx = seconds(t0);
		t0 = System.nanoTime();
		this.runAs.run("admin", () -> {
			try (OutputStream out = Files.newOutputStream(csv)) {
				this.exports.csv(all, Locale.forLanguageTag("vi"), out);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			return null;
		});
		double exportCsv = seconds(t0);

		// the same rows as PostgreSQL would COPY them
		Path householdRows = dir.resolve("household.csv");
		Path memberRows = dir.resolve("member.csv");
		String householdColumns = "household (id, province_code, code, commune_id, village_id, unit_path, head_name,"
				+ " head_name_norm, address, urban, ethnic_minority, social_protection, meritorious, phone, status)";
		String memberColumns = "member (id, household_id, province_code, full_name, full_name_norm, sex, date_of_birth,"
				+ " ethnicity_code, relation, cccd, phone, education_level, in_school, employment, health_insurance,"
				+ " disability, social_allowance, malnourished, ill_no_care, sort_order)";
		try (Connection c = this.dataSource.getConnection()) {
			CopyManager copy = c.unwrap(PgConnection.class).getCopyAPI();
			try (OutputStream out = Files.newOutputStream(householdRows)) {
				copy.copyOut("copy " + householdColumns + " to stdout (format csv)", out);
			}
			try (OutputStream out = Files.newOutputStream(memberRows)) {
				copy.copyOut("copy " + memberColumns + " to stdout (format csv)", out);
			}
		}
		long households = count("household");
		long members = count("member");
		empty();

		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		System.gc();
		long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		HeapSampler heap = new HeapSampler();
		heap.start();
		t0 = System.nanoTime();
		UUID id = this.runAs.run("admin", () -> {
			try (InputStream in = Files.newInputStream(xlsx)) {
				return this.imports.upload("households.xlsx", in, null).id();
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		ImportJob dry = await(id);
		double dryRun = seconds(t0);
		long t1 = System.nanoTime();
		this.runAs.run("admin", () -> this.imports.commit(id, dry.problemCount() == 0 ? "ALL" : "VALID"));
		ImportJob done = await(id);
		double commit = seconds(t1);
		double endToEnd = seconds(t0);
		heap.interrupt();
		heap.join();
		long imported = count("household");
		long importedMembers = count("member");

		empty();
		t0 = System.nanoTime();
		try (Connection c = this.dataSource.getConnection()) {
			c.setAutoCommit(false);
			CopyManager copy = c.unwrap(PgConnection.class).getCopyAPI();
			try (InputStream in = Files.newInputStream(householdRows)) {
				copy.copyIn("copy " + householdColumns + " from stdin (format csv)", in);
			}
			try (InputStream in = Files.newInputStream(memberRows)) {
				copy.copyIn("copy " + memberColumns + " from stdin (format csv)", in);
			}
			c.commit();
		}
		double pgCopy = seconds(t0);

		String cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
			.stream()
			.filter((l) -> l.startsWith("model name"))
			.findFirst()
			.map((l) -> l.substring(l.indexOf(':') + 1).trim())
			.orElse("?");
		System.out.println("=== imports bench ===");
		System.out.printf(Locale.ROOT, "demo:                 %s share, %d households, %d members loaded%n", size,
				demo.households(), demo.members());
		System.out.printf(Locale.ROOT, "file:                 %d households, %d members, XLSX %.1f MB, %d rows%n",
				households, members, Files.size(xlsx) / 1e6, done.rowsTotal());
		System.out.printf(Locale.ROOT, "export xlsx:          %.1f s%n", exportXlsx);
		System.out.printf(Locale.ROOT, "export csv:           %.1f s (%.1f MB)%n", exportCsv, Files.size(csv) / 1e6);
		System.out.printf(Locale.ROOT, "import dry run:       %.1f s (%d problems; read, check, plan, stage)%n", dryRun,
				dry.problemCount());
		System.out.printf(Locale.ROOT,
				"import commit:        %.1f s (apply the staged plan: rows, audit rows, revert records)%n", commit);
		System.out.printf(Locale.ROOT, "import end to end:    %.1f s -> %s, %d households, %d members written%n",
				endToEnd, done.status(), imported, importedMembers);
		System.out.printf(Locale.ROOT, "pg copy same rows:    %.1f s (households + members from CSV)%n", pgCopy);
		System.out.printf(Locale.ROOT, "ratio:                commit %.1fx, end to end %.1fx of COPY%n",
				commit / pgCopy, endToEnd / pgCopy);
		System.out.printf(Locale.ROOT,
				"heap:                 at most %d MB in use, at most %d MB live after a collection"
						+ " (before the import %d MB; sampled every 10 ms); limit -Xmx %d MB%n",
				heap.used >> 20, heap.live >> 20, heapBefore >> 20, Runtime.getRuntime().maxMemory() >> 20);
		this.jdbc
			.sql("select message_key, count(*) from import_problem where job_id = ? and level = 'ERROR'"
					+ " group by 1 order by 2 desc limit 5")
			.param(id)
			.query((rs, n) -> String.format(Locale.ROOT, "problems:             %d × %s%n", rs.getLong(2),
					rs.getString(1)))
			.list()
			.forEach(System.out::print);
		System.out.printf(Locale.ROOT, "cores:                %d%n", Runtime.getRuntime().availableProcessors());
		System.out.printf(Locale.ROOT, "cpu:                  %s%n", cpu);
		System.out.printf(Locale.ROOT, "java:                 %s%n", System.getProperty("java.version"));
		System.out.printf(Locale.ROOT, "postgresql:           %s%n",
				this.jdbc.sql("select version()").query(String.class).single());
		System.out.printf(Locale.ROOT, "loadavg:              %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
	}

	/** The files of a run (≈ 280 MB at 20 %) go with it. */
	@AfterEach
	void removeFiles() throws java.io.IOException {
		if (this.dir != null) {
			FileSystemUtils.deleteRecursively(this.dir);
		}
	}

	private Path dir;

	private ImportJob await(UUID id) throws InterruptedException {
		while (true) {
			ImportJob job = this.runAs.run("admin", () -> this.imports.job(id));
			if (!job.running()) {
				return job;
			}
			Thread.sleep(100);
		}
	}

	private void empty() {
		JdbcClient.create(this.ownerDataSource)
			.sql("truncate household_assessment, member, household cascade")
			.update();
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static double seconds(long from) {
		return (System.nanoTime() - from) / 1e9;
	}

	/**
	 * Samples the heap in use (live and garbage) and the heap left after the latest
	 * collection of each pool (live data) every 10 ms.
	 */
	static final class HeapSampler extends Thread {

		volatile long used;

		volatile long live;

		HeapSampler() {
			super("heap-sampler");
			setDaemon(true);
		}

		@Override
		public void run() {
			while (!isInterrupted()) {
				this.used = Math.max(this.used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
				long after = 0;
				for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
					if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
						after += pool.getCollectionUsage().getUsed();
					}
				}
				this.live = Math.max(this.live, after);
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

	}

}
