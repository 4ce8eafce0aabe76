package vn.giamngheo.programmes.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.programmes.FrameworkTable;
import vn.giamngheo.programmes.ProgrammeReport;
import vn.giamngheo.programmes.ProgrammeReport.ChainLine;
import vn.giamngheo.programmes.ProgrammeReport.Content;
import vn.giamngheo.programmes.ProgrammeReports;
import vn.giamngheo.programmes.ResultsTable;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * The M&E reports of Circular 10/2022 as an API (ADR 0049): Biểu 01 and Biểu 02 as JSON,
 * XLSX and PDF; the Mẫu 01 versions of a unit (list, draft, edit, submit, correct, PDF)
 * and where the reports of the units under it stand.
 */
@RestController
@Tag(name = "Báo cáo giám sát, đánh giá Chương trình / Programme M&E reports")
class ReportApiController {

	private final ProgrammeReports reports;

	private final ReportDocuments documents;

	ReportApiController(ProgrammeReports reports, ReportDocuments documents) {
		this.reports = reports;
		this.documents = documents;
	}

	@GetMapping("/api/v1/programmes/{code}/reports/results")
	@Operation(summary = "Biểu 02: kết quả thực hiện Chương trình của một đơn vị và năm")
	ResultsTable results(@PathVariable String code, @RequestParam long unit, @RequestParam int year, Locale locale) {
		return this.reports.results(code, unit, year, locale);
	}

	@GetMapping("/api/v1/programmes/{code}/reports/framework")
	@Operation(summary = "Biểu 01: chỉ số, khung kết quả thực hiện Chương trình của một đơn vị và năm")
	FrameworkTable framework(@PathVariable String code, @RequestParam long unit, @RequestParam int year,
			Locale locale) {
		return this.reports.framework(code, unit, year, locale);
	}

	@GetMapping("/api/v1/programmes/{code}/reports/results.xlsx")
	@Operation(summary = "Biểu 02 dạng XLSX")
	ResponseEntity<byte[]> resultsXlsx(@PathVariable String code, @RequestParam long unit, @RequestParam int year,
			Locale locale) {
		return this.documents.resultsXlsx(code, unit, year, locale);
	}

	@GetMapping("/api/v1/programmes/{code}/reports/results.pdf")
	@Operation(summary = "Biểu 02 dạng PDF (thể thức văn bản hành chính)")
	ResponseEntity<byte[]> resultsPdf(@PathVariable String code, @RequestParam long unit, @RequestParam int year,
			Locale locale) {
		return this.documents.resultsPdf(code, unit, year, locale);
	}

	@GetMapping("/api/v1/programmes/{code}/reports/framework.xlsx")
	@Operation(summary = "Biểu 01 dạng XLSX")
	ResponseEntity<byte[]> frameworkXlsx(@PathVariable String code, @RequestParam long unit, @RequestParam int year,
			Locale locale) {
		return this.documents.frameworkXlsx(code, unit, year, locale);
	}

	@GetMapping("/api/v1/programmes/{code}/reports/framework.pdf")
	@Operation(summary = "Biểu 01 dạng PDF (thể thức văn bản hành chính)")
	ResponseEntity<byte[]> frameworkPdf(@PathVariable String code, @RequestParam long unit, @RequestParam int year,
			Locale locale) {
		return this.documents.frameworkPdf(code, unit, year, locale);
	}

	@GetMapping("/api/v1/programme-reports")
	@Operation(summary = "Các bản báo cáo giám sát (Mẫu 01) của một đơn vị trong một năm")
	List<ProgrammeReport> list(@RequestParam long unit, @RequestParam int year) {
		return this.reports.list(unit, year);
	}

	@GetMapping("/api/v1/programme-reports/chain")
	@Operation(summary = "Tình hình nộp báo cáo của các đơn vị cấp dưới (đã nộp, chưa nộp, nộp muộn)")
	List<ChainLine> chain(@RequestParam long unit, @RequestParam String programme, @RequestParam int year,
			@RequestParam String period) {
		return this.reports.chain(unit, programme, year, period);
	}

	@Requires(Permission.PROGRAMME_REPORTS)
	@PostMapping("/api/v1/programme-reports")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Lập dự thảo báo cáo giám sát 6 tháng (H1) hoặc năm (YEAR)")
	ProgrammeReport create(@RequestBody ProgrammeReports.NewReport body) {
		return this.reports.create(body);
	}

	@GetMapping("/api/v1/programme-reports/{id}")
	@Operation(summary = "Một bản báo cáo")
	ProgrammeReport get(@PathVariable UUID id) {
		return this.reports.get(id);
	}

	@GetMapping("/api/v1/programme-reports/{id}/content")
	@Operation(summary = "Nội dung báo cáo: bản đã nộp như lúc nộp, dự thảo theo số liệu hiện tại")
	Content content(@PathVariable UUID id) {
		return this.reports.content(id);
	}

	@GetMapping("/api/v1/programme-reports/{id}.pdf")
	@Operation(summary = "Báo cáo giám sát dạng PDF")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, Locale locale) {
		return this.documents.reportPdf(id, locale);
	}

	@Requires(Permission.PROGRAMME_REPORTS)
	@PutMapping("/api/v1/programme-reports/{id}")
	@Operation(summary = "Sửa phần nhận xét của dự thảo (kèm phiên bản)")
	ProgrammeReport edit(@PathVariable UUID id, @RequestBody ProgrammeReports.Edit body) {
		return this.reports.edit(id, body);
	}

	@Requires(Permission.PROGRAMME_REPORTS)
	@PostMapping("/api/v1/programme-reports/{id}/submit")
	@Operation(summary = "Nộp báo cáo: số liệu và nhận xét được giữ nguyên từ lúc nộp")
	ProgrammeReport submit(@PathVariable UUID id, @RequestBody ProgrammeReports.Submission body) {
		return this.reports.submit(id, body);
	}

	@Requires(Permission.PROGRAMME_REPORTS)
	@PostMapping("/api/v1/programme-reports/{id}/corrections")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Đính chính bản đã nộp: lập bản mới kèm lý do, bản cũ bị thay thế")
	ProgrammeReport correct(@PathVariable UUID id, @RequestBody ProgrammeReports.Correction body) {
		return this.reports.correct(id, body);
	}

}
