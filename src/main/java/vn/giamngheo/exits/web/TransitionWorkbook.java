package vn.giamngheo.exits.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

import vn.giamngheo.exits.TransitionReport;
import vn.giamngheo.exits.TransitionReport.Cause;
import vn.giamngheo.exits.domain.CohortLine;
import vn.giamngheo.exits.domain.Column;
import vn.giamngheo.exits.domain.Dynamics.Line;

/**
 * The transition reports as one XLSX workbook (ADR 0044): a sheet per dynamics form
 * (title, unit and period, the header in three rows — group, column, "Hộ" / "Nhân khẩu" —
 * then total, urban, rural and each child unit), the causes and shocks, the cohorts, and
 * the notes saying what is inferred. Numbers are numbers.
 */
final class TransitionWorkbook {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final TransitionReport report;

	private final MessageSource messages;

	private final Locale locale;

	private TransitionWorkbook(TransitionReport report, MessageSource messages, Locale locale) {
		this.report = report;
		this.messages = messages;
		this.locale = locale;
	}

	static byte[] of(TransitionReport report, MessageSource messages, Locale locale) {
		return new TransitionWorkbook(report, messages, locale).write();
	}

	private String t(String key, Object... args) {
		return this.messages.getMessage(key, args, this.locale);
	}

	private byte[] write() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook wb = new Workbook(out, "giamngheo", "1.0");
			dynamics(wb.newWorksheet(t("exits.transition.sheet.poor")), "poor", this.report.poor());
			dynamics(wb.newWorksheet(t("exits.transition.sheet.near")), "near", this.report.nearPoor());
			causes(wb.newWorksheet(t("exits.transition.sheet.causes")));
			cohorts(wb.newWorksheet(t("exits.transition.sheet.cohorts")));
			notes(wb.newWorksheet(t("exits.transition.sheet.notes")));
			wb.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** Title, unit and period, and the provisional label; returns the next row. */
	private int head(Worksheet ws, String title) {
		ws.value(0, 0, title);
		ws.style(0, 0).bold().fontSize(13).set();
		ws.value(1, 0, t("exits.transition.unitYear", this.report.unitName(), String.valueOf(this.report.year())));
		ws.value(2, 0,
				t("exits.transition.period", String.valueOf(this.report.year() - 1), String.valueOf(this.report.year()),
						this.report.startDate().format(DAY), this.report.endDate().format(DAY)));
		if (this.report.provisional()) {
			ws.value(3, 0, t("exits.transition.provisional", String.valueOf(this.report.year())));
			ws.style(3, 0).bold().fontColor("C00000").set();
		}
		return 5;
	}

	private void bold(Worksheet ws, int r, int c, String text) {
		ws.value(r, c, text);
		ws.style(r, c).bold().wrapText(true).horizontalAlignment("center").verticalAlignment("center").set();
	}

	private void dynamics(Worksheet ws, String form, List<Line> lines) {
		int r = head(ws, t("exits.transition." + form + ".title") + " " + this.report.year());
		bold(ws, r, 0, t("exits.transition.unit"));
		ws.range(r, 0, r + 2, 0).merge();
		int c = 1;
		for (Column col : Column.values()) {
			String group = col.decrease() ? t("exits.transition.group.decrease")
					: col.increase() ? t("exits.transition.group.increase") : "";
			bold(ws, r, c, group);
			bold(ws, r + 1, c, t("exits.transition." + form + ".col." + col.name()));
			ws.range(r + 1, c, r + 1, c + 1).merge();
			bold(ws, r + 2, c, t("exits.transition.households"));
			bold(ws, r + 2, c + 1, t("exits.transition.persons"));
			ws.width(c, 11);
			ws.width(c + 1, 11);
			c += 2;
		}
		ws.range(r, 3, r, 8).merge();
		ws.range(r, 9, r, 16).merge();
		ws.rowHeight(r + 1, 48);
		ws.width(0, 28);
		r += 3;
		for (Line line : lines) {
			ws.value(r, 0, (line.name() != null) ? line.name() : t("exits.transition.line." + line.kind()));
			if (line.name() == null) {
				ws.style(r, 0).bold().set();
			}
			c = 1;
			for (Column col : Column.values()) {
				ws.value(r, c++, line.households().get(col));
				ws.value(r, c++, line.persons().get(col));
			}
			r++;
		}
	}

