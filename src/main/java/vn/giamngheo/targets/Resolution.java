package vn.giamngheo.targets;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A stored resolution.
 *
 * @param id opaque id
 * @param code stable code
 * @param issuer issuing body
 * @param issuerEn issuing body in English
 * @param number number of the document
 * @param issuedOn date of the document, when known
 * @param title title
 * @param titleEn title in English
 * @param periodFrom first year of the period
 * @param periodTo last year
 * @param scopeUnitId unit the resolution covers
 * @param scopePath its path
 * @param provinceCode province code
 * @param baselineNote what the baseline is and on which basis
 * @param source where the text comes from
 * @param verified number and date checked against the signed text
 */
public record Resolution(long id, String code, String issuer, String issuerEn, String number, LocalDate issuedOn,
		String title, String titleEn, int periodFrom, int periodTo, long scopeUnitId, String scopePath,
		String provinceCode, String baselineNote, String source, boolean verified) {

	public String title(Locale locale) {
		return ("en".equals(locale.getLanguage()) && this.titleEn != null) ? this.titleEn : this.title;
	}

}
