package vn.giamngheo.imports.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.giamngheo.benefits.BulkRecord;
import vn.giamngheo.imports.domain.PartnerKind.Column;
import vn.giamngheo.shared.text.Bilingual;
import vn.giamngheo.shared.text.TextNormalizer;

/**
 * Reads a partner file (ADR 0037) row by row: finds the header row of each sheet among
 * its first rows (a sheet without one, such as the template's instructions, is passed
 * over), then turns each data row into a {@link BulkRecord} or into problems of the row,
 * by column, with the value found. Matching to the registry is not done here.
 */
public final class PartnerFileParser implements Tables.RowSink {

	/** Rows of a sheet searched for its header. */
	static final int HEADER_SEARCH = 15;

	private static final Pattern SCHOOL_YEAR = Pattern.compile("(\\d{4})\\s*[-–/]\\s*(\\d{4})");

	private static final Pattern CARD = Pattern.compile("[A-Z0-9]{10,15}");

	private final PartnerKind kind;

	private final Map<String, String> programmes;

	/** The sheet read: the first with a header row of the kind. */
	private String sheet;

	private Map<Integer, Column> header;

	private final List<BulkRecord> records = new ArrayList<>();

	private final List<Problem> problems = new ArrayList<>();

	private int rows;

	/**
	 * @param kind the kind of file
	 * @param programmes folded VBSP programme code or name → policy code (data:
	 * {@code imports/vbsp-programmes.properties})
	 */
	public PartnerFileParser(PartnerKind kind, Map<String, String> programmes) {
		this.kind = kind;
		this.programmes = programmes;
	}

	/** The rows read as records to match. */
	public List<BulkRecord> records() {
		return this.records;
	}

	/** Problems of rows (and of the file: no header row, row 0). */
	public List<Problem> problems() {
		return this.problems;
	}

	/** Data rows read. */
	public int rows() {
		return this.rows;
	}

	/** Whether a sheet had a header row of this kind of file. */
	public boolean headerFound() {
		return this.header != null;
	}

