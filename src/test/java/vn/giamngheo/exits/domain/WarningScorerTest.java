package vn.giamngheo.exits.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every rule of the early warning at its edges, one rule switched on at a time (10
 * points), then the sum, the order of the reasons and the households never scored.
 */
class WarningScorerTest {

	static final LocalDate DAY = LocalDate.of(2026, 12, 31);

	static final Map<WarningRuleCode, Map<String, Integer>> PARAMETERS = Map.of(WarningRuleCode.RECENT_SHOCK,
			Map.of("months", 12), WarningRuleCode.INCOME_NEAR_LINE, Map.of("within_percent", 15),
			WarningRuleCode.INCOME_FELL, Map.of("years", 2), WarningRuleCode.DEPRIVATIONS_NEAR_CUTOFF,
			Map.of("below_cutoff", 1), WarningRuleCode.DEPENDENCY_RATIO, Map.of("min_percent", 150));

	/** A book with the given weights (rules not named are off). */
	static WarningRuleBook book(Map<WarningRuleCode, Integer> weights) {
		List<WarningRule> rules = new ArrayList<>();
		for (WarningRuleCode code : WarningRuleCode.values()) {
			rules.add(new WarningRule(code, weights.getOrDefault(code, 0), PARAMETERS.getOrDefault(code, Map.of()), "t",
					"t", "r", "r", "n", "n"));
		}
		return new WarningRuleBook("test.yaml", 1, rules);
	}

	static WarningScore only(WarningRuleCode code, WarningFacts facts, LocalDate day) {
		return new WarningScorer(book(Map.of(code, 10)), 3).score(facts, day);
	}

	/** A year of class and income, line 2 000 000, cut-off 3, decided 20/12. */
	static WarningYear year(int y, String cls, Long income, int deprivations) {
		return new WarningYear(y, cls, income, deprivations, 2_000_000L, 3, LocalDate.of(y, 12, 20));
	}

	static WarningFacts facts(WarningYear... years) {
		return new WarningFacts(List.of(years), List.of(), List.of());
	}

	static Stream<Arguments> incomeNearLine() {
		return Stream.of(arguments(2_000_000L, null), // at the line: not above it
				arguments(2_000_001L, 1), // just above: "1 %" (rounded up)
				arguments(2_160_000L, 8), arguments(2_300_000L, 15), // 15 % exactly
				arguments(2_300_001L, null), // beyond 15 %
				arguments(null, null)); // no income recorded
	}

	@ParameterizedTest(name = "income {0} against a line of 2 000 000 → {1} %")
	@MethodSource
	void incomeNearLine(Long income, Integer percent) {
		WarningScore s = only(WarningRuleCode.INCOME_NEAR_LINE, facts(year(2026, "MIDDLE", income, 0)), DAY);
		if (percent == null) {
			assertThat(s.points()).isZero();
			assertThat(s.reasons()).isEmpty();
		}
		else {
			assertThat(s.points()).isEqualTo(10);
			assertThat(s.reasons().get(0).values()).containsExactly(percent, income, 2_000_000L);
		}
	}

	@Test
	void incomeNearLineNeedsTheLine() {
		WarningYear noLine = new WarningYear(2026, "MIDDLE", 2_100_000L, 0, null, null, DAY);
		assertThat(only(WarningRuleCode.INCOME_NEAR_LINE, facts(noLine), DAY).points()).isZero();
	}

	static Stream<Arguments> incomeFell() {
		return Stream.of(arguments(List.of(2024, 2025, 2026), List.of(3_000_000L, 2_800_000L, 2_500_000L), true),
				arguments(List.of(2024, 2025, 2026), List.of(3_000_000L, 2_800_000L, 2_800_000L), false), // flat
				arguments(List.of(2024, 2025, 2026), List.of(3_000_000L, 3_000_000L, 2_500_000L), false),
				arguments(List.of(2024, 2025, 2026), List.of(2_500_000L, 2_800_000L, 2_700_000L), false), // rose
				arguments(List.of(2023, 2025, 2026), List.of(3_000_000L, 2_800_000L, 2_500_000L), false), // gap
				arguments(List.of(2025, 2026), List.of(2_800_000L, 2_500_000L), false), // one
																						// fall
																						// only
				arguments(List.of(2023, 2024, 2025, 2026), List.of(2_000_000L, 3_000_000L, 2_800_000L, 2_500_000L),
						true)); // earlier rise does not matter
	}

