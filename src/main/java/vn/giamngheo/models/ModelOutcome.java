package vn.giamngheo.models;

import java.util.List;

import vn.giamngheo.models.domain.OutcomeComparison.Outcome;

/**
 * A model's outcome as pages and the API show it.
 *
 * @param figures the comparison of the participants with the other households of the same
 * communes
 * @param provisional whether a year it reads is not final (or has no counted figures)
 * @param provisionalYears those years
 * @param participants households taking part
 * @param covered of them, those with a recognised class before and after the start
 */
public record ModelOutcome(Outcome figures, boolean provisional, List<Integer> provisionalYears, int participants,
		int covered) {
}
