package vn.giamngheo.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.giamngheo.imports.domain.Field;
import vn.giamngheo.imports.domain.SheetKind;
import vn.giamngheo.imports.domain.Vocabulary;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.registry.domain.Codes;

/**
 * The words files may use, from the message bundles (Vietnamese and English labels of
 * headers and coded values) and the ethnicity list: the same labels the pages show, so a
 * file typed from a page or a template is understood.
 */
@Component
class ImportVocabulary {

	static final Locale VI = Locale.forLanguageTag("vi");

	private final MessageSource messages;

	private final HouseholdRegistry registry;

	private volatile Vocabulary vocabulary;

	private volatile List<String[]> ethnicities;

	ImportVocabulary(MessageSource messages, HouseholdRegistry registry) {
		this.messages = messages;
		this.registry = registry;
	}

	Vocabulary get() {
		Vocabulary v = this.vocabulary;
		if (v == null) {
			v = build();
			this.vocabulary = v;
		}
		return v;
	}

	/**
	 * Coded values of a field with their label in the locale, in order (for templates).
	 */
	Map<Field, List<String[]>> choices(Locale locale) {
		Map<Field, List<String[]>> choices = new LinkedHashMap<>();
		codes().forEach((field, entry) -> {
			List<String[]> list = new ArrayList<>();
			for (String code : entry.codes()) {
				list.add(new String[] { code, label(entry.prefix() + code, locale, code) });
			}
			choices.put(field, list);
		});
		List<String[]> ethnicities = new ArrayList<>();
		for (String[] e : ethnicities()) {
			ethnicities.add(new String[] { e[0], "en".equals(locale.getLanguage()) ? e[2] : e[1] });
		}
		choices.put(Field.ETHNICITY, ethnicities);
		return choices;
	}

	/**
	 * The label of a coded value in the locale (a class, sex, relation, education,
	 * employment, or an ethnicity's name), or the code itself when the field has no
	 * labels.
	 */
	String label(Field field, String code, Locale locale) {
		Coded coded = codes().get(field);
		if (coded != null) {
			return label(coded.prefix() + code, locale, code);
		}
		if (field == Field.ETHNICITY) {
			for (String[] e : ethnicities()) {
				if (e[0].equals(code)) {
					return "en".equals(locale.getLanguage()) ? e[2] : e[1];
				}
			}
		}
		return code;
	}

	/** The ethnicities (code, name, English name), read once. */
	private List<String[]> ethnicities() {
		List<String[]> e = this.ethnicities;
		if (e == null) {
			e = this.registry.ethnicities();
			this.ethnicities = e;
		}
		return e;
	}

	private record Coded(String prefix, List<String> codes) {
	}

	private static Map<Field, Coded> codes() {
		Map<Field, Coded> m = new LinkedHashMap<>();
		m.put(Field.SEX, new Coded("sex.", List.of("M", "F")));
		m.put(Field.RELATION, new Coded("relation.", Codes.RELATIONS));
		m.put(Field.EDUCATION, new Coded("education.", Codes.EDUCATION));
		m.put(Field.EMPLOYMENT, new Coded("employment.", Codes.EMPLOYMENT));
		m.put(Field.CLASSIFICATION, new Coded("class.", Codes.CLASSES));
		return m;
	}

	private Vocabulary build() {
		Vocabulary v = new Vocabulary();
		// the template's read-me and lists are not data, in either language it is made in
		for (Locale locale : List.of(VI, Locale.ENGLISH)) {
			v.sheet(SheetKind.GUIDE, label("imports.sheet.readme", locale, null));
			v.sheet(SheetKind.LISTS, label("imports.sheet.lists", locale, null));
		}
		for (Field f : Field.values()) {
			v.header(f, label(f.labelKey(), VI, null));
			v.header(f, label(f.labelKey(), Locale.ENGLISH, null));
			v.header(f, f.name());
			f.aliases().forEach((a) -> v.header(f, a));
		}
		codes().forEach((field, coded) -> {
			for (String code : coded.codes()) {
				v.code(field, code, label(coded.prefix() + code, VI, null),
						label(coded.prefix() + code, Locale.ENGLISH, null));
			}
		});
		v.code(Field.SEX, "M", "nam", "male", "1");
		v.code(Field.SEX, "F", "nu", "female", "2");
		v.code(Field.CLASSIFICATION, "POOR", "ngheo", "poor");
		v.code(Field.CLASSIFICATION, "NEAR_POOR", "can ngheo", "near poor");
		for (String[] e : ethnicities()) {
			v.code(Field.ETHNICITY, e[0], e[1], e[2], String.valueOf(Integer.parseInt(e[0])), "dan toc " + e[1]);
		}
		return v;
	}

	private String label(String key, Locale locale, String fallback) {
		return this.messages.getMessage(key, null, fallback, locale);
	}

}
