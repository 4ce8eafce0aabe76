package vn.giamngheo.demo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary COPY format (header, tuples, trailer): the server skips
 * text parsing of dates, numbers, UUIDs and arrays, which is most of its work on the wide
 * assessment rows.
 */
final class CopyBinary {

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };

	/** Days from 1970-01-01 to 2000-01-01, PostgreSQL's date epoch. */
	private static final long PG_EPOCH_DAY = 10_957;

	private static final int TEXT_OID = 25;

	private final Map<String, byte[]> utf8 = new HashMap<>();

	private byte[] buf;

	private int pos;

	CopyBinary(int capacity) {
		this.buf = new byte[Math.max(64, capacity)];
		write(SIGNATURE);
		int4(0);
		int4(0);
	}

	/** Starts a tuple of {@code fields} fields. */
	CopyBinary row(int fields) {
		int2raw(fields);
		return this;
	}

	CopyBinary nul() {
		int4(-1);
		return this;
	}

	CopyBinary uuid(UUID id) {
		int4(16);
		int8raw(id.getMostSignificantBits());
		int8raw(id.getLeastSignificantBits());
		return this;
	}

	CopyBinary text(String s) {
		if (s == null) {
			return nul();
		}
		byte[] b = this.utf8.computeIfAbsent(s, (k) -> k.getBytes(StandardCharsets.UTF_8));
		int4(b.length);
		write(b);
		return this;
	}

	CopyBinary int2(int v) {
		int4(2);
		int2raw(v);
		return this;
	}

	CopyBinary int8(long v) {
		int4(8);
		int8raw(v);
		return this;
	}

	CopyBinary bool(boolean v) {
		int4(1);
		ensure(1);
		this.buf[this.pos++] = (byte) (v ? 1 : 0);
		return this;
	}

	/** A date given as days since 1970-01-01. */
	CopyBinary date(long epochDay) {
		int4(4);
		int4(epochDay - PG_EPOCH_DAY);
		return this;
	}

	/** A non-negative numeric with one decimal, given in tenths (375 → 37.5). */
	CopyBinary numericTenths(long tenths) {
		long whole = tenths / 10;
		int frac = (int) (tenths % 10) * 1000;
		short[] groups = new short[4];
		int n = 0;
		for (long w = whole; w > 0; w /= 10_000) {
			groups[n++] = (short) (w % 10_000);
		}
		// groups are little-endian; weight is the index of the most significant group
		int weight = (n == 0) ? -1 : n - 1;
		int ndigits = n + ((frac != 0) ? 1 : 0);
		if (n == 0 && frac == 0) {
			weight = 0;
		}
		int4(8 + 2 * ndigits);
		int2raw(ndigits);
		int2raw(weight);
		int2raw(0); // sign: positive
		int2raw(1); // dscale: one decimal
		for (int k = n - 1; k >= 0; k--) {
			int2raw(groups[k]);
		}
		if (frac != 0) {
			int2raw(frac);
		}
		return this;
	}

	/** A one-dimensional text[] without nulls. */
	CopyBinary textArray(List<String> values) {
		if (values.isEmpty()) {
			int4(12);
			int4(0);
			int4(0);
			int4(TEXT_OID);
			return this;
		}
		int length = 20;
		byte[][] items = new byte[values.size()][];
		for (int k = 0; k < items.length; k++) {
			items[k] = this.utf8.computeIfAbsent(values.get(k), (s) -> s.getBytes(StandardCharsets.UTF_8));
			length += 4 + items[k].length;
		}
		int4(length);
		int4(1);
		int4(0);
		int4(TEXT_OID);
		int4(items.length);
		int4(1);
		for (byte[] item : items) {
			int4(item.length);
			write(item);
		}
		return this;
	}

	/** The stream with its trailer. */
	byte[] finish() {
		int2raw(-1);
		return Arrays.copyOf(this.buf, this.pos);
	}

	private void ensure(int n) {
		if (this.pos + n > this.buf.length) {
			this.buf = Arrays.copyOf(this.buf, Math.max(this.buf.length * 2, this.pos + n));
		}
	}

	private void write(byte[] b) {
		ensure(b.length);
		System.arraycopy(b, 0, this.buf, this.pos, b.length);
		this.pos += b.length;
	}

	private void int2raw(int v) {
		ensure(2);
		this.buf[this.pos++] = (byte) (v >>> 8);
		this.buf[this.pos++] = (byte) v;
	}

	private void int4(long v) {
		ensure(4);
		this.buf[this.pos++] = (byte) (v >>> 24);
		this.buf[this.pos++] = (byte) (v >>> 16);
		this.buf[this.pos++] = (byte) (v >>> 8);
		this.buf[this.pos++] = (byte) v;
	}

	private void int8raw(long v) {
		int4(v >>> 32);
		int4(v & 0xFFFFFFFFL);
	}

}
