package vn.giamngheo.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import vn.giamngheo.targets.domain.Comparator;
import vn.giamngheo.targets.domain.Evaluation;
import vn.giamngheo.targets.domain.Judging;
import vn.giamngheo.targets.domain.Forecast;
import vn.giamngheo.targets.domain.Point;
import vn.giamngheo.targets.domain.Projection;
import vn.giamngheo.targets.domain.Rule;
import vn.giamngheo.targets.domain.Verdict;
import vn.giamngheo.targets.domain.VerdictEngine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verdict rules, boundary by boundary: no data is its own verdict, behind (not due)
 * is not missed (due), "about" has a stated tolerance, a unit already at the goal meets
 * it, and a forecast is a projection with its method or nothing.
 */
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
			"LE; 2.87; 2025; '2021:7.5,2022:6.6,2023:5.4,2024:4.2,2025:2.88'; MISSED",
			// trend 7.5 -> 4.2: 3.15 in 2025, short by 0.28 <= 1/4 of 4.63 -> at risk
			"LE; 2.87; 2025; '2021:7.5,2022:6.6,2023:5.4,2024:4.2'; AT_RISK",
			// trend reaches 1.7 by 2025
			"LE; 2.87; 2025; '2021:7.5,2022:5.5,2023:4.5,2024:3.2'; ON_TRACK",
			// not due yet and far short: behind schedule, not missed
			"LE; 2.87; 2025; '2021:7.5,2022:7.4,2023:7.3,2024:7.2'; BEHIND",
			// no value in the period: no data, never a failure
			"LE; 2.87; 2025; ''; NO_DATA", "LE; 2.87; 2025; '2019:7.5'; NO_DATA",
			// already at the goal before it is due (a city at 0%): met
			"LE; 2.87; 2025; '2024:2.5'; MET", "LE; 2.87; 2025; '2021:0,2022:0,2023:0,2024:0'; MET",
			// reached, but the trend leads out of it by 2025 (3.73): at risk
			"LE; 2.87; 2025; '2022:1.0,2023:2.0,2024:2.8'; AT_RISK",
			// one value only, no trend: near the goal at risk, far behind
			"LE; 2.87; 2025; '2024:3.0'; AT_RISK", "LE; 2.87; 2025; '2024:7'; BEHIND",
			// strict comparators at the boundary
			"LT; 1.5; 2025; '2025:1.5'; MISSED", "LT; 1.5; 2025; '2025:1.49'; MET", "GT; 95; 2025; '2025:95'; MISSED",
			"GT; 95; 2025; '2025:95.1'; MET", "GE; 50; 2025; '2025:50'; MET", "GE; 50; 2025; '2025:49.99'; MISSED",
			// about 10% (mountain, lower is better): ±1.0 (10% of 10), or lower
			// (exceeded)
			"APPROX; 10; 2025; '2025:11'; MET", "APPROX; 10; 2025; '2025:11.01'; MISSED",
			"APPROX; 10; 2025; '2025:9'; MET", "APPROX; 10; 2025; '2025:4'; MET" })
	void levelTargets(Comparator c, double value, int year, String points, Verdict expected) {
		boolean lower = c == Comparator.LE || c == Comparator.LT || c == Comparator.APPROX;
		assertThat(VerdictEngine.evaluate(rule(c, value, year, 2021, 2025, lower), series(points)).verdict())
			.isEqualTo(expected);
	}

	@ParameterizedTest(name = "about {0} (±{1}, lower better {2}): {3} -> {4} ({5})")
	@CsvSource(delimiter = ';', value = {
			// tolerance stated by the indicator (natural population growth about 1.9 ±
			// 0.5)
			"1.9; 0.5; true; 2.4; MET; targets.rule.met-at-target-year",
			"1.9; 0.5; true; 2.41; MISSED; targets.rule.missed-at-target-year",
			"1.9; 0.5; true; 1.4; MET; targets.rule.met-at-target-year",
			// far below a lower-is-better "about": exceeded, never "about"
			"1.9; 0.5; true; 0.35; MET; targets.rule.exceeded-at-target-year",
			// default tolerance: 10% of the value; higher is better
			"10; ; false; 9; MET; targets.rule.met-at-target-year",
			"10; ; false; 8.99; MISSED; targets.rule.missed-at-target-year",
			"10; ; false; 20; MET; targets.rule.exceeded-at-target-year" })
	void aboutHasAStatedTolerance(double value, Double tolerance, boolean lower, double actual, Verdict expected,
			String key) {
		Rule r = new Rule(Comparator.APPROX, value, null, 2020, 2016, 2020, null, null, lower, new TreeMap<>(),
				tolerance, null);
		Evaluation e = VerdictEngine.evaluate(r, series("2020:" + actual));
		assertThat(e.verdict()).isEqualTo(expected);
		assertThat(e.ruleKey()).isEqualTo(key);
		String sentence = vi(e);
		assertThat(sentence).contains("±" + ((tolerance != null) ? vi(tolerance) : vi(value / 10)));
		assertThat(sentence).doesNotContain("≈");
	}

	@ParameterizedTest(name = "reduce {0}-{1} pp/yr: {2} -> {3}")
	@CsvSource(delimiter = ';', value = {
			// Lai Châu: 18.75 (2015) -> 5.60 (2020): mean 2.63 pp < 3, period over:
			// missed
			"3; 4; '2015:18.75,2016:15.20,2017:12.10,2018:9.50,2019:7.40,2020:5.60'; MISSED; 2.63",
			"3; 4; '2015:18.75,2016:15.20,2017:12.10,2018:9.0,2019:6.0,2020:3.01'; MET; 3.15",
			// not over yet: 2.5 >= 0.75 x 3 -> at risk; 1.0 -> behind schedule
			"3; 4; '2015:18,2016:15.5,2017:13'; AT_RISK; 2.5", "3; 4; '2015:18,2016:17,2017:16'; BEHIND; 1.0",
			"3; 4; '2015:18,2016:15,2017:12'; ON_TRACK; 3.0", "3; 4; '2015:18'; NO_DATA; ",
			// a change of standard between 2015 and 2016 is skipped
			"3; 4; '2015:18:a,2016:25:b,2017:21:b'; ON_TRACK; 4.0",
			// nothing left to reduce (a city at 0%, or at most one year's fall): met
			"3; 4; '2015:0,2016:0,2017:0'; MET; ", "3; 4; '2015:2.5,2016:1.0,2017:0'; MET; ",
			"3; 4; '2015:9,2016:6,2017:3.0'; MET; ", "3; 4; '2015:9,2016:6,2017:3.2'; AT_RISK; 2.9" })
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
			.isEqualTo(Verdict.MISSED);
		assertThat(
				VerdictEngine.evaluate(r, series("2020:20,2021:16.9,2022:13.8,2023:10.7,2024:7.6,2025:4.5")).verdict())
			.isEqualTo(Verdict.MET);
	}

	@ParameterizedTest(name = "more than 3 points every year: {0} -> {1}")
	@CsvSource(delimiter = ';', value = {
			// mean 4.0 but 2023 fell only 2 points: judged year by year, missed
			"'2020:30,2021:25,2022:21,2023:19,2024:14,2025:10'; MISSED; targets.rule.each-year-reduction-missed",
			// every year more than 3: met
			"'2020:30,2021:26.5,2022:23,2023:19.5,2024:16,2025:12.5'; MET; targets.rule.each-year-reduction-meets",
			// exactly 3 is not more than 3
			"'2020:30,2021:27,2022:23,2023:19,2024:15,2025:11'; MISSED; targets.rule.each-year-reduction-missed",
			// period not over: an early year short, the latest one enough -> at risk
			"'2020:30,2021:28,2022:24'; AT_RISK; targets.rule.each-year-reduction-latest-meets",
			"'2020:30,2021:26,2022:24'; BEHIND; targets.rule.each-year-reduction-short",
			"'2020:30,2021:26,2022:22'; ON_TRACK; targets.rule.each-year-reduction-meets" })
	void moreThanThreePointsEveryYearIsJudgedYearByYear(String points, Verdict expected, String key) {
		Rule r = new Rule(Comparator.REDUCE_MORE_THAN_PP_PER_YEAR, 3, null, null, 2021, 2025, 2020, null, true,
				new TreeMap<>())
			.judged(Judging.EACH_YEAR);
		Evaluation e = VerdictEngine.evaluate(r, series(points));
		assertThat(e.verdict()).isEqualTo(expected);
		assertThat(e.ruleKey()).isEqualTo(key);
		// the same series judged on the mean (the old reading) passes where the mean is
		// above 3
		if (points.startsWith("'2020:30,2021:25,")) {
			Rule mean = r.judged(Judging.AVERAGE);
			assertThat(VerdictEngine.evaluate(mean, series(points)).verdict()).isEqualTo(Verdict.MET);
			assertThat(VerdictEngine.evaluate(mean, series(points)).meanReduction()).isEqualTo(4.0);
		}
	}

	@ParameterizedTest(name = "an average of 0.5 a year: {0} -> {1}")
	@CsvSource(delimiter = ';', value = {
			// one year at 0.3 but the average is 0.5: met on the average
			"'2016:0.5,2017:0.3,2018:0.7,2019:0.5,2020:0.5'; MET; targets.rule.average-meets",
			"'2016:0.5,2017:0.3,2018:0.5,2019:0.5,2020:0.5'; MISSED; targets.rule.average-missed",
			"'2016:0.4,2017:0.7'; ON_TRACK; targets.rule.average-meets",
			"'2016:0.4,2017:0.5'; BEHIND; targets.rule.average-short" })
	void anAverageOfHalfAPointAYearIsJudgedOnTheAverage(String points, Verdict expected, String key) {
		Rule r = rule(Comparator.GE, 0.5, null, 2016, 2020, false).judged(Judging.AVERAGE);
		Evaluation e = VerdictEngine.evaluate(r, series(points));
		assertThat(e.verdict()).isEqualTo(expected);
		assertThat(e.ruleKey()).isEqualTo(key);
		// year by year (the old reading) the 0.3 year fails it
		if (points.contains("2017:0.3,2018:0.7")) {
			assertThat(VerdictEngine.evaluate(r.judged(Judging.EACH_YEAR), series(points)).verdict())
				.isEqualTo(Verdict.MISSED);
		}
	}

	@Test
	void theGoalSaysHowTheTargetIsJudged() {
		Rule each = new Rule(Comparator.REDUCE_MORE_THAN_PP_PER_YEAR, 3, null, null, 2021, 2025, 2020, null, true,
				new TreeMap<>())
			.judged(Judging.EACH_YEAR);
		assertThat(VerdictEngine.goalPhrase(each, 3).key())
			.isEqualTo("targets.goal.REDUCE_MORE_THAN_PP_PER_YEAR.each-year");
		assertThat(VerdictEngine.goalPhrase(each.judged(null), 3).key())
			.isEqualTo("targets.goal.REDUCE_MORE_THAN_PP_PER_YEAR");
		Rule average = rule(Comparator.GE, 0.5, null, 2016, 2020, false).judged(Judging.AVERAGE);
		assertThat(VerdictEngine.goalPhrase(average, 0.5).key()).isEqualTo("targets.goal.GE.average");
	}

	@ParameterizedTest(name = "income x1.5 of 2015: {0} -> {1}")
	@CsvSource(delimiter = ';', value = { "'2015:400000,2020:600000'; MET", "'2015:400000,2020:599999'; MISSED",
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
	@CsvSource(delimiter = ';', value = { "'2025:3.5'; MET", "'2025:3.6'; MISSED", "'2024:3.0'; MET" })
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
					"'2016:6900,2017:7200'; AT_RISK", "'2016:7100,2017:6900'; BEHIND",
					"'2016:7100,2017:7200,2018:7300,2019:6000,2020:7001'; MISSED", "''; NO_DATA" })
	void everyYear(String points, Verdict expected) {
		assertThat(VerdictEngine.evaluate(rule(Comparator.GT, 7000, null, 2016, 2020, false), series(points)).verdict())
			.isEqualTo(expected);
	}

	@Test
	void allWithDemandIsOneHundredPercent() {
		Rule r = rule(Comparator.ALL_WITH_DEMAND, 100, 2025, 2021, 2025, false);
		assertThat(VerdictEngine.evaluate(r, series("2025:99.9")).verdict()).isEqualTo(Verdict.MISSED);
		assertThat(VerdictEngine.evaluate(r, series("2025:100")).verdict()).isEqualTo(Verdict.MET);
	}

	@Test
	void aFinalTargetYearWithoutAValueIsNoDataNotATrend() {
		// income of the poor when no household is poor any more in 2020 (a city at 0%)
		Rule closed = new Rule(Comparator.TIMES_BASELINE, 1.5, null, 2020, 2016, 2020, 2015, null, false,
				new TreeMap<>(), null, 2020);
		Evaluation e = VerdictEngine.evaluate(closed, series("2015:400000,2016:420000,2017:430000"));
		assertThat(e.verdict()).isEqualTo(Verdict.NO_DATA);
		assertThat(e.ruleKey()).isEqualTo("targets.rule.no-value-in-target-year");
		Rule open = new Rule(Comparator.TIMES_BASELINE, 1.5, null, 2020, 2016, 2020, 2015, null, false, new TreeMap<>(),
				null, 2017);
		assertThat(VerdictEngine.evaluate(open, series("2015:400000,2016:420000,2017:430000")).verdict())
			.isEqualTo(Verdict.BEHIND);
	}

	@Test
	void noDataIsNeverScoredAndBehindIsNotMissed() {
		assertThat(Verdict.NO_DATA.judged()).isFalse();
		assertThat(Verdict.MISSED.judged()).isTrue();
		assertThat(Verdict.MET.points()).isEqualTo(3);
		assertThat(Verdict.BEHIND.points()).isZero();
		assertThat(Verdict.MISSED.points()).isZero();
	}

	@Test
	void forecastIsTheLeastSquaresLine() {
		assertThat(Forecast.linear(series("2021:7.5,2022:6.6,2023:5.4,2024:4.2"), 2025)).isEqualTo(3.15);
		assertThat(Forecast.linear(series("2021:7.5"), 2025)).isNull();
	}

	@Test
	void aForecastIsAProjectionWithItsMethodNeverTheLastValueAgain() {
		Rule level = rule(Comparator.LE, 2.87, 2025, 2021, 2025, true);
		Projection p = VerdictEngine.evaluate(level, series("2021:7.5,2022:6.6,2023:5.4,2024:4.2")).projection();
		assertThat(p).isEqualTo(new Projection(2025, 3.15, Projection.Method.LINEAR_TREND, 2021, 2024));
		// the target year is known: nothing to project
		assertThat(VerdictEngine.evaluate(level, series("2024:4.2,2025:2.5")).projection()).isNull();
		// one value: no trend, no forecast
		assertThat(VerdictEngine.evaluate(level, series("2024:4.2")).projection()).isNull();
		// only values of the latest basis make the trend
		assertThat(VerdictEngine.evaluate(level, series("2021:9:a,2022:4:b,2023:3.5:b")).projection())
			.isEqualTo(new Projection(2025, 2.5, Projection.Method.LINEAR_TREND, 2022, 2023));
		Rule reduce = new Rule(Comparator.REDUCE_PP_PER_YEAR, 3, 4.0, null, 2016, 2020, 2015, null, true,
				new TreeMap<>());
		assertThat(VerdictEngine.evaluate(reduce, series("2015:18,2016:15,2017:12")).projection())
			.isEqualTo(new Projection(2020, 3.0, Projection.Method.MEAN_REDUCTION, 2015, 2017));
		assertThat(VerdictEngine.evaluate(reduce, series("2015:18,2016:15,2017:12,2018:9,2019:7,2020:5")).projection())
			.isNull();
	}

	static final ResourceBundleMessageSource BUNDLES = new ResourceBundleMessageSource();

	static {
		BUNDLES.setBasenames("i18n/targets");
		BUNDLES.setDefaultEncoding("UTF-8");
		BUNDLES.setFallbackToSystemLocale(false);
	}

	static String vi(Evaluation e) {
		return BUNDLES.getMessage(TargetProgress.resolvable(e.ruleKey(), e.ruleArgs()),
				java.util.Locale.forLanguageTag("vi"));
	}

	static String en(Evaluation e) {
		return BUNDLES.getMessage(TargetProgress.resolvable(e.ruleKey(), e.ruleArgs()), java.util.Locale.ENGLISH);
	}

	static String vi(double v) {
		return java.text.NumberFormat.getInstance(java.util.Locale.forLanguageTag("vi")).format(v);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = {
			"LE 2.87 met; LE; 2.87; 2025; '2025:2.5'; Năm 2025 đạt 2,5, mục tiêu không quá 2,87: đạt.",
			"LE 2.87 behind; LE; 2.87; 2025; '2021:7.5,2022:7.4,2023:7.3,2024:7.2';"
					+ " Theo xu hướng, năm 2025 chỉ ước đạt 7,1, mục tiêu không quá 2,87: chậm tiến độ.",
			"reduce, missed; REDUCE_PP_PER_YEAR; 3; ; '2015:18.75,2016:15.20,2017:12.10,2018:9.50,2019:7.40,2020:5.60';"
					+ " Các năm 2015–2020 giảm bình quân 2,63 điểm %/năm,"
					+ " mục tiêu giảm bình quân từ 3 điểm % mỗi năm trở lên: không đạt.",
			"reduce, city at 0; REDUCE_PP_PER_YEAR; 3; ; '2015:0.4,2016:0,2020:0';"
					+ " Năm 2020 tỷ lệ chỉ còn 0%, không còn đủ để giảm bình quân từ 3 điểm % mỗi năm trở lên:"
					+ " xem như đạt.",
			"no data; LE; 2.87; 2025; ''; Chưa có số liệu chính thức trong các năm 2016–2025." })
	void sentencesReadAsVietnamese(String name, Comparator c, double value, Integer year, String points,
			String expected) {
		Rule r = new Rule(c, value, null, year, 2016, (year != null) ? year : 2020, c.isReduction() ? 2015 : null, null,
				true, new TreeMap<>());
		Evaluation e = VerdictEngine.evaluate(r, series(points));
		assertThat(vi(e)).isEqualTo(expected);
		assertThat(en(e)).doesNotContain("↓", "pp/năm", "{").isNotEqualTo(e.ruleKey());
	}

}
