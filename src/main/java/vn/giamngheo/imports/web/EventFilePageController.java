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

import vn.giamngheo.imports.EventFiles;
import vn.giamngheo.imports.ImportJob;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * Pages of the event files (ADR 0041): the list with the upload form and the template, a
 * job with what it would write, the rows that cannot be written and why, and the commit
 * and revert.
 */
@Controller
class EventFilePageController {

	private final EventFiles files;

	EventFilePageController(EventFiles files) {
		this.files = files;
	}

	@Requires(Permission.HOUSEHOLD_EVENTS)
	@GetMapping("/imports/events")
	String list(Model model) {
		model.addAttribute("jobs", this.files.list());
		return "imports/event-list";
	}

	@Requires(Permission.HOUSEHOLD_EVENTS)
	@PostMapping("/imports/events")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
		if (file == null || file.isEmpty()) {
			this.files.list();
			redirect.addFlashAttribute("noFile", true);
			return "redirect:/imports/events";
		}
		try {
			ImportJob job = this.files.upload(file.getOriginalFilename(), file.getInputStream());
			return "redirect:/imports/events/" + job.id();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Requires(Permission.HOUSEHOLD_EVENTS)
	@GetMapping("/imports/events/{id}")
	String job(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
		ImportJob job = this.files.job(id);
		model.addAttribute("job", job);
		model.addAttribute("problems", this.files.problems(id, page, ImportPageController.PAGE, locale));
		model.addAttribute("pages", (job.problemCount() + ImportPageController.PAGE - 1) / ImportPageController.PAGE);
		return "imports/event-job";
	}

	@Requires(Permission.HOUSEHOLD_EVENTS)
	@PostMapping("/imports/events/{id}/commit")
	String commit(@PathVariable UUID id, @RequestParam(defaultValue = "ALL") String mode) {
		this.files.commit(id, mode);
		return "redirect:/imports/events/" + id;
	}

	@Requires(Permission.HOUSEHOLD_EVENTS)
	@PostMapping("/imports/events/{id}/revert")
	String revert(@PathVariable UUID id) {
		this.files.revert(id);
		return "redirect:/imports/events/" + id;
	}

	@Requires(Permission.HOUSEHOLD_EVENTS)
	@GetMapping("/imports/events/template")
	void template(Locale locale, HttpServletResponse response) throws IOException {
		this.files.list();
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"mau-bien-co.xlsx\"");
		this.files.template(locale, response.getOutputStream());
	}

}
