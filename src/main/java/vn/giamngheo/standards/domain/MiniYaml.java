package vn.giamngheo.standards.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader for the YAML subset the standard files use: block mappings and
 * sequences by indentation (spaces only), flow mappings {@code {a: b}} and sequences
 * {@code [a, b]}, plain, single- and double-quoted scalars, {@code #} comments,
 * {@code ~}/{@code null}, {@code true}/{@code false} and integers. Anything else is an
 * error with its line number. A test checks that it reads every shipped file exactly as
 * SnakeYAML does; it exists because it starts in milliseconds, which keeps the batch
 * command's JVM start short.
 */
final class MiniYaml {

	/**
	 * Digits after an optional sign up to {@code end}; {@code -1} when none or not only
	 * digits.
	 */
	private static int digits(String s, int from, int end) {
		int i = from;
		while (i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
			i++;
		}
		return (i == from || i != end) ? -1 : i - from;
	}

	private static boolean isInteger(String s) {
		int from = (s.startsWith("-") || s.startsWith("+")) ? 1 : 0;
		return digits(s, from, s.length()) > 0;
	}

	private static boolean isDecimal(String s) {
		int from = (s.startsWith("-") || s.startsWith("+")) ? 1 : 0;
		int dot = s.indexOf('.');
		return dot > from && digits(s, from, dot) > 0 && digits(s, dot + 1, s.length()) > 0;
	}

	private record Line(int number, int indent, String content) {
	}

	private final String file;

	private final List<Line> lines = new ArrayList<>();

	private int index;

	private MiniYaml(String file, String text) {
		this.file = file;
		String[] raw = text.split("\r?\n", -1);
		for (int n = 0; n < raw.length; n++) {
			String line = raw[n];
			int indent = 0;
			while (indent < line.length() && line.charAt(indent) == ' ') {
				indent++;
			}
			if (indent < line.length() && line.charAt(indent) == '\t') {
				throw error(n + 1, "tab in indentation");
			}
			String content = stripComment(line.substring(indent), n + 1).stripTrailing();
			if (content.isEmpty() || content.equals("---")) {
				continue;
			}
			this.lines.add(new Line(n + 1, indent, content));
		}
	}

	static Object parse(String file, String text) {
		MiniYaml yaml = new MiniYaml(file, text);
		if (yaml.lines.isEmpty()) {
			return null;
		}
		Object result = yaml.block(yaml.lines.get(0).indent);
		if (yaml.index < yaml.lines.size()) {
			throw yaml.error(yaml.lines.get(yaml.index).number, "unexpected indentation");
		}
		return result;
	}

	private StandardFormatException error(int line, String reason) {
		return new StandardFormatException(this.file, "(syntax) line " + line, reason);
	}

	private String stripComment(String s, int line) {
		char quote = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (quote != 0) {
				if (c == '\\' && quote == '"') {
					i++;
				}
				else if (c == quote) {
					quote = 0;
				}
			}
			else if ((c == '"' || c == '\'') && (i == 0 || " {[,:-".indexOf(s.charAt(i - 1)) >= 0)) {
				quote = c;
			}
			else if (c == '#' && (i == 0 || s.charAt(i - 1) == ' ')) {
				return s.substring(0, i);
			}
		}
		return s;
	}

	private static boolean isItem(Line line) {
		return line.content.equals("-") || line.content.startsWith("- ");
	}

	private Object block(int indent) {
		Line line = this.lines.get(this.index);
		return isItem(line) ? sequence(indent) : mapping(indent);
	}

	private Map<String, Object> mapping(int indent) {
		Map<String, Object> map = new LinkedHashMap<>();
		while (this.index < this.lines.size()) {
			Line line = this.lines.get(this.index);
			if (line.indent < indent || isItem(line)) {
				break;
			}
			if (line.indent > indent) {
				throw error(line.number, "unexpected indentation");
			}
			int colon = keyEnd(line.content);
			if (colon < 0) {
				throw error(line.number, "expected 'key: value'");
			}
			String key = String.valueOf(scalar(line.content.substring(0, colon).trim(), line.number, false));
			String rest = line.content.substring(colon + 1).trim();
			this.index++;
			Object value;
			if (rest.isEmpty()) {
				if (this.index < this.lines.size() && this.lines.get(this.index).indent > indent) {
					value = block(this.lines.get(this.index).indent);
				}
				else if (this.index < this.lines.size() && this.lines.get(this.index).indent == indent
						&& isItem(this.lines.get(this.index))) {
					value = sequence(indent);
				}
				else {
					value = null;
				}
			}
			else {
				value = inline(rest, line.number);
			}
			if (map.containsKey(key)) {
				throw error(line.number, "duplicate key '" + key + "'");
			}
			map.put(key, value);
		}
		return map;
	}

	private List<Object> sequence(int indent) {
		List<Object> list = new ArrayList<>();
		while (this.index < this.lines.size()) {
			Line line = this.lines.get(this.index);
			if (line.indent != indent || !isItem(line)) {
				if (line.indent > indent) {
					throw error(line.number, "unexpected indentation");
				}
				break;
			}
			String rest = line.content.substring(1).trim();
			if (rest.isEmpty()) {
				this.index++;
				list.add((this.index < this.lines.size() && this.lines.get(this.index).indent > indent)
						? block(this.lines.get(this.index).indent) : null);
			}
			else if (rest.charAt(0) != '{' && rest.charAt(0) != '[' && rest.charAt(0) != '"' && rest.charAt(0) != '\''
					&& keyEnd(rest) >= 0) {
				int offset = line.content.indexOf(rest);
				this.lines.set(this.index, new Line(line.number, indent + offset, rest));
				list.add(mapping(indent + offset));
			}
			else {
				this.index++;
				list.add(inline(rest, line.number));
			}
		}
		return list;
	}

	/**
	 * Position of the ':' ending a key (followed by a space or the end), outside quotes.
	 */
	private static int keyEnd(String s) {
		char quote = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if ((c == '"' || c == '\'') && i == 0) {
				quote = c;
			}
			else if (c == '{' || c == '[') {
				return -1;
			}
			else if (c == ':' && (i + 1 == s.length() || s.charAt(i + 1) == ' ')) {
				return i;
			}
		}
		return -1;
	}

	private Object inline(String s, int line) {
		char c = s.charAt(0);
		if (c == '{' || c == '[') {
			int[] pos = { 0 };
			Object value = flow(s, pos, line);
			skipSpaces(s, pos);
			if (pos[0] != s.length()) {
				throw error(line, "text after a closing bracket");
			}
			return value;
		}
		if (keyEnd(s) >= 0 && c != '"' && c != '\'') {
			throw error(line, "': ' inside a plain value; quote the value");
		}
		return scalar(s, line, true);
	}

	private static void skipSpaces(String s, int[] pos) {
		while (pos[0] < s.length() && s.charAt(pos[0]) == ' ') {
			pos[0]++;
		}
	}

	private Object flow(String s, int[] pos, int line) {
		skipSpaces(s, pos);
		if (pos[0] >= s.length()) {
			throw error(line, "unterminated flow collection");
		}
		char c = s.charAt(pos[0]);
		if (c == '{') {
			pos[0]++;
			Map<String, Object> map = new LinkedHashMap<>();
			skipSpaces(s, pos);
			if (pos[0] < s.length() && s.charAt(pos[0]) == '}') {
				pos[0]++;
				return map;
			}
			while (true) {
				String key = flowToken(s, pos, line, true);
				if (pos[0] + 1 >= s.length() || s.charAt(pos[0]) != ':' || s.charAt(pos[0] + 1) != ' ') {
					throw error(line, "expected 'key: value' in a flow mapping after '" + key + "'");
				}
				pos[0] += 2;
				Object value = flowValue(s, pos, line);
				if (map.put(String.valueOf(scalar(key, line, false)), value) != null) {
					throw error(line, "duplicate key '" + key + "'");
				}
				skipSpaces(s, pos);
				if (pos[0] < s.length() && s.charAt(pos[0]) == ',') {
					pos[0]++;
					continue;
				}
				if (pos[0] < s.length() && s.charAt(pos[0]) == '}') {
					pos[0]++;
					return map;
				}
				throw error(line, "expected ',' or '}' in a flow mapping");
			}
		}
		if (c == '[') {
			pos[0]++;
			List<Object> list = new ArrayList<>();
			skipSpaces(s, pos);
			if (pos[0] < s.length() && s.charAt(pos[0]) == ']') {
				pos[0]++;
				return list;
			}
			while (true) {
				list.add(flowValue(s, pos, line));
				skipSpaces(s, pos);
				if (pos[0] < s.length() && s.charAt(pos[0]) == ',') {
					pos[0]++;
					continue;
				}
				if (pos[0] < s.length() && s.charAt(pos[0]) == ']') {
					pos[0]++;
					return list;
				}
				throw error(line, "expected ',' or ']' in a flow sequence");
			}
		}
		throw error(line, "expected '{' or '['");
	}

	private Object flowValue(String s, int[] pos, int line) {
		skipSpaces(s, pos);
		if (pos[0] < s.length() && (s.charAt(pos[0]) == '{' || s.charAt(pos[0]) == '[')) {
			return flow(s, pos, line);
		}
		return scalar(flowToken(s, pos, line, false), line, true);
	}

	private String flowToken(String s, int[] pos, int line, boolean key) {
		skipSpaces(s, pos);
		int start = pos[0];
		if (start < s.length() && (s.charAt(start) == '"' || s.charAt(start) == '\'')) {
			char quote = s.charAt(start);
			int i = start + 1;
			while (i < s.length()) {
				if (s.charAt(i) == '\\' && quote == '"') {
					i += 2;
					continue;
				}
				if (s.charAt(i) == quote) {
					if (quote == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
						i += 2;
						continue;
					}
					break;
				}
				i++;
			}
			if (i >= s.length()) {
				throw error(line, "unterminated quoted text");
			}
			pos[0] = i + 1;
			return s.substring(start, i + 1);
		}
		int i = start;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (c == ',' || c == '}' || c == ']' || c == '{' || c == '['
					|| (c == ':' && i + 1 < s.length() && s.charAt(i + 1) == ' ')) {
				break;
			}
			i++;
		}
		pos[0] = i;
		String token = s.substring(start, i).trim();
		if (token.isEmpty()) {
			throw error(line, key ? "empty key" : "empty value");
		}
		return token;
	}

	private Object scalar(String s, int line, boolean resolve) {
		if (s.startsWith("\"")) {
			if (s.length() < 2 || !s.endsWith("\"")) {
				throw error(line, "unterminated quoted text");
			}
			StringBuilder out = new StringBuilder();
			for (int i = 1; i < s.length() - 1; i++) {
				char c = s.charAt(i);
				if (c == '\\') {
					char n = s.charAt(++i);
					switch (n) {
						case 'n' -> out.append('\n');
						case 't' -> out.append('\t');
						case '"', '\\', '/' -> out.append(n);
						default -> throw error(line, "unsupported escape \\" + n);
					}
				}
				else if (c == '"') {
					throw error(line, "text after closing quote");
				}
				else {
					out.append(c);
				}
			}
			return out.toString();
		}
		if (s.startsWith("'")) {
			if (s.length() < 2 || !s.endsWith("'")) {
				throw error(line, "unterminated quoted text");
			}
			return s.substring(1, s.length() - 1).replace("''", "'");
		}
		if (!resolve) {
			return s;
		}
		if (s.startsWith("&") || s.startsWith("*") || s.startsWith("!") || s.startsWith("|") || s.startsWith(">")
				|| s.startsWith("@") || s.startsWith("`")) {
			throw error(line, "unsupported YAML feature: " + s);
		}
		switch (s) {
			case "~", "null", "Null", "NULL" -> {
				return null;
			}
			case "true", "True", "TRUE" -> {
				return Boolean.TRUE;
			}
			case "false", "False", "FALSE" -> {
				return Boolean.FALSE;
			}
			case "yes", "no", "on", "off", "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF", "y", "n" ->
				throw error(line, "ambiguous boolean '" + s + "'; write true or false, or quote it");
			default -> {
			}
		}
		if (isInteger(s)) {
			long v = Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
			if (s.length() > 1 && (s.startsWith("0") || s.startsWith("-0") || s.startsWith("+0"))) {
				throw error(line, "leading zero in '" + s + "' (octal in YAML 1.1); quote it");
			}
			return (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) ? (Object) (int) v : (Object) v;
		}
		if (isDecimal(s)) {
			return Double.valueOf(s);
		}
		if (s.contains(" #")) {
			throw error(line, "comment inside a value");
		}
		return s;
	}

}
