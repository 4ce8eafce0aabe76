package vn.giamngheo.exits.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.giamngheo.exits.TransitionReport;
import vn.giamngheo.exits.TransitionReports;
import vn.giamngheo.exits.domain.Column;
import vn.giamngheo.review.Letterheads;
import vn.giamngheo.review.domain.DocumentForm;
import vn.giamngheo.shared.web.PdfRenderer;

/**
 * The transition reports of a unit and review year (ADR 0044): the page with its unit
 * picker and year, and the same tables as XLSX and as a PDF report in the administrative
 * form. Counts only, no names: nothing personal leaves the system.
 */
@Controller
public class TransitionPageController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final TransitionReports reports;

	private final MessageSource messages;

	private final PdfRenderer pdf;

	private final Letterheads letterheads;

	private final Clock clock;

	TransitionPageController(TransitionReports reports, MessageSource messages, PdfRenderer pdf,
			Letterheads letterheads, Clock clock) {
		this.reports = reports;
		this.messages = messages;
		this.pdf = pdf;
		this.letterheads = letterheads;
		this.clock = clock;
	}

	@GetMapping("/exits/transitions")
	String page(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year, Model model,
			Locale locale) {
		TransitionReport report = this.reports.report(unit, year, locale);
		model.addAttribute("r", report);
		model.addAttribute("columns", Column.values());
		model.addAttribute("entry", TransitionReport.ENTRY);
		model.addAttribute("notes", TransitionTexts.NOTES);
		return "exits/transitions";
	}

	@GetMapping("/exits/transitions.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
			Locale locale) {
		TransitionReport report = this.reports.report(unit, year, locale);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename(report, "xlsx")).build().toString())
			.body(TransitionWorkbook.of(report, this.messages, locale));
	}

	/**
	 * The report in the form of Nghị định 30/2020: the committee of the unit (of its
	 * commune for a village) on the day it is made, the number left for signing.
	 */
	@GetMapping("/exits/transitions.pdf")
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
			Locale locale) {
		TransitionReport report = this.reports.report(unit, year, locale);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("r", report);
		model.put("columns", Column.values());
		model.put("entry", TransitionReport.ENTRY);
		model.put("notes", TransitionTexts.NOTES);
		model.put("head", this.letterheads.committee(report.unitId(), LocalDate.now(this.clock),
				DocumentForm.blankNumber("BC-UBND")));
		byte[] body = this.pdf.render("exits/pdf/transitions", model, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(filename(report, "pdf")).build().toString())
			.body(body);
	}

	private static String filename(TransitionReport report, String extension) {
		return "dien-bien-ho-ngheo-" + report.year() + "." + extension;
	}

}
