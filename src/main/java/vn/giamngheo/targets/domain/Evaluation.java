package vn.giamngheo.targets.domain;

import java.util.List;

/**
 * The verdict on a target with the rule that decided it.
 *
 * @param verdict the verdict
 * @param ruleKey message key of the rule's sentence (targets.rule.*)
 * @param ruleArgs arguments of the sentence (numbers, years, {@link Phrase}s)
 * @param goal the value the actual is compared with (after ×baseline / reference), or
 * null
 * @param latestYear year of the latest actual, or null
 * @param latest latest actual, or null
 * @param projection where the trend leads by the target year (the period's end for a
 * yearly or reduction target), with its method; null when the year is already known or
 * fewer than two values of one basis exist
 * @param meanReduction mean yearly fall in points (reduction targets), or null
 * @param rebased a change of basis (standard) was skipped between two years
 * @param points the actual values considered
 */
public record Evaluation(Verdict verdict, String ruleKey, List<Object> ruleArgs, Double goal, Integer latestYear,
		Double latest, Projection projection, Double meanReduction, boolean rebased, List<Point> points) {

	/** The projected value, or null. */
	public Double forecast() {
		return (this.projection == null) ? null : this.projection.value();
	}

}
