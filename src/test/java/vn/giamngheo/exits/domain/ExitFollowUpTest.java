package vn.giamngheo.exits.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.exits.domain.ExitFollowUp.State;
import vn.giamngheo.exits.domain.ExitFollowUp.YearClass;

import static org.assertj.core.api.Assertions.assertThat;

class ExitFollowUpTest {

	static final LocalDate E = LocalDate.of(2023, 12, 20);

	static List<YearClass> exitedIn2023() {
		return List.of(new YearClass(2022, "POOR", LocalDate.of(2021, 12, 22)), new YearClass(2023, "NEAR_POOR", E));
	}

	@ParameterizedTest(name = "{0} years, on {1}: followed {2}")
	@CsvSource({ "3, 2023-12-19, false", "3, 2023-12-20, true", "3, 2026-12-19, true", "3, 2026-12-20, false",
			"2, 2023-12-19, false", "2, 2023-12-20, true", "2, 2025-12-19, true", "2, 2025-12-20, false",
			"1, 2024-12-19, true", "1, 2024-12-20, false" })
	void theWindowRunsFromTheExitDayForTheConfiguredYears(int years, LocalDate day, boolean followed) {
		Optional<State> state = ExitFollowUp.on(exitedIn2023(), years, day);
		assertThat(state.isPresent()).isEqualTo(followed);
		state.ifPresent((s) -> {
			assertThat(s.from()).isEqualTo("POOR");
			assertThat(s.exitYear()).isEqualTo(2023);
			assertThat(s.exitDay()).isEqualTo(E);
			assertThat(s.windowEnd()).isEqualTo(E.plusYears(years).minusDays(1));
			assertThat(s.fellBack()).isFalse();
		});
	}

	@ParameterizedTest(name = "exit on {0}, {1} years: last day {2}")
	@CsvSource({ "2024-02-29, 3, 2027-02-27", "2024-02-29, 4, 2028-02-28", "2024-03-01, 3, 2027-02-28",
			"2023-01-01, 3, 2025-12-31", "2023-12-31, 2, 2025-12-30" })
	void windowEnds(LocalDate exit, int years, LocalDate last) {
		assertThat(ExitFollowUp.windowEnd(exit, years)).isEqualTo(last);
		assertThat(ExitFollowUp.inWindow(exit, years, last)).isTrue();
		assertThat(ExitFollowUp.inWindow(exit, years, last.plusDays(1))).isFalse();
		assertThat(ExitFollowUp.inWindow(exit, years, exit.minusDays(1))).isFalse();
	}

	@Test
	void withoutADecisionDayTheExitIsOnTheLastDayOfItsYear() {
		List<YearClass> h = List.of(new YearClass(2022, "POOR", null), new YearClass(2023, "MIDDLE", null));
		assertThat(ExitFollowUp.on(h, 3, LocalDate.of(2023, 12, 30))).isEmpty();
		assertThat(ExitFollowUp.on(h, 3, LocalDate.of(2023, 12, 31)).orElseThrow().exitDay())
			.isEqualTo(LocalDate.of(2023, 12, 31));
	}

	@Test
	void fallingBackIsFlaggedWithItsDayOnceRecognised() {
		LocalDate back = LocalDate.of(2024, 12, 18);
		List<YearClass> h = List.of(new YearClass(2022, "POOR", LocalDate.of(2021, 12, 22)),
				new YearClass(2023, "MIDDLE", E), new YearClass(2024, "POOR", back));
		assertThat(ExitFollowUp.on(h, 3, back.minusDays(1)).orElseThrow().fellBack()).isFalse();
		State s = ExitFollowUp.on(h, 3, back).orElseThrow();
		assertThat(s.fellBack()).isTrue();
		assertThat(s.fellBackYear()).isEqualTo(2024);
		assertThat(s.fellBackOn()).isEqualTo(back);
	}

	@Test
	void aNearPoorExitIsAboveNearPoorAndFallsBackOnTheNearPoorList() {
		List<YearClass> h = List.of(new YearClass(2022, "NEAR_POOR", null), new YearClass(2023, "MIDDLE", E),
				new YearClass(2024, "NEAR_POOR", LocalDate.of(2024, 12, 1)));
		State s = ExitFollowUp.on(h, 3, LocalDate.of(2025, 1, 1)).orElseThrow();
		assertThat(s.from()).isEqualTo("NEAR_POOR");
		assertThat(s.fellBackYear()).isEqualTo(2024);
		// near-poor to near-poor, or with a year missing between, is no exit
		assertThat(ExitFollowUp.on(List.of(new YearClass(2022, "NEAR_POOR", null), new YearClass(2023, "NEAR_POOR", E)),
				3, LocalDate.of(2024, 1, 1)))
			.isEmpty();
		assertThat(ExitFollowUp.on(List.of(new YearClass(2021, "POOR", null), new YearClass(2023, "MIDDLE", E)), 3,
				LocalDate.of(2024, 1, 1)))
			.isEmpty();
	}

	@Test
	void theLastExitIsFollowed() {
		LocalDate second = LocalDate.of(2024, 12, 10);
		List<YearClass> h = List.of(new YearClass(2022, "POOR", null), new YearClass(2023, "NEAR_POOR", E),
				new YearClass(2024, "MIDDLE", second));
		State s = ExitFollowUp.on(h, 3, LocalDate.of(2025, 6, 1)).orElseThrow();
		assertThat(s.from()).isEqualTo("NEAR_POOR");
		assertThat(s.exitDay()).isEqualTo(second);
	}

}
