package vn.giamngheo.analytics.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

import vn.giamngheo.analytics.WhatIfs;
import vn.giamngheo.analytics.WhatIfs.Figures;
import vn.giamngheo.analytics.WhatIfs.View;
import vn.giamngheo.analytics.persistence.WhatIfRepository.CommuneRow;

import static vn.giamngheo.shared.ClockConfiguration.VIETNAM;

/**
 * A what-if as an XLSX workbook with headers in the user's language (Vietnamese first):
 * the figures by commune (now, under the other standard, the difference; rates as
 * percentages), then the households whose class would change with the reason. Written
 * straight to the response, rows flushed as they go.
 */
final class WhatIfWorkbook {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

	private WhatIfWorkbook() {
	}

	/**
	 * Writes the workbook of a run whose download was opened ({@link WhatIfs#export}).
	 */
	static void write(WhatIfs whatIfs, View view, OutputStream out, MessageSource messages, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		UUID id = view.run().id();
		Figures figures = whatIfs.figures(id);
		try {
			Workbook wb = new Workbook(out, "giamngheo", "1.0");
			Worksheet ws = wb.newWorksheet(text(messages, locale, "whatif.sheet.communes"));
			int[] row = { 0 };
			ws.value(0, 0, messages.getMessage("whatif.title.of",
					new Object[] { view.unitName(), english ? view.run().standardNameEn() : view.run().standardName() },
					locale));
			ws.style(0, 0).bold().set();
			ws.value(1, 0,
					messages.getMessage("whatif.ran", new Object[] {
							view.run().createdAt().atZoneSameInstant(VIETNAM).format(TIME), view.run().createdBy() },
							locale));
			List<String> header = List.of("whatif.col.commune", "whatif.col.households", "whatif.col.poorNow",
					"whatif.col.poorThen", "whatif.col.poorDiff", "whatif.col.poorRateNow", "whatif.col.poorRateThen",
					"whatif.col.nearNow", "whatif.col.nearThen", "whatif.col.nearDiff", "whatif.col.nearRateNow",
					"whatif.col.nearRateThen", "whatif.col.unclassified");
			int r = 3;
			for (int c = 0; c < header.size(); c++) {
				ws.value(r, c, text(messages, locale, header.get(c)));
				ws.style(r, c).bold().set();
			}
			for (CommuneRow line : figures.communes()) {
				figures(ws, ++r, line.name(), line);
			}
			figures(ws, ++r, text(messages, locale, "whatif.total"), figures.total());
			for (int c = 0; c < header.size(); c++) {
				ws.style(r, c).bold().set();
			}
			Worksheet changes = wb.newWorksheet(text(messages, locale, "whatif.sheet.changes"));
			List<String> columns = List.of("whatif.col.code", "whatif.col.head", "whatif.col.commune",
					"whatif.col.year", "whatif.col.classNow", "whatif.col.classThen", "whatif.col.reason");
			for (int c = 0; c < columns.size(); c++) {
				changes.value(0, c, text(messages, locale, columns.get(c)));
				changes.style(0, c).bold().set();
			}
			whatIfs.eachChange(id, (x) -> {
				int n = ++row[0];
				changes.value(n, 0, x.code());
				changes.value(n, 1, x.headName());
				changes.value(n, 2, x.commune());
				changes.value(n, 3, x.year());
				changes.value(n, 4, text(messages, locale, "whatif.class." + x.classNow()));
				changes.value(n, 5, text(messages, locale, "whatif.class." + x.classThen()));
				changes.value(n, 6, english ? x.reasonEn() : x.reason());
				if (n % 1000 == 0) {
					flush(changes);
				}
			});
			wb.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void flush(Worksheet ws) {
		try {
			ws.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void figures(Worksheet ws, int r, String name, CommuneRow f) {
		ws.value(r, 0, name);
		ws.value(r, 1, f.households());
		ws.value(r, 2, f.poorNow());
		ws.value(r, 3, f.poorThen());
		ws.value(r, 4, f.poorThen() - f.poorNow());
		rate(ws, r, 5, f.poorNow(), f.households());
		rate(ws, r, 6, f.poorThen(), f.households());
		ws.value(r, 7, f.nearPoorNow());
		ws.value(r, 8, f.nearPoorThen());
		ws.value(r, 9, f.nearPoorThen() - f.nearPoorNow());
		rate(ws, r, 10, f.nearPoorNow(), f.households());
		rate(ws, r, 11, f.nearPoorThen(), f.households());
		ws.value(r, 12, f.unclassified());
	}

	private static void rate(Worksheet ws, int r, int c, int count, int households) {
		if (households > 0) {
			ws.value(r, c, (double) count / households);
			ws.style(r, c).format("0.00%").set();
		}
	}

	private static String text(MessageSource messages, Locale locale, String key) {
		return messages.getMessage(key, null, locale);
	}

}
