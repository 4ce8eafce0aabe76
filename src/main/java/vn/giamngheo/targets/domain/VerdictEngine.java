package vn.giamngheo.targets.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides the verdict of a target from its final actual values. The rules, in order:
 * <ul>
 * <li>no actual value in the period: NO_DATA (never a failure);</li>
 * <li>a target due in a year, with an actual for that year: MET if it satisfies the
 * comparator, else MISSED;</li>
 * <li>a target due later whose latest value already satisfies it: MET (reached early),
 * unless the trend leads out of it by the target year: AT_RISK;</li>
 * <li>otherwise the least-squares trend of the values of the latest basis, projected to
 * the target year: ON_TRACK if it satisfies the comparator; AT_RISK if it misses by at
 * most a quarter of the distance from the first value to the goal; BEHIND otherwise (one
 * value only: the same test on that value);</li>
 * <li>a reduction per year: MET when the latest rate is already at or below one year's
 * required fall (nothing is left to reduce); else the mean of the yearly falls between
 * consecutive years of one basis (a change of standard is skipped and flagged): MET
 * (period over) or ON_TRACK when it reaches the lower end; AT_RISK when it reaches three
 * quarters of it and the period is not over; MISSED (period over) or BEHIND
 * otherwise;</li>
 * <li>another yearly target (every year at least...): MET (period over) or ON_TRACK when
 * every year satisfies; MISSED when the period is over and a year missed; AT_RISK when
 * the latest year satisfies but an earlier one did not; BEHIND when the latest year
 * misses.</li>
 * </ul>
 * "About" (≈) accepts values within the target's tolerance of the goal (default
 * {@link #APPROX_SHARE} of the goal, stated in the sentence), or beyond it on the good
 * side, which the sentence calls "exceeded", never "about".
 */
public final class VerdictEngine {

	static final double EPS = 1e-9;

	/** Default tolerance of "about": this share of the goal, either side. */
	public static final double APPROX_SHARE = 0.10;

	/** Share of the distance to cover by which a forecast may miss and be "at risk". */
	static final double AT_RISK_SHARE = 0.25;

	/** Share of the lower end of a reduction that is "at risk" rather than behind. */
	static final double AT_RISK_REDUCTION = 0.75;

	private VerdictEngine() {
	}

	/**
	 * The goal the actual is compared with: the value, or value × baseline, or the
	 * reference of the target year (the latest one before it), or 100.
	 */
	public static Double goal(Rule rule, List<Point> points) {
		return switch (rule.comparator()) {
			case TIMES_BASELINE -> {
				Double base = baseline(rule, points);
				yield (base == null) ? null : Forecast.round(base * rule.value());
			}
			case BELOW_REFERENCE -> {
				int year = (rule.targetYear() != null) ? rule.targetYear() : rule.periodTo();
				Map.Entry<Integer, Double> ref = rule.reference().floorEntry(year);
				yield (ref == null) ? null : ref.getValue();
			}
			case ALL_WITH_DEMAND -> 100.0;
			default -> rule.value();
		};
	}

	static Double baseline(Rule rule, List<Point> points) {
		if (rule.baselineValue() != null) {
			return rule.baselineValue();
		}
		if (rule.baselineYear() != null) {
			for (Point p : points) {
				if (p.year() == rule.baselineYear()) {
					return p.value();
				}
			}
		}
		return null;
	}

	/** How far from the goal "about" may be: the rule's own, or 10% of the goal. */
	public static double tolerance(Rule rule, double goal) {
		return (rule.tolerance() != null) ? rule.tolerance() : Forecast.round(APPROX_SHARE * Math.abs(goal));
	}

	/** Whether a value satisfies the comparator against the goal. */
	public static boolean satisfies(Rule rule, double v, double goal) {
		return switch (rule.comparator()) {
			case LE -> v <= goal + EPS;
			case LT, BELOW_REFERENCE -> v < goal - EPS;
			case GE, TIMES_BASELINE, ALL_WITH_DEMAND -> v >= goal - EPS;
			case GT -> v > goal + EPS;
			case APPROX -> rule.lowerIsBetter() ? v <= goal + tolerance(rule, goal) + EPS
					: v >= goal - tolerance(rule, goal) - EPS;
			case REDUCE_PP_PER_YEAR -> v >= goal - EPS;
			case REDUCE_MORE_THAN_PP_PER_YEAR -> v > goal + EPS;
		};
	}

	/**
	 * Whether a value satisfying "about" lies outside its band on the good side (better
	 * than the goal by more than the tolerance): said as "exceeded", never as "about".
	 */
	static boolean beyond(Rule rule, double v, double goal) {
		return rule.comparator() == Comparator.APPROX && Math.abs(v - goal) > tolerance(rule, goal) + EPS;
	}

	/**
	 * The goal in words ("không quá 2,87", "khoảng 1,9 (±0,19)"...), from the bundles.
	 */
	public static Phrase goalPhrase(Rule rule, double goal) {
		String key = "targets.goal." + rule.comparator().name();
		return switch (rule.comparator()) {
			case APPROX -> Phrase.of(key, goal, tolerance(rule, goal));
			case TIMES_BASELINE ->
				(rule.baselineYear() != null) ? Phrase.of(key, goal, rule.value(), rule.baselineYear())
						: Phrase.of(key + ".value", goal, rule.value());
			case REDUCE_PP_PER_YEAR, REDUCE_MORE_THAN_PP_PER_YEAR ->
				Phrase.of(rule.eachYear() ? key + ".each-year" : key, rule.value());
			default -> Phrase.of((rule.yearly() && !rule.eachYear()) ? key + ".average" : key, goal);
		};
	}

	/**
	 * The verdict of a target on a series.
	 * @param rule the target
	 * @param series final actual values, any order
	 * @return the evaluation
	 */
	public static Evaluation evaluate(Rule rule, List<Point> series) {
		List<Point> all = new ArrayList<>(series);
		all.sort(java.util.Comparator.comparingInt(Point::year));
		if (rule.comparator().isReduction()) {
			return rule.eachYear() ? reductionEachYear(rule, all) : reduction(rule, all);
		}
		int last = rule.yearly() ? rule.periodTo() : rule.targetYear();
		List<Point> inPeriod = all.stream().filter((p) -> p.year() >= rule.periodFrom() && p.year() <= last).toList();
		Double goal = goal(rule, all);
		if (inPeriod.isEmpty()) {
			return noData(rule, last, goal, inPeriod);
		}
		if (goal == null) {
			return new Evaluation(Verdict.NO_DATA, "targets.rule.no-goal", List.of(), null, null, null, null, null,
					false, inPeriod);
		}
		Point latest = inPeriod.get(inPeriod.size() - 1);
		if (!rule.yearly()) {
			return level(rule, inPeriod, latest, goal);
		}
		return rule.eachYear() ? everyYear(rule, inPeriod, latest, goal) : average(rule, inPeriod, latest, goal);
	}

	private static Evaluation noData(Rule rule, int last, Double goal, List<Point> points) {
		return new Evaluation(Verdict.NO_DATA, "targets.rule.no-data", List.of(rule.periodFrom(), last), goal, null,
				null, null, null, false, points);
	}

	private static Evaluation level(Rule rule, List<Point> inPeriod, Point latest, double goal) {
		int due = rule.targetYear();
		Phrase wanted = goalPhrase(rule, goal);
		if (latest.year() == due) {
			boolean ok = satisfies(rule, latest.value(), goal);
			String key = !ok ? "targets.rule.missed-at-target-year" : beyond(rule, latest.value(), goal)
					? "targets.rule.exceeded-at-target-year" : "targets.rule.met-at-target-year";
			return new Evaluation(ok ? Verdict.MET : Verdict.MISSED, key, List.of(due, latest.value(), wanted), goal,
					latest.year(), latest.value(), null, null, false, inPeriod);
		}
		if (rule.closedYear() != null && rule.closedYear() >= due) {
			// the target year's figures are final and give no value: nothing to judge
			return new Evaluation(Verdict.NO_DATA, "targets.rule.no-value-in-target-year", List.of(due), goal,
					latest.year(), latest.value(), null, null, false, inPeriod);
		}
		List<Point> sameBasis = inPeriod.stream().filter((p) -> p.basis().equals(latest.basis())).toList();
		boolean rebased = sameBasis.size() < inPeriod.size();
		Projection projection = Forecast.project(sameBasis, due);
		if (satisfies(rule, latest.value(), goal)) {
			if (projection == null || satisfies(rule, projection.value(), goal)) {
				return new Evaluation(Verdict.MET, "targets.rule.reached-early",
						List.of(latest.year(), latest.value(), wanted, due), goal, latest.year(), latest.value(),
						projection, null, rebased, inPeriod);
			}
			return new Evaluation(Verdict.AT_RISK, "targets.rule.reached-trend-slips",
					List.of(latest.year(), latest.value(), wanted, due, projection.value()), goal, latest.year(),
					latest.value(), projection, null, rebased, inPeriod);
		}
		double judged = (projection != null) ? projection.value() : latest.value();
		if (projection != null && satisfies(rule, judged, goal)) {
			return new Evaluation(Verdict.ON_TRACK, "targets.rule.trend-meets", List.of(due, judged, wanted), goal,
					latest.year(), latest.value(), projection, null, rebased, inPeriod);
		}
		// the way to go: from the first value of the basis to the goal (one value alone
		// says nothing of it: the goal's own size)
		double distance = (sameBasis.size() < 2) ? 0 : Math.abs(goal - sameBasis.get(0).value());
		if (distance < EPS) {
			distance = Math.max(Math.abs(goal), 1.0);
		}
		boolean near = Math.abs(judged - goal) <= AT_RISK_SHARE * distance + EPS;
		String key = (projection == null) ? (near ? "targets.rule.short-no-trend-near" : "targets.rule.short-no-trend")
				: (near ? "targets.rule.trend-near" : "targets.rule.trend-short");
		List<Object> args = (projection == null) ? List.of(latest.year(), latest.value(), wanted, due)
				: List.of(due, judged, wanted);
		return new Evaluation(near ? Verdict.AT_RISK : Verdict.BEHIND, key, args, goal, latest.year(), latest.value(),
				projection, null, rebased, inPeriod);
	}

	private static Evaluation everyYear(Rule rule, List<Point> inPeriod, Point latest, double goal) {
		int missed = 0;
		for (Point p : inPeriod) {
			if (!satisfies(rule, p.value(), goal)) {
				missed++;
			}
		}
		boolean over = latest.year() >= rule.periodTo();
		Phrase wanted = goalPhrase(rule, goal);
		List<Point> sameBasis = inPeriod.stream().filter((p) -> p.basis().equals(latest.basis())).toList();
		Projection projection = over ? null : Forecast.project(sameBasis, rule.periodTo());
		List<Object> args = List.of(inPeriod.size(), missed, wanted, latest.year(), latest.value());
		Verdict verdict;
		String key;
		if (missed == 0) {
			verdict = over ? Verdict.MET : Verdict.ON_TRACK;
			key = "targets.rule.every-year-meets";
		}
		else if (over) {
			verdict = Verdict.MISSED;
			key = "targets.rule.some-years-missed";
		}
		else if (satisfies(rule, latest.value(), goal)) {
			verdict = Verdict.AT_RISK;
			key = "targets.rule.latest-meets-some-missed";
		}
		else {
			verdict = Verdict.BEHIND;
			key = "targets.rule.latest-misses";
		}
		return new Evaluation(verdict, key, args, goal, latest.year(), latest.value(), projection, null, false,
				inPeriod);
	}

	/**
	 * A yearly target judged on the average of its years ("bình quân 0,5%/năm"): the mean
	 * of the values in the period satisfies the comparator, whatever a single year did.
	 */
	private static Evaluation average(Rule rule, List<Point> inPeriod, Point latest, double goal) {
		double sum = 0;
		for (Point p : inPeriod) {
			sum += p.value();
		}
		double mean = Forecast.round(sum / inPeriod.size());
		boolean over = latest.year() >= rule.periodTo();
		Phrase wanted = goalPhrase(rule, goal);
		int first = inPeriod.get(0).year();
		List<Object> args = List.of(mean, inPeriod.size(), wanted, first, latest.year());
		Verdict verdict;
		String key;
		if (satisfies(rule, mean, goal)) {
			verdict = over ? Verdict.MET : Verdict.ON_TRACK;
			key = "targets.rule.average-meets";
		}
		else {
			verdict = over ? Verdict.MISSED : Verdict.BEHIND;
			key = over ? "targets.rule.average-missed" : "targets.rule.average-short";
		}
		return new Evaluation(verdict, key, args, goal, latest.year(), latest.value(), null, null, false, inPeriod);
	}

	/**
	 * The yearly falls between consecutive years of one basis (a change of standard is
	 * skipped), oldest first.
	 */
	private static List<Point> falls(List<Point> used) {
		List<Point> falls = new ArrayList<>();
		for (int k = 1; k < used.size(); k++) {
			Point before = used.get(k - 1);
			Point after = used.get(k);
			if (after.year() == before.year() + 1 && after.basis().equals(before.basis())) {
				falls.add(new Point(after.year(), Forecast.round(before.value() - after.value())));
			}
		}
		return falls;
	}

	/**
	 * The points a reduction is judged on: from the baseline year to the period's end.
	 */
	private static List<Point> fromBaseline(Rule rule, List<Point> all) {
		int start = (rule.baselineYear() != null) ? rule.baselineYear() : rule.periodFrom() - 1;
		return all.stream().filter((p) -> p.year() >= start && p.year() <= rule.periodTo()).toList();
	}

	/**
	 * Less is left than one year's required fall: the unit has done what was asked.
	 */
	private static Evaluation nothingLeft(Rule rule, Point latest, Phrase wanted, List<Point> used) {
		return new Evaluation(Verdict.MET, "targets.rule.nothing-left", List.of(latest.year(), latest.value(), wanted),
				rule.value(), latest.year(), latest.value(), null, null, false, used);
	}

	/**
	 * A reduction judged year by year ("giảm mỗi năm trên 3%"): every yearly fall must
	 * satisfy it on its own; one year short is enough to miss once the period is over.
	 */
	private static Evaluation reductionEachYear(Rule rule, List<Point> all) {
		List<Point> used = fromBaseline(rule, all);
		if (used.isEmpty()) {
			return noData(rule, rule.periodTo(), rule.value(), used);
		}
		Point latest = used.get(used.size() - 1);
		Phrase wanted = goalPhrase(rule, rule.value());
		if (latest.value() <= rule.value() + EPS) {
			return nothingLeft(rule, latest, wanted, used);
		}
		List<Point> falls = falls(used);
		boolean rebased = falls.size() < used.size() - 1;
		if (falls.isEmpty()) {
			return new Evaluation(Verdict.NO_DATA, "targets.rule.no-yearly-change",
					List.of(rule.periodFrom(), rule.periodTo()), rule.value(), null, null, null, null, rebased, used);
		}
		List<Point> shortYears = falls.stream().filter((f) -> !satisfies(rule, f.value(), rule.value())).toList();
		Point lastFall = falls.get(falls.size() - 1);
		boolean over = latest.year() >= rule.periodTo();
		Verdict verdict;
		String key;
		List<Object> args;
		if (shortYears.isEmpty()) {
			verdict = over ? Verdict.MET : Verdict.ON_TRACK;
			key = "targets.rule.each-year-reduction-meets";
			args = List.of(falls.size(), wanted, falls.get(0).year(), lastFall.year());
		}
		else {
			Point worst = shortYears.stream().min(java.util.Comparator.comparingDouble(Point::value)).orElseThrow();
			args = List.of(shortYears.size(), falls.size(), wanted, worst.year(), worst.value());
			if (over) {
				verdict = Verdict.MISSED;
				key = "targets.rule.each-year-reduction-missed";
			}
			else if (satisfies(rule, lastFall.value(), rule.value())) {
				verdict = Verdict.AT_RISK;
				key = "targets.rule.each-year-reduction-latest-meets";
			}
			else {
				verdict = Verdict.BEHIND;
				key = "targets.rule.each-year-reduction-short";
			}
		}
		return new Evaluation(verdict, key, args, rule.value(), latest.year(), latest.value(), null, null, rebased,
				used);
	}

	private static Evaluation reduction(Rule rule, List<Point> all) {
		List<Point> used = fromBaseline(rule, all);
		if (used.isEmpty()) {
			return noData(rule, rule.periodTo(), rule.value(), used);
		}
		Point latest = used.get(used.size() - 1);
		Phrase wanted = goalPhrase(rule, rule.value());
		if (latest.value() <= rule.value() + EPS) {
			return nothingLeft(rule, latest, wanted, used);
		}
		double sum = 0;
		int n = 0;
		int first = 0;
		int lastYear = 0;
		boolean rebased = false;
		for (int k = 1; k < used.size(); k++) {
			Point before = used.get(k - 1);
			Point after = used.get(k);
			if (after.year() != before.year() + 1) {
				continue;
			}
			if (!after.basis().equals(before.basis())) {
				rebased = true;
				continue;
			}
			sum += before.value() - after.value();
			first = (n == 0) ? before.year() : first;
			lastYear = after.year();
			n++;
		}
		if (n == 0) {
			return new Evaluation(Verdict.NO_DATA, "targets.rule.no-yearly-change",
					List.of(rule.periodFrom(), rule.periodTo()), rule.value(), null, null, null, null, rebased, used);
		}
		double mean = Forecast.round(sum / n);
		boolean over = latest.year() >= rule.periodTo();
		Projection projection = over ? null
				: new Projection(rule.periodTo(),
						Math.max(0, Forecast.round(latest.value() - mean * (rule.periodTo() - latest.year()))),
						Projection.Method.MEAN_REDUCTION, first, lastYear);
		List<Object> args = List.of(mean, n, wanted, first, lastYear);
		Verdict verdict;
		String key;
		if (satisfies(rule, mean, rule.value())) {
			verdict = over ? Verdict.MET : Verdict.ON_TRACK;
			key = "targets.rule.mean-reduction-reaches";
		}
		else if (over) {
			verdict = Verdict.MISSED;
			key = "targets.rule.mean-reduction-missed";
		}
		else if (mean >= AT_RISK_REDUCTION * rule.value() - EPS) {
			verdict = Verdict.AT_RISK;
			key = "targets.rule.mean-reduction-near";
		}
		else {
			verdict = Verdict.BEHIND;
			key = "targets.rule.mean-reduction-short";
		}
		return new Evaluation(verdict, key, args, rule.value(), latest.year(), latest.value(), projection, mean,
				rebased, used);
	}

}
