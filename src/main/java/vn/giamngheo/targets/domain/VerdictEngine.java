package vn.giamngheo.targets.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides the verdict of a target from its actual values. The rules, in order:
 * <ul>
 * <li>no actual value in the period: NO_DATA;</li>
 * <li>a target due in a year, with an actual for that year: MET if it satisfies the
 * comparator, else OFF_TRACK;</li>
 * <li>a target due later: the least-squares trend of the points of the latest basis, read
 * at the target year (the forecast): ON_TRACK if it satisfies the comparator (or, with a
 * single point, if that point already does); AT_RISK if it misses by at most a quarter of
 * the distance from the first point to the goal; OFF_TRACK otherwise;</li>
 * <li>a reduction per year: the mean of the yearly falls between consecutive years of the
 * same basis (a change of standard is skipped and flagged): MET (period over) or ON_TRACK
 * when it reaches the lower end; AT_RISK when it reaches three quarters of it and the
 * period is not over; OFF_TRACK otherwise;</li>
 * <li>another yearly target (every year at least...): MET (period over) or ON_TRACK when
 * every year satisfies; AT_RISK when the latest year satisfies but an earlier one did
 * not; OFF_TRACK when the latest year misses.</li>
 * </ul>
 * "≈" accepts values within 10% of the goal or better in the good direction.
 */
public final class VerdictEngine {

	static final double EPS = 1e-9;

	/** Share of the distance to cover by which a forecast may miss and be "at risk". */
	static final double AT_RISK_SHARE = 0.25;

	/** Share of the lower end of a reduction that is "at risk" rather than off track. */
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

	/** Whether a value satisfies the comparator against the goal. */
	public static boolean satisfies(Rule rule, double v, double goal) {
		return switch (rule.comparator()) {
			case LE -> v <= goal + EPS;
			case LT, BELOW_REFERENCE -> v < goal - EPS;
			case GE, TIMES_BASELINE, ALL_WITH_DEMAND -> v >= goal - EPS;
			case GT -> v > goal + EPS;
			case APPROX -> rule.lowerIsBetter() ? v <= goal * 1.1 + EPS : v >= goal * 0.9 - EPS;
			case REDUCE_PP_PER_YEAR -> v >= goal - EPS;
			case REDUCE_MORE_THAN_PP_PER_YEAR -> v > goal + EPS;
		};
	}

	/**
	 * The verdict of a target on a series.
	 * @param rule the target
	 * @param series actual values, any order
	 * @return the evaluation
	 */
	public static Evaluation evaluate(Rule rule, List<Point> series) {
		List<Point> all = new ArrayList<>(series);
		all.sort(java.util.Comparator.comparingInt(Point::year));
		if (rule.comparator().isReduction()) {
			return reduction(rule, all);
		}
		int last = rule.yearly() ? rule.periodTo() : rule.targetYear();
		List<Point> inPeriod = all.stream().filter((p) -> p.year() >= rule.periodFrom() && p.year() <= last).toList();
		Double goal = goal(rule, all);
		if (inPeriod.isEmpty()) {
			return new Evaluation(Verdict.NO_DATA, "targets.rule.no-data", List.of(rule.periodFrom(), last), goal, null,
					null, null, null, false, inPeriod);
		}
		if (goal == null) {
			return new Evaluation(Verdict.NO_DATA, "targets.rule.no-goal", List.of(), null, null, null, null, null,
					false, inPeriod);
		}
		Point latest = inPeriod.get(inPeriod.size() - 1);
		return rule.yearly() ? everyYear(rule, inPeriod, latest, goal) : level(rule, inPeriod, latest, goal);
	}

