package vn.giamngheo.imports.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import vn.giamngheo.shared.text.TextNormalizer;

/**
 * Reads the header of a sheet as communes lay out their lists: one row of column labels,
 * or two rows where an upper cell spans the columns of its lower labels ("Chủ hộ" over
 * "Họ tên | Ngày sinh | Số CCCD"; "Năm sinh" over "Nam | Nữ") and the upper cells of the
 * other columns reach down over both rows. A merged cell keeps its text in its first cell
 * only, so a span is read from the blanks: an upper cell with a lower label under it
 * starts a group that runs right while the upper cells are blank and the lower ones are
 * not. Also tells the rows under a header that are not data: a row of column numbers, a
 * section title ("I. Hộ nghèo"), and the totals and signatures at the foot.
 */
public final class HeaderRows {

	/** Labels of a group over its lower labels, as shown. */
	static final String JOIN = " · ";

	private static final Pattern COLUMN_NUMBER = Pattern.compile("\\(?\\s*([0-9]{1,2}|[A-Za-z])\\s*\\)?");

	/** The first words of a footer row: totals, the date and place line, signatures. */
	private static final Pattern FOOTER = Pattern
		.compile("^(tong cong|tong so|tong:|cong:|nguoi lap|lap bieu|xac nhan|t\\.? ?m[ .]|chu tich|pho chu tich"
				+ "|truong ban|can bo (lap|phu trach)|ghi chu:)|^[^0-9]*,? ngay [0-9 .…]*thang [0-9 .…]*nam");

	private final Vocabulary vocabulary;

	public HeaderRows(Vocabulary vocabulary) {
		this.vocabulary = vocabulary;
	}

	/**
	 * A column given by two values of a coded field: a mark under "Nam" or "Nữ" gives the
	 * sex ({@code field}), and, under "Năm sinh", the cell's value is the date or year of
	 * birth ({@code value}).
	 *
	 * @param field the coded field the column gives
	 * @param code its code when the cell is marked
	 * @param value the field the cell's own value is, or null when the cell is only a
	 * mark
	 */
	public record Choice(Field field, String code, Field value) {
	}

	/**
	 * A header as read.
	 *
	 * @param columns column → field
	 * @param choices column → a value of a coded field
	 * @param labels the label of each column ("upper · lower" under a group)
	 * @param rows 1 or 2
	 */
	public record Header(Map<Integer, Field> columns, Map<Integer, Choice> choices, List<String> labels, int rows) {

		/** Fields the header gives, counted once each. */
		public int recognised() {
			Set<Field> fields = new HashSet<>(this.columns.values());
			for (Choice c : this.choices.values()) {
				fields.add(c.field());
				if (c.value() != null) {
					fields.add(c.value());
				}
			}
			return fields.size();
		}

		/**
		 * Whether the header names a household or a member (a code, a place, a name, a
		 * row key): a sheet of totals with three recognisable labels is not data.
		 */
		public boolean identifies() {
			for (Field f : List.of(Field.CODE, Field.COMMUNE, Field.VILLAGE, Field.FULL_NAME, Field.HEAD_NAME,
					Field.PARENT_KEY)) {
				if (this.columns.containsValue(f)) {
					return true;
				}
			}
			return false;
		}

		/** Whether the header gives this field, by a column or a choice. */
		public boolean gives(Field field) {
			if (this.columns.containsValue(field)) {
				return true;
			}
			for (Choice c : this.choices.values()) {
				if (c.field() == field || c.value() == field) {
					return true;
				}
			}
			return false;
		}

	}

	/** A header of one row. */
	public Header single(List<Raw> cells) {
		Map<Integer, Field> columns = new LinkedHashMap<>();
		Set<Field> taken = new HashSet<>();
		List<String> labels = new ArrayList<>(cells.size());
		for (int c = 0; c < cells.size(); c++) {
			String label = text(cells, c);
			labels.add(label);
			Field f = label.isEmpty() ? null : this.vocabulary.field(label);
			if (f != null && taken.add(f)) {
				columns.put(c, f);
			}
		}
		return new Header(columns, Map.of(), labels, 1);
	}

