package vn.giamngheo.imports.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
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

import vn.giamngheo.imports.ImportJob;
import vn.giamngheo.imports.PartnerFiles;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * Pages of the partner files (ADR 0037): the list with the upload form (the kind and its
 * template), a job with its progress, what it would write, the rows that cannot be
 * written and why, and the commit and revert.
 */
@Controller
public class PartnerFilePageController {

	private final PartnerFiles files;

	public PartnerFilePageController(PartnerFiles files) {
		this.files = files;
	}

	@Requires(Permission.SUPPORT_RECORD)
	@GetMapping("/imports/partner")
	String list(Model model) {
		model.addAttribute("jobs", this.files.list());
		model.addAttribute("kinds", this.files.kinds());
		return "imports/partner-list";
	}

	@Requires(Permission.SUPPORT_RECORD)
	@PostMapping("/imports/partner")
	String upload(@RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
		if (file == null || file.isEmpty()) {
			this.files.allowed(kind);
			redirect.addFlashAttribute("noFile", true);
			return "redirect:/imports/partner";
		}
		try {
			ImportJob job = this.files.upload(kind, file.getOriginalFilename(), file.getInputStream());
			return "redirect:/imports/partner/" + job.id();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Requires(Permission.SUPPORT_RECORD)
	@GetMapping("/imports/partner/{id}")
	String job(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
		ImportJob job = this.files.job(id);
		model.addAttribute("job", job);
		if (!job.running()) {
			model.addAttribute("problems", this.files.problems(id, page, ImportPageController.PAGE, locale));
			model.addAttribute("page", page);
			model.addAttribute("pages",
					(job.problemCount() + ImportPageController.PAGE - 1) / ImportPageController.PAGE);
		}
		return "imports/partner-job";
	}

	@Requires(Permission.SUPPORT_RECORD)
	@GetMapping("/imports/partner/{id}/progress")
	String progress(@PathVariable UUID id, Model model, HttpServletResponse response) {
		ImportJob job = this.files.job(id);
		model.addAttribute("job", job);
		if (!job.running()) {
			response.setHeader("HX-Refresh", "true");
		}
		return "imports/partner-job :: progress";
	}

	@Requires(Permission.SUPPORT_RECORD)
	@PostMapping("/imports/partner/{id}/commit")
	String commit(@PathVariable UUID id, @RequestParam(defaultValue = "ALL") String mode) {
		this.files.commit(id, mode);
		return "redirect:/imports/partner/" + id;
	}

	@Requires(Permission.SUPPORT_RECORD)
	@PostMapping("/imports/partner/{id}/revert")
	String revert(@PathVariable UUID id) {
		this.files.revert(id);
		return "redirect:/imports/partner/" + id;
	}

	@Requires(Permission.SUPPORT_RECORD)
	@GetMapping("/imports/partner/template/{kind}")
	void template(@PathVariable String kind, Locale locale, HttpServletResponse response) throws IOException {
		this.files.allowed(kind);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"mau-" + kind.toLowerCase(Locale.ROOT).replace('_', '-') + ".xlsx\"");
		this.files.template(kind, locale, response.getOutputStream());
	}

}
