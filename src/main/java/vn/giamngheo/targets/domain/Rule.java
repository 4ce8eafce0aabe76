package vn.giamngheo.targets.domain;

import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What a target asks, as the verdict engine needs it.
 *
 * @param comparator how to compare
 * @param value the value (rate, count, factor, points a year)
 * @param valueMax upper end of a range ("3–4 pp a year"), or null
 * @param targetYear the year by which the value is due; null for a yearly target
 * @param periodFrom first year of the resolution's period
 * @param periodTo last year of the period
 * @param baselineYear year of the baseline, or null
 * @param baselineValue value of the baseline, or null (then taken from the series)
 * @param lowerIsBetter the indicator improves downwards (rates of poverty)
 * @param reference a reference series by year (national rate) for
 * {@link Comparator#BELOW_REFERENCE}
 * @param tolerance how far from the goal "about" ({@link Comparator#APPROX}) may be, in
 * the indicator's unit; null: {@link VerdictEngine#APPROX_SHARE} of the goal
 * @param closedYear the last year whose figures are final for the unit (registry
 * indicators), or null when unknown: a target year up to it without a value has no data
 * (e.g. no poor household left to measure the income of), never a trend
 * @param judging how a target of every year is judged (year by year or on the average),
 * or null for the comparator's own way ({@link #eachYear()})
 */
public record Rule(Comparator comparator, double value, Double valueMax, Integer targetYear, int periodFrom,
		int periodTo, Integer baselineYear, Double baselineValue, boolean lowerIsBetter,
		NavigableMap<Integer, Double> reference, Double tolerance, Integer closedYear, Judging judging) {

	public Rule(Comparator comparator, double value, Double valueMax, Integer targetYear, int periodFrom, int periodTo,
			Integer baselineYear, Double baselineValue, boolean lowerIsBetter, NavigableMap<Integer, Double> reference,
			Double tolerance, Integer closedYear) {
		this(comparator, value, valueMax, targetYear, periodFrom, periodTo, baselineYear, baselineValue, lowerIsBetter,
				reference, tolerance, closedYear, null);
	}

	public Rule {
		reference = (reference == null) ? new TreeMap<>() : new TreeMap<>(reference);
	}

	public Rule(Comparator comparator, double value, Double valueMax, Integer targetYear, int periodFrom, int periodTo,
			Integer baselineYear, Double baselineValue, boolean lowerIsBetter,
			NavigableMap<Integer, Double> reference) {
		this(comparator, value, valueMax, targetYear, periodFrom, periodTo, baselineYear, baselineValue, lowerIsBetter,
				reference, null, null);
	}

	public static Rule level(Comparator comparator, double value, int targetYear, int periodFrom, int periodTo,
			boolean lowerIsBetter) {
		return new Rule(comparator, value, null, targetYear, periodFrom, periodTo, null, null, lowerIsBetter,
				new TreeMap<>());
	}

	public boolean yearly() {
		return this.targetYear == null;
	}

	/**
	 * Whether every year is judged on its own: as the target says, else a reduction on
	 * its mean and any other yearly target year by year.
	 */
	public boolean eachYear() {
		return (this.judging != null) ? this.judging == Judging.EACH_YEAR : !this.comparator.isReduction();
	}

	/** The rule judged as the target's wording says. */
	public Rule judged(Judging how) {
		return new Rule(this.comparator, this.value, this.valueMax, this.targetYear, this.periodFrom, this.periodTo,
				this.baselineYear, this.baselineValue, this.lowerIsBetter, this.reference, this.tolerance,
				this.closedYear, how);
	}

}