	/**
	 * A header of two rows: an upper cell over lower labels is their group ("Chủ hộ · Họ
	 * tên"), an upper cell over a blank reaches down.
	 */
	public Header two(List<Raw> upper, List<Raw> lower) {
		int n = Math.max(upper.size(), lower.size());
		Map<Integer, Field> columns = new LinkedHashMap<>();
		Map<Integer, Choice> choices = new LinkedHashMap<>();
		Set<Field> taken = new HashSet<>();
		List<String> labels = new ArrayList<>(n);
		String group = null;
		for (int c = 0; c < n; c++) {
			String top = text(upper, c);
			String bottom = text(lower, c);
			if (!top.isEmpty()) {
				group = bottom.isEmpty() ? null : top;
			}
			else if (bottom.isEmpty()) {
				group = null;
			}
			Field f;
			if (bottom.isEmpty()) {
				labels.add(top);
				f = top.isEmpty() ? null : this.vocabulary.field(top);
			}
			else if (group == null) {
				labels.add(bottom);
				f = this.vocabulary.field(bottom);
			}
			else {
				labels.add(group + JOIN + bottom);
				f = this.vocabulary.field(group + " " + bottom);
				if (f == null) {
					Choice choice = choice(group, bottom);
					if (choice != null) {
						choices.put(c, choice);
						continue;
					}
					f = this.vocabulary.field(bottom);
					if (f == Field.FULL_NAME && TextNormalizer.fold(group).contains("chu ho")) {
						// "Họ tên" under "Chủ hộ" (or "Thông tin chủ hộ") is the head's
						// name
						f = Field.HEAD_NAME;
					}
				}
			}
			if (f != null && taken.add(f)) {
				columns.put(c, f);
			}
		}
		return new Header(columns, choices, labels, 2);
	}

	/** A lower label that is one value of the coded field its group names. */
	private Choice choice(String group, String label) {
		Field field = this.vocabulary.field(group);
		if (field == null) {
			return null;
		}
		if (this.vocabulary.coded(field)) {
			String code = this.vocabulary.code(field, label);
			return (code == null) ? null : new Choice(field, code, null);
		}
		if (field == Field.DATE_OF_BIRTH) {
			// "Năm sinh" over "Nam | Nữ": the year (or date) written under the sex
			String sex = this.vocabulary.code(Field.SEX, label);
			return (sex == null) ? null : new Choice(Field.SEX, sex, Field.DATE_OF_BIRTH);
		}
		return null;
	}

	/**
	 * Whether a row is the lower row of a two-row header under this upper row: it has
	 * labels (no numbers or dates) only under blank upper cells or under the upper cell
	 * that starts a group, and at least one group spans more than one column.
	 */
	public static boolean lowerRow(List<Raw> upper, List<Raw> lower) {
		int n = Math.max(upper.size(), lower.size());
		boolean any = false;
		boolean span = false;
		for (int c = 0; c < n; c++) {
			String bottom = text(lower, c);
			if (bottom.isEmpty()) {
				continue;
			}
			Raw raw = lower.get(c);
			if (raw.number() || raw.date() != null || raw.formula() != null) {
				return false;
			}
			any = true;
			String top = text(upper, c);
			if (!top.isEmpty()) {
				boolean starts = c + 1 < n && text(upper, c + 1).isEmpty() && !text(lower, c + 1).isEmpty();
				if (!starts) {
					return false;
				}
				span = true;
			}
		}
		return any && span;
	}

	/**
	 * A row of column numbers under a header: "1 2 3 …" or "(1) (2) (3) …", "A B C …".
	 */
	public static boolean columnNumbers(List<Raw> cells) {
		int count = 0;
		for (Raw raw : cells) {
			String t = raw.text().trim();
			if (t.isEmpty()) {
				continue;
			}
			if (raw.date() != null || !COLUMN_NUMBER.matcher(t).matches()) {
				return false;
			}
			count++;
		}
		return count >= 3;
	}

	/**
	 * A row that starts the foot of a list: totals, the "…, ngày … tháng … năm …" line,
	 * the signers.
	 */
	public static boolean footer(List<Raw> cells) {
		for (Raw raw : cells) {
			if (!raw.blank()) {
				return FOOTER.matcher(TextNormalizer.fold(raw.text())).find();
			}
		}
		return false;
	}

	/** Non-blank cells of a row. */
	public static int filled(List<Raw> cells) {
		int n = 0;
		for (Raw raw : cells) {
			n += raw.blank() ? 0 : 1;
		}
		return n;
	}

	private static String text(List<Raw> cells, int c) {
		if (c >= cells.size()) {
			return "";
		}
		String t = Values.text(cells.get(c));
		return (t == null) ? "" : t;
	}

}
