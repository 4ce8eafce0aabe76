package vn.giamngheo.programmes;

import java.util.List;
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
 * @param counting how it is counted (null when entered)
 */
public record OutputDef(String code, String nameVi, String nameEn, String unitVi, String unitEn, boolean counted,
		Counting counting) {

	/**
	 * How a counted output is counted.
	 *
	 * @param from {@code LEDGER} (benefit records DELIVERED or CLOSED, not voided) or
	 * {@code MODELS} (models that ran in the year)
	 * @param count what is counted: {@code HOUSEHOLDS} or {@code MEMBERS} (distinct) or
	 * {@code RECORDS} from the ledger; {@code MODELS} or {@code PARTICIPANTS} (distinct
	 * households) from the models
	 * @param policies the support policies whose records count (empty: every record
	 * linked to the node's subtree)
	 * @param amountFrom only records of at least this amount (VND), or null
	 * @param amountBelow only records below this amount (VND), or null
	 */
	public record Counting(String from, String count, List<String> policies, Long amountFrom, Long amountBelow) {
	}

	/**
	 * The name in a language.
	 * @param locale the language
	 * @return the name
	 */
	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameVi;
	}

}