	/** The sheet read (the first with a header row of the kind), or null. */
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
		if (!sheet.equals(this.sheet) || HeaderRows.columnNumbers(cells) || HeaderRows.footer(cells)) {
			return;
		}
		this.rows++;
		Row r = new Row(sheet, row, cells, this.header);
		BulkRecord record = switch (this.kind) {
			case VBSP_LOANS -> loan(r);
			case HI_CARDS -> card(r);
			case SCHOOL -> pupil(r);
		};
		if (record != null && r.ok) {
			this.records.add(record);
		}
	}

	/** The header of a kind's file: the row naming its required columns, or null. */
	Map<Integer, Column> header(List<Raw> cells) {
		Map<Integer, Column> found = new HashMap<>();
		for (int i = 0; i < cells.size(); i++) {
			Column c = column(TextNormalizer.fold(cells.get(i).text()));
			if (c != null && !found.containsValue(c)) {
				found.put(i, c);
			}
		}
		long required = this.kind.columns().stream().filter(Column::required).count();
		long present = found.values().stream().filter(Column::required).count();
		return (present * 2 > required && found.containsValue(Column.NAME)) ? found : null;
	}

	private Column column(String folded) {
		Column best = null;
		int length = 0;
		for (Column c : this.kind.columns()) {
			for (String s : c.spellings()) {
				if (s.length() > length
						&& (folded.equals(s) || folded.startsWith(s + " ") || folded.startsWith(s + "("))) {
					best = c;
					length = s.length();
				}
			}
		}
		return best;
	}

	private BulkRecord loan(Row r) {
		String contract = r.text(Column.CONTRACT, true);
		String programme = r.text(Column.PROGRAMME, true);
		String policy = null;
		if (programme != null) {
			policy = this.programmes.get(TextNormalizer.fold(programme));
			if (policy == null) {
				r.problem(Column.PROGRAMME, programme, "imports.partner.programme");
			}
		}
		String name = r.text(Column.NAME, true);
		String cccd = r.cccd();
		String household = r.text(Column.HOUSEHOLD_CODE, false);
		r.identified(cccd, household);
		LocalDate disbursed = r.date(Column.DISBURSED, true);
		Long amount = r.amount(Column.AMOUNT, true);
		if (amount != null && amount == 0) {
			r.problem(Column.AMOUNT, "0", "imports.value.number");
		}
		Long term = r.amount(Column.TERM, true);
		if (term != null && (term < 1 || term > 600)) {
			r.problem(Column.TERM, term.toString(), "imports.partner.term");
		}
		String rate = r.text(Column.RATE, false);
		if (rate != null && decimal(rate) == null) {
			r.problem(Column.RATE, rate, "imports.partner.rate");
		}
		Long outstanding = r.amount(Column.OUTSTANDING, false);
		String status = r.text(Column.LOAN_STATUS, true);
		String ledger = (status == null) ? null : loanStatus(TextNormalizer.fold(status));
		if (status != null && ledger == null) {
			r.problem(Column.LOAN_STATUS, status, "imports.partner.loan-status");
		}
		if (!r.ok) {
			return null;
		}
		StringBuilder evidence = new StringBuilder(Bilingual.vietnamese("imports.partner.evidence.contract", contract));
		if (rate != null) {
			evidence.append(Bilingual.vietnamese("imports.partner.evidence.rate", rate));
		}
		if (outstanding != null) {
			evidence.append(Bilingual.vietnamese("imports.partner.evidence.outstanding", String.valueOf(outstanding)));
		}
		String group = r.text(Column.SAVINGS_GROUP, false);
		if (group != null) {
			evidence.append(" · Tổ TK&VV ").append(group);
		}
		String commune = r.text(Column.COMMUNE, false);
		if (commune != null) {
			evidence.append(" · xã ").append(commune);
		}
		return new BulkRecord(r.row, policy, cccd, household, name, null, contract, disbursed,
				disbursed.plusMonths(term).minusDays(1), amount, 0, 0, amount, 0, 0, ledger, disbursed, null, null,
				evidence.toString());
	}

	private BulkRecord card(Row r) {
		String card = r.text(Column.CARD, true);
		if (card != null) {
			card = card.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
			if (!CARD.matcher(card).matches()) {
				r.problem(Column.CARD, card, "imports.partner.card");
			}
		}
		String name = r.text(Column.NAME, true);
		LocalDate born = r.date(Column.DATE_OF_BIRTH, true);
		String cccd = r.cccd();
		String household = r.text(Column.HOUSEHOLD_CODE, false);
		r.identified(cccd, household);
		String group = r.text(Column.GROUP, true);
		String policy = null;
		if (group != null) {
			String g = TextNormalizer.fold(group);
			policy = g.contains("can ngheo") ? "HI_NEAR_POOR" : g.contains("ngheo") ? "HI_POOR" : null;
			if (policy == null) {
				r.problem(Column.GROUP, group, "imports.partner.group");
			}
		}
		LocalDate from = r.date(Column.VALID_FROM, true);
		LocalDate to = r.date(Column.VALID_TO, true);
		if (from != null && to != null && to.isBefore(from)) {
			r.problem(Column.VALID_TO, to.toString(), "imports.partner.valid-to");
		}
		Long central = r.amount(Column.CENTRAL, false);
		Long local = r.amount(Column.LOCAL, false);
		Long own = r.amount(Column.OWN, false);
		if (!r.ok) {
			return null;
		}
		long c = (central == null) ? 0 : central;
		long l = (local == null) ? 0 : local;
		long o = (own == null) ? 0 : own;
		return new BulkRecord(r.row, policy, cccd, household, name, born, card, from, to, c + l + o, c, l, 0, 0, o,
				"DELIVERED", from, from, to, "Thẻ BHYT " + card);
	}

	private BulkRecord pupil(Row r) {
		String name = r.text(Column.NAME, true);
		LocalDate born = r.date(Column.DATE_OF_BIRTH, true);
		String cccd = r.cccd();
		String household = r.text(Column.HOUSEHOLD_CODE, false);
		r.identified(cccd, household);
		String school = r.text(Column.SCHOOL, true);
		String level = r.text(Column.LEVEL, false);
		String year = r.text(Column.SCHOOL_YEAR, true);
		LocalDate from = null;
		if (year != null) {
			Matcher m = SCHOOL_YEAR.matcher(year);
			if (m.matches() && Integer.parseInt(m.group(2)) == Integer.parseInt(m.group(1)) + 1) {
				from = LocalDate.of(Integer.parseInt(m.group(1)), 9, 1);
			}
			else {
				r.problem(Column.SCHOOL_YEAR, year, "imports.partner.school-year");
			}
		}
		String benefit = r.text(Column.BENEFIT, true);
		String policy = null;
		if (benefit != null) {
			String b = TextNormalizer.fold(benefit);
			policy = b.contains("hoc phi") ? "TUITION_EXEMPTION"
					: b.contains("chi phi hoc tap") ? "LEARNING_SUPPORT" : null;
			if (policy == null) {
				r.problem(Column.BENEFIT, benefit, "imports.partner.benefit");
			}
		}
		Long months = r.amount(Column.MONTHS, false);
		if (months != null && (months < 1 || months > 9)) {
			r.problem(Column.MONTHS, months.toString(), "imports.partner.months");
		}
		Long amount = r.amount(Column.AMOUNT, true);
		if (!r.ok) {
			return null;
		}
		String evidence = school + ((level != null) ? " · " + level : "") + " · năm học " + from.getYear() + "–"
				+ (from.getYear() + 1) + ((months != null) ? " · " + months + " tháng" : "");
		// the partner's reference: the school and the school year (one support a pupil a
		// year; the pupil is the member)
		String ref = from.getYear() + "-" + (from.getYear() + 1) + " " + school;
		return new BulkRecord(r.row, policy, cccd, household, name, born, ref, from,
				LocalDate.of(from.getYear() + 1, 5, 31), amount, 0, amount, 0, 0, 0, "DELIVERED", from, null, null,
				evidence);
	}

	/** VBSP loan state → ledger status: in repayment or extended → delivered. */
	static String loanStatus(String folded) {
		if (folded.startsWith("qua han") || folded.startsWith("no qua han")) {
			return "OVERDUE";
		}
		if (folded.startsWith("da tra") || folded.startsWith("da tat toan") || folded.startsWith("tat toan")) {
			return "CLOSED";
		}
		if (folded.startsWith("dang vay") || folded.startsWith("gia han") || folded.startsWith("trong han")
				|| folded.startsWith("con no")) {
			return "DELIVERED";
		}
		return null;
	}

	private static BigDecimal decimal(String text) {
		try {
			return new BigDecimal(text.trim().replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * One data row being read: its cells by column, and whether it is free of problems.
	 */
	private final class Row {

		final String sheet;

		final int row;

		final Map<Column, Raw> cells = new EnumMap<>(Column.class);

		boolean ok = true;

		Row(String sheet, int row, List<Raw> cells, Map<Integer, Column> header) {
			this.sheet = sheet;
			this.row = row;
			header.forEach((i, c) -> {
				if (i < cells.size()) {
					this.cells.put(c, cells.get(i));
				}
			});
		}

		void problem(Column column, String value, String key, Object... args) {
			this.ok = false;
			PartnerFileParser.this.problems
				.add(Problem.error(this.sheet, this.row, "#" + column.labelKey(), value, key, null, args));
		}

		String text(Column column, boolean required) {
			Raw raw = this.cells.get(column);
			String text = (raw == null) ? null : TextNormalizer.blankToNull(Values.text(raw));
			if (text == null && required) {
				problem(column, null, "imports.value.required", "#" + column.labelKey());
			}
			return text;
		}

		LocalDate date(Column column, boolean required) {
			Raw raw = this.cells.get(column);
			if (raw == null || raw.blank()) {
				text(column, required);
				return null;
			}
			LocalDate d = Values.date(raw);
			if (d == null || d.getYear() < 1900 || d.getYear() > 2100) {
				problem(column, raw.text(), "imports.value.date");
				return null;
			}
			return d;
		}

		Long amount(Column column, boolean required) {
			Raw raw = this.cells.get(column);
			if (raw == null || raw.blank()) {
				text(column, required);
				return null;
			}
			Long v = Values.amount(raw);
			if (v == null || v < 0) {
				problem(column, raw.text(), "imports.value.number");
				return null;
			}
			return v;
		}

		String cccd() {
			Raw raw = this.cells.get(Column.CCCD);
			if (raw == null || raw.blank()) {
				return null;
			}
			Values.Digits d = Values.citizenId(raw);
			if (d.problem() != null) {
				problem(Column.CCCD, d.value(), d.problem(), d.value());
				return null;
			}
			if (!d.value().matches("\\d{12}")) {
				problem(Column.CCCD, d.value(), "imports.partner.cccd");
				return null;
			}
			return d.value();
		}

		/** A row names its person by citizen ID or household code. */
		void identified(String cccd, String household) {
			if (this.ok && cccd == null && household == null) {
				problem(Column.CCCD, null, "imports.partner.no-identity");
			}
		}

	}

}
