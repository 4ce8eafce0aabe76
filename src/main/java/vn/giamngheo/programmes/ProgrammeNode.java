package vn.giamngheo.programmes;

import java.util.List;
import java.util.Locale;

/**
 * A project, sub-project or content of a programme. Built by {@link ProgrammeCatalogue}
 * only.
 *
 * @param code the node code ({@code DA3.TDA2})
 * @param level PROJECT, SUBPROJECT or CONTENT
 * @param nameVi the Vietnamese name
 * @param nameEn the English name
 * @param legalBasis the legal basis in words
 * @param verified whether it was read in the official text
 * @param leadAgency the lead agency in words
 * @param beneficiaries the beneficiary rule in words (Vietnamese)
 * @param outputs its outputs
 * @param indicators its indicators (Biểu 01)
 * @param children its sub-projects or contents
 */
public record ProgrammeNode(String code, String level, String nameVi, String nameEn, String legalBasis,
		boolean verified, String leadAgency, String beneficiaries, List<OutputDef> outputs,
		List<ProgrammeIndicator> indicators, List<ProgrammeNode> children) {

	/**
	 * The name in a language.
	 * @param locale the language
	 * @return the name
	 */
	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameVi;
	}

}
