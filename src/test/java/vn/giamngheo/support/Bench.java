package vn.giamngheo.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.giamngheo.analytics.Territory;

/**
 * What the bench commands share: a province of many communes, and the machine in words.
 */
public final class Bench {

	private Bench() {
	}

	/**
	 * Communes of a territory's district, one village each, as arrays for
	 * {@code unnest(?::bigint[], ?::bigint[], ?::text[])}.
	 *
	 * @param communes commune ids
	 * @param villages their village ids
	 * @param paths the villages' paths
	 */
	public record Communes(Long[] communes, Long[] villages, String[] paths) {
	}

	/** Creates {@code count} communes (every fifth urban) in the territory's district. */
	public static Communes communes(JdbcClient jdbc, Territory t, int count) {
		List<Long> communes = new ArrayList<>();
		List<Long> villages = new ArrayList<>();
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long[] c = t.commune("B" + i, "Xã", i % 5 == 0);
			communes.add(c[0]);
			villages.add(c[1]);
			paths.add(jdbc.sql("select path from admin_unit where id = ?").param(c[1]).query(String.class).single());
		}
		return new Communes(communes.toArray(Long[]::new), villages.toArray(Long[]::new), paths.toArray(String[]::new));
	}

	/**
	 * Writes synthetic households spread evenly over the communes (every fifth commune's
	 * households urban, every third household of an ethnic minority).
	 */
	public static void households(JdbcClient jdbc, Territory t, Communes c, int households, String codePrefix) {
		jdbc.sql("insert into household (province_code, code, commune_id, village_id, unit_path, head_name,"
				+ " head_name_norm, urban, ethnic_minority, synthetic) select '49', ? || ? || '-' || g, c.commune_id,"
				+ " c.village_id, c.path, 'Hộ thử ' || g, 'ho thu ' || g, c.n % 5 = 1, g % 3 = 0, true"
				+ " from generate_series(0, ? - 1) g join unnest(?::bigint[], ?::bigint[], ?::text[])"
				+ " with ordinality c(commune_id, village_id, path, n) on c.n = g % ? + 1")
			.params(codePrefix, t.tag, households, c.communes(), c.villages(), c.paths(), c.communes().length)
			.update();
	}

	/**
	 * Prints the bench's title, the machine (cores, CPU, JVM, PostgreSQL) and the load.
	 */
	public static void machine(String title, JdbcClient jdbc) throws IOException {
		System.out.println("=== " + title);
		System.out.println("cores: " + Runtime.getRuntime().availableProcessors() + ", " + cpu());
		System.out.println("java: " + System.getProperty("java.version") + ", max heap "
				+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
		System.out.println("postgresql: " + jdbc.sql("show server_version").query(String.class).single());
		System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
	}

	static String cpu() throws IOException {
		return Files.readAllLines(Path.of("/proc/cpuinfo"))
			.stream()
			.filter((l) -> l.startsWith("model name"))
			.findFirst()
			.map((l) -> l.substring(l.indexOf(':') + 1).trim())
			.orElse("?");
	}

}
