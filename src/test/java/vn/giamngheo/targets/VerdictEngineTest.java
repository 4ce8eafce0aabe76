package vn.giamngheo.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.targets.domain.Comparator;
import vn.giamngheo.targets.domain.Evaluation;
import vn.giamngheo.targets.domain.Forecast;
import vn.giamngheo.targets.domain.Point;
import vn.giamngheo.targets.domain.Rule;
import vn.giamngheo.targets.domain.Verdict;
import vn.giamngheo.targets.domain.VerdictEngine;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict rules, boundary by boundary. */
class VerdictEngineTest {

	/** "y:v,y:v" with an optional basis "y:v:b". */
	static List<Point> series(String text) {
		List<Point> points = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return points;
		}
		for (String p : text.split(",")) {
			String[] f = p.trim().split(":");
			points.add(new Point(Integer.parseInt(f[0]), Double.parseDouble(f[1]), (f.length > 2) ? f[2] : ""));
		}
		return points;
	}

	static Rule rule(Comparator c, double value, Integer targetYear, int from, int to, boolean lowerIsBetter) {
		return new Rule(c, value, null, targetYear, from, to, null, null, lowerIsBetter, new TreeMap<>());
	}

	@ParameterizedTest(name = "{0} {1} by {2}: {3} -> {4}")
	@CsvSource(delimiter = ';', value = {
			// Quảng Nam: rate ≤ 2.87% by 2025
			"LE; 2.87; 2025; '2021:7.5,2022:6.6,2023:5.4,2024:4.2,2025:2.87'; MET",
			"LE; 2.87; 2025; '2021:7.5,2022:6.6,2023:5.4,2024:4.2,2025:2.88'; OFF_TRACK",
			// trend 7.5 -> 4.2 over 3 years reaches 2.87 by 2025? slope -1.11: forecast
			// 3.02 -> near
			"LE; 2.87; 2025; '2021:7.5,2022:6.6,2023:5.4,2024:4.2'; AT_RISK",
			"LE; 2.87; 2025; '2021:7.5,2022:5.5,2023:4.5,2024:3.2'; ON_TRACK",
			"LE; 2.87; 2025; '2021:7.5,2022:7.4,2023:7.3,2024:7.2'; OFF_TRACK", "LE; 2.87; 2025; ''; NO_DATA",
			"LE; 2.87; 2025; '2019:7.5'; NO_DATA", "LE; 2.87; 2025; '2024:2.5'; ON_TRACK",
			// strict comparators at the boundary
			"LT; 1.5; 2025; '2025:1.5'; OFF_TRACK", "LT; 1.5; 2025; '2025:1.49'; MET",
			"GT; 95; 2025; '2025:95'; OFF_TRACK", "GT; 95; 2025; '2025:95.1'; MET", "GE; 50; 2025; '2025:50'; MET",
			// about 10% (mountain): within 10% above, or lower
			"APPROX; 10; 2025; '2025:11'; MET", "APPROX; 10; 2025; '2025:11.01'; OFF_TRACK",
			"APPROX; 10; 2025; '2025:4'; MET" })
	void levelTargets(Comparator c, double value, int year, String points, Verdict expected) {
		boolean lower = c == Comparator.LE || c == Comparator.LT || c == Comparator.APPROX;
		assertThat(VerdictEngine.evaluate(rule(c, value, year, 2021, 2025, lower), series(points)).verdict())
			.isEqualTo(expected);
	}

	@ParameterizedTest(name = "reduce {0}-{1} pp/yr: {2} -> {3}")
	@CsvSource(delimiter = ';', value = {
			// Lai Châu: 18.75 (2015) -> 5.60 (2020): mean 2.63 pp < 3 -> off track at the
			// end
			"3; 4; '2015:18.75,2016:15.20,2017:12.10,2018:9.50,2019:7.40,2020:5.60'; OFF_TRACK; 2.63",
			"3; 4; '2015:18.75,2016:15.20,2017:12.10,2018:9.0,2019:6.0,2020:3.0'; MET; 3.15",
			// not over yet: 2.5 >= 0.75 x 3 -> at risk
			"3; 4; '2015:18,2016:15.5,2017:13'; AT_RISK; 2.5", "3; 4; '2015:18,2016:17,2017:16'; OFF_TRACK; 1.0",
			"3; 4; '2015:18,2016:15,2017:12'; ON_TRACK; 3.0", "3; 4; '2015:18'; NO_DATA; ",
			// a change of standard between 2015 and 2016 is skipped
			"3; 4; '2015:18:a,2016:25:b,2017:21:b'; ON_TRACK; 4.0" })
	void reductionTargets(double min, double max, String points, Verdict expected, Double mean) {
		Rule r = new Rule(Comparator.REDUCE_PP_PER_YEAR, min, max, null, 2016, 2020, 2015, null, true, new TreeMap<>());
		Evaluation e = VerdictEngine.evaluate(r, series(points));
		assertThat(e.verdict()).isEqualTo(expected);
		assertThat(e.meanReduction()).isEqualTo(mean);
	}

	@Test
	void aChangeOfStandardIsFlaggedAsRebased() {
		Rule r = new Rule(Comparator.REDUCE_PP_PER_YEAR, 3, 4.0, null, 2021, 2025, 2020, null, true, new TreeMap<>());
		Evaluation e = VerdictEngine.evaluate(r, series("2020:5.23:old,2021:7.5:new,2022:6.6:new"));
		assertThat(e.rebased()).isTrue();
		assertThat(e.meanReduction()).isEqualTo(0.9);
	}

	@Test
	void moreThanIsStrict() {
		Rule r = new Rule(Comparator.REDUCE_MORE_THAN_PP_PER_YEAR, 3, null, null, 2021, 2025, 2020, null, true,
				new TreeMap<>());
		assertThat(VerdictEngine.evaluate(r, series("2020:20,2021:17,2022:14,2023:11,2024:8,2025:5")).verdict())
			.isEqualTo(Verdict.OFF_TRACK);
		assertThat(
				VerdictEngine.evaluate(r, series("2020:20,2021:16.9,2022:13.8,2023:10.7,2024:7.6,2025:4.5")).verdict())
			.isEqualTo(Verdict.MET);
	}

	@ParameterizedTest(name = "income x1.5 of 2015: {0} -> {1}")
	@CsvSource(delimiter = ';', value = { "'2015:400000,2020:600000'; MET", "'2015:400000,2020:599999'; OFF_TRACK",
			"'2015:400000,2017:480000,2018:515000'; AT_RISK", "'2016:480000'; NO_DATA" })
	void timesBaseline(String points, Verdict expected) {
		Rule r = new Rule(Comparator.TIMES_BASELINE, 1.5, null, 2020, 2016, 2020, 2015, null, false, new TreeMap<>());
		Evaluation e = VerdictEngine.evaluate(r, series(points));
		assertThat(e.verdict()).isEqualTo(expected);
		if (expected != Verdict.NO_DATA) {
			assertThat(e.goal()).isEqualTo(600000.0);
		}
	}

	@ParameterizedTest(name = "below national {0} -> {1}")
	@CsvSource(delimiter = ';', value = { "'2025:3.5'; MET", "'2025:3.6'; OFF_TRACK", "'2024:3.0'; ON_TRACK" })
	void belowTheNationalRate(String points, Verdict expected) {
		TreeMap<Integer, Double> national = new TreeMap<>();
		national.put(2022, 5.0);
		national.put(2024, 3.6);
		Rule r = new Rule(Comparator.BELOW_REFERENCE, 0, null, 2025, 2021, 2025, null, null, true, national);
		Evaluation e = VerdictEngine.evaluate(r, series(points));
		assertThat(e.goal()).isEqualTo(3.6);
		assertThat(e.verdict()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "every year > 7000 jobs: {0} -> {1}")
	@CsvSource(delimiter = ';',
			value = { "'2016:7100,2017:7200,2018:7300,2019:7400,2020:7001'; MET", "'2016:7100,2017:7200'; ON_TRACK",
					"'2016:6900,2017:7200'; AT_RISK", "'2016:7100,2017:6900'; OFF_TRACK",
					"'2016:7100,2017:7200,2018:7300,2019:6000,2020:7001'; OFF_TRACK" })
	void everyYear(String points, Verdict expected) {
		assertThat(VerdictEngine.evaluate(rule(Comparator.GT, 7000, null, 2016, 2020, false), series(points)).verdict())
			.isEqualTo(expected);
	}

	@Test
	void allWithDemandIsOneHundredPercent() {
		Rule r = rule(Comparator.ALL_WITH_DEMAND, 100, 2025, 2021, 2025, false);
		assertThat(VerdictEngine.evaluate(r, series("2025:99.9")).verdict()).isEqualTo(Verdict.OFF_TRACK);
		assertThat(VerdictEngine.evaluate(r, series("2025:100")).verdict()).isEqualTo(Verdict.MET);
	}

	@Test
	void forecastIsTheLeastSquaresLine() {
		assertThat(Forecast.linear(series("2021:7.5,2022:6.6,2023:5.4,2024:4.2"), 2025)).isEqualTo(3.15);
		assertThat(Forecast.linear(series("2021:7.5"), 2025)).isNull();
	}

}
