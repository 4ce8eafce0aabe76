package vn.giamngheo.demo;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.giamngheo.demo.DemoGenerator.Chunk;
import vn.giamngheo.demo.DemoGenerator.Commune;
import vn.giamngheo.demo.DemoGenerator.Village;
import vn.giamngheo.demo.DemoLoader.YearSummary;
import vn.giamngheo.demo.DemoProvinces.Province;
import vn.giamngheo.shared.text.CsvReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator without a database: calibration, geography of poverty and that every
 * rendered assessment is consistent with {@link DemoStandards} (the generator refuses to
 * render an inconsistent one).
 */
class DemoGeneratorTest {

	static List<Commune> communes(String province) throws Exception {
		List<Commune> out = new ArrayList<>();
		try (CsvReader csv = new CsvReader(new InputStreamReader(DemoGeneratorTest.class.getClassLoader()
			.getResourceAsStream("reference/geography/commune_area_2024.csv"), StandardCharsets.UTF_8))) {
			Map<String, Integer> h = csv.header();
			long id = 1;
			for (List<String> row = csv.next(); row != null; row = csv.next()) {
				if (!province.equals(row.get(h.get("province_code")))) {
					continue;
				}
				long cid = id++;
				String path = "/1/2/" + cid + "/";
				List<Village> villages = List.of(new Village(100_000 + cid, "Thôn 1", path + (100_000 + cid) + "/"));
				out.add(new Commune(cid, row.get(h.get("code")), row.get(h.get("name")), row.get(h.get("type")),
						"urban".equals(row.get(h.get("urban_rural"))), row.get(h.get("district_code")), path,
						villages));
			}
		}
		return out;
	}

	static List<YearSummary> run(Province p, double fraction) throws Exception {
		List<Commune> communes = communes(p.code());
		boolean[] dbkk = new boolean[communes.size()];
		DemoGenerator gen = new DemoGenerator(p, communes, fraction, 42, dbkk);
		gen.simulate();
		Chunk chunk = new Chunk(gen.households());
		gen.render(0, gen.households(), chunk);
		assertThat(chunk.assessmentCount).isEqualTo(gen.households() * p.years());
		List<YearSummary> years = DemoLoader.summarise(gen);
		System.out.printf("%s: %d households, %d members (%.2f per household)%n", p.name(), gen.households(),
				chunk.memberCount, (double) chunk.memberCount / gen.households());
		for (YearSummary y : years) {
			System.out.println(y);
		}
		return years;
	}

	@Test
	void quangNamFollowsItsCalibrationAndMountainsArePoorer() throws Exception {
		List<YearSummary> years = run(DemoProvinces.QUANG_NAM, 0.05);
		assertThat(years.get(0).poorRate()).isCloseTo(12.90, org.assertj.core.data.Offset.offset(0.3));
		assertThat(years.get(4).poorRate()).isCloseTo(5.23, org.assertj.core.data.Offset.offset(0.3));
		assertThat(years.get(0).mountainPoorRate()).isGreaterThan(30);
		assertThat(years.get(0).plainPoorRate()).isLessThan(7);
	}

	@Test
	@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "demo.gen.time", matches = "true")
	void generationTime() throws Exception {
		List<Commune> communes = communes("49");
		DemoGenerator gen = new DemoGenerator(DemoProvinces.QUANG_NAM, communes, 1.0, 42, new boolean[communes.size()]);
		long t = System.nanoTime();
		gen.simulate();
		long t1 = System.nanoTime();
		long bytes = 0;
		for (int from = 0; from < gen.households(); from += 2000) {
			Chunk chunk = new Chunk(2000);
			gen.render(from, Math.min(gen.households(), from + 2000), chunk);
			chunk.encode();
			bytes += chunk.encoded[0].length + chunk.encoded[1].length + chunk.encoded[2].length;
		}
		System.out.printf("simulate %.1f s, render %.1f s (cpu %.1f s), %d MB%n", (t1 - t) / 1e9,
				(System.nanoTime() - t1) / 1e9,
				java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9, bytes >> 20);
	}

	@Test
	void laiChauFollowsItsCalibration() throws Exception {
		List<YearSummary> years = run(DemoProvinces.LAI_CHAU, 0.1);
		assertThat(years.get(0).poorRate()).isCloseTo(18.75, org.assertj.core.data.Offset.offset(0.3));
	}

}
