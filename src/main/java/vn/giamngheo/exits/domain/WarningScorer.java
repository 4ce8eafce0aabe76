package vn.giamngheo.exits.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores a household against the early-warning rules (ADR 0042). Pure: the caller gives
 * only the assessments of the list's year and before, and the events up to the list's day
 * (no look-ahead); the scorer reads nothing else.
 * <ul>
 * <li>RECENT_SHOCK: an adverse event dated after (day − months) and on or before the
 * day;</li>
 * <li>INCOME_NEAR_LINE: latest income per head above the poverty line by at most
 * within_percent % of the line;</li>
 * <li>NEAR_POOR: the latest class is near-poor;</li>
 * <li>INCOME_FELL: income per head lower in each of the last {@code years} consecutive
 * review years than in the one before;</li>
 * <li>NEWLY_EXITED: the latest exit (poor in N−1, not poor in N) lies within the
 * follow-up window: the day is on or before exit day + follow-up years − 1 day;</li>
 * <li>DEPRIVATIONS_NEAR_CUTOFF: deprivations at least the cut-off − below_cutoff (and at
 * least 1);</li>
 * <li>DEPENDENCY_RATIO: members under 15 or 60 and over, over members 15–59 (ages on the
 * day), at least min_percent %, or dependants with nobody of working age;</li>
 * <li>FORMERLY_POOR: poor in some year, when NEWLY_EXITED does not hold.</li>
 * </ul>
 */
public final class WarningScorer {

	private final WarningRuleBook book;

	private final int followUpYears;

	/**
	 * @param book the rules
	 * @param followUpYears the newly-exited window in years
	 */
	public WarningScorer(WarningRuleBook book, int followUpYears) {
		this.book = book;
		this.followUpYears = followUpYears;
	}

	/**
	 * The score of a household on a day.
	 * @param facts what is known of it up to the list's year
	 * @param day the list's day (31/12 of its year, or today for the running year)
	 * @return the score; zero with no reasons for a household with no class or a poor one
	 */
	public WarningScore score(WarningFacts facts, LocalDate day) {
		WarningYear latest = facts.latest();
		if (latest == null || latest.poor()) {
			return new WarningScore(0, List.of(), (latest != null) ? latest.incomePerCapita() : null);
		}
		List<WarningReason> reasons = new ArrayList<>();
		for (WarningRule rule : this.book.rules()) {
			if (!rule.on()) {
				continue;
			}
			List<Object> values = values(rule, facts, latest, day);
			if (values != null) {
				reasons.add(new WarningReason(rule.code(), rule.weight(), values));
			}
		}
		reasons.sort(Comparator.comparingInt(WarningReason::points).reversed());
		int points = reasons.stream().mapToInt(WarningReason::points).sum();
		return new WarningScore(points, List.copyOf(reasons), latest.incomePerCapita());
	}

	/** The values the rule's reason quotes when it holds, else {@code null}. */
	private List<Object> values(WarningRule rule, WarningFacts facts, WarningYear latest, LocalDate day) {
		return switch (rule.code()) {
			case RECENT_SHOCK -> shock(facts, day, rule.parameter("months"));
			case INCOME_NEAR_LINE -> nearLine(latest, rule.parameter("within_percent"));
			case NEAR_POOR -> "NEAR_POOR".equals(latest.classification()) ? List.of(latest.year()) : null;
			case INCOME_FELL -> fell(facts.years(), rule.parameter("years"));
			case NEWLY_EXITED -> newlyExited(facts.years(), day);
			case DEPRIVATIONS_NEAR_CUTOFF -> nearCutoff(latest, rule.parameter("below_cutoff"));
			case DEPENDENCY_RATIO -> dependency(facts.birthDates(), day, rule.parameter("min_percent"));
			case FORMERLY_POOR -> formerlyPoor(facts.years(), day);
		};
	}

