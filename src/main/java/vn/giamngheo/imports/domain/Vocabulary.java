package vn.giamngheo.imports.domain;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import vn.giamngheo.shared.text.TextNormalizer;

/**
 * The words a file may use for coded values (relation, sex, ethnicity, classification
 * ...): the code itself and its Vietnamese and English labels, matched folded (no
 * diacritics, lower case), and the header labels of the fields.
 */
public final class Vocabulary {

	private final Map<Field, Map<String, String>> codes = new EnumMap<>(Field.class);

	private final Map<String, Field> headers = new HashMap<>();

	private static final int SEEN_MAX = 10_000;

	private final Map<Field, Map<String, String>> seen = new java.util.concurrent.ConcurrentHashMap<>();

	/** Adds a word for a code of a coded field. */
	public Vocabulary code(Field field, String code, String... words) {
		Map<String, String> m = this.codes.computeIfAbsent(field, (f) -> new HashMap<>());
		m.putIfAbsent(TextNormalizer.fold(code), code);
		for (String w : words) {
			if (w != null && !w.isBlank()) {
				m.putIfAbsent(TextNormalizer.fold(w), code);
			}
		}
		return this;
	}

	private final Map<String, SheetKind> sheets = new HashMap<>();

	/**
	 * Adds the name of one of the template's sheets that hold no data (its read-me, its
	 * lists), in any language the template is made in.
	 */
	public Vocabulary sheet(SheetKind kind, String name) {
		if (name != null && !name.isBlank()) {
			this.sheets.put(TextNormalizer.fold(name), kind);
		}
		return this;
	}

	/**
	 * What a sheet's name says it is: the template's read-me or lists, or null. The whole
	 * name must match ("Danh mục", not "Danh mục hộ nghèo").
	 */
	public SheetKind sheet(String name) {
		return this.sheets.get(TextNormalizer.fold(name));
	}

	/** Adds a header label for a field. */
	public Vocabulary header(Field field, String label) {
		if (label != null && !label.isBlank()) {
			this.headers.putIfAbsent(headerKey(label), field);
		}
		return this;
	}

	public boolean coded(Field field) {
		return this.codes.containsKey(field);
	}

	/** The code of a word, or null when unknown. */
	public String code(Field field, String word) {
		Map<String, String> m = this.codes.get(field);
		if (m == null) {
			return null;
		}
		// a file repeats a few words hundreds of thousands of times: fold each once
		Map<String, String> seen = this.seen.computeIfAbsent(field,
				(f) -> new java.util.concurrent.ConcurrentHashMap<>());
		String code = seen.get(word);
		if (code == null) {
			String folded = TextNormalizer.fold(word);
			code = m.get(folded);
			if (code == null && folded.indexOf('_') >= 0) {
				// an ODK/Kobo choice name: "chu_ho", "dan_toc_kinh"
				code = m.get(folded.replace('_', ' '));
			}
			if (code != null && seen.size() < SEEN_MAX) {
				seen.put(word, code);
			}
		}
		return code;
	}

	/**
	 * The field of a header, or null. A header an ODK or Kobo export prefixed with its
	 * groups ({@code thanh_vien/ho_ten}, {@code members-full_name}) is also matched by
	 * its last part.
	 */
	public Field field(String header) {
		String key = headerKey(header);
		Field field = this.headers.get(key);
		if (field == null) {
			field = this.headers.get(key.substring(key.lastIndexOf('/') + 1).trim());
		}
		if (field == null) {
			field = this.headers.get(key.substring(key.lastIndexOf('-') + 1).trim());
		}
		return field;
	}

	static String headerKey(String header) {
		String folded = TextNormalizer.fold(header);
		// drop a unit or hint in brackets: "Thu nhập (đồng/tháng)", "Ngày sinh
		// (dd/mm/yyyy)", "Mã hộ *"
		folded = folded.replaceAll("\\(.*?\\)|\\[.*?]|\\*", " ");
		return folded.replace('_', ' ').replaceAll("\\s+", " ").trim();
	}

}
