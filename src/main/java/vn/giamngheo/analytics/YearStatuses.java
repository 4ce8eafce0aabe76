package vn.giamngheo.analytics;

import java.util.List;
import java.util.Optional;

/**
 * The status of each review year of a unit, oldest first: which year a reader sees by
 * default (the last final one) and which years may feed a verdict (final ones only).
 *
 * @param years each year with figures or a review
 */
public record YearStatuses(List<YearStatus> years) {

	public YearStatuses {
		years = List.copyOf(years);
	}

	/** The status of a year, if the unit has figures or a review that year. */
	public Optional<YearStatus> of(int year) {
		return this.years.stream().filter((y) -> y.year() == year).findFirst();
	}

	/** Whether a year's figures are final. */
	public boolean isFinal(int year) {
		return of(year).map(YearStatus::isFinal).orElse(false);
	}

	/** The latest final year, if any. */
	public Optional<Integer> lastFinal() {
		return this.years.stream().filter(YearStatus::isFinal).map(YearStatus::year).reduce((a, b) -> b);
	}

	/**
	 * Years of a basis (re-based years of a 2025 unit, continued years of an ended one),
	 * oldest first.
	 */
	public List<Integer> yearsOf(String basis) {
		return this.years.stream().filter((y) -> y.basis().name().equals(basis)).map(YearStatus::year).toList();
	}

	/** Final years, oldest first. */
	public List<Integer> finalYears() {
		return this.years.stream().filter(YearStatus::isFinal).map(YearStatus::year).toList();
	}

	/**
	 * The year a reader sees when asking for {@code wanted}: that year if the unit has
	 * figures of it (final or, asked for by name, provisional), else the last final year,
	 * else the latest year.
	 * @param wanted the year asked for, or null
	 * @param withFigures years with figures
	 * @return the year, or empty when there are no figures
	 */
	public Optional<Integer> shown(Integer wanted, List<Integer> withFigures) {
		if (wanted != null && withFigures.contains(wanted)) {
			return Optional.of(wanted);
		}
		Optional<Integer> last = lastFinal().filter(withFigures::contains);
		if (last.isPresent()) {
			return last;
		}
		return withFigures.isEmpty() ? Optional.empty() : Optional.of(withFigures.get(withFigures.size() - 1));
	}

}
