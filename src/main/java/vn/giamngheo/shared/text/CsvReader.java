package vn.giamngheo.shared.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small streaming RFC 4180 reader: comma separated, double-quoted fields with doubled
 * quotes, CRLF or LF. Enough for the reference files shipped with the application.
 */
public final class CsvReader implements AutoCloseable {

	private final BufferedReader in;

	private final char separator;

	private long line;

	public CsvReader(Reader reader) {
		this(reader, ',');
	}

	public CsvReader(Reader reader, char separator) {
		this.in = (reader instanceof BufferedReader b) ? b : new BufferedReader(reader, 1 << 16);
		this.separator = separator;
	}

	/** Line number (1-based) of the last record read. */
	public long line() {
		return this.line;
	}

	/** The next record, or {@code null} at end of input. */
	public List<String> next() {
		try {
			String first = this.in.readLine();
			if (first == null) {
				return null;
			}
			this.line++;
			if (first.startsWith("\uFEFF") && this.line == 1) {
				first = first.substring(1);
			}
			List<String> fields = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			String current = first;
			int i = 0;
			boolean quoted = false;
			while (true) {
				if (i >= current.length()) {
					if (quoted) {
						String more = this.in.readLine();
						if (more == null) {
							throw new IllegalArgumentException("Unterminated quoted field at line " + this.line);
						}
						this.line++;
						field.append('\n');
						current = more;
						i = 0;
						continue;
					}
					fields.add(field.toString());
					return fields;
				}
				char c = current.charAt(i++);
				if (quoted) {
					if (c == '"') {
						if (i < current.length() && current.charAt(i) == '"') {
							field.append('"');
							i++;
						}
						else {
							quoted = false;
						}
					}
					else {
						field.append(c);
					}
				}
				else if (c == '"' && field.isEmpty()) {
					quoted = true;
				}
				else if (c == this.separator) {
					fields.add(field.toString());
					field.setLength(0);
				}
				else {
					field.append(c);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Reads the header and returns column name → index. */
	public Map<String, Integer> header() {
		List<String> names = next();
		Map<String, Integer> index = new HashMap<>();
		if (names != null) {
			for (int i = 0; i < names.size(); i++) {
				index.put(names.get(i).trim(), i);
			}
		}
		return index;
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
