package vn.giamngheo.geography;

import java.time.LocalDate;

/**
 * A unit and the units above it as they were named on a date, for documents: a document
 * names units as they were on its own date. The administrative map changed on 01/07/2025
 * (two tiers, merged communes and provinces); a unit of the other edition is followed
 * through the 2025 crosswalk to the one unit it became (or came from); where that is not
 * one unit (a commune split in several, or several merged into one before the date) the
 * recorded unit is kept.
 *
 * @param date the date
 * @param village the village (thôn, bản, tổ dân phố), or {@code null} when the unit is an
 * administrative unit; villages keep their names
 * @param commune the commune on the date, or {@code null} above commune level
 * @param district the district on the date, or {@code null} (none in the two-tier map)
 * @param province the province on the date
 */
public record UnitsOnDate(LocalDate date, Unit village, Unit commune, Unit district, Unit province) {

	/** The lowest administrative unit (the commune, else the province). */
	public Unit body() {
		return (this.commune != null) ? this.commune : this.province;
	}

}
