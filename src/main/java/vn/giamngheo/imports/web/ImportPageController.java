package vn.giamngheo.imports.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.giamngheo.imports.HouseholdExports;
import vn.giamngheo.imports.ImportJob;
import vn.giamngheo.imports.Imports;
import vn.giamngheo.imports.domain.Field;
import vn.giamngheo.imports.domain.ParsedFile.SheetInfo;
import vn.giamngheo.imports.domain.SheetMapping;
import vn.giamngheo.registry.domain.Codes;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * Pages: the import list with the upload form and template, a job with its progress
 * (polled by htmx while it runs), its report and actions, the column mapping step, and
 * the household export.
 */
@Controller
public class ImportPageController {

	static final int PAGE = 200;

	private final Imports imports;

	private final HouseholdExports exports;

	public ImportPageController(Imports imports, HouseholdExports exports) {
		this.imports = imports;
		this.exports = exports;
	}

	@Requires(Permission.REGISTRY_IMPORT)
	@GetMapping("/imports")
	String list(Model model) {
		model.addAttribute("jobs", this.imports.list());
		model.addAttribute("fileCommunes", this.imports.fileCommunes());
		model.addAttribute("classes", Codes.CLASSES);
		return "imports/list";
	}

	@Requires(Permission.REGISTRY_IMPORT)
	@PostMapping("/imports")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "commune", required = false) String commune, RedirectAttributes redirect) {
		if (file == null || file.isEmpty()) {
			this.imports.requireImporter();
			redirect.addFlashAttribute("noFile", true);
			return "redirect:/imports";
		}
		try {
			ImportJob job = this.imports.upload(file.getOriginalFilename(), file.getInputStream(), commune);
			return "redirect:/imports/" + job.id();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Requires(Permission.REGISTRY_IMPORT)
	@GetMapping("/imports/{id}")
	String job(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "0") int cpage, Locale locale, Model model) {
		ImportJob job = this.imports.job(id);
		model.addAttribute("job", job);
		model.addAttribute("now", this.imports.now());
		model.addAttribute("sameFile", this.imports.sameFile(job));
		if (!job.running()) {
			int errors = this.imports.problemCount(id, false);
			model.addAttribute("errors", errors);
			model.addAttribute("problems", this.imports.problems(id, false, page, PAGE, locale));
			model.addAttribute("matches", this.imports.problems(id, true, 0, PAGE, locale));
			model.addAttribute("page", page);
			model.addAttribute("pages", (errors + PAGE - 1) / PAGE);
			model.addAttribute("mappable", this.imports.sheets(id).stream().anyMatch((s) -> !s.headers().isEmpty()));
			int changes = this.imports.changeCount(id);
			model.addAttribute("changeCount", changes);
			model.addAttribute("changes", this.imports.changes(id, cpage, PAGE, locale));
			model.addAttribute("cpage", cpage);
			model.addAttribute("cpages", (changes + PAGE - 1) / PAGE);
			model.addAttribute("conflicts",
					(job.conflictCount() == 0) ? List.of() : this.imports.conflicts(id, 0, 1000, locale));
		}
		return "imports/job";
	}

	@Requires(Permission.REGISTRY_IMPORT)
	@GetMapping("/imports/{id}/progress")
	String progress(@PathVariable UUID id, Model model, HttpServletResponse response) {
		ImportJob job = this.imports.job(id);
		model.addAttribute("job", job);
		model.addAttribute("now", this.imports.now());
		if (!job.running()) {
			// the whole page shows the report now
			response.setHeader("HX-Refresh", "true");
		}
		return "imports/job :: progress";
	}

	@Requires(Permission.REGISTRY_IMPORT)
	@PostMapping("/imports/{id}/commit")
	String commit(@PathVariable UUID id, @RequestParam(defaultValue = "ALL") String mode) {
		this.imports.commit(id, mode);
		return "redirect:/imports/" + id;
	}

	@PostMapping("/imports/{id}/check")
	@Requires(Permission.REGISTRY_IMPORT)
	String check(@PathVariable UUID id) {
		this.imports.check(id);
		return "redirect:/imports/" + id;
	}

	@Requires(Permission.REGISTRY_IMPORT)
	@PostMapping("/imports/{id}/separate")
	String separate(@PathVariable UUID id, @RequestParam(name = "separate", required = false) List<String> codes) {
		this.imports.separate(id, codes);
		return "redirect:/imports/" + id;
	}

	@Requires(Permission.REGISTRY_IMPORT)
	@PostMapping("/imports/{id}/revert")
	String revert(@PathVariable UUID id, RedirectAttributes redirect) {
		this.imports.revert(id);
		redirect.addFlashAttribute("reverted", true);
		return "redirect:/imports/" + id;
	}

	@Requires(Permission.REGISTRY_IMPORT)
	@GetMapping("/imports/{id}/rejected.xlsx")
	void rejected(@PathVariable UUID id, Locale locale, HttpServletResponse response) throws IOException {
		this.imports.job(id);
		ImportDownloads.xlsx(response, "rejected-" + id + ".xlsx");
		this.imports.rejectedRows(id, locale, response.getOutputStream());
	}

	@Requires(Permission.REGISTRY_IMPORT)
	@GetMapping("/imports/template.xlsx")
	void template(Locale locale, HttpServletResponse response) throws IOException {
		this.imports.requireImporter();
		ImportDownloads.xlsx(response, "mau-nhap-ho.xlsx");
		this.imports.template(locale, response.getOutputStream());
	}

	@Requires(Permission.REGISTRY_IMPORT)
	@GetMapping("/imports/{id}/mapping")
	String mapping(@PathVariable UUID id, Locale locale, Model model) {
		model.addAttribute("job", this.imports.job(id));
		model.addAttribute("sheets", this.imports.sheets(id));
		model.addAttribute("fields", this.imports.fields(locale));
		return "imports/mapping";
	}

	/**
	 * The chosen mapping: parameters {@code row.<sheet index>} (header row) and
	 * {@code col.<sheet index>.<column>} (field name or empty).
	 */
	@Requires(Permission.REGISTRY_IMPORT)
	@PostMapping("/imports/{id}/mapping")
	String saveMapping(@PathVariable UUID id, @RequestParam Map<String, String> form) {
		List<SheetInfo> sheets = this.imports.sheets(id);
		Map<String, SheetMapping> mapping = new LinkedHashMap<>();
		for (int i = 0; i < sheets.size(); i++) {
			Map<Integer, Field> columns = new HashMap<>();
			for (int c = 0; c < sheets.get(i).headers().size(); c++) {
				String value = form.get("col." + i + "." + c);
				if (value != null && !value.isBlank()) {
					try {
						columns.put(c, Field.valueOf(value));
					}
					catch (IllegalArgumentException ex) {
						throw DomainException.invalid(List
							.of(new DomainException.FieldProblem("col." + i + "." + c, "error.field.invalid", value)));
					}
				}
			}
			if (!columns.isEmpty()) {
				int row = parse(form.get("row." + i), Math.max(1, sheets.get(i).headerRow()));
				mapping.put(sheets.get(i).name(), new SheetMapping(row, columns));
			}
		}
		this.imports.map(id, mapping);
		return "redirect:/imports/" + id;
	}

	@Requires(Permission.HOUSEHOLD_EXPORT)
	@GetMapping("/households/export")
	void export(@RequestParam(defaultValue = "xlsx") String format, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Long village, @RequestParam(required = false) String classification,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String q, Locale locale,
			HttpServletResponse response) throws IOException {
		ImportDownloads.export(this.exports, format, ImportDownloads.query(unit, village, classification, year, q),
				locale, response);
	}

	private static int parse(String s, int fallback) {
		try {
			return (s == null || s.isBlank()) ? fallback : Integer.parseInt(s.trim());
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

}
