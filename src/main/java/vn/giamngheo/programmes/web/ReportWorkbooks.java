package vn.giamngheo.programmes.web;

import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

import vn.giamngheo.programmes.FrameworkTable;
import vn.giamngheo.programmes.FrameworkTable.IndicatorLine;
import vn.giamngheo.programmes.Money;
import vn.giamngheo.programmes.ResultsTable;
import vn.giamngheo.programmes.ResultsTable.ChildLine;
import vn.giamngheo.programmes.ResultsTable.NodeLine;
import vn.giamngheo.programmes.ResultsTable.OutputLine;
import vn.giamngheo.programmes.ResultsTable.SourceLine;
import vn.giamngheo.shared.web.Workbooks;

/**
 * Biểu 01 and Biểu 02 as XLSX (ADR 0049): a title, the programme, the unit and year, the
 * sections with a bold header each, numbers as numbers (money in whole VND with a
 * thousands format, rates in percent with one decimal) and the notes saying which columns
 * of the form are not known.
 */
final class ReportWorkbooks {

	private static final String MONEY = "#,##0";

	private ReportWorkbooks() {
	}

	private static String t(MessageSource m, Locale l, String key, Object... args) {
		return m.getMessage(key, args, l);
	}

	private static void header(Worksheet ws, int r, List<String> texts) {
		for (int c = 0; c < texts.size(); c++) {
			ws.value(r, c, texts.get(c));
			ws.style(r, c).bold().wrapText(true).set();
		}
	}

	private static int title(Worksheet ws, MessageSource m, Locale l, String form, String programmeName, String unit,
			int year) {
		ws.value(0, 0, t(m, l, "prog.report." + form + ".title"));
		ws.style(0, 0).bold().fontSize(13).set();
		ws.value(1, 0, programmeName);
		ws.value(2, 0, t(m, l, "prog.report.unitYear", unit, String.valueOf(year)));
		return 4;
	}

	private static void section(Worksheet ws, int r, String text) {
		ws.value(r, 0, text);
		ws.style(r, 0).bold().set();
	}

	private static void money(Worksheet ws, int r, int c, Money money) {
		if (money == null) {
			return;
		}
		ws.value(r, c, money.planned());
		ws.value(r, c + 1, money.allocated());
		ws.value(r, c + 2, money.disbursed());
		ws.range(r, c, r, c + 2).style().format(MONEY).set();
		Long rate = money.ratePerMille();
		if (rate != null) {
			ws.value(r, c + 3, rate / 10.0);
			ws.style(r, c + 3).format("0.0").set();
		}
		else {
			ws.value(r, c + 3, "—");
		}
	}

	private static int notes(Worksheet ws, int r, MessageSource m, Locale l, String form) {
		section(ws, r++, t(m, l, "prog.report.notes"));
		for (String line : t(m, l, "prog.report." + form + ".notes").split("\\|")) {
			ws.value(r++, 0, line.strip());
		}
		return r;
	}

