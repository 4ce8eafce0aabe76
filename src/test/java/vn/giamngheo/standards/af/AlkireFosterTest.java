package vn.giamngheo.standards.af;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlkireFosterTest {

	static Fraction f(String s) {
		return Fraction.parse(s);
	}

	static long mask(int... bits) {
		long m = 0;
		for (int i = 0; i < bits.length; i++) {
			if (bits[i] == 1) {
				m |= 1L << i;
			}
		}
		return m;
	}

	@Test
	void toyExampleOfAlkireAndFoster2011() {
		AlkireFoster af = new AlkireFoster(List.of("d1", "d2", "d3", "d4"),
				List.of(f("1/4"), f("1/4"), f("1/4"), f("1/4")), f("2/4"));
		AlkireFoster.Accumulator acc = af.accumulator();
		acc.add(mask(0, 0, 0, 0), 1, null);
		acc.add(mask(0, 1, 0, 1), 1, null);
		acc.add(mask(1, 1, 1, 1), 1, null);
		acc.add(mask(0, 1, 0, 0), 1, null);
		AlkireFoster.Result r = acc.result();
		assertThat(r.headcount()).isEqualTo(f("1/2"));
		assertThat(r.intensity()).isEqualTo(f("3/4"));
		assertThat(r.adjustedHeadcount()).isEqualTo(f("3/8"));
		assertThat(r.adjustedHeadcount().toDouble()).isEqualTo(0.375);
		assertThat(r.censored()).containsExactly(f("1/4"), f("1/2"), f("1/4"), f("1/2"));
		assertThat(r.uncensored()).containsExactly(f("1/4"), f("3/4"), f("1/4"), f("1/2"));
		assertThat(r.contributionShares()).containsExactly(f("1/6"), f("1/3"), f("1/6"), f("1/3"));
		assertThat(r.contributions().stream().reduce(Fraction.ZERO, Fraction::add)).isEqualTo(r.adjustedHeadcount());
	}

	@Test
	void groupedWeightedExample() {
		AlkireFoster af = new AlkireFoster(List.of("a", "b", "c"), List.of(f("1/3"), f("1/3"), f("1/3")), f("2/3"));
		AlkireFoster.Accumulator acc = af.accumulator();
		acc.add(mask(1, 1, 0), 2, "X");
		acc.add(mask(0, 0, 1), 1, "X");
		acc.add(mask(1, 1, 1), 1, "Y");
		acc.add(mask(0, 1, 0), 3, "Y");
		AlkireFoster.Result all = acc.result();
		assertThat(all.totalWeight()).isEqualTo(7);
		assertThat(all.headcount()).isEqualTo(f("3/7"));
		assertThat(all.intensity()).isEqualTo(f("7/9"));
		assertThat(all.adjustedHeadcount()).isEqualTo(f("1/3"));
		assertThat(all.uncensored()).containsExactly(f("3/7"), f("6/7"), f("2/7"));
		assertThat(all.censored()).containsExactly(f("3/7"), f("3/7"), f("1/7"));
		assertThat(all.contributionShares()).containsExactly(f("3/7"), f("3/7"), f("1/7"));
		AlkireFoster.Result x = acc.groupResults().get("X");
		assertThat(x.headcount()).isEqualTo(f("2/3"));
		assertThat(x.intensity()).isEqualTo(f("2/3"));
		assertThat(x.adjustedHeadcount()).isEqualTo(f("4/9"));
		assertThat(x.censored()).containsExactly(f("2/3"), f("2/3"), f("0"));
		AlkireFoster.Result y = acc.groupResults().get("Y");
		assertThat(y.headcount()).isEqualTo(f("1/4"));
		assertThat(y.intensity()).isEqualTo(f("1"));
		assertThat(y.uncensored()).containsExactly(f("1/4"), f("1"), f("1/4"));
	}

	@Test
	void nestedWeightsScoreEqualToKCountsAsPoor() {
		Map<String, Fraction> dimensions = new LinkedHashMap<>();
		dimensions.put("health", f("1/3"));
		dimensions.put("education", f("1/3"));
		dimensions.put("living", f("1/3"));
		Map<String, Fraction> health = new LinkedHashMap<>();
		health.put("nutrition", f("1/2"));
		health.put("mortality", f("1/2"));
		Map<String, Fraction> education = new LinkedHashMap<>();
		education.put("years", f("1/2"));
		education.put("attendance", f("1/2"));
		Map<String, Fraction> living = new LinkedHashMap<>();
		for (String s : List.of("cooking", "sanitation", "water", "electricity", "housing", "assets")) {
			living.put(s, f("1/6"));
		}
		Map<String, Fraction> weights = AlkireFoster.nested(dimensions,
				Map.of("health", health, "education", education, "living", living));
		assertThat(weights.get("nutrition")).isEqualTo(f("1/6"));
		assertThat(weights.get("water")).isEqualTo(f("1/18"));
		AlkireFoster af = new AlkireFoster(List.copyOf(weights.keySet()), List.copyOf(weights.values()), f("1/3"));
		// 1/6 + 1/6 == 1/3 exactly → poor
		assertThat(af.isPoor(mask(1, 1))).isTrue();
		// 1/6 + 1/18 × 2 = 5/18 < 1/3 → not poor
		assertThat(af.isPoor(mask(1, 0, 0, 0, 0, 0, 1, 1))).isFalse();
		// 1/6 + 1/18 × 3 = 1/3 → poor
		assertThat(af.isPoor(mask(1, 0, 0, 0, 0, 0, 1, 1, 1))).isTrue();
	}

	@ParameterizedTest(name = "k={0}: score {1}/3 poor={2}")
	@CsvSource(textBlock = """
			33/100, 1, true
			34/100, 1, false
			1/3,    1, true
			2/3,    1, false
			2/3,    2, true
			1,      2, false
			1,      3, true
			""")
	void cutOffIsInclusiveAndExact(String k, int deprived, boolean poor) {
		AlkireFoster af = new AlkireFoster(List.of("a", "b", "c"), List.of(f("1/3"), f("1/3"), f("1/3")), f(k));
		assertThat(af.isPoor((1L << deprived) - 1)).isEqualTo(poor);
	}

	@Test
	void weightsMustSumToOne() {
		assertThatThrownBy(() -> new AlkireFoster(List.of("a", "b"), List.of(f("1/3"), f("1/3")), f("1/2")))
			.hasMessageContaining("sum to 1");
	}

}
