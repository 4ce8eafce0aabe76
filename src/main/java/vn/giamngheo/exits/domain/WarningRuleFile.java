package vn.giamngheo.exits.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the early-warning rules file strictly: every key known, every rule of
 * {@link WarningRuleCode} stated once, weights whole points from 0 to 100, exactly the
 * parameters the rule takes (whole numbers, at least 0), the words in both languages, a
 * reason quoting no value the rule does not give, and a note on the weight. The first
 * problem stops the start with the file and the field.
 */
public final class WarningRuleFile {

	private static final Set<String> TOP = Set.of("version", "rules");

	private static final Set<String> RULE = Set.of("code", "weight", "parameters", "title", "title_en", "reason",
			"reason_en", "note", "note_en");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

	private final String file;

	private WarningRuleFile(String file) {
		this.file = file;
	}

	/**
	 * The rules of a parsed file.
	 * @param file the file's name (for messages)
	 * @param yaml the parsed YAML (maps, lists, strings, numbers)
	 * @return the rules
	 * @throws WarningRuleFileException on the first problem
	 */
	public static WarningRuleBook read(String file, Object yaml) {
		return new WarningRuleFile(file).read(yaml);
	}

	private WarningRuleBook read(Object yaml) {
		Map<String, Object> top = map(yaml, "(file)");
		keys(top, TOP, "");
		int version = whole(top.get("version"), "version");
		if (!(top.get("rules") instanceof List<?> list) || list.isEmpty()) {
			throw fail("rules", "a list of rules is needed");
		}
		List<WarningRule> rules = new ArrayList<>();
		Set<WarningRuleCode> seen = EnumSet.noneOf(WarningRuleCode.class);
		for (int i = 0; i < list.size(); i++) {
			WarningRule rule = rule(list.get(i), "rules[" + i + "]");
			if (!seen.add(rule.code())) {
				throw fail("rules[" + i + "].code", "rule " + rule.code() + " is stated twice");
			}
			rules.add(rule);
		}
		Set<WarningRuleCode> missing = EnumSet.complementOf(EnumSet.copyOf(seen));
		if (!missing.isEmpty()) {
			throw fail("rules", "missing rules " + missing + " (write weight: 0 to switch one off)");
		}
		return new WarningRuleBook(this.file, version, List.copyOf(rules));
	}

	private WarningRule rule(Object yaml, String at) {
		Map<String, Object> m = map(yaml, at);
		keys(m, RULE, at + ".");
		String codeText = text(m, "code", at);
		WarningRuleCode code;
		try {
			code = WarningRuleCode.valueOf(codeText);
		}
		catch (IllegalArgumentException ex) {
			throw fail(at + ".code", "unknown rule \"" + codeText + "\"");
		}
		int weight = whole(m.get("weight"), at + ".weight");
		if (weight > 100) {
			throw fail(at + ".weight", "at most 100 points (got " + weight + ")");
		}
		Map<String, Integer> parameters = parameters(m.get("parameters"), code, at + ".parameters");
		String title = text(m, "title", at);
		String titleEn = text(m, "title_en", at);
		String reason = reason(m, "reason", code, at);
		String reasonEn = reason(m, "reason_en", code, at);
		String note = text(m, "note", at);
		String noteEn = text(m, "note_en", at);
		return new WarningRule(code, weight, parameters, title, titleEn, reason, reasonEn, note, noteEn);
	}

	private Map<String, Integer> parameters(Object yaml, WarningRuleCode code, String at) {
		Map<String, Object> m = (yaml == null) ? Map.of() : map(yaml, at);
		Map<String, Integer> out = new LinkedHashMap<>();
		for (String key : m.keySet()) {
			if (!code.parameters().contains(key)) {
				throw fail(at + "." + key, "rule " + code + " takes no parameter \"" + key + "\" (it takes "
						+ (code.parameters().isEmpty() ? "none" : String.join(", ", code.parameters())) + ")");
			}
		}
		for (String name : code.parameters()) {
			if (!m.containsKey(name)) {
				throw fail(at + "." + name, "missing");
			}
			int value = whole(m.get(name), at + "." + name);
			out.put(name, value);
		}
		return Map.copyOf(out);
	}

	private String reason(Map<String, Object> m, String key, WarningRuleCode code, String at) {
		String pattern = text(m, key, at);
		Matcher matcher = PLACEHOLDER.matcher(pattern);
		while (matcher.find()) {
			int index = Integer.parseInt(matcher.group(1));
			if (index >= code.quoted()) {
				throw fail(at + "." + key, "{" + index + "}: rule " + code + " quotes " + code.quoted()
						+ " value(s), {0}" + ((code.quoted() > 1) ? " to {" + (code.quoted() - 1) + "}" : ""));
			}
		}
		return pattern;
	}

	private String text(Map<String, Object> m, String key, String at) {
		Object v = m.get(key);
		if (!(v instanceof String s) || s.isBlank()) {
			throw fail(at + "." + key, "missing (a text is needed)");
		}
		return s.strip();
	}

	private int whole(Object v, String at) {
		if (!(v instanceof Integer i)) {
			throw fail(at,
					(v == null) ? "missing (a whole number is needed)" : "must be a whole number (got " + v + ")");
		}
		if (i < 0) {
			throw fail(at, "must not be negative (got " + i + ")");
		}
		return i;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> map(Object yaml, String at) {
		if (!(yaml instanceof Map<?, ?> m)) {
			throw fail(at, "must be a mapping of keys to values");
		}
		return (Map<String, Object>) m;
	}

	private void keys(Map<String, Object> m, Set<String> allowed, String prefix) {
		for (Object k : m.keySet()) {
			if (!allowed.contains(String.valueOf(k))) {
				throw fail(prefix + k,
						"unknown key (known: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
			}
		}
	}

	private WarningRuleFileException fail(String field, String reason) {
		return new WarningRuleFileException(this.file, field, reason);
	}

}
