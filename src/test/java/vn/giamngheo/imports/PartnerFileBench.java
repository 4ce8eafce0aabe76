package vn.giamngheo.imports;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.RunAs;
import vn.giamngheo.identity.UserDirectory;
import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.support.IntegrationTest;

/**
 * Bench, not a timed test (run it with {@code bench/partner-files.sh}): a
 * health-insurance card list of {@code partner.bench.rows} rows (default 100,000), one
 * card per member of as many households made for it, checked (dry run) and committed into
 * the benefit ledger as the administrator, then the same file again (every row a record
 * already there). Prints the times, the peak heap, the machine and its load.
 */
@IntegrationTest
@Tag("bench")
class PartnerFileBench {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDirectory directory;

	@Autowired
	UserRepository users;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	PartnerFiles files;

	@Autowired
	RunAs runAs;

	@Test
	void cardList() throws Exception {
		int n = Integer.getInteger("partner.bench.rows", 100_000);
		Fixtures f = new Fixtures(this.jdbc, this.directory, this.users, this.tx).communes();
		String prefix = "PB" + f.tag + "-";
		long t0 = System.nanoTime();
		this.jdbc
			.sql("""
						insert into household (province_code, code, commune_id, village_id, unit_path, head_name, head_name_norm, urban)
						select v.province_code, :prefix || i, v.commune_id, v.village_id, v.unit_path, 'Nguyễn Văn Thẻ ' || i,
					       'nguyen van the ' || i, false
					from generate_series(1, :n) i,
					     (select province_code, commune_id, village_id, unit_path from household where id = :fixture) v""")
			.param("prefix", prefix)
			.param("n", n)
			.param("fixture", f.a.household())
			.update();
		this.jdbc.sql("""
				insert into member (household_id, province_code, full_name, full_name_norm, sex, date_of_birth,
				                    ethnicity_code, relation, cccd)
				select h.id, h.province_code, h.head_name, h.head_name_norm, 'M',
				       date '1960-01-01' + (substr(h.code, length(:prefix) + 1)::int % 15000),
				       '01', 'HEAD', '099' || lpad(substr(h.code, length(:prefix) + 1), 9, '0')
				from household h where h.code like :prefix || '%'""").param("prefix", prefix).update();
		this.jdbc.sql("analyze household").update();
		this.jdbc.sql("analyze member").update();
		double setUp = seconds(t0);

		Path dir = Files.createTempDirectory("partner-bench");
		Path xlsx = dir.resolve("the-bhyt.xlsx");
		try (OutputStream out = Files.newOutputStream(xlsx)) {
			Workbook wb = new Workbook(out, "bench", "1.0");
			Worksheet ws = wb.newWorksheet("Danh sách");
			String[] headers = { "Số thẻ BHYT", "Họ và tên", "Ngày sinh", "Số CCCD", "Mã hộ", "Đối tượng",
					"Giá trị sử dụng từ ngày", "Giá trị sử dụng đến ngày", "Ngân sách trung ương đóng (đồng)",
					"Ngân sách địa phương đóng (đồng)" };
			for (int c = 0; c < headers.length; c++) {
				ws.value(0, c, headers[c]);
			}
			for (int i = 1; i <= n; i++) {
				ws.value(i, 0, String.format(Locale.ROOT, "HN4%012d", i));
				ws.value(i, 1, "Nguyễn Văn Thẻ " + i);
				ws.value(i, 2, LocalDate.of(1960, 1, 1).plusDays(i % 15000));
				ws.style(i, 2).format("dd/mm/yyyy").set();
				ws.value(i, 3, String.format(Locale.ROOT, "099%09d", i));
				ws.value(i, 4, prefix + i);
				ws.value(i, 5, "Hộ nghèo");
				ws.value(i, 6, LocalDate.of(2025, 1, 1));
				ws.style(i, 6).format("dd/mm/yyyy").set();
				ws.value(i, 7, LocalDate.of(2025, 12, 31));
				ws.style(i, 7).format("dd/mm/yyyy").set();
				ws.value(i, 8, 1_105_300);
				ws.value(i, 9, 0);
				if (i % 10_000 == 0) {
					ws.flush();
				}
			}
			wb.finish();
		}

		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		System.gc();
		long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		ImportBench.HeapSampler heap = new ImportBench.HeapSampler();
		heap.start();
		t0 = System.nanoTime();
		UUID id = upload(xlsx);
		ImportJob dry = await(id);
		double dryRun = seconds(t0);
		long t1 = System.nanoTime();
		this.runAs.run("admin", () -> this.files.commit(id, "ALL"));
		ImportJob done = await(id);
		double commit = seconds(t1);
		double endToEnd = seconds(t0);
		long t2 = System.nanoTime();
		ImportJob again = await(upload(xlsx));
		double reCheck = seconds(t2);
		heap.interrupt();
		heap.join();
		long written = this.jdbc.sql("select count(*) from benefit_record where import_job_id = ? and not voided")
			.param(id)
			.query(Long.class)
			.single();

		System.out.println("=== partner files bench ===");
		System.out.printf(Locale.ROOT, "file:                 %d rows (health-insurance cards), XLSX %.1f MB%n", n,
				Files.size(xlsx) / 1e6);
		System.out.printf(Locale.ROOT, "set up:               %.1f s (%d households and members made by SQL)%n", setUp,
				n);
		System.out.printf(Locale.ROOT, "dry run:              %.1f s -> %s, %d rows, %d problems, %d new%n", dryRun,
				dry.status(), dry.rowsTotal(), dry.problemCount(), dry.householdsCreated());
		System.out.printf(Locale.ROOT,
				"commit:               %.1f s -> %s, %d records written (read, match again, write, audit)%n", commit,
				done.status(), written);
		System.out.printf(Locale.ROOT, "checked and committed: %.1f s (goal: 30 s)%n", endToEnd);
		System.out.printf(Locale.ROOT, "same file again:      %.1f s dry run -> %d new, %d unchanged%n", reCheck,
				again.householdsCreated(), again.householdsSame());
		System.out.printf(Locale.ROOT,
				"heap:                 at most %d MB in use, at most %d MB live after a collection"
						+ " (before %d MB; sampled every 10 ms); limit -Xmx %d MB%n",
				heap.used >> 20, heap.live >> 20, heapBefore >> 20, Runtime.getRuntime().maxMemory() >> 20);
		String cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
			.stream()
			.filter((l) -> l.startsWith("model name"))
			.findFirst()
			.map((l) -> l.substring(l.indexOf(':') + 1).trim())
			.orElse("?");
		System.out.printf(Locale.ROOT, "cores:                %d%n", Runtime.getRuntime().availableProcessors());
		System.out.printf(Locale.ROOT, "cpu:                  %s%n", cpu);
		System.out.printf(Locale.ROOT, "java:                 %s%n", System.getProperty("java.version"));
		System.out.printf(Locale.ROOT, "postgresql:           %s%n",
				this.jdbc.sql("select version()").query(String.class).single());
		System.out.printf(Locale.ROOT, "loadavg:              %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
		org.springframework.util.FileSystemUtils.deleteRecursively(dir);
	}

	private UUID upload(Path xlsx) {
		return this.runAs.run("admin", () -> {
			try (InputStream in = Files.newInputStream(xlsx)) {
				return this.files.upload("HI_CARDS", "the-bhyt.xlsx", in).id();
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
	}

	private ImportJob await(UUID id) throws InterruptedException {
		while (true) {
			ImportJob job = this.runAs.run("admin", () -> this.files.job(id));
			if (!job.running()) {
				return job;
			}
			Thread.sleep(100);
		}
	}

	private static double seconds(long from) {
		return (System.nanoTime() - from) / 1e9;
	}

}
