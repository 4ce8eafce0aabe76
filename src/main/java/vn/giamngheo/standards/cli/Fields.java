package vn.giamngheo.standards.cli;

import java.nio.charset.StandardCharsets;

/**
 * Parsers over byte ranges of a CSV record, without creating strings on the good path.
 */
final class Fields {

	/** Decimal places kept for sampling weights: weights are integers of 10⁻⁶. */
	static final int WEIGHT_SCALE = 6;

	static final long WEIGHT_UNIT = 1_000_000L;

	private Fields() {
	}

	static String text(byte[] b, int s, int e) {
		return new String(b, s, e - s, StandardCharsets.UTF_8);
	}

	static long wholeNumber(byte[] b, int s, int e, String column) {
		if (s == e) {
			throw new RowException("missing value in column " + column + " / thiếu giá trị cột " + column);
		}
		long v = 0;
		for (int i = s; i < e; i++) {
			int c = b[i] - '0';
			if (c < 0 || c > 9 || i - s > 17) {
				throw new RowException("not a whole non-negative number in column " + column + ": '" + text(b, s, e)
						+ "' / không phải số nguyên không âm");
			}
			v = v * 10 + c;
		}
		return v;
	}

	static int flag(byte[] b, int s, int e, String column) {
		if (e - s == 1) {
			if (b[s] == '1') {
				return 1;
			}
			if (b[s] == '0') {
				return 0;
			}
		}
		if (s == e) {
			throw new RowException("missing value in column " + column + " / thiếu giá trị cột " + column);
		}
		throw new RowException("expected 0 or 1 in column " + column + ": '" + text(b, s, e) + "' / cần 0 hoặc 1");
	}

	/**
	 * Parses a non-negative decimal into units of 10⁻⁶.
	 */
	static long weight(byte[] b, int s, int e, String column) {
		if (s == e || e - s > 19) {
			throw badWeight(b, s, e, column);
		}
		long whole = 0;
		int i = s;
		for (; i < e; i++) {
			int d = b[i] - '0';
			if (d < 0 || d > 9) {
				break;
			}
			whole = whole * 10 + d;
		}
		long fraction = 0;
		int decimals = 0;
		if (i < e) {
			if (b[i] != '.' || i == s) {
				throw badWeight(b, s, e, column);
			}
			for (i++; i < e; i++) {
				int d = b[i] - '0';
				if (d < 0 || d > 9 || ++decimals > WEIGHT_SCALE) {
					throw badWeight(b, s, e, column);
				}
				fraction = fraction * 10 + d;
			}
		}
		if (whole > 9_999_999_999_999L) {
			throw badWeight(b, s, e, column);
		}
		return whole * WEIGHT_UNIT + fraction * SCALE[decimals];
	}

	private static final long[] SCALE = { 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1 };

	private static RowException badWeight(byte[] b, int s, int e, String column) {
		if (s == e) {
			return new RowException("missing value in column " + column + " / thiếu giá trị cột " + column);
		}
		return new RowException("not a non-negative number with at most 6 decimals in column " + column + ": '"
				+ text(b, s, e) + "' / không phải số không âm (tối đa 6 chữ số thập phân)");
	}

	static boolean urban(byte[] b, int s, int e, String column) {
		int n = e - s;
		if (n == 1) {
			if (b[s] == '1') {
				return true;
			}
			if (b[s] == '0') {
				return false;
			}
		}
		String v = text(b, s, e).trim().toLowerCase(java.util.Locale.ROOT);
		return switch (v) {
			case "true", "urban", "thanh thi", "thành thị" -> true;
			case "false", "rural", "nong thon", "nông thôn" -> false;
			default -> throw new RowException("unknown area in column " + column + ": '" + text(b, s, e)
					+ "', expected 1/0, true/false or urban/rural / khu vực không hợp lệ");
		};
	}

	/** Formats units of 10⁻⁶ as a plain decimal. */
	static String decimal(long micros) {
		long whole = micros / WEIGHT_UNIT;
		long fraction = micros % WEIGHT_UNIT;
		if (fraction == 0) {
			return Long.toString(whole);
		}
		String f = Long.toString(fraction + WEIGHT_UNIT).substring(1);
		int end = f.length();
		while (f.charAt(end - 1) == '0') {
			end--;
		}
		return whole + "." + f.substring(0, end);
	}

}
