package vn.giamngheo.programmes.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import vn.giamngheo.programmes.FrameworkTable;
import vn.giamngheo.programmes.ProgrammeReport;
import vn.giamngheo.programmes.ProgrammeReport.Content;
import vn.giamngheo.programmes.ProgrammeReports;
import vn.giamngheo.programmes.ResultsTable;
import vn.giamngheo.review.Letterheads;
import vn.giamngheo.review.domain.DocumentForm;
import vn.giamngheo.shared.ClockConfiguration;
import vn.giamngheo.shared.web.PdfRenderer;

/**
 * The files of the M&E reports (ADR 0049): Biểu 01 and Biểu 02 as XLSX and PDF, and a Mẫu
 * 01 version as PDF (a submitted version renders its frozen content, dated the day it was
 * submitted; a draft is marked as such). PDFs take the administrative form of Nghị định
 * 30/2020 (the committee of the unit, the number left for signing).
 */
@Component
class ReportDocuments {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ProgrammeReports reports;

	private final MessageSource messages;

	private final PdfRenderer pdf;

	private final Letterheads letterheads;

	private final Clock clock;

	ReportDocuments(ProgrammeReports reports, MessageSource messages, PdfRenderer pdf, Letterheads letterheads,
			Clock clock) {
		this.reports = reports;
		this.messages = messages;
		this.pdf = pdf;
		this.letterheads = letterheads;
		this.clock = clock;
	}

	ResponseEntity<byte[]> resultsXlsx(String code, long unit, int year, Locale locale) {
		ResultsTable t = this.reports.results(code, unit, year, locale);
		return file(XLSX, true, "bieu-02-ket-qua-" + code.toLowerCase(Locale.ROOT) + "-" + year + ".xlsx",
				ReportWorkbooks.results(t, this.messages, locale));
	}

	ResponseEntity<byte[]> frameworkXlsx(String code, long unit, int year, Locale locale) {
		FrameworkTable t = this.reports.framework(code, unit, year, locale);
		return file(XLSX, true, "bieu-01-chi-so-" + code.toLowerCase(Locale.ROOT) + "-" + year + ".xlsx",
				ReportWorkbooks.framework(t, this.messages, locale));
	}

	ResponseEntity<byte[]> resultsPdf(String code, long unit, int year, Locale locale) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("results", this.reports.results(code, unit, year, locale));
		model.put("title", this.messages.getMessage("prog.report.results.title", null, locale));
		return pdf(unit, today(), model, "bieu-02-ket-qua-" + year + ".pdf", locale);
	}

	ResponseEntity<byte[]> frameworkPdf(String code, long unit, int year, Locale locale) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("framework", this.reports.framework(code, unit, year, locale));
		model.put("title", this.messages.getMessage("prog.report.framework.title", null, locale));
		return pdf(unit, today(), model, "bieu-01-chi-so-" + year + ".pdf", locale);
	}

	ResponseEntity<byte[]> reportPdf(UUID id, Locale locale) {
		ProgrammeReport r = this.reports.get(id);
		Content c = this.reports.content(id);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("report", r);
		model.put("content", c);
		model.put("frozen", this.reports.frozen(id));
		model.put("results", c.results());
		model.put("title", this.messages.getMessage("prog.report.mau01.subject." + r.period(),
				new Object[] { c.programmeName(), String.valueOf(r.year()) }, locale));
		LocalDate date = (r.submittedAt() != null)
				? r.submittedAt().atZoneSameInstant(ClockConfiguration.VIETNAM).toLocalDate() : today();
		return pdf(r.unitId(), date, model,
				"mau-01-" + r.year() + "-" + r.period().toLowerCase(Locale.ROOT) + "-v" + r.version() + ".pdf", locale);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(ClockConfiguration.VIETNAM));
	}

	private ResponseEntity<byte[]> pdf(long unit, LocalDate date, Map<String, Object> model, String filename,
			Locale locale) {
		model.put("head", this.letterheads.committee(unit, date, DocumentForm.blankNumber("BC-UBND")));
		return file(MediaType.APPLICATION_PDF, false, filename,
				this.pdf.render("programmes/report-pdf", model, locale));
	}

	static ResponseEntity<byte[]> file(MediaType type, boolean attachment, String filename, byte[] body) {
		ContentDisposition d = (attachment ? ContentDisposition.attachment() : ContentDisposition.inline())
			.filename(filename)
			.build();
		return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, d.toString()).body(body);
	}

}
