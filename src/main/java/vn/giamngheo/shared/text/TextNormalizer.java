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

	public static String fold(String text) {
		if (text == null) {
			return "";
		}
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
