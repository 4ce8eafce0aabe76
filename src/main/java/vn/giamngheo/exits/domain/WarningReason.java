package vn.giamngheo.exits.domain;

import java.util.List;

/**
 * Why a rule added points: the rule, its points and the values its reason quotes, in the
 * order of the pattern ({0}, {1}…). A value is an Integer, a Long (VND), a LocalDate or a
 * list of {@link WarningEvent}s; the reader's language formats them.
 *
 * @param code the rule
 * @param points the points it added
 * @param values the values quoted
 */
public record WarningReason(WarningRuleCode code, int points, List<Object> values) {
}
