package vn.giamngheo.audit.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import vn.giamngheo.audit.AuditSearch;
import vn.giamngheo.audit.AuditSearch.Criteria;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/** The audit trail search page (auditor, system administrator) and its CSV export. */
@Controller
public class AuditPageController {

	private final AuditSearch search;

	AuditPageController(AuditSearch search) {
		this.search = search;
	}

	@Requires(Permission.AUDIT_READ)
	@GetMapping("/audit")
	String page(@RequestParam(required = false) String user, @RequestParam(required = false) String unit,
			@RequestParam(required = false) UUID household,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("criteria", new Criteria(user, unit, household, from, to));
		model.addAttribute("result", this.search.search(new Criteria(user, unit, household, from, to), page, 50));
		return "audit/search";
	}

	@Requires(Permission.AUDIT_READ)
	@GetMapping("/audit/export")
	void export(@RequestParam(required = false) String user, @RequestParam(required = false) String unit,
			@RequestParam(required = false) UUID household,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		AuditApiController.stream(this.search, new Criteria(user, unit, household, from, to), response);
	}

	@ExceptionHandler(DomainException.class)
	void refused(DomainException ex, HttpServletResponse response) throws IOException {
		response.sendError(ex.code().status().value());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	void badInput(HttpServletResponse response) throws IOException {
		response.sendError(400);
	}

}
