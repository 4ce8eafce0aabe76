package vn.giamngheo.standards.cli;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A streaming CSV reader over bytes: one record at a time, fields as offsets into a
 * reused buffer, no object per row. RFC 4180 quotes are understood within a line; a
 * quoted field spanning lines is rejected.
 */
final class CsvScanner implements Closeable {

	private final InputStream in;

	private byte[] buf = new byte[1 << 20];

	private int pos;

	private int limit;

	private boolean eof;

	private int[] starts = new int[64];

	private int[] ends = new int[64];

	private boolean[] escaped = new boolean[64];

	private int fields;

	private long line;

	/** Absolute file offset of {@code buf[0]}. */
	private long base;

	private final long end;

	CsvScanner(Path file) throws IOException {
		this.in = Files.newInputStream(file);
		this.end = Long.MAX_VALUE;
	}

	/**
	 * A scanner over the lines that start in {@code [start, end)} of a file; when
	 * {@code alignToLine}, the partial line at {@code start} is skipped (it belongs to
	 * the previous range).
	 */
	CsvScanner(Path file, long start, long end, boolean alignToLine) throws IOException {
		this.in = Files.newInputStream(file);
		this.end = end;
		long from = alignToLine ? start - 1 : start;
		long skipped = 0;
		while (skipped < from) {
			long n = this.in.skip(from - skipped);
			if (n <= 0) {
				break;
			}
			skipped += n;
		}
		this.base = skipped;
		if (alignToLine) {
			while (true) {
				if (this.pos >= this.limit) {
					if (this.eof) {
						break;
					}
					fill();
					continue;
				}
				if (this.buf[this.pos++] == '\n') {
					break;
				}
			}
		}
	}

	/** Absolute offset of the next unread byte. */
	long offset() {
		return this.base + this.pos;
	}

	/** The physical line number of the current record (header = 1). */
	long line() {
		return this.line;
	}

	int fieldCount() {
		return this.fields;
	}

	byte[] buffer() {
		return this.buf;
	}

	int start(int field) {
		return this.starts[field];
	}

	int end(int field) {
		return this.ends[field];
	}

	boolean isEmpty(int field) {
		return this.starts[field] == this.ends[field];
	}

	String string(int field) {
		String s = new String(this.buf, this.starts[field], this.ends[field] - this.starts[field],
				StandardCharsets.UTF_8);
		return this.escaped[field] ? s.replace("\"\"", "\"") : s;
	}

	/**
	 * Advances to the next non-blank record, splitting it into fields in the same pass
	 * that finds its end.
	 * @return {@code false} at end of input
	 * @throws IOException on read failure
	 * @throws CsvException on an unterminated quote
	 */
	boolean next() throws IOException {
		while (true) {
			if (this.base + this.pos >= this.end) {
				return false;
			}
			if (this.pos >= this.limit) {
				if (this.eof) {
					return false;
				}
				fill();
				continue;
			}
			int result = parseLine();
			if (result == NEED_MORE) {
				fill();
				continue;
			}
			this.line++;
			if (this.fields == 1 && this.starts[0] == this.ends[0]) {
				continue;
			}
			return true;
		}
	}

	private static final int NEED_MORE = -2;

	private int parseLine() {
		byte[] b = this.buf;
		int lim = this.limit;
		int i = this.pos;
		int f = 0;
		while (true) {
			ensure(f + 1);
			if (i < lim && b[i] == '"') {
				int s = i + 1;
				int j = s;
				boolean esc = false;
				while (true) {
					if (j >= lim) {
						if (!this.eof) {
							return NEED_MORE;
						}
						this.pos = lim;
						this.line++;
						throw new CsvException("unterminated quoted field / trường trong ngoặc kép không đóng");
					}
					byte c = b[j];
					if (c == '"') {
						if (j + 1 < lim && b[j + 1] == '"') {
							esc = true;
							j += 2;
							continue;
						}
						if (j + 1 >= lim && !this.eof) {
							return NEED_MORE;
						}
						break;
					}
					if (c == '\n') {
						skipLine(j);
						throw new CsvException("quoted field spans lines / trường trong ngoặc kép xuống dòng");
					}
					j++;
				}
				this.starts[f] = s;
				this.ends[f] = j;
				this.escaped[f] = esc;
				f++;
				i = j + 1;
				if (i < lim && b[i] == '\r') {
					i++;
				}
				if (i >= lim) {
					this.fields = f;
					this.pos = lim;
					return lim;
				}
				if (b[i] == '\n') {
					this.fields = f;
					this.pos = i + 1;
					return i;
				}
				if (b[i] != ',') {
					skipLine(i);
					throw new CsvException("text after a closing quote / ký tự sau dấu ngoặc kép đóng");
				}
				i++;
				continue;
			}
			int s = i;
			while (i < lim) {
				byte c = b[i];
				if (c == ',' || c == '\n') {
					break;
				}
				i++;
			}
			if (i >= lim && !this.eof) {
				return NEED_MORE;
			}
			this.starts[f] = s;
			this.ends[f] = (i > s && b[i - 1] == '\r' && (i >= lim || b[i] == '\n')) ? i - 1 : i;
			this.escaped[f] = false;
			f++;
			if (i >= lim) {
				this.fields = f;
				this.pos = lim;
				return lim;
			}
			if (b[i] == '\n') {
				this.fields = f;
				this.pos = i + 1;
				return i;
			}
			i++;
		}
	}

	private void skipLine(int from) {
		int i = from;
		while (i < this.limit && this.buf[i] != '\n') {
			i++;
		}
		this.pos = Math.min(i + 1, this.limit);
		this.line++;
	}

	private void fill() throws IOException {
		int remaining = this.limit - this.pos;
		this.base += this.pos;
		if (this.pos > 0) {
			System.arraycopy(this.buf, this.pos, this.buf, 0, remaining);
		}
		else if (remaining == this.buf.length) {
			this.buf = Arrays.copyOf(this.buf, this.buf.length * 2);
		}
		this.pos = 0;
		this.limit = remaining;
		while (this.limit < this.buf.length) {
			int n = this.in.read(this.buf, this.limit, this.buf.length - this.limit);
			if (n < 0) {
				this.eof = true;
				break;
			}
			this.limit += n;
		}
	}

	private void ensure(int capacity) {
		if (capacity >= this.starts.length) {
			this.starts = Arrays.copyOf(this.starts, capacity * 2);
			this.ends = Arrays.copyOf(this.ends, capacity * 2);
			this.escaped = Arrays.copyOf(this.escaped, capacity * 2);
		}
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

	/** A malformed record. */
	static final class CsvException extends RuntimeException {

		CsvException(String message) {
			super(message);
		}

	}

}
