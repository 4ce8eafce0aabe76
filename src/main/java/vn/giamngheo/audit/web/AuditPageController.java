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
import vn.giamngheo.shared.error.ErrorCode;
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
	String page(@RequestParam(required = false) String user, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) String household,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Criteria criteria = criteria(user, unit, household, from, to);
		model.addAttribute("criteria", criteria);
		model.addAttribute("unit", unit);
		model.addAttribute("household", (household != null) ? household.strip() : null);
		model.addAttribute("result", this.search.search(criteria, page, 50));
		return "audit/search";
	}

	@Requires(Permission.AUDIT_READ)
	@GetMapping("/audit/export")
	void export(@RequestParam(required = false) String user, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) String household,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			HttpServletResponse response) throws IOException {
		AuditApiController.stream(this.search, criteria(user, unit, household, from, to), response);
	}

	/**
	 * The page's filter as the search takes it: the unit chosen by name (its id, from the
	 * picker) and the household by its code; nobody types an internal id (ADR 0025). An
	 * unknown unit or code is not found.
	 */
	private Criteria criteria(String user, Long unit, String household, LocalDate from, LocalDate to) {
		String unitKey = null;
		if (unit != null) {
			unitKey = this.search.unitKey(unit)
				.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "error.not-found.plain"));
		}
		UUID householdId = null;
		if (household != null && !household.isBlank()) {
			householdId = this.search.householdByCode(household)
				.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "error.not-found.plain"));
		}
		return new Criteria(user, unitKey, householdId, from, to);
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