	/** Biểu 02: outputs by node, funds by node, by source and by child unit. */
	static byte[] results(ResultsTable table, MessageSource m, Locale l) {
		return Workbooks.book(t(m, l, "prog.report.results.sheet"), (ws) -> {
			int r = title(ws, m, l, "results", table.programmeName(), table.unitName(), table.year());
			ws.width(1, 50);
			section(ws, r++, t(m, l, "prog.report.results.outputs"));
			header(ws, r++,
					List.of(t(m, l, "prog.report.col.code"), t(m, l, "prog.report.col.content"),
							t(m, l, "prog.report.col.unit"), t(m, l, "prog.report.col.target"),
							t(m, l, "prog.report.col.actual"), t(m, l, "prog.report.col.ofTarget"),
							t(m, l, "prog.report.col.how")));
			for (NodeLine n : table.nodes()) {
				ws.value(r, 0, n.number());
				ws.value(r, 1, n.name());
				ws.style(r, 1).bold().set();
				r++;
				for (OutputLine o : n.outputs()) {
					ws.value(r, 1, o.name());
					ws.value(r, 2, o.unit());
					if (o.target() != null) {
						ws.value(r, 3, o.target());
					}
					if (!"NONE".equals(o.how())) {
						ws.value(r, 4, o.value());
						if (o.target() != null && o.target() > 0) {
							ws.value(r, 5, Math.round(o.value() * 1000.0 / o.target()) / 10.0);
						}
					}
					ws.value(r, 6, t(m, l, "prog.report.how." + o.how()));
					r++;
				}
			}
			r++;
			section(ws, r++, t(m, l, "prog.report.results.fundsByNode"));
			header(ws, r++, moneyHeader(m, l, "prog.report.col.code", "prog.report.col.project"));
			for (NodeLine n : table.nodes()) {
				if (n.money() != null) {
					ws.value(r, 0, n.number());
					ws.value(r, 1, n.name());
					money(ws, r++, 2, n.money());
				}
			}
			ws.value(r, 1, t(m, l, "prog.report.total"));
			ws.style(r, 1).bold().set();
			money(ws, r++, 2, table.total());
			r++;
			section(ws, r++, t(m, l, "prog.report.results.fundsBySource"));
			header(ws, r++, moneyHeader(m, l, "prog.report.col.group", "prog.report.col.source"));
			for (SourceLine s : table.sources()) {
				ws.value(r, 0, t(m, l, "prog.report.group." + s.group()));
				if (s.source() != null) {
					ws.value(r, 1, t(m, l, "prog.report.source." + s.source()));
				}
				else {
					ws.style(r, 0).bold().set();
				}
				money(ws, r++, 2, s.money());
			}
			if (!table.children().isEmpty()) {
				r++;
				section(ws, r++, t(m, l, "prog.report.results.byChild"));
				header(ws, r++, moneyHeader(m, l, "prog.report.col.no", "prog.report.col.unitName"));
				int no = 1;
				for (ChildLine c : table.children()) {
					ws.value(r, 0, no++);
					ws.value(r, 1, c.name());
					money(ws, r++, 2, c.money());
				}
			}
			if (table.pendingFunds() > 0) {
				ws.value(++r, 0, t(m, l, "prog.report.pending", String.valueOf(table.pendingFunds())));
				r++;
			}
			notes(ws, r + 1, m, l, "results");
		});
	}

	private static List<String> moneyHeader(MessageSource m, Locale l, String first, String second) {
		return List.of(t(m, l, first), t(m, l, second), t(m, l, "prog.report.col.planned"),
				t(m, l, "prog.report.col.allocated"), t(m, l, "prog.report.col.disbursed"),
				t(m, l, "prog.report.col.rate"));
	}

	/** Biểu 01: one row per indicator. */
	static byte[] framework(FrameworkTable table, MessageSource m, Locale l) {
		return Workbooks.book(t(m, l, "prog.report.framework.sheet"), (ws) -> {
			int r = title(ws, m, l, "framework", table.programmeName(), table.unitName(), table.year());
			ws.width(2, 50);
			if ("PROVISIONAL".equals(table.status())) {
				ws.value(3, 0, t(m, l, "prog.report.provisional", String.valueOf(table.year()),
						String.valueOf(table.communesDone()), String.valueOf(table.communes())));
				r++;
			}
			header(ws, r++,
					List.of(t(m, l, "prog.report.col.code"), t(m, l, "prog.report.col.project"),
							t(m, l, "prog.report.col.indicator"), t(m, l, "prog.report.col.level"),
							t(m, l, "prog.report.col.unit"), t(m, l, "prog.report.col.targetText"),
							t(m, l, "prog.report.col.baseline", String.valueOf(table.baselineYear())),
							t(m, l, "prog.report.col.actualYear", String.valueOf(table.year())),
							t(m, l, "prog.report.col.dataSource"), t(m, l, "prog.report.col.citation")));
			for (IndicatorLine i : table.lines()) {
				ws.value(r, 0, i.number());
				ws.value(r, 1, i.nodeName());
				ws.value(r, 2, i.name());
				ws.value(r, 3, t(m, l, "prog.report.level." + i.level()));
				ws.value(r, 4, i.unit());
				ws.value(r, 5, (i.target() != null) ? i.target() : "—");
				value(ws, r, 6, i.baseline());
				value(ws, r, 7, i.actual());
				ws.value(r, 8, t(m, l, "prog.report.how." + i.how()));
				ws.value(r, 9, i.source() + (i.verified() ? "" : " " + t(m, l, "prog.report.unverified")));
				r++;
			}
			notes(ws, r + 1, m, l, "framework");
		});
	}

	private static void value(Worksheet ws, int r, int c, Double v) {
		if (v != null) {
			ws.value(r, c, v);
		}
		else {
			ws.value(r, c, "—");
		}
	}

}
