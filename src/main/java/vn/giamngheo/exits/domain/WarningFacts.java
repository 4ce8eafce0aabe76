package vn.giamngheo.exits.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What the scorer knows of a household.
 *
 * @param years its recognised assessments, oldest first
 * @param birthDates its members' dates of birth (members not voided)
 * @param events its events (not voided), any order
 */
public record WarningFacts(List<WarningYear> years, List<LocalDate> birthDates, List<WarningEvent> events) {

	/** The latest recognised assessment, or {@code null} when there is none. */
	public WarningYear latest() {
		return this.years.isEmpty() ? null : this.years.get(this.years.size() - 1);
	}

}
