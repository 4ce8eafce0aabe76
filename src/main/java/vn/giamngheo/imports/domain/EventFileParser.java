package vn.giamngheo.imports.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.giamngheo.exits.EventRow;
import vn.giamngheo.shared.text.TextNormalizer;

/**
 * Reads an event file (ADR 0041) row by row: finds the header row among a sheet's first
 * rows (an instructions sheet is passed over), then turns each data row into an
 * {@link EventRow} or into problems of the row, by column, with the value found: no
 * household code, a day that cannot be read, a type that is not one of the nine (named in
 * Vietnamese, with or without diacritics, or by its code). Matching to the registry is
 * not done here.
 */
public final class EventFileParser implements Tables.RowSink {

	/** Rows of a sheet searched for its header. */
	static final int HEADER_SEARCH = 15;

	/**
	 * Rows a file may have (an event file is a commune's or a district's, not a census).
	 */
	public static final int MAX_ROWS = 20_000;

	private final Map<String, String> types;

	private String sheet;

	private Map<Integer, Column> header;

	private final List<EventRow> records = new ArrayList<>();

	private final List<Problem> problems = new ArrayList<>();

	private int rows;

	/**
	 * @param types folded type name (Vietnamese names, their parts, codes) → type code
	 */
	public EventFileParser(Map<String, String> types) {
		this.types = types;
	}

	/** The rows read without a problem of their own. */
	public List<EventRow> records() {
		return this.records;
	}

	/** Problems of rows. */
	public List<Problem> problems() {
		return this.problems;
	}

	/** Data rows read. */
	public int rows() {
		return this.rows;
	}

	/** Whether a sheet had the header row. */
	public boolean headerFound() {
		return this.header != null;
	}

	/** The sheet read, or null. */
	public String sheet() {
		return this.sheet;
	}

	@Override
	public void row(String sheet, int row, List<Raw> cells) {
		if (this.header == null) {
			if (row <= HEADER_SEARCH) {
				this.header = header(cells);
				this.sheet = (this.header != null) ? sheet : null;
			}
			return;
		}
		if (!sheet.equals(this.sheet) || HeaderRows.columnNumbers(cells) || HeaderRows.footer(cells)
				|| HeaderRows.filled(cells) == 0) {
			return;
		}
		this.rows++;
		Map<Column, Raw> byColumn = new EnumMap<>(Column.class);
		this.header.forEach((i, c) -> {
			if (i < cells.size()) {
				byColumn.put(c, cells.get(i));
			}
		});
		int before = this.problems.size();
		String code = text(byColumn, Column.HOUSEHOLD_CODE, row, true);
		LocalDate day = date(byColumn, row);
		String typeText = text(byColumn, Column.TYPE, row, true);
		String type = null;
		if (typeText != null) {
			type = this.types.get(TextNormalizer.fold(typeText));
			if (type == null) {
				problem(row, Column.TYPE, typeText, "exits.event.file.type", typeText);
			}
		}
		String member = text(byColumn, Column.MEMBER, row, false);
		String note = text(byColumn, Column.NOTE, row, false);
		if (this.problems.size() == before) {
			this.records.add(new EventRow(row, code, day, type, member, note));
		}
	}

	private Map<Integer, Column> header(List<Raw> cells) {
		Map<Integer, Column> found = new HashMap<>();
		for (int i = 0; i < cells.size(); i++) {
			String folded = TextNormalizer.fold(cells.get(i).text());
			for (Column c : Column.values()) {
				if (!found.containsValue(c) && c.spellings.stream().anyMatch((s) -> folded.equals(s))) {
					found.put(i, c);
				}
			}
		}
		boolean all = found.containsValue(Column.HOUSEHOLD_CODE) && found.containsValue(Column.DATE)
				&& found.containsValue(Column.TYPE);
		return all ? found : null;
	}

	private String text(Map<Column, Raw> cells, Column column, int row, boolean required) {
		Raw raw = cells.get(column);
		String text = (raw == null) ? null : TextNormalizer.blankToNull(Values.text(raw));
		if (text == null && required) {
			problem(row, column, null, "imports.value.required", "#" + column.labelKey());
		}
		return (text == null) ? null : text.strip();
	}

	private LocalDate date(Map<Column, Raw> cells, int row) {
		Raw raw = cells.get(Column.DATE);
		if (raw == null || raw.blank()) {
			text(cells, Column.DATE, row, true);
			return null;
		}
		LocalDate d = Values.date(raw);
		if (d == null || d.getYear() < 1950 || d.getYear() > 2100) {
			problem(row, Column.DATE, raw.text(), "imports.value.date");
			return null;
		}
		return d;
	}

	private void problem(int row, Column column, String value, String key, Object... args) {
		this.problems.add(Problem.error(this.sheet, row, "#" + column.labelKey(), value, key, null, args));
	}

	/** A column of an event file: the template's header and the folded spellings. */
	public enum Column {

		HOUSEHOLD_CODE(true, "Mã hộ", "ma ho", "ma ho gia dinh", "ma so ho"),

		DATE(true, "Ngày xảy ra", "ngay xay ra", "ngay", "ngay phat sinh", "ngay bien co"),

		TYPE(true, "Loại biến cố", "loai bien co", "bien co", "loai"),

		MEMBER(false, "Thành viên liên quan", "thanh vien lien quan", "thanh vien", "ho ten thanh vien", "ho va ten"),

		NOTE(false, "Ghi chú", "ghi chu", "noi dung", "mo ta");

		private final boolean required;

		private final String header;

		private final List<String> spellings;

		Column(boolean required, String header, String... spellings) {
			this.required = required;
			this.header = header;
			this.spellings = List.of(spellings);
		}

		/** Whether a row needs it. */
		public boolean required() {
			return this.required;
		}

		/** The template's header. */
		public String header() {
			return this.header;
		}

		/** The message key of its label. */
		public String labelKey() {
			return "exits.event.file.col." + name();
		}

	}

}
