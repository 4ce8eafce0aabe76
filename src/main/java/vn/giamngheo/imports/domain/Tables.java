package vn.giamngheo.imports.domain;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import vn.giamngheo.shared.Handoff;
import vn.giamngheo.shared.text.CsvReader;

/**
 * Reads the rows of an XLSX workbook (streamed, every sheet in order) or of a CSV file
 * (separator and encoding detected) as {@link Raw} cells.
 */
public final class Tables {

	/** File formats. */
	public enum Format {

		XLSX, CSV,
		/**
		 * A zip of CSV files, one per sheet: ODK Central's export of a form (submissions,
		 * then one file per repeat group).
		 */
		CSV_ZIP

	}

	/** Receives rows. */
	public interface RowSink {

		/**
		 * One non-empty row.
		 * @param sheet sheet name
		 * @param row 1-based row number
		 * @param cells cells from column A
		 */
		void row(String sheet, int row, List<Raw> cells);

		/** A CSV line in another encoding than the rest of the file. */
		default void mixedEncoding(String sheet, int row, String charset) {
		}

	}

	/** Most rows a file may have. */
	public static final int MAX_ROWS = 1_500_000;

	private Tables() {
	}

	/** The format of a stored file by its first bytes; an old binary .xls is refused. */
	public static Format detect(Path file) throws UnreadableFileException {
		byte[] head = new byte[8];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, 8);
		}
		catch (IOException ex) {
			throw new UnreadableFileException("imports.file.corrupt");
		}
		if (n == 0) {
			throw new UnreadableFileException("imports.file.empty");
		}
		if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
			return csvZip(file) ? Format.CSV_ZIP : Format.XLSX;
		}
		if (n >= 8 && ReadableWorkbook.isOLE2Header(head)) {
			throw new UnreadableFileException("imports.file.xls");
		}
		for (int i = 0; i < n; i++) {
			if (head[i] == 0 && !(n >= 2 && ((head[0] & 0xff) == 0xFF || (head[0] & 0xff) == 0xFE))) {
				throw new UnreadableFileException("imports.file.not-table");
			}
		}
		return Format.CSV;
	}

	/**
	 * Reads a file's rows into the sink.
	 * @param streams the bounded pool that a workbook's reading thread runs on
	 */
	public static void read(Path file, Format format, String csvSheetName, RowSink sink, Executor streams)
			throws UnreadableFileException {
		if (format == Format.XLSX) {
			readXlsx(file, sink, streams, JOIN_MILLIS);
		}
		else if (format == Format.CSV_ZIP) {
			readCsvZip(file, sink);
		}
		else {
			readCsv(file, csvSheetName, sink);
		}
	}

	/**
	 * How long the reading thread may take to end once the checks have ended; then it is
	 * interrupted and the file refused.
	 */
	static final long JOIN_MILLIS = 10_000;

	/**
	 * Reads a workbook's rows on a thread of the bounded pool while the caller's sink
	 * checks the rows already read: unzipping and parsing the sheet XML is about half of
	 * a dry run, and on two cores it overlaps the checks. Rows reach the sink in file
	 * order, on the calling thread; a failure of either side stops both. When every
	 * thread of the pool is busy, the calling thread reads the workbook alone (slower,
	 * never refused: it is an import job's own thread or a download of its rejected
	 * rows).
	 */
	static void readXlsx(Path file, RowSink sink, Executor streams, long joinMillis) throws UnreadableFileException {
		ZipGuard.check(file);
		Handoff<ReadRow> rows = new Handoff<>(512, 32);
		try {
			rows.beside(streams, () -> {
				try {
					readXlsxRows(file, (sheet, row, cells) -> rows.put(new ReadRow(sheet, row, cells)));
				}
				finally {
					rows.end();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			readXlsxAlone(file, sink);
			return;
		}
		Throwable failure;
		try {
			List<ReadRow> batch;
			while ((batch = rows.take()) != null) {
				for (ReadRow r : batch) {
					sink.row(r.sheet(), r.row(), r.cells());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UnreadableFileException("imports.file.corrupt");
		}
		finally {
			rows.stop();
			failure = rows.join(joinMillis);
		}
		if (failure instanceof TimeoutException) {
			throw new UnreadableFileException("imports.file.timeout", joinMillis / 1000);
		}
		if (failure instanceof UnreadableFileException ex) {
			throw ex;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		if (failure != null && !(failure instanceof CancellationException)) {
			throw new UnreadableFileException("imports.file.corrupt");
		}
	}

	/**
	 * Reads a workbook on the calling thread; the sink's own failure comes out as it is,
	 * as it does from the two-thread read.
	 */
	private static void readXlsxAlone(Path file, RowSink sink) throws UnreadableFileException {
		RuntimeException[] failed = { null };
		try {
			readXlsxRows(file, (sheet, row, cells) -> {
				try {
					sink.row(sheet, row, cells);
				}
				catch (RuntimeException ex) {
					failed[0] = ex;
					throw ex;
				}
			});
		}
		catch (UnreadableFileException | RuntimeException ex) {
			if (failed[0] != null) {
				throw failed[0];
			}
			throw ex;
		}
	}

	/** A row read, on its way from the reading thread to the sink. */
	private record ReadRow(String sheet, int row, List<Raw> cells) {
	}

	/** Reads a workbook's non-empty rows on the calling thread. */
	static void readXlsxRows(Path file, RowSink sink) throws UnreadableFileException {
		int[] count = { 0 };
		try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
			List<Sheet> sheets = wb.getSheets().toList();
			for (Sheet sheet : sheets) {
				try (Stream<Row> rows = sheet.openStream()) {
					Iterator<Row> it = rows.iterator();
					while (it.hasNext()) {
						if (Thread.currentThread().isInterrupted()) {
							// given up by the other side (a time limit)
							throw new CancellationException("interrupted");
						}
						Row row = it.next();
						List<Raw> cells = new ArrayList<>(row.getCellCount());
						boolean any = false;
						for (int c = 0; c < row.getCellCount(); c++) {
							Raw raw = raw(row.getCell(c));
							any |= !raw.blank();
							cells.add(raw);
						}
						if (any) {
							if (++count[0] > MAX_ROWS) {
								throw new UnreadableFileException("imports.file.too-many-rows", MAX_ROWS);
							}
							sink.row(sheet.getName(), row.getRowNum(), cells);
						}
					}
				}
			}
		}
		catch (UnreadableFileException | CancellationException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new UnreadableFileException("imports.file.corrupt");
		}
	}

	private static Raw raw(Cell cell) {
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return Raw.EMPTY;
		}
		CellType type = cell.getType();
		if (type == CellType.FORMULA) {
			String cached = cell.getRawValue();
			return new Raw((cached == null) ? "" : cached, null, cell.getFormula());
		}
		if (type == CellType.NUMBER) {
			BigDecimal n = cell.asNumber();
			String text = n.stripTrailingZeros().toPlainString();
			if (isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
				try {
					return new Raw(text, cell.asDate().toLocalDate(), null);
				}
				catch (RuntimeException ex) {
					return Raw.number(text);
				}
			}
			return Raw.number(text);
		}
		if (type == CellType.BOOLEAN) {
			return Raw.of(Boolean.TRUE.equals(cell.asBoolean()) ? "TRUE" : "FALSE");
		}
		String text = cell.getText();
		return Raw.of((text == null) ? "" : text);
	}

	private static final Map<String, Boolean> DATE_FORMATS = new java.util.concurrent.ConcurrentHashMap<>();

	static boolean isDateFormat(Integer id, String format) {
		if (id != null && ((id >= 14 && id <= 22) || (id >= 45 && id <= 47))) {
			return true;
		}
		if (format == null || format.isBlank() || "General".equalsIgnoreCase(format)) {
			return false;
		}
		Boolean known = DATE_FORMATS.get(format);
		if (known == null) {
			known = dateFormat(format);
			if (DATE_FORMATS.size() < 1000) {
				DATE_FORMATS.put(format, known);
			}
		}
		return known;
	}

	private static boolean dateFormat(String format) {
		String f = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase(java.util.Locale.ROOT);
		return (f.contains("d") || f.contains("y")) && (f.contains("m") || f.contains("y"));
	}

	/** A zip archive that is not a workbook and holds CSV files. */
	private static boolean csvZip(Path file) {
		try (ZipGuard.Archive zip = ZipGuard.open(file)) {
			return !zip.has("[Content_Types].xml") && !csvEntries(zip).isEmpty();
		}
		catch (UnreadableFileException ex) {
			return false; // read as a workbook, reported as corrupt or a bomb
		}
	}

	/**
	 * The CSV files of an archive, shorter names first: ODK Central names the submissions
	 * {@code form.csv} and a repeat group {@code form-group.csv}, so households come
	 * before the members that point to them.
	 */
	private static List<ZipArchiveEntry> csvEntries(ZipGuard.Archive zip) {
		return zip.entries()
			.stream()
			.filter((e) -> !e.isDirectory() && e.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
			.sorted(Comparator.comparingInt((ZipArchiveEntry e) -> e.getName().length())
				.thenComparing(ZipArchiveEntry::getName))
			.toList();
	}

	/**
	 * Reads each CSV file of a zip archive as a sheet named after the file. Each is
	 * copied out through {@link ZipGuard}, which stops it at the first limit its actually
	 * inflated bytes reach, and read like an uploaded CSV.
	 */
	static void readCsvZip(Path file, RowSink sink) throws UnreadableFileException {
		try (ZipGuard.Archive zip = ZipGuard.open(file)) {
			for (ZipArchiveEntry entry : csvEntries(zip)) {
				String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
				String sheet = name.substring(0, name.length() - 4);
				Path part = Files.createTempFile("import-part-", ".csv");
				try {
					try (InputStream in = zip.open(entry); java.io.OutputStream out = Files.newOutputStream(part)) {
						in.transferTo(out);
					}
					readCsv(part, sheet, sink);
				}
				finally {
					Files.deleteIfExists(part);
				}
			}
		}
		catch (ZipGuard.Bomb ex) {
			throw new UnreadableFileException("imports.file.zip-bomb");
		}
		catch (IOException | UncheckedIOException ex) {
			throw new UnreadableFileException("imports.file.corrupt");
		}
	}

	static void readCsv(Path file, String sheet, RowSink sink) throws UnreadableFileException {
		try {
			Decoding decoding = scan(file);
			char separator = decoding.separator;
			try (LineDecodingReader reader = new LineDecodingReader(file, decoding);
					CsvReader csv = new CsvReader(reader, separator)) {
				long last = 0;
				int count = 0;
				List<String> record;
				while ((record = csv.next()) != null) {
					int line = (int) csv.line();
					if (decoding.mixed) {
						int bad = decoding.legacyLines.nextSetBit((int) last + 1);
						if (bad >= 0 && bad <= line) {
							sink.mixedEncoding(sheet, line, decoding.legacy.name());
						}
					}
					last = line;
					List<Raw> cells = new ArrayList<>(record.size());
					boolean any = false;
					for (String v : record) {
						Raw raw = Raw.of(v);
						any |= !raw.blank();
						cells.add(raw);
					}
					if (any) {
						if (++count > MAX_ROWS) {
							throw new UnreadableFileException("imports.file.too-many-rows", MAX_ROWS);
						}
						sink.row(sheet, line, cells);
					}
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw new UnreadableFileException("imports.file.corrupt");
		}
	}

	/** How a CSV file is decoded. */
	static final class Decoding {

		boolean bom;

		boolean utf16;

		boolean mixed;

		Charset legacy = Encodings.CP1252;

		boolean anyUtf8;

		boolean anyLegacy;

		final BitSet legacyLines = new BitSet();

		char separator = ',';

		Charset lineCharset(int line) {
			if (!this.anyLegacy) {
				return StandardCharsets.UTF_8;
			}
			if (!this.anyUtf8) {
				return this.legacy;
			}
			return this.legacyLines.get(line) ? this.legacy : StandardCharsets.UTF_8;
		}

	}

	/**
	 * First pass: classifies each line as ASCII, UTF-8 or legacy; picks the separator.
	 */
	static Decoding scan(Path file) throws IOException {
		Decoding d = new Decoding();
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			in.mark(4);
			int b0 = in.read();
			int b1 = in.read();
			int b2 = in.read();
			if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
				d.bom = true;
			}
			else {
				in.reset();
				if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
					d.utf16 = true;
					d.separator = separator(new String(in.readNBytes(4096), StandardCharsets.UTF_16));
					return d;
				}
			}
			ByteArrayOutputStream line = new ByteArrayOutputStream(512);
			ByteArrayOutputStream legacyBytes = new ByteArrayOutputStream();
			int lineNo = 1;
			int b;
			boolean first = true;
			while (true) {
				b = in.read();
				if (b == '\n' || b < 0) {
					byte[] bytes = line.toByteArray();
					if (first) {
						d.separator = separator(new String(bytes, StandardCharsets.ISO_8859_1));
						first = false;
					}
					if (!Encodings.ascii(bytes, 0, bytes.length)) {
						if (Encodings.utf8(bytes, 0, bytes.length)) {
							d.anyUtf8 = true;
						}
						else {
							d.anyLegacy = true;
							d.legacyLines.set(lineNo);
							if (legacyBytes.size() < (1 << 20)) {
								legacyBytes.write(bytes, 0, bytes.length);
							}
						}
					}
					line.reset();
					lineNo++;
					if (b < 0) {
						break;
					}
				}
				else {
					line.write(b);
				}
			}
			byte[] legacy = legacyBytes.toByteArray();
			d.legacy = Encodings.legacy(legacy, 0, legacy.length);
			d.mixed = d.anyUtf8 && d.anyLegacy;
		}
		return d;
	}

	private static char separator(String header) {
		int comma = 0;
		int semicolon = 0;
		int tab = 0;
		boolean quoted = false;
		for (int i = 0; i < header.length() && header.charAt(i) != '\n'; i++) {
			char c = header.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted) {
				comma += (c == ',') ? 1 : 0;
				semicolon += (c == ';') ? 1 : 0;
				tab += (c == '\t') ? 1 : 0;
			}
		}
		if (tab > comma && tab > semicolon) {
			return '\t';
		}
		return (semicolon > comma) ? ';' : ',';
	}

	/** Second pass: decodes each line with the charset the first pass chose for it. */
	static final class LineDecodingReader extends Reader {

		private final InputStream in;

		private final Reader whole;

		private final Decoding decoding;

		private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);

		private String current = "";

		private int pos;

		private int lineNo = 1;

		private boolean eof;

		LineDecodingReader(Path file, Decoding decoding) throws IOException {
			this.decoding = decoding;
			InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
			if (decoding.utf16) {
				this.whole = new InputStreamReader(raw, StandardCharsets.UTF_16);
				this.in = null;
			}
			else {
				if (decoding.bom) {
					raw.skipNBytes(3);
				}
				this.in = raw;
				this.whole = null;
			}
		}

		@Override
		public int read(char[] buf, int off, int len) throws IOException {
			if (this.whole != null) {
				return this.whole.read(buf, off, len);
			}
			while (this.pos >= this.current.length()) {
				if (this.eof) {
					return -1;
				}
				nextLine();
			}
			int n = Math.min(len, this.current.length() - this.pos);
			this.current.getChars(this.pos, this.pos + n, buf, off);
			this.pos += n;
			return n;
		}

		private void nextLine() throws IOException {
			this.line.reset();
			int b;
			while ((b = this.in.read()) >= 0) {
				this.line.write(b);
				if (b == '\n') {
					break;
				}
			}
			if (b < 0) {
				this.eof = true;
			}
			this.current = this.line.toString(this.decoding.lineCharset(this.lineNo));
			this.pos = 0;
			this.lineNo++;
		}

		@Override
		public void close() throws IOException {
			if (this.whole != null) {
				this.whole.close();
			}
			else {
				this.in.close();
			}
		}

	}

}