	@ParameterizedTest(name = "years {0}, incomes {1} → falls two years running: {2}")
	@MethodSource
	void incomeFell(List<Integer> years, List<Long> incomes, boolean holds) {
		WarningYear[] ys = new WarningYear[years.size()];
		for (int i = 0; i < ys.length; i++) {
			ys[i] = year(years.get(i), "MIDDLE", incomes.get(i), 0);
		}
		WarningScore s = only(WarningRuleCode.INCOME_FELL, facts(ys), DAY);
		assertThat(s.points()).isEqualTo(holds ? 10 : 0);
		if (holds) {
			assertThat(s.reasons().get(0).values()).containsExactly(2, 3_000_000L, 2_500_000L);
		}
	}

	@Test
	void incomeFellNeedsEveryIncome() {
		WarningScore s = only(WarningRuleCode.INCOME_FELL, facts(year(2024, "MIDDLE", 3_000_000L, 0),
				year(2025, "MIDDLE", null, 0), year(2026, "MIDDLE", 2_500_000L, 0)), DAY);
		assertThat(s.points()).isZero();
	}

	@ParameterizedTest(name = "{0} deprivations, cut-off 3 → {1}")
	@MethodSource
	void deprivationsNearCutoff(int deprivations, boolean holds) {
		WarningScore s = only(WarningRuleCode.DEPRIVATIONS_NEAR_CUTOFF,
				facts(year(2026, "MIDDLE", 2_500_000L, deprivations)), DAY);
		assertThat(s.points()).isEqualTo(holds ? 10 : 0);
		if (holds) {
			assertThat(s.reasons().get(0).values()).containsExactly(deprivations, 3);
		}
	}

	static Stream<Arguments> deprivationsNearCutoff() {
		return Stream.of(arguments(0, false), arguments(1, false), arguments(2, true), arguments(3, true),
				arguments(5, true));
	}

	@Test
	void aCutoffOfOneDoesNotWarnAHouseholdWithoutDeprivations() {
		WarningYear y = new WarningYear(2026, "MIDDLE", 2_500_000L, 0, 2_000_000L, 1, DAY);
		assertThat(only(WarningRuleCode.DEPRIVATIONS_NEAR_CUTOFF, facts(y), DAY).points()).isZero();
	}

	/** Born {@code years} years (and {@code days} days) before the day. */
	static LocalDate born(int years, int days) {
		return DAY.minusYears(years).minusDays(days);
	}

	static Stream<Arguments> dependency() {
		return Stream.of(arguments(List.of(born(5, 0), born(70, 0), born(30, 0)), true, 2, 1), // 200
																								// %
				arguments(List.of(born(5, 0), born(8, 0), born(70, 0), born(30, 0), born(31, 0)), true, 3, 2), // 150%
				arguments(List.of(born(5, 0), born(70, 0), born(30, 0), born(31, 0)), false, 2, 2), // 100
																									// %
				arguments(List.of(born(75, 0)), true, 1, 0), // nobody of working age
				arguments(List.of(), false, 0, 0),
				// 15 today is of working age
				arguments(List.of(born(15, 0), born(40, 0), born(70, 0)), false, 1, 2),
				// 60 today is a dependant, 59 is not
				arguments(List.of(born(60, 0), born(8, 0), born(59, 0)), true, 2, 1),
				// a child born after the list's day does not count
				arguments(List.of(DAY.plusDays(1), born(5, 0), born(30, 0)), false, 1, 1));
	}

	@ParameterizedTest(name = "members born {0} → high dependency: {1}")
	@MethodSource
	void dependency(List<LocalDate> births, boolean holds, int dependants, int working) {
		WarningFacts f = new WarningFacts(List.of(year(2026, "MIDDLE", 2_500_000L, 0)), births, List.of());
		WarningScore s = only(WarningRuleCode.DEPENDENCY_RATIO, f, DAY);
		assertThat(s.points()).isEqualTo(holds ? 10 : 0);
		if (holds) {
			assertThat(s.reasons().get(0).values()).containsExactly(dependants, working);
		}
	}

	@Test
	void theDayBeforeTheFifteenthBirthdayIsADependant() {
		LocalDate fourteen = DAY.minusYears(15).plusDays(1);
		WarningFacts f = new WarningFacts(List.of(year(2026, "MIDDLE", 2_500_000L, 0)),
				List.of(fourteen, born(70, 0), born(40, 0)), List.of());
		assertThat(only(WarningRuleCode.DEPENDENCY_RATIO, f, DAY).reasons().get(0).values()).containsExactly(2, 1);
	}

