package vn.giamngheo.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Test files: workbooks and CSV text built in memory. */
final class TestFiles {

	static final List<String> HOUSEHOLD_HEADERS = List.of("Mã hộ", "Mã xã", "Thôn/bản/tổ dân phố", "Địa chỉ",
			"Năm rà soát", "Phân loại hộ", "Thu nhập bình quân (đồng/người/tháng)");

	static final List<String> MEMBER_HEADERS = List.of("Mã hộ", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc",
			"Quan hệ với chủ hộ", "Số CCCD");

	private TestFiles() {
	}

	/**
	 * A workbook builder: sheets of rows (Strings, numbers, LocalDates, or "=formula").
	 */
	static final class Xlsx {

		final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();

		final Map<String, List<int[]>> merges = new LinkedHashMap<>();

		Xlsx sheet(String name, List<?> header) {
			List<List<Object>> rows = new ArrayList<>();
			rows.add(new ArrayList<>(header));
			this.sheets.put(name, rows);
			return this;
		}

		Xlsx row(String sheet, Object... values) {
			this.sheets.get(sheet).add(new ArrayList<>(List.of(values)));
			return this;
		}

		Xlsx merge(String sheet, int r1, int c1, int r2, int c2) {
			this.merges.computeIfAbsent(sheet, (k) -> new ArrayList<>()).add(new int[] { r1, c1, r2, c2 });
			return this;
		}

		byte[] bytes() {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try {
				Workbook wb = new Workbook(out, "test", "1.0");
				for (Map.Entry<String, List<List<Object>>> e : this.sheets.entrySet()) {
					Worksheet ws = wb.newWorksheet(e.getKey());
					for (int r = 0; r < e.getValue().size(); r++) {
						List<Object> row = e.getValue().get(r);
						for (int c = 0; c < row.size(); c++) {
							Object v = row.get(c);
							if (v instanceof LocalDate d) {
								ws.value(r, c, d);
								ws.style(r, c).format("dd/mm/yyyy").set();
							}
							else if (v instanceof Number n) {
								ws.value(r, c, n);
							}
							else if (v instanceof String s && s.startsWith("=")) {
								ws.formula(r, c, s.substring(1));
							}
							else if (v != null) {
								ws.value(r, c, v.toString());
							}
						}
					}
					for (int[] m : this.merges.getOrDefault(e.getKey(), List.of())) {
						ws.range(m[0], m[1], m[2], m[3]).merge();
					}
				}
				wb.finish();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return out.toByteArray();
		}

	}

	/** CSV text of rows, in the given charset. */
	static byte[] csv(Charset charset, List<List<String>> rows) {
		StringBuilder sb = new StringBuilder();
		for (List<String> row : rows) {
			sb.append(String.join(",", row)).append("\r\n");
		}
		return sb.toString().getBytes(charset);
	}

	/**
	 * CSV in Windows-1258 as Vietnamese Windows saves it: base letters with their
	 * circumflex, breve or horn precomposed, tone marks as combining characters.
	 */
	static byte[] cp1258(List<List<String>> rows) {
		StringBuilder sb = new StringBuilder();
		for (List<String> row : rows) {
			sb.append(String.join(",", row)).append("\r\n");
		}
		StringBuilder out = new StringBuilder();
		String nfd = java.text.Normalizer.normalize(sb, java.text.Normalizer.Form.NFD);
		StringBuilder base = new StringBuilder();
		StringBuilder tones = new StringBuilder();
		for (int i = 0; i <= nfd.length(); i++) {
			char c = (i < nfd.length()) ? nfd.charAt(i) : 'x';
			boolean mark = Character.getType(c) == Character.NON_SPACING_MARK && i < nfd.length();
			boolean tone = c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309' || c == '\u0323';
			if (mark && tone) {
				tones.append(c);
			}
			else if (mark) {
				base.append(c);
			}
			else {
				out.append(java.text.Normalizer.normalize(base, java.text.Normalizer.Form.NFC)).append(tones);
				base.setLength(0);
				tones.setLength(0);
				base.append(c);
			}
		}
		return out.toString().getBytes(vn.giamngheo.imports.domain.Encodings.CP1258);
	}

	/**
	 * A citizen ID consistent with sex and date of birth: province 001, sex/century
	 * digit, two-digit year, six-digit serial.
	 */
	static String cccd(boolean female, LocalDate dob, int serial) {
		int century = dob.getYear() / 100;
		int base = (century == 19) ? 0 : 2;
		return "001" + (base + (female ? 1 : 0)) + String.format("%02d", dob.getYear() % 100)
				+ String.format("%06d", serial % 1_000_000);
	}

}
