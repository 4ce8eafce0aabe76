package vn.giamngheo.standards.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.standards.af.AfSpec;
import vn.giamngheo.standards.af.AlkireFoster;
import vn.giamngheo.standards.af.Fraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Alkire–Foster parameters of each standard come from its file with their citation:
 * equal weights and k = the legal deprivation cut-off over the number of indicators, so
 * "multidimensionally poor" is exactly "deprived on at least the cut-off's number of
 * indicators"; inheriting standards inherit them, unverified when the standard is.
 */
class AlkireFosterSpecTest {

	static final StandardCatalogue CATALOGUE = StandardLoader.loadClasspath();

	@ParameterizedTest
	@CsvSource({ "2016-2020, 10, 3/10, true, Quyết định 59/2015", "2021, 10, 3/10, true, Quyết định 59/2015",
			"2022-2025, 12, 1/4, true, Nghị định 07/2021", "2026, 12, 1/4, false, Nghị định 07/2021",
			"2027-2030, 12, 1/4, false, Nghị định 351/2025" })
	void eachStandardGivesWeightsAndCutoffWithItsLaw(String key, int indicators, String k, boolean verified,
			String law) {
		Standard s = CATALOGUE.find(key).orElseThrow();
		AfSpec spec = s.alkireFosterSpec().orElseThrow();
		assertThat(spec.indicators()).hasSize(indicators)
			.containsExactlyElementsOf(s.indicators().stream().map(Indicator::code).toList());
		assertThat(spec.equalWeights()).isTrue();
		assertThat(spec.k()).isEqualTo(Fraction.parse(k));
		assertThat(spec.verified()).isEqualTo(verified);
		assertThat(spec.legalBasis()).contains(law);
		// the cut-off test is the legal count: deprived on cut-off indicators or more
		AlkireFoster m = spec.measure();
		int cutoff = (int) s.incomeWay().deprivationCutoff().value();
		assertThat(m.isPoor((1L << cutoff) - 1)).isTrue();
		assertThat(m.isPoor((1L << (cutoff - 1)) - 1)).isFalse();
	}

	static void copyShipped(Path dir) throws IOException {
		for (String f : new String[] { "index.yaml", "2016-2020.yaml", "2021.yaml", "2022-2025.yaml", "2026.yaml",
				"2027-2030.yaml" }) {
			try (InputStream in = AlkireFosterSpecTest.class.getResourceAsStream("/standards/" + f)) {
				Files.write(dir.resolve(f), in.readAllBytes());
			}
		}
		Files.writeString(dir.resolve("index.yaml"),
				Files.readString(dir.resolve("index.yaml")).replaceAll("(?s)local:.*?score_tables", "score_tables"));
	}

	@Test
	void weightsThatDoNotSumToOneNameTheFile(@TempDir Path dir) throws IOException {
		copyShipped(dir);
		Path file = dir.resolve("2016-2020.yaml");
		Files.writeString(file, Files.readString(file)
			.replace("  weights: equal",
					"  weights: {HEA: 1/10, HIN: 1/10, AED: 1/10, CED: 1/10, HQU: 1/10, HAR: 1/10, WAT: 1/10, SAN: 1/10, TEL: 1/10, INF: 1/5}"));
		assertThatThrownBy(() -> StandardLoader.loadDirectory(dir)).hasMessageContaining("2016-2020.yaml")
			.hasMessageContaining("alkire_foster")
			.hasMessageContaining("sum to 1");
	}

	@Test
	void unequalWeightsAreRead(@TempDir Path dir) throws IOException {
		copyShipped(dir);
		Path file = dir.resolve("2016-2020.yaml");
		Files.writeString(file, Files.readString(file)
			.replace("  weights: equal",
					"  weights: {HEA: 1/10, HIN: 1/10, AED: 1/10, CED: 1/10, HQU: 1/10, HAR: 1/10, WAT: 1/10, SAN: 1/10, TEL: 1/20, INF: 3/20}"));
		AfSpec spec = StandardLoader.loadDirectory(dir)
			.find("2016-2020")
			.orElseThrow()
			.alkireFosterSpec()
			.orElseThrow();
		assertThat(spec.equalWeights()).isFalse();
		assertThat(spec.weights().get(9)).isEqualTo(Fraction.of(3, 20));
	}

}