	static Stream<Arguments> recentShock() {
		return Stream.of(arguments("JOB_LOSS", LocalDate.of(2025, 12, 31), false), // 12
																					// months
																					// before:
																					// out
				arguments("JOB_LOSS", LocalDate.of(2026, 1, 1), true),
				arguments("NATURAL_DISASTER", LocalDate.of(2026, 12, 31), true), // on the
																					// day
				arguments("SERIOUS_ILLNESS", LocalDate.of(2027, 1, 1), false), // after
																				// the
																				// day: no
																				// look-ahead
				arguments("EARNER_DEATH", LocalDate.of(2026, 6, 1), true),
				arguments("EARNER_DISABILITY", LocalDate.of(2026, 6, 1), true),
				arguments("LAND_LOSS", LocalDate.of(2026, 6, 1), true),
				arguments("BIRTH", LocalDate.of(2026, 6, 1), false),
				arguments("MEMBER_LEFT", LocalDate.of(2026, 6, 1), false),
				arguments("OTHER", LocalDate.of(2026, 6, 1), false));
	}

	@ParameterizedTest(name = "{0} on {1} → shock within 12 months: {2}")
	@MethodSource
	void recentShock(String type, LocalDate date, boolean holds) {
		WarningFacts f = new WarningFacts(List.of(year(2026, "MIDDLE", 2_500_000L, 0)), List.of(),
				List.of(new WarningEvent(type, date)));
		WarningScore s = only(WarningRuleCode.RECENT_SHOCK, f, DAY);
		assertThat(s.points()).isEqualTo(holds ? 10 : 0);
		if (holds) {
			assertThat(s.reasons().get(0).values()).containsExactly(12, List.of(new WarningEvent(type, date)));
		}
	}

	@Test
	void severalShocksScoreOnceAndAreQuotedNewestFirst() {
		WarningEvent disaster = new WarningEvent("NATURAL_DISASTER", LocalDate.of(2026, 3, 1));
		WarningEvent job = new WarningEvent("JOB_LOSS", LocalDate.of(2026, 9, 12));
		WarningFacts f = new WarningFacts(List.of(year(2026, "MIDDLE", 2_500_000L, 0)), List.of(),
				List.of(disaster, job));
		WarningScore s = only(WarningRuleCode.RECENT_SHOCK, f, DAY);
		assertThat(s.points()).isEqualTo(10);
		assertThat(s.reasons().get(0).values()).containsExactly(12, List.of(job, disaster));
	}

	@ParameterizedTest(name = "latest class {0} → near-poor rule: {1}")
	@MethodSource
	void nearPoor(String cls, boolean holds) {
		WarningScore s = only(WarningRuleCode.NEAR_POOR, facts(year(2025, cls, 1_800_000L, 0)), DAY);
		assertThat(s.points()).isEqualTo(holds ? 10 : 0);
		if (holds) {
			assertThat(s.reasons().get(0).values()).containsExactly(2025);
		}
	}

	static Stream<Arguments> nearPoor() {
		return Stream.of(arguments("NEAR_POOR", true), arguments("MIDDLE", false), arguments("ABOVE_MIDDLE", false),
				arguments("NOT_POOR", false));
	}

	static Stream<Arguments> newlyExited() {
		LocalDate exit = LocalDate.of(2024, 12, 20);
		return Stream.of(arguments(exit, exit, true), // the exit day itself
				arguments(exit, LocalDate.of(2027, 12, 19), true), // the window's last
																	// day
				arguments(exit, LocalDate.of(2027, 12, 20), false), // the third
																	// anniversary
				// an exit on 29/02 counts from 28/02: the window ends on 27/02 three
				// years on
				arguments(LocalDate.of(2024, 2, 29), LocalDate.of(2027, 2, 27), true),
				arguments(LocalDate.of(2024, 2, 29), LocalDate.of(2027, 2, 28), false));
	}

	@ParameterizedTest(name = "exit on {0}, list on {1} → newly exited: {2}")
	@MethodSource
	void newlyExited(LocalDate exitDay, LocalDate day, boolean holds) {
		WarningFacts f = facts(year(2023, "POOR", 1_000_000L, 3),
				new WarningYear(2024, "NEAR_POOR", 1_900_000L, 1, 2_000_000L, 3, exitDay));
		WarningScorer scorer = new WarningScorer(
				book(Map.of(WarningRuleCode.NEWLY_EXITED, 10, WarningRuleCode.FORMERLY_POOR, 1)), 3);
		WarningScore s = scorer.score(f, day);
		// newly exited and formerly poor exclude each other
		assertThat(s.points()).isEqualTo(holds ? 10 : 1);
		if (holds) {
			assertThat(s.reasons().get(0).values()).containsExactly(exitDay, 3);
		}
		else {
			assertThat(s.reasons()).extracting(WarningReason::code).containsExactly(WarningRuleCode.FORMERLY_POOR);
			assertThat(s.reasons().get(0).values()).containsExactly(2023);
		}
	}

