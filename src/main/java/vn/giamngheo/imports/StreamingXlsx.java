package vn.giamngheo.imports;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import vn.giamngheo.imports.domain.SurveyParser;

/**
 * A one-sheet XLSX workbook written row by row straight into its zip stream: inline
 * strings, numbers, dates as day numbers with a dd/mm/yyyy format, a bold header row.
 * Made for exports of hundreds of thousands of rows: nothing is kept per row, and text is
 * written as UTF-8 (a general writer spells every non-ASCII letter as a numeric character
 * reference, which for Vietnamese names costs more than the rest of the export). Not
 * thread-safe.
 */
final class StreamingXlsx {

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

	private static final String DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

	private static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
			+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
			+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
			+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" + "<Override PartName=\"/xl/workbook.xml\""
			+ " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
			+ "<Override PartName=\"/xl/worksheets/sheet1.xml\""
			+ " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
			+ "<Override PartName=\"/xl/styles.xml\""
			+ " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" + "</Types>";

	private static final String ROOT_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
			+ "<Relationships xmlns=\"" + RELS + "\"><Relationship Id=\"rId1\" Type=\"" + DOC_RELS
			+ "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

	private static final String WORKBOOK_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
			+ "<Relationships xmlns=\"" + RELS + "\"><Relationship Id=\"rId1\" Type=\"" + DOC_RELS
			+ "/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"" + DOC_RELS
			+ "/styles\" Target=\"styles.xml\"/></Relationships>";

	/** Cell styles: 0 normal, 1 bold (header), 2 date dd/mm/yyyy. */
	private static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
			+ "<styleSheet xmlns=\"" + MAIN + "\">"
			+ "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
			+ "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
			+ "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
			+ "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
			+ "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
			+ "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
			+ "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
			+ "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
			+ "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
			+ "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
			+ "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
			+ "</styleSheet>";

	/** Excel's day 0 (its day numbers are right from 1 March 1900 on). */
	private static final long EPOCH = LocalDate.of(1899, 12, 30).toEpochDay();

	private static final LocalDate FIRST_DAY_NUMBER = LocalDate.of(1900, 3, 1);

	private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final ZipOutputStream zip;

	private final Writer out;

	private final String[] columns = new String[256];

	private int row;

	/**
	 * Starts the workbook: writes its fixed parts and opens the sheet.
	 * @param target the stream the workbook is written to (not closed by this writer)
	 * @param sheetName the sheet's name
	 */
	StreamingXlsx(OutputStream target, String sheetName) throws IOException {
		this.zip = new ZipOutputStream(new FilterOutputStream(target) {

			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				this.out.write(b, off, len);
			}

			@Override
			public void close() throws IOException {
				flush(); // the caller closes its own stream
			}

		}, StandardCharsets.UTF_8);
		// the fastest deflate: the XML of 400,000 rows compresses well at any level
		this.zip.setLevel(Deflater.BEST_SPEED);
		part("[Content_Types].xml", CONTENT_TYPES);
		part("_rels/.rels", ROOT_RELS);
		part("xl/workbook.xml",
				"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"" + MAIN
						+ "\" xmlns:r=\"" + DOC_RELS + "\"><sheets><sheet name=\"" + attribute(sheetName)
						+ "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
		part("xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
		part("xl/styles.xml", STYLES);
		this.zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
		this.out = new BufferedWriter(new OutputStreamWriter(this.zip, StandardCharsets.UTF_8), 1 << 16);
		this.out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
				+ "\"><sheetData>");
		for (int c = 0; c < this.columns.length; c++) {
			this.columns[c] = SurveyParser.letter(c);
		}
	}

	private void part(String name, String xml) throws IOException {
		this.zip.putNextEntry(new ZipEntry(name));
		this.zip.write(xml.getBytes(StandardCharsets.UTF_8));
		this.zip.closeEntry();
	}

	/** The header row, in bold. */
	void header(List<String> labels) throws IOException {
		row(labels, 1);
	}

	/**
	 * A row: a String as text, a Number as a number, a LocalDate as a date; null leaves
	 * the cell empty.
	 */
	void row(List<?> values) throws IOException {
		row(values, 0);
	}

	private void row(List<?> values, int style) throws IOException {
		if (values.size() > this.columns.length) {
			throw new IllegalArgumentException("at most " + this.columns.length + " columns");
		}
		String r = Integer.toString(++this.row);
		Writer w = this.out;
		w.write("<row r=\"");
		w.write(r);
		w.write("\">");
		for (int c = 0; c < values.size(); c++) {
			Object v = values.get(c);
			if (v == null) {
				continue;
			}
			w.write("<c r=\"");
			w.write(this.columns[c]);
			w.write(r);
			if (v instanceof LocalDate d && !d.isBefore(FIRST_DAY_NUMBER)) {
				w.write("\" s=\"2\"><v>");
				w.write(Long.toString(d.toEpochDay() - EPOCH));
				w.write("</v></c>");
			}
			else if (v instanceof Long || v instanceof Integer) {
				w.write((style != 0) ? "\" s=\"1\"><v>" : "\"><v>");
				w.write(v.toString());
				w.write("</v></c>");
			}
			else {
				w.write((style != 0) ? "\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
						: "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
				text(w, (v instanceof LocalDate d) ? DMY.format(d) : v.toString());
				w.write("</t></is></c>");
			}
		}
		w.write("</row>");
	}

	/** Closes the sheet and the archive (not the target stream). */
	void finish() throws IOException {
		this.out.write("</sheetData></worksheet>");
		this.out.flush();
		this.zip.closeEntry();
		this.zip.finish();
		this.zip.flush();
	}

	/** Writes text escaped for XML; characters XML cannot hold are left out. */
	static void text(Writer w, String s) throws IOException {
		int n = s.length();
		int from = 0;
		for (int i = 0; i < n; i++) {
			char ch = s.charAt(i);
			String replacement;
			if (ch == '&') {
				replacement = "&amp;";
			}
			else if (ch == '<') {
				replacement = "&lt;";
			}
			else if (ch == '>') {
				replacement = "&gt;";
			}
			else if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0xFFFE || ch == 0xFFFF) {
				replacement = "";
			}
			else if (Character.isSurrogate(ch)) {
				boolean pair = Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
				if (pair) {
					i++;
					continue;
				}
				replacement = "";
			}
			else {
				continue;
			}
			w.write(s, from, i - from);
			w.write(replacement);
			from = i + 1;
		}
		w.write(s, from, n - from);
	}

	private static String attribute(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
