package vn.giamngheo.exits.domain;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.shared.error.DomainException.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of an exit registration: who may register, what it must hold, its outcome.
 */
class PlanRulesTest {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

	static PlanRules.Problems check(Integer year, String actions, List<PlanRules.Need> needs, Long budget, Long own) {
		return PlanRules.check(year, actions, needs, budget, own, TODAY, (code) -> code.startsWith("LOAN"));
	}

	@ParameterizedTest(name = "{0} → {1} = {2}")
	@CsvSource({ "POOR, POOR, NOT_EXITED", "POOR, NEAR_POOR, EXITED", "POOR, MIDDLE, EXITED", "POOR, NOT_POOR, EXITED",
			"NEAR_POOR, NEAR_POOR, NOT_EXITED", "NEAR_POOR, POOR, NOT_EXITED", "NEAR_POOR, MIDDLE, EXITED",
			"NEAR_POOR, ABOVE_MIDDLE, EXITED", "NEAR_POOR, NOT_POOR, EXITED" })
	void theOutcomeIsExitedOnlyWhenTheClassOfTheTargetYearIsBetter(String from, String classOfYear, String outcome) {
		assertThat(PlanRules.outcome(from, classOfYear)).isEqualTo(outcome);
	}

	@ParameterizedTest(name = "{0} may register: {1}")
	@CsvSource(value = { "POOR, true", "NEAR_POOR, true", "MIDDLE, false", "NOT_POOR, false", "null, false" },
			nullValues = "null")
	void onlyPoorAndNearPoorHouseholdsRegister(String currentClass, boolean may) {
		assertThat(PlanRules.mayRegister(currentClass)).isEqualTo(may);
	}

	@ParameterizedTest(name = "target {0}: {1}")
	@CsvSource(value = { "2025, exits.plan.target-past", "2026, null", "2031, null", "2032, exits.plan.target-far" },
			nullValues = "null")
	void theTargetYearIsThisYearOrUpToFiveYearsAhead(int year, String key) {
		PlanRules.Problems p = check(year, "Nuôi bò", List.of(), null, null);
		assertThat(p.missing()).isEmpty();
		assertThat(p.rules()).extracting(FieldProblem::messageKey).isEqualTo((key == null) ? List.of() : List.of(key));
	}

	@Test
	void missingFieldsAreToldApartFromRuleRefusals() {
		PlanRules.Problems p = check(null, "  ", List.of(new PlanRules.Need("LOAN_POOR", null, null)), null, null);
		assertThat(p.missing()).extracting(FieldProblem::field).containsExactly("targetYear", "ownActions", "needs[0]");
		assertThat(p.rules()).isEmpty();
		PlanRules.Problems r = check(2026, "Nuôi bò", List.of(new PlanRules.Need(null, " ", 5L),
				new PlanRules.Need("HOUSING_X", null, 5L), new PlanRules.Need(null, "Giống", -1L)), null, -3L);
		assertThat(r.missing()).isEmpty();
		assertThat(r.rules()).extracting(FieldProblem::messageKey)
			.containsExactly("exits.plan.need-what", "exits.plan.need-policy-unknown", "exits.plan.negative",
					"exits.plan.negative");
	}

	@Test
	void theBudgetIsTheNeedsPlusTheOwnShareOrAtLeastThatWhenGiven() {
		List<PlanRules.Need> needs = List.of(new PlanRules.Need("LOAN_POOR", null, 30_000_000L),
				new PlanRules.Need(null, "Giống cây", 2_000_000L));
		assertThat(PlanRules.budget(needs, null, 5_000_000L)).isEqualTo(37_000_000L);
		assertThat(PlanRules.budget(needs, 40_000_000L, 5_000_000L)).isEqualTo(40_000_000L);
		assertThat(check(2026, "Nuôi bò", needs, 37_000_000L, 5_000_000L).none()).isTrue();
		assertThat(check(2026, "Nuôi bò", needs, 36_999_999L, 5_000_000L).rules()).extracting(FieldProblem::messageKey)
			.containsExactly("exits.plan.budget-short");
	}

}
