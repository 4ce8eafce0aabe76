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
