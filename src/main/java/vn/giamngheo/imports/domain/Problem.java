package vn.giamngheo.imports.domain;

import java.util.List;

/**
 * One problem of a file (or, at level INFO, a match the import made), where a user can
 * find it: sheet, row, column and the value, with a message key and its arguments.
 *
 * @param info true for an information row (a match), false for an error
 * @param sheet sheet name (the file name for CSV)
 * @param row row number as the spreadsheet shows it (1-based), 0 for the whole file
 * @param column column letter and header, or null
 * @param value the value found, or null
 * @param key message key
 * @param args message arguments
 * @param household household code of the row, if any
 */
public record Problem(boolean info, String sheet, int row, String column, String value, String key, List<String> args,
		String household) {

	public Problem {
		args = List.copyOf(args);
	}

	public static Problem error(String sheet, int row, String column, String value, String key, String household,
			Object... args) {
		return new Problem(false, sheet, row, column, value, key, strings(args), household);
	}

	public static Problem info(String sheet, int row, String key, String household, Object... args) {
		return new Problem(true, sheet, row, null, null, key, strings(args), household);
	}

	private static List<String> strings(Object... args) {
		return java.util.Arrays.stream(args).map(String::valueOf).toList();
	}

}