	@Test
	void anExitIsFromOneYearToTheNext() {
		// poor in 2022, no review recorded in 2023, middle in 2024: no exit is known
		WarningFacts f = facts(year(2022, "POOR", 1_000_000L, 3), year(2024, "MIDDLE", 2_800_000L, 0));
		WarningScorer scorer = new WarningScorer(
				book(Map.of(WarningRuleCode.NEWLY_EXITED, 10, WarningRuleCode.FORMERLY_POOR, 1)), 3);
		WarningScore s = scorer.score(f, DAY);
		assertThat(s.reasons()).extracting(WarningReason::code).containsExactly(WarningRuleCode.FORMERLY_POOR);
	}

	@Test
	void theLatestExitCounts() {
		// left poverty in 2020, fell back in 2023, left again in 2024 (20/12/2024)
		WarningFacts f = facts(year(2019, "POOR", 1_000_000L, 3), year(2020, "NEAR_POOR", 1_900_000L, 0),
				year(2021, "MIDDLE", 2_500_000L, 0), year(2022, "MIDDLE", 2_500_000L, 0),
				year(2023, "POOR", 1_000_000L, 3), year(2024, "MIDDLE", 2_400_000L, 0));
		WarningScore s = only(WarningRuleCode.NEWLY_EXITED, f, DAY);
		assertThat(s.reasons().get(0).values()).containsExactly(LocalDate.of(2024, 12, 20), 3);
	}

	@Test
	void aHouseholdNeverPoorIsNotFormerlyPoor() {
		WarningFacts f = facts(year(2024, "NEAR_POOR", 1_900_000L, 0), year(2025, "MIDDLE", 2_500_000L, 0));
		assertThat(only(WarningRuleCode.FORMERLY_POOR, f, DAY).points()).isZero();
	}

	@Test
	void pointsAddUpAndReasonsComeHeaviestFirst() {
		WarningRuleBook b = book(Map.of(WarningRuleCode.RECENT_SHOCK, 25, WarningRuleCode.INCOME_NEAR_LINE, 20,
				WarningRuleCode.DEPRIVATIONS_NEAR_CUTOFF, 15, WarningRuleCode.NEAR_POOR, 20));
		WarningFacts f = new WarningFacts(List.of(year(2026, "MIDDLE", 2_100_000L, 2)), List.of(),
				List.of(new WarningEvent("JOB_LOSS", LocalDate.of(2026, 3, 12))));
		WarningScore s = new WarningScorer(b, 3).score(f, DAY);
		assertThat(s.points()).isEqualTo(60);
		assertThat(s.reasons()).extracting(WarningReason::code)
			.containsExactly(WarningRuleCode.RECENT_SHOCK, WarningRuleCode.INCOME_NEAR_LINE,
					WarningRuleCode.DEPRIVATIONS_NEAR_CUTOFF);
		assertThat(s.incomePerCapita()).isEqualTo(2_100_000L);
	}

	@Test
	void aRuleWithWeightZeroIsOff() {
		WarningFacts f = facts(year(2026, "NEAR_POOR", 1_900_000L, 0));
		assertThat(new WarningScorer(book(Map.of()), 3).score(f, DAY).points()).isZero();
	}

	@Test
	void poorHouseholdsAndHouseholdsWithoutAClassAreNotScored() {
		WarningScorer all = new WarningScorer(book(Map.of(WarningRuleCode.NEAR_POOR, 10, WarningRuleCode.RECENT_SHOCK,
				10, WarningRuleCode.DEPRIVATIONS_NEAR_CUTOFF, 10)), 3);
		WarningFacts poor = new WarningFacts(List.of(year(2026, "POOR", 1_000_000L, 4)), List.of(),
				List.of(new WarningEvent("JOB_LOSS", LocalDate.of(2026, 3, 12))));
		assertThat(all.score(poor, DAY).points()).isZero();
		assertThat(all.score(new WarningFacts(List.of(), List.of(), List.of()), DAY).points()).isZero();
	}

}
