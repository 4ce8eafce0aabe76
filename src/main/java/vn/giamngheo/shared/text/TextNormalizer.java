package vn.giamngheo.shared.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text for search: lower case, diacritics removed ("Nguyễn Văn Ánh" →
 * "nguyen van anh"), đ → d, runs of white space collapsed.
 */
public final class TextNormalizer {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private TextNormalizer() {
	}

	/**
	 * Lower-case base letter of each character below U+1F00 that folds to one ASCII
	 * letter or digit (Vietnamese letters with their marks, Latin-1 accented letters,
	 * đ/Đ, A–Z), 0 for the others.
	 */
	private static final char[] BASE = new char[0x1F00];

	static {
		for (char c = 0; c < BASE.length; c++) {
			String folded = slowFold(String.valueOf(c));
			if (folded.length() == 1 && folded.charAt(0) < 0x80 && Character.isLetterOrDigit(folded.charAt(0))) {
				BASE[c] = folded.charAt(0);
			}
		}
	}

	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		// the usual text (letters, digits, spaces and ASCII punctuation) by a table: the
		// same result as the Unicode way below, several times faster
		int n = text.length();
		StringBuilder sb = null;
		boolean space = false;
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			char out;
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B) {
				space = true;
				continue;
			}
			if (c < BASE.length && BASE[c] != 0) {
				out = BASE[c];
			}
			else if (c > ' ' && c < 0x7F) {
				out = c;
			}
			else {
				return slowFold(text);
			}
			if (sb == null) {
				sb = new StringBuilder(n);
			}
			else if (space) {
				sb.append(' ');
			}
			space = false;
			sb.append(out);
		}
		return (sb == null) ? "" : sb.toString();
	}

	/** Folding by Unicode decomposition, for any text. */
	static String slowFold(String text) {
		String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
		String stripped = MARKS.matcher(nfd).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
		return SPACES.matcher(stripped.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").trim();
	}

	/** NFC form, trimmed, inner white space collapsed: how names are stored. */
	public static String clean(String text) {
		if (text == null) {
			return null;
		}
		return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ").trim();
	}

	/** Trimmed, or null when blank: how optional text fields are stored. */
	public static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
