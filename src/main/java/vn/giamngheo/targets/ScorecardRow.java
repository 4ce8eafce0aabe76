package vn.giamngheo.targets;

import java.util.List;

import vn.giamngheo.targets.domain.Verdict;

/**
 * A unit in the scorecard of a resolution.
 *
 * @param rank rank (1 = best); 0 for a unit with no target judged (listed after the
 * ranked ones, unranked)
 * @param unitId unit id
 * @param code unit code
 * @param name unit name
 * @param score points in percent of the points possible on the targets with data
 * @param judged targets with data
 * @param met targets met
 * @param onTrack targets on track
 * @param atRisk targets at risk
 * @param behind targets behind schedule (not due yet)
 * @param missed targets due and missed
 * @param noData targets without data for the unit (not scored)
 * @param verdicts verdict per scorecard target, in the resolution's order
 * @param latestRate poverty rate of the unit in the scope's last final year (tie-break:
 * lower first)
 */
public record ScorecardRow(int rank, long unitId, String code, String name, Double score, int judged, int met,
		int onTrack, int atRisk, int behind, int missed, int noData, List<Verdict> verdicts, Double latestRate) {

	ScorecardRow ranked(int rank) {
		return new ScorecardRow(rank, this.unitId, this.code, this.name, this.score, this.judged, this.met,
				this.onTrack, this.atRisk, this.behind, this.missed, this.noData, this.verdicts, this.latestRate);
	}

}