	private static List<Object> shock(WarningFacts facts, LocalDate day, int months) {
		LocalDate after = day.minusMonths(months);
		List<WarningEvent> recent = facts.events()
			.stream()
			.filter((e) -> e.adverse() && e.date().isAfter(after) && !e.date().isAfter(day))
			.sorted(Comparator.comparing(WarningEvent::date).reversed())
			.toList();
		return recent.isEmpty() ? null : List.of(months, recent);
	}

	private static List<Object> nearLine(WarningYear latest, int withinPercent) {
		Long income = latest.incomePerCapita();
		Long line = latest.povertyLine();
		if (income == null || line == null || line <= 0 || income <= line) {
			return null;
		}
		long above = income - line;
		if (above * 100 > line * withinPercent) {
			return null;
		}
		// rounded up: "only 1 % above" for half a per cent, never more than the rule's
		// limit
		long percent = (above * 100 + line - 1) / line;
		return List.of((int) percent, income, line);
	}

	private static List<Object> fell(List<WarningYear> years, int runs) {
		int n = years.size();
		if (n < runs + 1) {
			return null;
		}
		WarningYear last = years.get(n - 1);
		for (int k = 0; k <= runs; k++) {
			WarningYear y = years.get(n - 1 - k);
			if (y.year() != last.year() - k || y.incomePerCapita() == null) {
				return null;
			}
			if (k > 0 && years.get(n - k).incomePerCapita() >= y.incomePerCapita()) {
				return null;
			}
		}
		return List.of(runs, years.get(n - 1 - runs).incomePerCapita(), last.incomePerCapita());
	}

	/** The day of the latest exit from poverty (poor in N−1, not poor in N), or null. */
	static LocalDate lastExit(List<WarningYear> years) {
		for (int i = years.size() - 1; i > 0; i--) {
			WarningYear before = years.get(i - 1);
			WarningYear after = years.get(i);
			if (before.poor() && !after.poor() && before.year() == after.year() - 1) {
				return after.decidedOn();
			}
		}
		return null;
	}

	/**
	 * The last day of the newly-exited window of an exit on {@code exit}: the day before
	 * its anniversary {@code years} later (an exit on 29/02 counts from 28/02, as the
	 * newly-exited loan's window does).
	 */
	public static LocalDate windowEnd(LocalDate exit, int years) {
		return exit.plusYears(years).minusDays(1);
	}

	private List<Object> newlyExited(List<WarningYear> years, LocalDate day) {
		LocalDate exit = lastExit(years);
		if (exit == null || day.isAfter(windowEnd(exit, this.followUpYears))) {
			return null;
		}
		return List.of(exit, this.followUpYears);
	}

	private List<Object> formerlyPoor(List<WarningYear> years, LocalDate day) {
		if (newlyExited(years, day) != null) {
			return null;
		}
		Integer lastPoor = null;
		for (WarningYear y : years) {
			if (y.poor()) {
				lastPoor = y.year();
			}
		}
		return (lastPoor != null) ? List.of(lastPoor) : null;
	}

	private static List<Object> nearCutoff(WarningYear latest, int below) {
		if (latest.cutoff() == null) {
			return null;
		}
		int from = Math.max(1, latest.cutoff() - below);
		return (latest.deprivations() >= from) ? List.of(latest.deprivations(), latest.cutoff()) : null;
	}

	private static List<Object> dependency(List<LocalDate> births, LocalDate day, int minPercent) {
		int dependants = 0;
		int working = 0;
		for (LocalDate born : births) {
			if (born.isAfter(day)) {
				continue;
			}
			int age = Period.between(born, day).getYears();
			if (age < 15 || age >= 60) {
				dependants++;
			}
			else {
				working++;
			}
		}
		if (dependants == 0) {
			return null;
		}
		boolean high = (working == 0) || dependants * 100L >= (long) minPercent * working;
		return high ? List.of(dependants, working) : null;
	}

}
