package vn.giamngheo.programmes.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number a Vietnamese report prints in its "STT" column for a programme node, in
 * place of the catalogue's code, which no user should see: project 3 ({@code DA3}) is
 * "3", its sub-project 1 ({@code DA3.TDA1}) "3.1", component 2 of the 2016–2020 programme
 * ({@code HP2}) "2". A node the numbering does not cover (the programme itself) has none.
 */
public final class NodeNumbers {

	private static final Pattern SEGMENT = Pattern.compile("[A-Z]+(\\d+)");

	private NodeNumbers() {
	}

	/**
	 * @param code a node code, or null
	 * @return its number ("3.1"), or "" when it has none
	 */
	public static String of(String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		StringBuilder number = new StringBuilder();
		for (String segment : code.split("\\.", -1)) {
			Matcher m = SEGMENT.matcher(segment);
			if (!m.matches()) {
				return "";
			}
			if (!number.isEmpty()) {
				number.append('.');
			}
			number.append(Integer.parseInt(m.group(1)));
		}
		return number.toString();
	}

}
