package vn.giamngheo.benefits.web;

import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

import vn.giamngheo.benefits.SupportCoverage.AmountLine;
import vn.giamngheo.benefits.SupportCoverage.Counts;
import vn.giamngheo.benefits.SupportCoverage.Coverage;
import vn.giamngheo.benefits.SupportCoverage.Gap;
import vn.giamngheo.benefits.SupportCoverage.Row;
import vn.giamngheo.benefits.SupportPolicy;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.shared.web.Workbooks;

/**
 * The support reports as XLSX workbooks: a title row, the unit and year, a header, one
 * row per line and a total; numbers as numbers, money in whole VND, coverage in percent
 * with one decimal.
 */
final class SupportWorkbooks {

	private SupportWorkbooks() {
	}

	private static void header(Worksheet ws, int r, List<String> texts) {
		for (int c = 0; c < texts.size(); c++) {
			ws.value(r, c, texts.get(c));
			ws.style(r, c).bold().set();
		}
	}

	private static String t(MessageSource m, Locale l, String key, Object... args) {
		return m.getMessage(key, args, l);
	}

	private static void counts(Worksheet ws, int r, int c, Counts k) {
		ws.value(r, c, k.eligible());
		ws.value(r, c + 1, k.withDemand());
		ws.value(r, c + 2, k.servedWithDemand());
		ws.value(r, c + 3, k.gap());
		if (k.percent() != null) {
			ws.value(r, c + 4, k.percent());
		}
		else {
			ws.value(r, c + 4, "—");
		}
	}

	/**
	 * Coverage by commune: a block per policy, a row per commune and the policy's total.
	 */
	static byte[] coverage(List<Coverage> policies, MessageSource m, Locale l) {
		return Workbooks.book(t(m, l, "support.report.coverage.sheet"), (ws) -> {
			Unit unit = policies.isEmpty() ? null : policies.get(0).unit();
			ws.value(0, 0, t(m, l, "support.report.coverage.title"));
			ws.style(0, 0).bold().set();
			if (unit != null) {
				ws.value(1, 0, t(m, l, "support.report.unitYear", unit.name(), String.valueOf(policies.get(0).year())));
			}
			header(ws, 3,
					List.of(t(m, l, "support.col.policy"), t(m, l, "support.col.commune"),
							t(m, l, "support.coverage.col.eligible"), t(m, l, "support.coverage.col.withDemand"),
							t(m, l, "support.coverage.col.served"), t(m, l, "support.coverage.col.gap"),
							t(m, l, "support.coverage.col.percent")));
			int r = 4;
			for (Coverage c : policies) {
				String name = name(c.policy(), l);
				for (Row row : c.rows()) {
					ws.value(r, 0, name);
					ws.value(r, 1, row.name());
					counts(ws, r++, 2, row.counts());
				}
				ws.value(r, 0, name);
				ws.value(r, 1, t(m, l, "support.total"));
				ws.style(r, 1).bold().set();
				counts(ws, r++, 2, c.total());
			}
		});
	}

	/** Amounts delivered in the year by policy and by source, with a total row. */
	static byte[] amounts(Unit unit, int year, List<AmountLine> rows, MessageSource m, Locale l) {
		return Workbooks.book(t(m, l, "support.report.amounts.sheet"), (ws) -> {
			ws.value(0, 0, t(m, l, "support.report.amounts.title"));
			ws.style(0, 0).bold().set();
			ws.value(1, 0, t(m, l, "support.report.unitYear", unit.name(), String.valueOf(year)));
			header(ws, 3,
					List.of(t(m, l, "support.col.policy"), t(m, l, "support.amounts.col.records"),
							t(m, l, "support.amounts.col.amount"), t(m, l, "support.amounts.col.central"),
							t(m, l, "support.amounts.col.local"), t(m, l, "support.amounts.col.credit"),
							t(m, l, "support.amounts.col.mobilised"), t(m, l, "support.amounts.col.own")));
			int r = 4;
			long[] total = new long[7];
			for (AmountLine a : rows) {
				ws.value(r, 0, name(a.policy(), l));
				long[] v = a.values();
				for (int i = 0; i < v.length; i++) {
					ws.value(r, i + 1, v[i]);
					total[i] += v[i];
				}
				r++;
			}
			ws.value(r, 0, t(m, l, "support.total"));
			ws.style(r, 0).bold().set();
			for (int i = 0; i < total.length; i++) {
				ws.value(r, i + 1, total[i]);
			}
		});
	}

	/** The gap worklist of a policy: who asked and was not served, with why eligible. */
	static byte[] gap(Coverage c, List<Gap> gap, MessageSource m, Locale l) {
		return Workbooks.book(t(m, l, "support.gap.sheet"), (ws) -> {
			ws.value(0, 0, t(m, l, "support.gap.title") + " — " + name(c.policy(), l));
			ws.style(0, 0).bold().set();
			ws.value(1, 0, t(m, l, "support.report.unitYear", c.unit().name(), String.valueOf(c.year())));
			header(ws, 3,
					List.of(t(m, l, "support.gap.col.household"), t(m, l, "support.gap.col.head"),
							t(m, l, "support.gap.col.member"), t(m, l, "support.gap.col.village"),
							t(m, l, "support.gap.col.demandOn"), t(m, l, "support.gap.col.need"),
							t(m, l, "support.gap.col.purpose"), t(m, l, "support.gap.col.amount"),
							t(m, l, "support.gap.col.reasons")));
			int r = 4;
			for (Gap g : gap) {
				var row = g.row();
				ws.value(r, 0, row.householdCode());
				ws.value(r, 1, row.headName());
				ws.value(r, 2, row.memberName());
				ws.value(r, 3, row.village());
				if (row.demandOn() != null) {
					ws.value(r, 4, row.demandOn().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
				}
				if (row.demandKind() != null) {
					ws.value(r, 5, SupportWorkbooks.need(m, l, row.demandKind()));
				}
				ws.value(r, 6, row.purpose());
				if (row.amountVnd() != null) {
					ws.value(r, 7, row.amountVnd());
				}
				ws.value(r, 8, String.join("; ", g.reasons()));
				r++;
			}
		});
	}

	/** A demand kind in words (Phiếu C needs from the review bundle; EXIT_PLAN here). */
	static String need(MessageSource m, Locale l, String kind) {
		String key = "EXIT_PLAN".equals(kind) ? "support.need.EXIT_PLAN" : "review.need." + kind;
		return m.getMessage(key, null, kind, l);
	}

	/** A policy's name in the reader's language. */
	static String name(SupportPolicy p, Locale l) {
		return ("en".equals(l.getLanguage()) && p.nameEn() != null) ? p.nameEn() : p.name();
	}

}
