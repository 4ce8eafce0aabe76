package vn.giamngheo.review.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

import vn.giamngheo.review.ProvinceReports.Figures;
import vn.giamngheo.review.ProvinceReports.Line;
import vn.giamngheo.review.ProvinceReports.ProvinceReport;

/**
 * A province report as an XLSX workbook: title rows, then one row per district subtotal
 * and commune, then the total; numbers as numbers, rates as percentages with two
 * decimals.
 */
final class ReportWorkbook {

	private ReportWorkbook() {
	}

	static byte[] xlsx(ProvinceReport report, MessageSource messages, Locale locale) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook wb = new Workbook(out, "giamngheo", "1.0");
			Worksheet ws = wb.newWorksheet(text(messages, locale, "review.report.unit"));
			ws.value(0, 0,
					text(messages, locale, "review.report." + report.kind()) + " — " + report.review().provinceName());
			ws.value(1, 0,
					messages.getMessage("review.report.subtitle",
							new Object[] { String.valueOf(report.review().year()),
									String.valueOf(report.review().year() + 1), report.review().standardKey() },
							locale));
			if (report.notApproved() > 0) {
				ws.value(2, 0, messages.getMessage("review.report.notApproved", new Object[] { report.notApproved() },
						locale));
			}
			List<String> header = List.of("review.report.district", "review.report.commune", "review.report.households",
					"review.report.persons", "class.POOR", "review.report.persons.short", "review.report.rate",
					"class.NEAR_POOR", "review.report.persons.short", "review.report.rate", "review.report.exited",
					"review.report.new", "review.report.fellBack", "review.report.pending", "review.report.status");
			int r = 4;
			for (int c = 0; c < header.size(); c++) {
				ws.value(r, c, text(messages, locale, header.get(c)));
				ws.style(r, c).bold().set();
			}
			for (Line l : report.lines()) {
				r++;
				boolean district = "DISTRICT".equals(l.level());
				ws.value(r, 0, district ? l.name() : l.district());
				if (!district) {
					ws.value(r, 1, l.name());
				}
				figures(ws, r, l.figures());
				ws.value(r, 14,
						district ? text(messages, locale,
								l.approved() ? "review.signOff.APPROVED" : "review.report.districtPending")
								: text(messages, locale, "review.signOff." + l.signOff()));
				if (district) {
					for (int c = 0; c < header.size(); c++) {
						ws.style(r, c).bold().set();
					}
				}
			}
			r++;
			ws.value(r, 0, messages.getMessage(report.totalKey(), report.totalArgs(), locale));
			figures(ws, r, report.total());
			for (int c = 0; c < header.size(); c++) {
				ws.style(r, c).bold().set();
			}
			wb.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void figures(Worksheet ws, int r, Figures f) {
		ws.value(r, 2, f.households());
		ws.value(r, 3, f.persons());
		ws.value(r, 4, f.poor());
		ws.value(r, 5, f.poorPersons());
		ws.value(r, 6, f.poorRate() / 100);
		ws.style(r, 6).format("0.00%").set();
		ws.value(r, 7, f.nearPoor());
		ws.value(r, 8, f.nearPoorPersons());
		ws.value(r, 9, f.nearPoorRate() / 100);
		ws.style(r, 9).format("0.00%").set();
		ws.value(r, 10, f.exited());
		ws.value(r, 11, f.newlyListed());
		ws.value(r, 12, f.fellBack());
		ws.value(r, 13, f.pending());
	}

	private static String text(MessageSource messages, Locale locale, String key) {
		return messages.getMessage(key, null, locale);
	}

}
