package vn.giamngheo.benefits.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
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

import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.audit.Disclosures;
import vn.giamngheo.benefits.SupportCoverage;
import vn.giamngheo.benefits.SupportCoverage.AmountLine;
import vn.giamngheo.benefits.SupportCoverage.Coverage;
import vn.giamngheo.benefits.SupportCoverage.Gap;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.review.Letterheads;
import vn.giamngheo.review.domain.DocumentForm;
import vn.giamngheo.shared.web.PageData;
import vn.giamngheo.shared.web.PdfRenderer;

/**
 * The support hub ({@code /support}): coverage of every policy for the user's unit and a
 * year; the coverage of one policy per commune with its chart; the gap worklist; and the
 * reports (coverage by commune, amounts by source and policy) as XLSX (ADR 0038).
 */
@Controller
public class SupportPageController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final SupportCoverage coverage;

	private final Geography geography;

	private final MessageSource messages;

	private final PageData pageData;

	private final Disclosures disclosures;

	private final CurrentActor actor;

	private final PdfRenderer pdf;

	private final Letterheads letterheads;

	private final Clock clock;

	public SupportPageController(SupportCoverage coverage, Geography geography, MessageSource messages,
			PageData pageData, Disclosures disclosures, CurrentActor actor, PdfRenderer pdf, Letterheads letterheads,
			Clock clock) {
		this.pdf = pdf;
		this.letterheads = letterheads;
		this.clock = clock;
		this.coverage = coverage;
		this.geography = geography;
		this.messages = messages;
		this.pageData = pageData;
		this.disclosures = disclosures;
		this.actor = actor;
	}

	private long unit(Long unit) {
		return (unit != null) ? unit : this.coverage.defaultUnit();
	}

	private int year(Integer year, long unit) {
		return (year != null) ? year : this.coverage.defaultYear(unit);
	}

	private void common(Model model, long unit, int year) {
		model.addAttribute("year", year);
		model.addAttribute("years", this.coverage.years());
		model.addAttribute("ancestors", this.geography.ancestors(this.geography.unit(unit)));
		model.addAttribute("recordedUnder", this.coverage.recordedUnder(unit, year));
	}

	@GetMapping("/support")
	String hub(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year, Model model) {
		long u = unit(unit);
		int y = year(year, u);
		List<Coverage> rows = this.coverage.overview(u, y);
		model.addAttribute("rows", rows);
		model.addAttribute("unit", this.geography.unit(u));
		model.addAttribute("status", rows.isEmpty() ? null : rows.get(0).status());
		// the oldest of the page's stored counts: the page is at least as fresh
		rows.stream()
			.min(Comparator.comparing(Coverage::computedAt))
			.ifPresent((oldest) -> model.addAttribute("stored", oldest));
		common(model, u, y);
		return "support/index";
	}

	@GetMapping("/support/coverage")
	String coverage(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
			@RequestParam String policy, Model model) {
		long u = unit(unit);
		int y = year(year, u);
		Coverage c = this.coverage.coverage(policy, u, y);
		model.addAttribute("c", c);
		common(model, u, y);
		model.addAttribute("chartData",
				this.pageData.object("communes", c.rows().stream().map((r) -> r.name()).toList(), "percent",
						c.rows().stream().map((r) -> r.counts().percent()).toList(), "withDemand",
						c.rows().stream().map((r) -> r.counts().withDemand()).toList(), "served",
						c.rows().stream().map((r) -> r.counts().servedWithDemand()).toList(), "labels",
						this.pageData.labels("support.coverage.col.withDemand", "support.coverage.col.served",
								"support.coverage.col.percent")));
		return "support/coverage";
	}

	@GetMapping("/support/gap")
	String gap(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year,
			@RequestParam String policy, @RequestParam(required = false, defaultValue = "oldest") String sort,
			Model model, Locale locale) {
		long u = unit(unit);
		int y = year(year, u);
		model.addAttribute("c", this.coverage.coverage(policy, u, y));
		model.addAttribute("gap", this.coverage.gap(policy, u, y, "newest".equals(sort), this.messages, locale));
		model.addAttribute("sort", sort);
		common(model, u, y);
		return "support/gap";
	}

	@GetMapping("/support/gap.xlsx")
	ResponseEntity<byte[]> gapXlsx(@RequestParam long unit, @RequestParam int year, @RequestParam String policy,
			@RequestParam(required = false, defaultValue = "oldest") String sort, Locale locale) {
		Coverage c = this.coverage.coverage(policy, unit, year);
		List<Gap> gap = this.coverage.gap(policy, unit, year, "newest".equals(sort), this.messages, locale);
		// names and what they asked for leave the system: an audited disclosure (ADR
		// 0017)
		Map<String, Change> changes = new LinkedHashMap<>();
		changes.put("format", new Change(null, "XLSX"));
		changes.put("policy", new Change(null, policy));
		changes.put("year", new Change(null, year));
		changes.put(Disclosures.ROWS, new Change(null, gap.size()));
		this.disclosures.record(new AuditEntry(this.actor.get().username(), Disclosures.EXPORT, "SUPPORT_GAP_LIST",
				String.valueOf(unit), null, c.unit().path(), c.unit().provinceCode(), changes, null));
		return download("danh-sach-chua-duoc-ho-tro-" + policy.toLowerCase(Locale.ROOT) + "-" + year + ".xlsx",
				SupportWorkbooks.gap(c, gap, this.messages, locale));
	}

	@GetMapping("/support/reports/coverage.xlsx")
	ResponseEntity<byte[]> coverageReport(@RequestParam long unit, @RequestParam int year, Locale locale) {
		return download("bao-cao-bao-phu-ho-tro-" + year + ".xlsx",
				SupportWorkbooks.coverage(this.coverage.overview(unit, year), this.messages, locale));
	}

	@GetMapping("/support/reports/amounts.xlsx")
	ResponseEntity<byte[]> amountsReport(@RequestParam long unit, @RequestParam int year, Locale locale) {
		return download("bao-cao-kinh-phi-ho-tro-" + year + ".xlsx", SupportWorkbooks.amounts(this.geography.unit(unit),
				year, this.coverage.amounts(unit, year), this.messages, locale));
	}

	@GetMapping("/support/reports/coverage.pdf")
	ResponseEntity<byte[]> coveragePdf(@RequestParam long unit, @RequestParam int year, Locale locale) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("coverage", this.coverage.overview(unit, year));
		return pdf(unit, year, "coverage", model, locale);
	}

	@GetMapping("/support/reports/amounts.pdf")
	ResponseEntity<byte[]> amountsPdf(@RequestParam long unit, @RequestParam int year, Locale locale) {
		List<AmountLine> amounts = this.coverage.amounts(unit, year);
		long[] totals = new long[7];
		for (AmountLine a : amounts) {
			long[] v = a.values();
			for (int i = 0; i < v.length; i++) {
				totals[i] += v[i];
			}
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("amounts", amounts);
		model.put("totals", totals);
		return pdf(unit, year, "amounts", model, locale);
	}

	/**
	 * A report in the administrative form (Nghị định 30/2020): the committee of the unit
	 * on the day it is made, the number left for signing.
	 */
	private ResponseEntity<byte[]> pdf(long unit, int year, String kind, Map<String, Object> model, Locale locale) {
		LocalDate today = LocalDate.now(this.clock);
		model.put("head", this.letterheads.committee(unit, today, DocumentForm.blankNumber("BC-UBND")));
		model.put("year", year);
		model.put("unitName", this.geography.unit(unit).name());
		model.put("title", this.messages.getMessage("support.report." + kind + ".subject",
				new Object[] { String.valueOf(year) }, locale));
		byte[] body = this.pdf.render("support/pdf/report", model, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("bao-cao-" + kind + "-" + year + ".pdf").build().toString())
			.body(body);
	}

	static ResponseEntity<byte[]> download(String filename, byte[] body) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(body);
	}

}