	private void causes(Worksheet ws) {
		int r = head(ws, t("exits.transition.causes.title", String.valueOf(this.report.year())));
		r = causeTable(ws, r, t("exits.transition.causes.col.cause"), this.report.causes());
		ws.value(r++, 0, t("exits.transition.causes.note", String.valueOf(this.report.year())));
		r++;
		ws.value(r, 0, t("exits.transition.shocks.title", String.valueOf(this.report.year() - 1),
				String.valueOf(this.report.year())));
		ws.style(r++, 0).bold().set();
		causeTable(ws, r, t("exits.transition.shocks.col.type"), this.report.shocks());
		ws.width(0, 40);
	}

	private int causeTable(Worksheet ws, int r, String first, List<Cause> rows) {
		bold(ws, r, 0, first);
		int c = 1;
		for (Column col : TransitionReport.ENTRY) {
			bold(ws, r, c, t("exits.transition.poor.col." + col.name()));
			ws.width(c++, 16);
		}
		bold(ws, r, c, t("exits.transition.col.total"));
		r++;
		ws.value(r, 0, t("exits.transition.entrants"));
		ws.style(r, 0).bold().set();
		c = 1;
		long all = 0;
		for (Column col : TransitionReport.ENTRY) {
			long v = this.report.entrants().get(col);
			all += v;
			ws.value(r, c++, v);
		}
		ws.value(r++, c, all);
		for (Cause cause : rows) {
			ws.value(r, 0, cause.name());
			c = 1;
			for (Column col : TransitionReport.ENTRY) {
				ws.value(r, c++, cause.households().get(col));
			}
			ws.value(r++, c, cause.total());
		}
		if (rows.isEmpty()) {
			ws.value(r++, 0, t("exits.transition.none"));
		}
		return r;
	}

	private void cohorts(Worksheet ws) {
		int r = head(ws, t("exits.transition.cohort.title"));
		bold(ws, r, 0, t("exits.transition.cohort.col.year"));
		bold(ws, r, 1, t("exits.transition.cohort.col.exited"));
		ws.range(r, 0, r + 1, 0).merge();
		ws.range(r, 1, r + 1, 1).merge();
		for (int k = 1; k <= 3; k++) {
			int c = 2 + (k - 1) * 3;
			bold(ws, r, c, t("exits.transition.cohort.col.after", k));
			ws.range(r, c, r, c + 2).merge();
			bold(ws, r + 1, c, t("exits.transition.cohort.col.observed"));
			bold(ws, r + 1, c + 1, t("exits.transition.cohort.col.stillOut"));
			bold(ws, r + 1, c + 2, t("exits.transition.cohort.col.share"));
		}
		r += 2;
		for (CohortLine k : this.report.cohorts()) {
			ws.value(r, 0, k.exitYear());
			ws.value(r, 1, k.exited());
			for (int i = 0; i < 3; i++) {
				int c = 2 + i * 3;
				if (!k.observable()[i]) {
					ws.value(r, c, t("exits.transition.cohort.notYet"));
					continue;
				}
				ws.value(r, c, k.observed()[i]);
				ws.value(r, c + 1, k.stillOut()[i]);
				Double share = k.share(i + 1);
				if (share != null) {
					ws.value(r, c + 2, share);
				}
				else {
					ws.value(r, c + 2, "—");
				}
			}
			r++;
		}
		if (this.report.cohorts().isEmpty()) {
			ws.value(r, 0, t("exits.transition.cohort.none"));
		}
		ws.width(0, 16);
	}

	private void notes(Worksheet ws) {
		ws.value(0, 0, t("exits.transition.notes.title"));
		ws.style(0, 0).bold().set();
		int r = 1;
		for (String key : TransitionTexts.NOTES) {
			ws.value(r, 0, t(key));
			ws.style(r++, 0).wrapText(true).set();
		}
		ws.width(0, 140);
	}

}
