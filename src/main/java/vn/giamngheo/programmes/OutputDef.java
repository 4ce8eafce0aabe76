package vn.giamngheo.programmes;

import java.util.Locale;

/**
 * An output of a node and how it is obtained. Built by {@link ProgrammeCatalogue} only.
 *
 * @param code the output code ({@code HOUSES_BUILT})
 * @param nameVi the Vietnamese name
 * @param nameEn the English name
 * @param unitVi the unit of count in Vietnamese ("hộ", "người", "căn")
 * @param unitEn the unit of count in English
 * @param counted whether it is counted from the ledger or the models (else entered)
 */
public record OutputDef(String code, String nameVi, String nameEn, String unitVi, String unitEn, boolean counted) {

	/**
	 * The name in a language.
	 * @param locale the language
	 * @return the name
	 */
	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameVi;
	}

}
