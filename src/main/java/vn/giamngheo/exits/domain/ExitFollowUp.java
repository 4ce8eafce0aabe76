package vn.giamngheo.exits.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Follow-up after exit (ADR 0041), pure: from a household's recognised class each year,
 * its last exit from the poor list (POOR in N−1, not POOR in N: "thoát nghèo") or from
 * the near-poor list (NEAR_POOR in N−1, above near-poor in N: "thoát cận nghèo"), the
 * newly-exited window that starts on the exit day E (the decision day of the year-N
 * assessment, else 31/12/N) and ends on E + years − 1 day, and whether the household fell
 * back since (on the list it left, or a worse one, again). Only what was recognised on
 * the day asked is used.
 */
public final class ExitFollowUp {

	private static final Set<String> ABOVE_NEAR_POOR = Set.of("MIDDLE", "ABOVE_MIDDLE", "NOT_POOR");

	private ExitFollowUp() {
	}

	/**
	 * A recognised class of a year.
	 *
	 * @param year the review year
	 * @param classification POOR, NEAR_POOR, MIDDLE, ABOVE_MIDDLE, NOT_POOR
	 * @param decisionDate the recognition day, or null
	 */
	public record YearClass(int year, String classification, LocalDate decisionDate) {

		/** The day the class took effect: its decision day, else 31/12 of its year. */
		public LocalDate day() {
			return (this.decisionDate != null) ? this.decisionDate : LocalDate.of(this.year, 12, 31);
		}

	}

	/**
	 * Where a household stands on a day.
	 *
	 * @param from the list it left: POOR or NEAR_POOR
	 * @param exitYear the review year of the exit
	 * @param exitDay the exit day E
	 * @param windowEnd the window's last day (E + years − 1 day)
	 * @param fellBackYear the first year it was on that list (or a worse one) again, or
	 * null
	 * @param fellBackOn the day of that, or null
	 */
	public record State(String from, int exitYear, LocalDate exitDay, LocalDate windowEnd, Integer fellBackYear,
			LocalDate fellBackOn) {

		/** Whether it fell back. */
		public boolean fellBack() {
			return this.fellBackYear != null;
		}

	}

	/**
	 * The last day of the window: E + years − 1 day (an exit on 29/02 has its anniversary
	 * on 28/02 of a common year, as {@link LocalDate#plusYears} and the ledger's
	 * eligibility rules count it).
	 */
	public static LocalDate windowEnd(LocalDate exitDay, int years) {
		return exitDay.plusYears(years).minusDays(1);
	}

	/** Whether a day lies in the window of an exit on {@code exitDay}. */
	public static boolean inWindow(LocalDate exitDay, int years, LocalDate day) {
		return !day.isBefore(exitDay) && !day.isAfter(windowEnd(exitDay, years));
	}

	/**
	 * The household's follow-up on a day: its last exit recognised by then whose window
	 * holds the day, and whether it fell back since; empty when there is none.
	 * @param history its recognised classes (any order, one a year)
	 * @param years the window's length in years
	 * @param day the day asked
	 */
	public static Optional<State> on(List<YearClass> history, int years, LocalDate day) {
		List<YearClass> known = history.stream()
			.filter((c) -> !c.day().isAfter(day))
			.sorted(Comparator.comparingInt(YearClass::year))
			.toList();
		for (int i = known.size() - 1; i >= 1; i--) {
			YearClass before = known.get(i - 1);
			YearClass now = known.get(i);
			String from = exitFrom(before, now);
			if (from == null) {
				continue;
			}
			if (!inWindow(now.day(), years, day)) {
				return Optional.empty();
			}
			Integer fellYear = null;
			LocalDate fellOn = null;
			for (int j = i + 1; j < known.size(); j++) {
				if (onListAgain(from, known.get(j).classification())) {
					fellYear = known.get(j).year();
					fellOn = known.get(j).day();
					break;
				}
			}
			return Optional.of(new State(from, now.year(), now.day(), windowEnd(now.day(), years), fellYear, fellOn));
		}
		return Optional.empty();
	}

	/** POOR or NEAR_POOR when {@code now} is an exit from that list, else null. */
	static String exitFrom(YearClass before, YearClass now) {
		if (now.year() != before.year() + 1) {
			return null;
		}
		if ("POOR".equals(before.classification()) && !"POOR".equals(now.classification())) {
			return "POOR";
		}
		if ("NEAR_POOR".equals(before.classification()) && ABOVE_NEAR_POOR.contains(now.classification())) {
			return "NEAR_POOR";
		}
		return null;
	}

	private static boolean onListAgain(String from, String classification) {
		return "POOR".equals(classification) || ("NEAR_POOR".equals(from) && "NEAR_POOR".equals(classification));
	}

}
