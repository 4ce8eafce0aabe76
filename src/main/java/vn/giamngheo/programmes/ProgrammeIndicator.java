package vn.giamngheo.programmes;

import java.util.Locale;

/**
 * An indicator of a programme node (Biểu 01 of Circular 10/2022). Built by
 * {@link ProgrammeCatalogue} only.
 *
 * @param code the indicator code
 * @param nameVi the Vietnamese name
 * @param nameEn the English name
 * @param level OUTPUT, OUTCOME or IMPACT
 * @param unitVi its unit in Vietnamese ("%", "hộ")
 * @param unitEn its unit in English
 * @param target the programme's target in words ("giảm 1–1,5%/năm"), or null
 * @param output the output it is measured by (an output code of the node), or null
 * @param source where the target comes from (citation)
 * @param verified whether the target was read in the official text
 */
public record ProgrammeIndicator(String code, String nameVi, String nameEn, String level, String unitVi, String unitEn,
		String target, String output, String source, boolean verified) {

	/**
	 * The name in a language.
	 * @param locale the language
	 * @return the name
	 */
	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameVi;
	}

}
