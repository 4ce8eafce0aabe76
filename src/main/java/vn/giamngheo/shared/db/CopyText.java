package vn.giamngheo.shared.db;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.copy.CopyIn;
import org.postgresql.jdbc.PgConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows for PostgreSQL {@code COPY ... FROM STDIN} (text format), written on the
 * connection of the current transaction so that bulk rows commit or roll back with it.
 * Rows are sent in chunks of a few megabytes; memory stays small whatever the row count.
 */
public final class CopyText implements AutoCloseable {

	private static final int CHUNK = 4 << 20;

	private final CopyIn in;

	private final ByteArrayOutputStream buf = new ByteArrayOutputStream(CHUNK + 4096);

	private final StringBuilder line = new StringBuilder(256);

	private boolean first = true;

	private long rows;

	private CopyText(CopyIn in) {
		this.in = in;
	}

	/**
	 * Starts a COPY on the transaction's connection.
	 * @param dataSource the data source of the transaction
	 * @param tableAndColumns e.g. {@code member (id, household_id, ...)}
	 * @return the open copy
	 */
	public static CopyText open(DataSource dataSource, String tableAndColumns) {
		Connection c = DataSourceUtils.getConnection(dataSource);
		try {
			return new CopyText(
					c.unwrap(PgConnection.class).getCopyAPI().copyIn("copy " + tableAndColumns + " from stdin"));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY " + tableAndColumns + " failed to start", ex);
		}
	}

	/** Adds a field to the current row; {@code null} is SQL NULL. */
	public CopyText field(Object value) {
		if (!this.first) {
			this.line.append('\t');
		}
		this.first = false;
		if (value == null) {
			this.line.append("\\N");
			return this;
		}
		String s = value.toString();
		if (plain(s)) {
			this.line.append(s);
			return this;
		}
		for (int i = 0; i < s.length(); i++) {
			char ch = s.charAt(i);
			switch (ch) {
				case '\\' -> this.line.append("\\\\");
				case '\t' -> this.line.append("\\t");
				case '\n' -> this.line.append("\\n");
				case '\r' -> this.line.append("\\r");
				default -> this.line.append(ch);
			}
		}
		return this;
	}

	/** A text[] literal of the values (no quotes needed for codes). */
	public CopyText array(java.util.Collection<String> values) {
		return field((values == null) ? null : "{" + String.join(",", values) + "}");
	}

	/** Whether the text needs no escape (the usual case: appended as a whole). */
	private static boolean plain(String s) {
		for (int i = 0; i < s.length(); i++) {
			char ch = s.charAt(i);
			if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
				return false;
			}
		}
		return true;
	}

	/** Ends the current row. */
	public CopyText end() {
		this.line.append('\n');
		byte[] bytes = this.line.toString().getBytes(StandardCharsets.UTF_8);
		this.buf.write(bytes, 0, bytes.length);
		this.line.setLength(0);
		this.first = true;
		this.rows++;
		if (this.buf.size() >= CHUNK) {
			flush();
		}
		return this;
	}

	private void flush() {
		try {
			if (this.buf.size() > 0) {
				this.in.writeToCopy(this.buf.toByteArray(), 0, this.buf.size());
			}
			this.buf.reset();
		}
		catch (SQLException ex) {
			cancel();
			throw new IllegalStateException("COPY failed", ex);
		}
	}

	/** Sends the rest and ends the COPY. */
	@Override
	public void close() {
		flush();
		try {
			this.in.endCopy();
		}
		catch (SQLException ex) {
			cancel();
			throw new IllegalStateException("COPY failed", ex);
		}
	}

	public long rows() {
		return this.rows;
	}

	private void cancel() {
		try {
			if (this.in.isActive()) {
				this.in.cancelCopy();
			}
		}
		catch (SQLException ignored) {
			// the transaction is rolled back anyway
		}
	}

}
