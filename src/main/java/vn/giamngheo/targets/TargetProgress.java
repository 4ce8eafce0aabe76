package vn.giamngheo.targets;

import vn.giamngheo.targets.domain.Evaluation;

/**
 * A target of a resolution, judged for one unit.
 *
 * @param target the target
 * @param indicator its indicator
 * @param unitId the unit judged
 * @param evaluation the verdict, the rule and the actual values
 */
public record TargetProgress(Target target, IndicatorDef indicator, long unitId, Evaluation evaluation) {
}
