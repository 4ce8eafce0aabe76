package vn.giamngheo.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.giamngheo.standards.domain.CompiledRules;
import vn.giamngheo.standards.domain.Standard;
import vn.giamngheo.standards.domain.StandardLoader;
import vn.giamngheo.standards.domain.Way;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo draws incomes with its own copy of the thresholds; this pins that copy to the
 * standards engine (the rules core), so generated classes are exactly what the engine
 * decides.
 */
class DemoStandardsAgreeWithEngineTest {

	static Stream<Arguments> keys() {
		return Stream.of("2016-2020", "2021", "2022-2025", "2026").map(Arguments::of);
	}

	@ParameterizedTest
	@MethodSource("keys")
	void demoClassesAreTheEngineClassesAtEveryBoundary(String key) {
		Standard standard = StandardLoader.loadClasspath().find(key).orElseThrow();
		CompiledRules rules = CompiledRules.of(standard.rules(Way.INCOME));
		assertThat(standard.indicators().stream().map((i) -> i.code()).toList())
			.isEqualTo(DemoStandards.indicators(key));
		for (boolean urban : new boolean[] { false, true }) {
			List<Long> incomes = new ArrayList<>();
			for (long line : new long[] { DemoStandards.povertyLine(key, urban), DemoStandards.nearPoorLine(key, urban),
					DemoStandards.middleMax(key, urban) }) {
				incomes.addAll(List.of(line - 1, line, line + 1));
			}
			incomes.addAll(List.of(0L, 350_000L, 10_000_000L));
			for (long income : incomes) {
				for (int d = 0; d <= 6; d++) {
					DemoStandards.Result demo = DemoStandards.classOf(key, urban, income, d);
					int code = rules.classify(urban, income, d);
					assertThat(demo.classification()).as("%s urban=%s income=%d d=%d", key, urban, income, d)
						.isEqualTo(CompiledRules.povertyClass(code).name());
					String subtype = (CompiledRules.subtype(code) != null) ? CompiledRules.subtype(code).name() : null;
					assertThat(demo.poorSubtype()).as("subtype %s %s %d %d", key, urban, income, d).isEqualTo(subtype);
				}
			}
		}
	}

}
