package vn.giamngheo.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.giamngheo.support.IntegrationTest;

/**
 * Bench, not a timed test: loads the demo at the size of {@code -Ddemo.bench.size}
 * (default {@code full}) into a fresh embedded PostgreSQL and prints the figures and the
 * machine. Not matched by the build's test patterns; run it with
 * {@code bench/demo-load.sh}.
 */
@IntegrationTest
@Tag("bench")
class DemoLoadBench {

	@Autowired
	DemoLoader loader;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loadDemo() throws Exception {
		String size = System.getProperty("demo.bench.size", "full");
		String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
		DemoLoader.LoadReport r = this.loader.load(size, DemoProperties.fractionOf(size), 20151231L);
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
