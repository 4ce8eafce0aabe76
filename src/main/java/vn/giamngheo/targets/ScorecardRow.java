package vn.giamngheo.targets;

import java.util.List;

import vn.giamngheo.targets.domain.Verdict;

/**
 * A unit in the scorecard of a resolution.
 *
 * @param rank rank (1 = best)
 * @param unitId unit id
 * @param code unit code
 * @param name unit name
 * @param score points in percent of the points possible on the targets with data
 * @param judged targets with data
 * @param met targets met
 * @param onTrack targets on track
 * @param atRisk targets at risk
 * @param offTrack targets off track
 * @param verdicts verdict per scorecard target, in the resolution's order
 * @param latestRate latest poverty rate of the unit (tie-break: lower first)
 */
public record ScorecardRow(int rank, long unitId, String code, String name, Double score, int judged, int met,
		int onTrack, int atRisk, int offTrack, List<Verdict> verdicts, Double latestRate) {
}
