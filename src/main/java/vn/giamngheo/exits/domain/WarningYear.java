package vn.giamngheo.exits.domain;

import java.time.LocalDate;

/**
 * A household's recognised assessment of one review year, as the scorer reads it.
 *
 * @param year the review year
 * @param classification the recognised class (POOR, NEAR_POOR, MIDDLE…)
 * @param incomePerCapita income per person per month in VND, or {@code null} when not
 * recorded
 * @param deprivations the number of deprived indicators
 * @param povertyLine the poverty line of the year's standard for the household's area
 * (VND per person per month), or {@code null} when unknown
 * @param cutoff the standard's deprivation cut-off (poor from this count), or
 * {@code null} when unknown
 * @param decidedOn the day the class was recognised (31/12 of the year when unknown)
 */
public record WarningYear(int year, String classification, Long incomePerCapita, int deprivations, Long povertyLine,
		Integer cutoff, LocalDate decidedOn) {

	public boolean poor() {
		return "POOR".equals(this.classification);
	}

}
