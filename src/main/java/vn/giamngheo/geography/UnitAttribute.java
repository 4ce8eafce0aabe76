package vn.giamngheo.geography;

import java.time.LocalDate;

/**
 * A policy attribute of a unit, valid for a period: terrain, border, poor district,
 * specially difficult commune or village.
 *
 * @param id id
 * @param unitId unit
 * @param attribute TERRAIN | BORDER | POOR_DISTRICT | DBKK_COMMUNE | DBKK_VILLAGE |
 * POOR_COMMUNE
 * @param value TERRAIN: MOUNTAIN | PLAIN | HIGHLAND; flags: true
 * @param validFrom start
 * @param validTo end (inclusive) or null
 * @param legalBasis citation
 * @param verified whether the citation was verified
 * @param assumption a demo assumption a user may edit
 * @param note note
 * @param setBy who set it
 */
public record UnitAttribute(long id, long unitId, String attribute, String value, LocalDate validFrom,
		LocalDate validTo, String legalBasis, boolean verified, boolean assumption, String note, String setBy) {

	public boolean validOn(LocalDate date) {
		return !date.isBefore(this.validFrom) && (this.validTo == null || !date.isAfter(this.validTo));
	}

}
