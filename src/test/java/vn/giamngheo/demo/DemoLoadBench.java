package vn.giamngheo.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.support.IntegrationTest;

/**
 * Bench, not a timed test: loads the demo at the size of {@code -Ddemo.bench.size}
 * (default {@code full}) into a fresh embedded PostgreSQL and prints the figures and the
 * machine. Not matched by the build's test patterns; run it with
 * {@code bench/demo-load.sh}.
 */
@IntegrationTest
@Tag("bench")
// figures comparable with earlier runs: no WAL archiving unless -Ddemo.bench.archive=true
// (ADR 0015)
@TestPropertySource(properties = "giamngheo.backup.enabled=${demo.bench.archive:false}")
class DemoLoadBench {

	@Autowired
	DemoLoader loader;

	@Autowired
	JdbcClient jdbc;

	/** The owner: only it sees the server's background processes (ADR 0015). */
	@Autowired
	@OwnerDatabase
	javax.sql.DataSource owner;

	private static double jvmCpuSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
	}

	/**
	 * CPU time of the postmaster, its reaped children and its live children (Linux /proc,
	 * clock ticks of 1/100 s).
	 */
	private static double postgresCpuSeconds(long postmaster) throws Exception {
		long ticks = ticks(postmaster, true);
		try (var dirs = Files.list(Path.of("/proc"))) {
			for (Path dir : (Iterable<Path>) dirs::iterator) {
				String name = dir.getFileName().toString();
				if (name.chars().allMatch(Character::isDigit)) {
					String[] f = stat(Long.parseLong(name));
					if (f != null && Long.parseLong(f[1]) == postmaster) {
						ticks += ticks(Long.parseLong(name), false);
					}
				}
			}
		}
		return ticks / 100.0;
	}

	/**
	 * Fields of /proc/pid/stat after the command: [0] state, [1] ppid, ... [11] utime,
	 * [12] stime, [13] cutime, [14] cstime.
	 */
	private static String[] stat(long pid) {
		try {
			String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			return s.substring(s.lastIndexOf(')') + 2).split(" ");
		}
		catch (Exception ex) {
			return null;
		}
	}

	private static long ticks(long pid, boolean withReapedChildren) {
		String[] f = stat(pid);
		if (f == null) {
			return 0;
		}
		long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
		return withReapedChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
	}

	@Test
	void loadDemo() throws Exception {
		String size = System.getProperty("demo.bench.size", "full");
		String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
		long postmaster = JdbcClient.create(this.owner)
			.sql("select pid from pg_stat_activity where backend_type = 'checkpointer'")
			.query(Long.class)
			.single();
		postmaster = ProcessHandle.of(postmaster).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(0L);
		double pgBefore = postgresCpuSeconds(postmaster);
		double jvmBefore = jvmCpuSeconds();
		DemoLoader.LoadReport r = this.loader.load(size, DemoProperties.fractionOf(size), 20151231L);
		double pgCpu = postgresCpuSeconds(postmaster) - pgBefore;
		double jvmCpu = jvmCpuSeconds() - jvmBefore;
		String cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
			.stream()
			.filter((l) -> l.startsWith("model name"))
			.findFirst()
			.map((l) -> l.substring(l.indexOf(':') + 1).trim())
			.orElse("?");
		String pg = this.jdbc.sql("select version()").query(String.class).single();
		System.out.println("=== demo load bench ===");
		System.out.printf(Locale.ROOT, "size:         %s%n", size);
		System.out.printf(Locale.ROOT, "households:   %d%n", r.households());
		System.out.printf(Locale.ROOT, "members:      %d%n", r.members());
		System.out.printf(Locale.ROOT, "assessments:  %d%n", r.assessments());
		System.out.printf(Locale.ROOT, "seconds:      %.1f%n", r.seconds());
		System.out.printf(Locale.ROOT, "rows/s:       %.0f%n", r.rowsPerSecond());
		System.out.printf(Locale.ROOT, "cpu seconds:  %.1f PostgreSQL + %.1f JVM (generation, COPY client)%n", pgCpu,
				jvmCpu);
		System.out.printf(Locale.ROOT, "cores:        %d%n", Runtime.getRuntime().availableProcessors());
		System.out.printf(Locale.ROOT, "cpu:          %s%n", cpu);
		System.out.printf(Locale.ROOT, "java:         %s (%s)%n", System.getProperty("java.version"),
				System.getProperty("java.vm.name"));
		System.out.printf(Locale.ROOT, "postgresql:   %s%n", pg);
		System.out.printf(Locale.ROOT, "max heap:     %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
		System.out.printf(Locale.ROOT, "loadavg:      before %s, after %s%n", loadBefore,
				Files.readString(Path.of("/proc/loadavg")).trim());
	}

}
