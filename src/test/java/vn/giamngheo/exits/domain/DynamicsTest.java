package vn.giamngheo.exits.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.exits.domain.Dynamics.Child;
import vn.giamngheo.exits.domain.Dynamics.Kind;
import vn.giamngheo.exits.domain.Dynamics.Line;
import vn.giamngheo.exits.domain.Dynamics.Listed;
import vn.giamngheo.exits.domain.PairGroup.ClassOf;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The columns of the dynamics forms (ADR 0044): where a household enters or leaves a
 * list, and the identity end = start − decreases + increases on a demo-like population
 * (classes drawn with the demo's yearly rates, households moving between communes, new
 * and dissolved households, members changing).
 */
class DynamicsTest {

	@ParameterizedTest(name = "{0} list, start {1}, earlier on a list {2} → {3}")
	@CsvSource(nullValues = "-", value = { "POOR, -, false, OTHER_INCREASE", "POOR, -, true, OTHER_INCREASE",
			"POOR, POOR, false, -", "POOR, NEAR_POOR, true, FROM_OTHER_LIST", "POOR, NEAR_POOR, false, FROM_OTHER_LIST",
			"POOR, OTHER, true, FELL_BACK", "POOR, OTHER, false, NEW", "NEAR_POOR, POOR, false, FROM_OTHER_LIST",
			"NEAR_POOR, OTHER, true, FELL_BACK", "NEAR_POOR, OTHER, false, NEW", "NEAR_POOR, NEAR_POOR, true, -" })
	void whereAHouseholdOnTheListAtTheEndCameFrom(Listed listed, ClassOf start, boolean before, Column expected) {
		assertThat(Dynamics.entry(listed, start, before)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} list, end {1} → {2}")
	@CsvSource(nullValues = "-",
			value = { "POOR, -, OTHER_DECREASE", "POOR, POOR, -", "POOR, NEAR_POOR, TO_OTHER_LIST",
					"POOR, OTHER, ABOVE", "NEAR_POOR, POOR, TO_OTHER_LIST", "NEAR_POOR, OTHER, ABOVE",
					"NEAR_POOR, -, OTHER_DECREASE", "NEAR_POOR, NEAR_POOR, -" })
	void whereAHouseholdOnTheListAtTheStartWent(Listed listed, ClassOf end, Column expected) {
		assertThat(Dynamics.exit(listed, end)).isEqualTo(expected);
	}

	@Test
	void theIdentityHoldsOnADemoLikePopulationForEveryLine() {
		Random random = new Random(17);
		List<Child> children = List.of(new Child(1, "Xã Một"), new Child(2, "Xã Hai"), new Child(3, "Xã Ba"));
		List<PairGroup> groups = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			ClassOf start = draw(random, null);
			ClassOf end = draw(random, start);
			// 3 % new households, 3 % not assessed or dissolved, 2 % moving commune
			if (random.nextInt(100) < 3) {
				start = null;
			}
			if (random.nextInt(100) < 3) {
				end = null;
			}
			String from = String.valueOf(1 + random.nextInt(3));
			String to = (random.nextInt(100) < 2) ? String.valueOf(1 + random.nextInt(3)) : from;
			int m0 = 1 + random.nextInt(7);
			int m1 = Math.max(1, m0 + random.nextInt(3) - 1);
			groups.add(new PairGroup((start != null) ? from : null, (end != null) ? to : null, start, end,
					random.nextInt(10) < 3, random.nextInt(10) < 5, random.nextInt(10) < 2, 1, m0, m1,
					Math.max(0, m1 - m0), Math.max(0, m0 - m1)));
		}
		for (Listed listed : Listed.values()) {
			List<Line> lines = Dynamics.lines(listed, groups, children);
			assertThat(lines).hasSize(6).allMatch(Line::balanced);
			Line total = lines.get(0);
			assertThat(total.kind()).isEqualTo(Kind.TOTAL);
			assertThat(total.households().get(Column.START)).isPositive();
			// every household on a list lives in one child: start and end add up
			for (Column c : List.of(Column.START, Column.END)) {
				long children3 = lines.subList(3, 6).stream().mapToLong((l) -> l.households().get(c)).sum();
				assertThat(children3).isEqualTo(total.households().get(c));
				assertThat(lines.get(1).persons().get(c) + lines.get(2).persons().get(c))
					.isEqualTo(total.persons().get(c));
			}
			// movers between communes are other changes of the communes, not of the total
			long childOther = lines.subList(3, 6)
				.stream()
				.mapToLong((l) -> l.households().get(Column.OTHER_INCREASE))
				.sum();
			assertThat(childOther).isGreaterThan(total.households().get(Column.OTHER_INCREASE));
		}
	}

	/**
	 * A class with the demo's yearly rates: about 6 % poor, 6 % near-poor, sticky lists.
	 */
	static ClassOf draw(Random random, ClassOf before) {
		int x = random.nextInt(100);
		if (before == ClassOf.POOR) {
			return (x < 70) ? ClassOf.POOR : (x < 85) ? ClassOf.NEAR_POOR : ClassOf.OTHER;
		}
		if (before == ClassOf.NEAR_POOR) {
			return (x < 10) ? ClassOf.POOR : (x < 60) ? ClassOf.NEAR_POOR : ClassOf.OTHER;
		}
		return (x < 6) ? ClassOf.POOR : (x < 12) ? ClassOf.NEAR_POOR : ClassOf.OTHER;
	}

}
