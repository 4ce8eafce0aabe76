package vn.giamngheo.programmes;

import java.util.List;
import java.util.Locale;

/**
 * A programme of the catalogue (a file in {@code programmes/}): its projects, legal basis
 * and whether that basis was verified against the official text. Built by
 * {@link ProgrammeCatalogue} only.
 *
 * @param code the programme code ({@code GNBV-2021-2025})
 * @param nameVi the Vietnamese name
 * @param nameEn the English name
 * @param periodFrom first year
 * @param periodTo last year
 * @param legalBasis the legal basis in words (number, date, issuer)
 * @param verified whether the legal basis was read in the official text
 * @param leadAgency the lead agency in words
 * @param note what is known and not known, in words (Vietnamese)
 * @param projects the projects, in order
 * @param indicators the programme's own targets (Biểu 01, impact and outcome level)
 */
public record Programme(String code, String nameVi, String nameEn, int periodFrom, int periodTo, String legalBasis,
		boolean verified, String leadAgency, String note, List<ProgrammeNode> projects,
		List<ProgrammeIndicator> indicators) {

	/**
	 * The name in a language (Vietnamese unless English).
	 * @param locale the language
	 * @return the name
	 */
	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameVi;
	}

}
