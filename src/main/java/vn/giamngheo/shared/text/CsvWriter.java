package vn.giamngheo.shared.text;

import java.io.IOException;
import java.util.List;

/**
 * One way to write CSV for people who open it in a spreadsheet (RFC 4180, comma, CRLF): a
 * cell with a comma, a quote or a line break is quoted; a text cell that starts with
 * {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe so a
 * spreadsheet does not run it as a formula (numbers are written as they are, so a
 * negative number stays a number). Every CSV download (dashboards, household exports, the
 * audit search) goes through it.
 */
public final class CsvWriter {

	/** The byte-order mark spreadsheet programs need to read UTF-8 Vietnamese. */
	public static final char BOM = '\uFEFF';

	private CsvWriter() {
	}

	/**
	 * A cell as written in a file.
	 * @param value the value (null: an empty cell)
	 * @return the cell's text
	 */
	public static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String s = value.toString();
		if (!(value instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
			s = "'" + s;
		}
		if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
			s = "\"" + s.replace("\"", "\"\"") + "\"";
		}
		return s;
	}

	/**
	 * Writes one line (its cells and CRLF).
	 * @param out where to
	 * @param values the cells
	 * @throws IOException from the writer
	 */
	public static void line(Appendable out, List<?> values) throws IOException {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(cell(values.get(i)));
		}
		out.append("\r\n");
	}

}