	private static Evaluation level(Rule rule, List<Point> inPeriod, Point latest, double goal) {
		int due = rule.targetYear();
		if (latest.year() == due) {
			boolean ok = satisfies(rule, latest.value(), goal);
			return new Evaluation(ok ? Verdict.MET : Verdict.OFF_TRACK,
					ok ? "targets.rule.met-at-target-year" : "targets.rule.missed-at-target-year",
					List.of(due, latest.value(), rule.comparator().symbol(), goal), goal, latest.year(), latest.value(),
					latest.value(), null, false, inPeriod);
		}
		List<Point> sameBasis = inPeriod.stream().filter((p) -> p.basis().equals(latest.basis())).toList();
		boolean rebased = sameBasis.size() < inPeriod.size();
		Double forecast = Forecast.linear(sameBasis, due);
		double judged = (forecast != null) ? forecast : latest.value();
		if (satisfies(rule, judged, goal)) {
			return new Evaluation(Verdict.ON_TRACK,
					(forecast != null) ? "targets.rule.forecast-meets" : "targets.rule.latest-meets",
					List.of(due, judged, rule.comparator().symbol(), goal), goal, latest.year(), latest.value(),
					forecast, null, rebased, inPeriod);
		}
		double distance = Math.abs(goal - sameBasis.get(0).value());
		if (distance < EPS) {
			distance = Math.max(Math.abs(goal), 1.0);
		}
		boolean near = Math.abs(judged - goal) <= AT_RISK_SHARE * distance + EPS;
		return new Evaluation(near ? Verdict.AT_RISK : Verdict.OFF_TRACK,
				near ? "targets.rule.forecast-near" : "targets.rule.forecast-misses",
				List.of(due, judged, rule.comparator().symbol(), goal), goal, latest.year(), latest.value(), forecast,
				null, rebased, inPeriod);
	}

	private static Evaluation everyYear(Rule rule, List<Point> inPeriod, Point latest, double goal) {
		int missed = 0;
		for (Point p : inPeriod) {
			if (!satisfies(rule, p.value(), goal)) {
				missed++;
			}
		}
		boolean over = latest.year() >= rule.periodTo();
		Double forecast = Forecast.linear(inPeriod, rule.periodTo());
		List<Object> args = List.of(inPeriod.size(), missed, rule.comparator().symbol(), goal);
		if (missed == 0) {
			return new Evaluation(over ? Verdict.MET : Verdict.ON_TRACK, "targets.rule.every-year-meets", args, goal,
					latest.year(), latest.value(), forecast, null, false, inPeriod);
		}
		if (satisfies(rule, latest.value(), goal) && !over) {
			return new Evaluation(Verdict.AT_RISK, "targets.rule.some-years-miss", args, goal, latest.year(),
					latest.value(), forecast, null, false, inPeriod);
		}
		return new Evaluation(Verdict.OFF_TRACK, over ? "targets.rule.some-years-miss" : "targets.rule.latest-misses",
				args, goal, latest.year(), latest.value(), forecast, null, false, inPeriod);
	}

	private static Evaluation reduction(Rule rule, List<Point> all) {
		int start = (rule.baselineYear() != null) ? rule.baselineYear() : rule.periodFrom() - 1;
		List<Point> used = all.stream().filter((p) -> p.year() >= start && p.year() <= rule.periodTo()).toList();
		double sum = 0;
		int n = 0;
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
			n++;
		}
		if (n == 0) {
			return new Evaluation(Verdict.NO_DATA, "targets.rule.no-yearly-change",
					List.of(rule.periodFrom(), rule.periodTo()), rule.value(), null, null, null, null, rebased, used);
		}
		double mean = Forecast.round(sum / n);
		Point latest = used.get(used.size() - 1);
		boolean over = latest.year() >= rule.periodTo();
		Double forecast = Forecast.round(latest.value() - mean * (rule.periodTo() - latest.year()));
		List<Object> args = List.of(mean, n, rule.comparator().symbol(), rule.value());
		if (satisfies(rule, mean, rule.value())) {
			return new Evaluation(over ? Verdict.MET : Verdict.ON_TRACK, "targets.rule.mean-reduction-reaches", args,
					rule.value(), latest.year(), latest.value(), forecast, mean, rebased, used);
		}
		boolean near = mean >= AT_RISK_REDUCTION * rule.value() - EPS && !over;
		return new Evaluation(near ? Verdict.AT_RISK : Verdict.OFF_TRACK, "targets.rule.mean-reduction-short", args,
				rule.value(), latest.year(), latest.value(), forecast, mean, rebased, used);
	}

}
