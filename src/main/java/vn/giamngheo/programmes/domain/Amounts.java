package vn.giamngheo.programmes.domain;

import java.util.Locale;
import java.util.regex.Pattern;

import vn.giamngheo.shared.text.Vnd;

/**
 * Amounts of money as officers type them: whole đồng, thousands grouped by dots or spaces
 * ("1.250.000.000", "1 250 000 000", "1250000000", an "đ" at the end is allowed). A comma
 * is the Vietnamese decimal mark, and money is integer VND, so "1,5" is refused; so are a
 * minus sign and groups that are not of three digits ("1.25" is not 125).
 */
public final class Amounts {

	private static final Pattern PLAIN = Pattern.compile("\\d+");

	private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(\\.\\d{3})+|\\d{1,3}( \\d{3})+");

	private Amounts() {
	}

	/**
	 * The result of reading an amount: the value, or why it could not be read.
	 *
	 * @param value the amount in VND (null when refused)
	 * @param problem {@code negative}, {@code not-whole} or {@code not-a-number} (null
	 * when read)
	 */
	public record Parsed(Long value, String problem) {

		public boolean ok() {
			return this.problem == null;
		}

	}

	/**
	 * Reads a typed amount; a blank is 0.
	 * @param text what was typed
	 * @return the amount or the problem
	 */
	public static Parsed parse(String text) {
		if (text == null || text.isBlank()) {
			return new Parsed(0L, null);
		}
		String t = text.strip().replace('\u00a0', ' ').replaceAll(" +", " ");
		if (t.endsWith("đ") || t.endsWith("Đ")) {
			t = t.substring(0, t.length() - 1).strip();
		}
		else if (t.toUpperCase(Locale.ROOT).endsWith("VND")) {
			t = t.substring(0, t.length() - 3).strip();
		}
		if (t.startsWith("-")) {
			return new Parsed(null, "negative");
		}
		if (t.contains(",")) {
			return new Parsed(null, "not-whole");
		}
		if (!PLAIN.matcher(t).matches() && !GROUPED.matcher(t).matches()) {
			return new Parsed(null, "not-a-number");
		}
		String digits = t.replace(".", "").replace(" ", "");
		if (digits.length() > 18) {
			return new Parsed(null, "too-large");
		}
		return new Parsed(Long.parseLong(digits), null);
	}

	/**
	 * An amount as pages and messages write it: "1.250.000.000 đ".
	 * @param vnd the amount
	 * @return the text
	 */
	public static String format(long vnd) {
		return Vnd.dong(vnd);
	}

}
