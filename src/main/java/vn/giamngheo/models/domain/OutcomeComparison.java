package vn.giamngheo.models.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A model's outcome computed from the households' recognised classes, never typed: for
 * each household the review year before the model started (the latest recognised
 * assessment of a year before the start year) and the one after (the latest recognised
 * assessment from the start year on, up to the end year when the model has ended); then,
 * for the participants and for the other households of the same communes (the comparison
 * group), the share poor before and after, the share of the poor that left poverty and
 * the mean change of income per head, and the difference between the two groups' changes
 * (a difference in differences). It is a description of what happened to two groups, not
 * an impact evaluation: the groups were not drawn at random.
 */
public final class OutcomeComparison {

	/** The class the poverty share counts. */
	public static final String POOR = "POOR";

	private OutcomeComparison() {
	}

	/**
	 * One recognised assessment of a household.
	 *
	 * @param year review year
	 * @param classification recognised class (POOR, NEAR_POOR, ...)
	 * @param incomePerHead income per head per month in VND, or null when not surveyed
	 */
	public record Point(int year, String classification, Long incomePerHead) {
	}

	/**
	 * A household's before and after (either may be missing).
	 *
	 * @param participant whether it takes part in the model
	 * @param before the assessment before the model started, or null
	 * @param after the assessment after it started, or null
	 */
	public record Observation(boolean participant, Point before, Point after) {

		public boolean complete() {
			return this.before != null && this.after != null;
		}

	}

	/**
	 * One group's figures over its households with both years.
	 *
	 * @param households households in the group
	 * @param withBoth of them, those with an assessment before and after (the coverage)
	 * @param poorBefore share poor before, in percent (null without households)
	 * @param poorAfter share poor after, in percent
	 * @param poorChange the change of the share poor, in percentage points (from the
	 * counts, not from the rounded shares)
	 * @param poorAtStart households poor before
	 * @param leftPoverty of them, those not poor after
	 * @param leftPovertyShare their share, in percent (null when none was poor)
	 * @param withIncome households with an income before and after
	 * @param meanIncomeChange mean change of income per head (VND per month), null
	 * without incomes
	 */
	public record Group(int households, int withBoth, Double poorBefore, Double poorAfter, Double poorChange,
			int poorAtStart, int leftPoverty, Double leftPovertyShare, int withIncome, Long meanIncomeChange) {
	}

	/**
	 * The two groups and their difference.
	 *
	 * @param participants the model's households
	 * @param comparison the other households of the same communes
	 * @param poorChangeDifference the participants' change of the poor share minus the
	 * comparison group's, in percentage points (null when a group has no household with
	 * both years)
	 * @param incomeChangeDifference the participants' mean income change minus the
	 * comparison group's (VND per month)
	 * @param years the review years the figures read
	 */
	public record Outcome(Group participants, Group comparison, Double poorChangeDifference,
			Long incomeChangeDifference, Set<Integer> years) {

		/** Whether there is something to show (participants with both years). */
		public boolean computed() {
			return this.participants.withBoth() > 0;
		}

	}

	/**
	 * The before and after of one household.
	 * @param participant whether it takes part
	 * @param history its recognised assessments (any order)
	 * @param startYear the year the model started
	 * @param endYear the year it ended, or null while it runs
	 * @return the observation
	 */
	public static Observation observe(boolean participant, Collection<Point> history, int startYear, Integer endYear) {
		Point before = null;
		Point after = null;
		for (Point p : history) {
			if (p.year() < startYear) {
				if (before == null || p.year() > before.year()) {
					before = p;
				}
			}
			else if (endYear == null || p.year() <= endYear) {
				if (after == null || p.year() > after.year()) {
					after = p;
				}
			}
		}
		return new Observation(participant, before, after);
	}

	/** Compares the participants with the comparison group. */
	public static Outcome compare(Collection<Observation> observations) {
		List<Observation> in = new ArrayList<>();
		List<Observation> out = new ArrayList<>();
		Set<Integer> years = new TreeSet<>();
		for (Observation o : observations) {
			(o.participant() ? in : out).add(o);
			if (o.complete()) {
				years.add(o.before().year());
				years.add(o.after().year());
			}
		}
		Group p = group(in);
		Group c = group(out);
		Double poor = (p.poorChange() == null || c.poorChange() == null) ? null
				: round1(exactChange(in) - exactChange(out));
		Long income = (p.meanIncomeChange() == null || c.meanIncomeChange() == null) ? null
				: Math.round(meanIncome(in) - meanIncome(out));
		return new Outcome(p, c, poor, income, years);
	}

	private static Group group(List<Observation> observations) {
		int both = 0;
		int poorBefore = 0;
		int poorAfter = 0;
		int left = 0;
		for (Observation o : observations) {
			if (!o.complete()) {
				continue;
			}
			both++;
			boolean wasPoor = POOR.equals(o.before().classification());
			boolean isPoor = POOR.equals(o.after().classification());
			poorBefore += wasPoor ? 1 : 0;
			poorAfter += isPoor ? 1 : 0;
			left += (wasPoor && !isPoor) ? 1 : 0;
		}
		int withIncome = (int) observations.stream().filter(OutcomeComparison::hasIncomes).count();
		Double income = meanIncome(observations);
		return new Group(observations.size(), both, (both == 0) ? null : percent(poorBefore, both),
				(both == 0) ? null : percent(poorAfter, both), (both == 0) ? null : round1(exactChange(observations)),
				poorBefore, left, (poorBefore == 0) ? null : percent(left, poorBefore), withIncome,
				(income == null) ? null : Math.round(income));
	}

	/** The change of the poor share in percentage points, unrounded. */
	private static double exactChange(List<Observation> observations) {
		int both = 0;
		int change = 0;
		for (Observation o : observations) {
			if (o.complete()) {
				both++;
				change += (POOR.equals(o.after().classification()) ? 1 : 0)
						- (POOR.equals(o.before().classification()) ? 1 : 0);
			}
		}
		return 100.0 * change / both;
	}

	private static boolean hasIncomes(Observation o) {
		return o.complete() && o.before().incomePerHead() != null && o.after().incomePerHead() != null;
	}

	private static Double meanIncome(List<Observation> observations) {
		long sum = 0;
		int n = 0;
		for (Observation o : observations) {
			if (hasIncomes(o)) {
				sum += o.after().incomePerHead() - o.before().incomePerHead();
				n++;
			}
		}
		return (n == 0) ? null : (double) sum / n;
	}

	private static double percent(int count, int of) {
		return round1(100.0 * count / of);
	}

	private static double round1(double value) {
		return Math.round(value * 10.0) / 10.0;
	}

}
