package vn.giamngheo.targets.domain;

import java.util.List;

/**
 * The verdict on a target with the rule that decided it.
 *
 * @param verdict the verdict
 * @param ruleKey message key of the rule (targets.rule.*)
 * @param ruleArgs arguments of the rule's message
 * @param goal the value the actual is compared with (after ×baseline / reference), or
 * null
 * @param latestYear year of the latest actual, or null
 * @param latest latest actual, or null
 * @param forecast the value the trend gives for the target year (the period's end for a
 * yearly target), or null
 * @param meanReduction mean yearly fall in points (reduction targets), or null
 * @param rebased a change of basis (standard) was skipped between two years
 * @param points the actual values considered
 */
public record Evaluation(Verdict verdict, String ruleKey, List<Object> ruleArgs, Double goal, Integer latestYear,
		Double latest, Double forecast, Double meanReduction, boolean rebased, List<Point> points) {
}
