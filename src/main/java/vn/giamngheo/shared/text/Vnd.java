package vn.giamngheo.shared.text;

import java.util.Locale;

/**
 * Amounts of money (integer VND) as people read them: digits grouped by thousands with a
 * dot in Vietnamese ("1.500.000") and a comma in English ("1,500,000"). One place for
 * every page, document, audit text and message that writes an amount.
 */
public final class Vnd {

	private Vnd() {
	}

	/**
	 * The amount's digits grouped by thousands for a language.
	 * @param amount the amount in VND
	 * @param locale the language (English groups with commas, every other with dots)
	 * @return e.g. "1.500.000"
	 */
	public static String digits(long amount, Locale locale) {
		String grouped = String.format(Locale.ROOT, "%,d", amount);
		return "en".equals(locale.getLanguage()) ? grouped : grouped.replace(',', '.');
	}

	/**
	 * The amount as Vietnamese texts write it, with the đồng sign.
	 * @param amount the amount in VND
	 * @return e.g. "1.500.000 đ"
	 */
	public static String dong(long amount) {
		return digits(amount, Locale.ROOT) + " đ";
	}

}
