package vn.giamngheo.exits.web;

import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.giamngheo.exits.TransitionReport;
import vn.giamngheo.exits.TransitionReports;

/**
 * The transition reports as JSON (ADR 0044): the same tables as the page and files.
 * Columns and line kinds are codes with their meaning in the ADR; causes and shocks carry
 * their names in the reader's language.
 */
@RestController
@RequestMapping("/api/v1/transition-reports")
public class TransitionApiController {

	private final TransitionReports reports;

	TransitionApiController(TransitionReports reports) {
		this.reports = reports;
	}

	@GetMapping
	public TransitionReport get(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
			Locale locale) {
		return this.reports.report(unit, year, locale);
	}

}
