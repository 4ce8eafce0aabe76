package vn.giamngheo.imports.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.giamngheo.shared.text.TextNormalizer;

/** Reading typed values from cells as people type them. */
public final class Values {

	private static final Pattern DMY = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})");

	private static final Pattern YMD = Pattern.compile("(\\d{4})[/.\\-](\\d{1,2})[/.\\-](\\d{1,2})([T ].*)?");

	private static final Pattern SERIAL = Pattern.compile("\\d{5}(\\.0+)?");

	private static final Pattern THOUSANDS_DOT = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+");

	private static final Pattern THOUSANDS_COMMA = Pattern.compile("-?\\d{1,3}(,\\d{3})+");

	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	private Values() {
	}

	/**
	 * A date typed or stored: a date cell, {@code dd/mm/yyyy}, {@code dd-mm-yyyy},
	 * {@code dd.mm.yyyy}, {@code yyyy-mm-dd} (also with a time, as ODK writes), or an
	 * Excel day number in a cell without a date format.
	 * @return the date, or null when the text is none of these
	 */
	public static LocalDate date(Raw raw) {
		if (raw.date() != null) {
			return raw.date();
		}
		String t = raw.text().trim();
		try {
			Matcher m = DMY.matcher(t);
			if (m.matches()) {
				return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(1)));
			}
			m = YMD.matcher(t);
			if (m.matches()) {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(3)));
			}
			if (SERIAL.matcher(t).matches()) {
				return EXCEL_EPOCH.plusDays((long) Double.parseDouble(t));
			}
		}
		catch (DateTimeException | NumberFormatException ex) {
			return null;
		}
		return null;
	}

	/** Yes/no: có, x, 1, yes, true, đúng / không, 0, no, false, sai; blank = null. */
	public static Boolean bool(Raw raw) {
		String text = raw.text();
		// the usual words, without folding
		switch (text) {
			case "Có", "có", "x", "X", "1", "TRUE", "true", "Yes", "yes" -> {
				return Boolean.TRUE;
			}
			case "Không", "không", "0", "FALSE", "false", "No", "no" -> {
				return Boolean.FALSE;
			}
			case "" -> {
				return null;
			}
			default -> {
			}
		}
		String t = TextNormalizer.fold(text);
		if (t.isEmpty()) {
			return null;
		}
		return switch (t) {
			case "co", "x", "1", "yes", "y", "true", "dung", "c" -> Boolean.TRUE;
			case "khong", "0", "no", "n", "false", "sai", "k" -> Boolean.FALSE;
			default -> throw new IllegalArgumentException(t);
		};
	}

	/**
	 * A whole non-negative amount: {@code 1500000}, {@code 1.500.000}, {@code 1,500,000},
	 * {@code 1 500 000}; a fraction is rounded to the dong.
	 * @return the amount, or null when not a number
	 */
	public static Long amount(Raw raw) {
		String t = raw.text().trim().replace(" ", "").replace("\u00a0", "");
		if (t.isEmpty()) {
			return null;
		}
		if (THOUSANDS_DOT.matcher(t).matches()) {
			t = t.replace(".", "");
		}
		else if (THOUSANDS_COMMA.matcher(t).matches()) {
			t = t.replace(",", "");
		}
		else {
			t = t.replace(',', '.');
		}
		try {
			return new BigDecimal(t).setScale(0, RoundingMode.HALF_UP).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return null;
		}
	}

	/**
	 * Whether a cell holds the clear marker: {@code [xóa]} (or {@code [xoá]},
	 * {@code [xoa]}, {@code [clear]}), which asks an import to clear the stored value of
	 * an optional field. An empty cell keeps the stored value.
	 */
	public static boolean clears(Raw raw) {
		String t = raw.text();
		if (t.length() < 5 || t.length() > 20 || t.indexOf('[') < 0) {
			return false;
		}
		String folded = TextNormalizer.fold(t.trim());
		return "[xoa]".equals(folded) || "[clear]".equals(folded);
	}

	private static final Pattern EXPONENT = Pattern.compile("[0-9]+([.,][0-9]+)?[eE][+-]?[0-9]+");

	private static final Pattern DECIMAL = Pattern.compile("[0-9]+[.,][0-9]+");

	/** A number with a decimal part, as a spreadsheet writes one: not a phone number. */
	private static final Pattern NUMBER_DECIMAL = Pattern.compile("[0-9]{6,}[.,][0-9]{1,2}");

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private static final Pattern GROUPED = Pattern.compile("[0-9]{2,4}([ .\\-][0-9]{2,4})+");

	/**
	 * A number read from a cell that must keep its digits as typed (a citizen ID, a phone
	 * number).
	 *
	 * @param value the digits, leading zeros restored; or the cell's text when there is a
	 * problem
	 * @param problem message key of the problem (the value is quoted as its first
	 * argument), or null
	 */
	public record Digits(String value, String problem) {

		static Digits ok(String value) {
			return new Digits(value, null);
		}

		static Digits problem(String text, String key) {
			return new Digits(text, key);
		}

	}

	/**
	 * A citizen ID (12 digits). A number cell keeps no leading zero: an ID of 10 or 11
	 * digits is given back its zeros (the province codes 001–096 start with one or two),
	 * then checked like any other. (So is one in a text cell: a column turned into text
	 * after Excel dropped the zeros keeps the digits it had.) Digits grouped by spaces,
	 * dots or dashes are joined. An ID that Excel turned into scientific notation
	 * ({@code 1.23457E+11}) has lost digits, and one with a decimal part is not an ID:
	 * both are problems of their own, never guessed.
	 * @return the ID (checked later against sex and birth year), or a problem
	 */
	public static Digits citizenId(Raw raw) {
		String t = raw.text().trim().replace("\u00a0", " ");
		if (EXPONENT.matcher(t).matches()) {
			return Digits.problem(t, "imports.cccd.exponent");
		}
		if (GROUPED.matcher(t).matches()) {
			t = t.replaceAll("[ .\\-]", "");
		}
		if (DECIMAL.matcher(t).matches()) {
			return Digits.problem(t, "imports.cccd.decimal");
		}
		t = t.replace(" ", "");
		if (DIGITS.matcher(t).matches() && (t.length() == 10 || t.length() == 11)) {
			return Digits.ok("0".repeat(12 - t.length()) + t);
		}
		return Digits.ok(t);
	}

	/**
	 * A phone number as the registry stores it (digits, a leading 0). Spaces, dots and
	 * dashes are dropped and {@code +84}/{@code 84} becomes {@code 0}. A number cell
	 * keeps no leading zero: 9 digits starting 3, 5, 7, 8 or 9 (a mobile number) or 10
	 * digits starting 2 (a fixed line since 2017) are given back their 0. Other numbers
	 * without it are not guessed. Scientific notation and decimals are problems of their
	 * own.
	 * @return the number (checked later), or a problem
	 */
	public static Digits phone(Raw raw) {
		String t = raw.text().trim().replace("\u00a0", " ");
		if (EXPONENT.matcher(t).matches()) {
			return Digits.problem(t, "imports.phone.exponent");
		}
		if (NUMBER_DECIMAL.matcher(t).matches()) {
			return Digits.problem(t, "imports.phone.decimal");
		}
		String d = t.replaceAll("[\\s.\\-()]", "");
		if (d.startsWith("+84")) {
			d = "0" + d.substring(3);
		}
		else if (d.startsWith("84") && d.length() == 11 && DIGITS.matcher(d).matches()) {
			d = "0" + d.substring(2);
		}
		if (DIGITS.matcher(d).matches()) {
			boolean mobile = d.length() == 9 && "35789".indexOf(d.charAt(0)) >= 0;
			boolean fixed = d.length() == 10 && d.charAt(0) == '2';
			if (mobile || fixed) {
				return Digits.ok("0" + d);
			}
		}
		return Digits.ok(d);
	}

	/** A cell as plain text, cleaned (NFC, trimmed, inner spaces collapsed). */
	public static String text(Raw raw) {
		String t = clean(raw.text());
		return (t == null || t.isEmpty()) ? null : t;
	}

	/**
	 * {@link TextNormalizer#clean}, without its work for the usual text that is clean
	 * already.
	 */
	static String clean(String text) {
		if (text == null) {
			return null;
		}
		int n = text.length();
		if (n == 0) {
			return text;
		}
		boolean plain = text.charAt(0) > ' ' && text.charAt(n - 1) > ' ';
		char last = 'x';
		boolean ascii = true;
		for (int i = 0; i < n && plain; i++) {
			char c = text.charAt(i);
			if (c < ' ' || (c == ' ' && last == ' ') || Character.isWhitespace(c) && c != ' ') {
				plain = false;
			}
			ascii &= c < 0x80;
			last = c;
		}
		if (plain && (ascii || java.text.Normalizer.isNormalized(text, java.text.Normalizer.Form.NFC))) {
			return text;
		}
		return TextNormalizer.clean(text);
	}

}
