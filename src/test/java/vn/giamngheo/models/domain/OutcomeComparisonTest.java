package vn.giamngheo.models.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.models.domain.OutcomeComparison.Group;
import vn.giamngheo.models.domain.OutcomeComparison.Observation;
import vn.giamngheo.models.domain.OutcomeComparison.Outcome;
import vn.giamngheo.models.domain.OutcomeComparison.Point;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model's outcome on a small history computed by hand (model started 2023, still
 * running): participants P1 poor 2022 → near-poor 2024, P2 poor 2022 → poor 2023, P3
 * near-poor → not poor, P4 without a year before; comparison C1 poor → poor, C2 near-poor
 * → near-poor, C3 not poor (no income after), C4 poor → near-poor.
 */
class OutcomeComparisonTest {

	static final int START = 2023;

	static Point p(int year, String c, Long income) {
		return new Point(year, c, income);
	}

	static Observation in(Point... history) {
		return OutcomeComparison.observe(true, List.of(history), START, null);
	}

	static Observation out(Point... history) {
		return OutcomeComparison.observe(false, List.of(history), START, null);
	}

	static List<Observation> history() {
		List<Observation> obs = new ArrayList<>();
		obs.add(in(p(2022, "POOR", 1_000_000L), p(2023, "POOR", 1_200_000L), p(2024, "NEAR_POOR", 1_600_000L)));
		obs.add(in(p(2021, "POOR", 900_000L), p(2022, "POOR", 1_000_000L), p(2023, "POOR", 1_100_000L)));
		obs.add(in(p(2022, "NEAR_POOR", 1_800_000L), p(2024, "NOT_POOR", 2_500_000L)));
		obs.add(in(p(2024, "POOR", 800_000L)));
		obs.add(out(p(2022, "POOR", 1_000_000L), p(2024, "POOR", 1_100_000L)));
		obs.add(out(p(2022, "NEAR_POOR", 1_700_000L), p(2024, "NEAR_POOR", 1_900_000L)));
		obs.add(out(p(2022, "NOT_POOR", 3_000_000L), p(2024, "NOT_POOR", null)));
		obs.add(out(p(2022, "POOR", 900_000L), p(2024, "NEAR_POOR", 1_500_000L)));
		return obs;
	}

	@Test
	void theParticipantsFiguresMatchTheHandComputedOnes() {
		Group g = OutcomeComparison.compare(history()).participants();
		assertThat(g.households()).isEqualTo(4);
		assertThat(g.withBoth()).as("P4 has no year before the start").isEqualTo(3);
		assertThat(g.poorBefore()).isEqualTo(66.7);
		assertThat(g.poorAfter()).isEqualTo(33.3);
		// from the counts (1 - 2) / 3, not from the rounded shares 33.3 - 66.7
		assertThat(g.poorChange()).isEqualTo(-33.3);
		assertThat(g.poorAtStart()).isEqualTo(2);
		assertThat(g.leftPoverty()).isEqualTo(1);
		assertThat(g.leftPovertyShare()).isEqualTo(50.0);
		// (600 000 + 100 000 + 700 000) / 3
		assertThat(g.meanIncomeChange()).isEqualTo(466_667L);
	}

	@Test
	void theComparisonGroupAndTheDifferenceMatchTheHandComputedOnes() {
		Outcome o = OutcomeComparison.compare(history());
		Group c = o.comparison();
		assertThat(c.withBoth()).isEqualTo(4);
		assertThat(c.poorBefore()).isEqualTo(50.0);
		assertThat(c.poorAfter()).isEqualTo(25.0);
		assertThat(c.poorChange()).isEqualTo(-25.0);
		assertThat(c.leftPovertyShare()).isEqualTo(50.0);
		assertThat(c.withIncome()).as("C3 has no income after").isEqualTo(3);
		// (100 000 + 200 000 + 600 000) / 3
		assertThat(c.meanIncomeChange()).isEqualTo(300_000L);
		// -33.33 - (-25) from the unrounded shares
		assertThat(o.poorChangeDifference()).isEqualTo(-8.3);
		assertThat(o.incomeChangeDifference()).isEqualTo(166_667L);
		assertThat(o.years()).containsExactly(2022, 2023, 2024);
		assertThat(o.computed()).isTrue();
	}

	@ParameterizedTest(name = "start {0}, end {1}: before {2}, after {3}")
	@CsvSource({ "2023, , 2022, 2024", "2023, 2023, 2022, 2023", "2022, , 2021, 2024", "2025, , 2024, ",
			"2021, 2021, , 2021" })
	void beforeIsTheLastYearBeforeTheStartAndAfterTheLastFromItUpToTheEnd(int start, Integer end, Integer before,
			Integer after) {
		List<Point> history = List.of(p(2021, "POOR", 1L), p(2022, "POOR", 2L), p(2023, "NEAR_POOR", 3L),
				p(2024, "NOT_POOR", 4L));
		Observation o = OutcomeComparison.observe(true, history, start, end);
		assertThat((o.before() == null) ? null : o.before().year()).isEqualTo(before);
		assertThat((o.after() == null) ? null : o.after().year()).isEqualTo(after);
	}

	@Test
	void withoutHouseholdsWithBothYearsNothingIsComputed() {
		Outcome o = OutcomeComparison.compare(List.of(in(p(2024, "POOR", 1L)), out(p(2022, "POOR", 1L))));
		assertThat(o.computed()).isFalse();
		assertThat(o.participants().poorBefore()).isNull();
		assertThat(o.poorChangeDifference()).isNull();
		assertThat(o.incomeChangeDifference()).isNull();
	}

	@Test
	void replicationFollowsCopiesOfCopiesAndRefusesACircle() {
		Map<String, List<String>> copies = Map.of("A", List.of("B", "C"), "B", List.of("D"), "D", List.of("A"));
		assertThat(Replication.spread("A", copies)).containsExactly("B", "C", "D");
		assertThat(Replication.spread("C", copies)).isEmpty();
		assertThat(Replication.mayCopy("A", "D", copies)).as("D copies A through B").isFalse();
		assertThat(Replication.mayCopy("A", "A", copies)).isFalse();
		assertThat(Replication.mayCopy("C", "D", copies)).isTrue();
		assertThat(Replication.mayCopy(null, "A", copies)).isTrue();
	}

}
