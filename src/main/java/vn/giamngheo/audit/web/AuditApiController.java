package vn.giamngheo.audit.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.audit.AuditSearch;
import vn.giamngheo.audit.AuditSearch.Criteria;
import vn.giamngheo.audit.AuditSearch.Page;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * The audit trail, read-only: search ({@code user}, {@code unit}, {@code household},
 * {@code from}, {@code to}) and CSV export. There is no endpoint that changes an event.
 */
@RestController
@RequestMapping("/api/v1/audit-events")
class AuditApiController {

	private final AuditSearch search;

	AuditApiController(AuditSearch search) {
		this.search = search;
	}

	@Requires(Permission.AUDIT_READ)
	@GetMapping
	Page search(@RequestParam(required = false) String user, @RequestParam(required = false) String unit,
			@RequestParam(required = false) UUID household,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.search.search(new Criteria(user, unit, household, from, to), page, size);
	}

	/** Streams the matching events as CSV, one row per changed field. */
	@Requires(Permission.AUDIT_READ)
	@GetMapping(path = "/export", produces = "text/csv")
	void export(@RequestParam(required = false) String user, @RequestParam(required = false) String unit,
			@RequestParam(required = false) UUID household,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		stream(this.search, new Criteria(user, unit, household, from, to), response);
	}

	static void stream(AuditSearch search, Criteria criteria, HttpServletResponse response) throws IOException {
		// Checks scope and role, and records the export, before the first byte is
		// written.
		search.search(criteria, 0, 1);
		search.recordExport(criteria);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"audit-events.csv\"");
		BufferedWriter out = new BufferedWriter(
				new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		search.exportCsv(criteria, out);
		out.flush();
	}

}
