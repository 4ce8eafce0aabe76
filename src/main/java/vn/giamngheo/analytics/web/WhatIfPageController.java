package vn.giamngheo.analytics.web;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.giamngheo.analytics.WhatIfs;
import vn.giamngheo.analytics.WhatIfs.View;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/**
 * Pages of the what-if: the form (unit, standard or draft file) with the recent runs, a
 * run's progress (polled by htmx while it runs) and its result, and the XLSX download.
 */
@Controller
public class WhatIfPageController {

	static final int PAGE = 200;

	private final WhatIfs whatIfs;

	private final MessageSource messages;

	public WhatIfPageController(WhatIfs whatIfs, MessageSource messages) {
		this.whatIfs = whatIfs;
		this.messages = messages;
	}

	@Requires(Permission.RUN_WHATIF)
	@GetMapping("/whatif")
	String form(@RequestParam(name = "unitId", required = false) Long unitId, Model model) {
		model.addAttribute("unitId", unitId);
		model.addAttribute("choices", this.whatIfs.choices(unitId));
		model.addAttribute("runs", this.whatIfs.recent(unitId));
		return "analytics/whatif";
	}

	@Requires(Permission.RUN_WHATIF)
	@PostMapping("/whatif")
	String start(@RequestParam(name = "unitId", required = false) Long unitId,
			@RequestParam(name = "standard", required = false) String standard,
			@RequestParam(name = "draft", required = false) MultipartFile draft) {
		UUID id = this.whatIfs.start(unitId, standard, WhatIfApiController.draft(draft)).id();
		return "redirect:/whatif/" + id;
	}

	@Requires(Permission.RUN_WHATIF)
	@GetMapping("/whatif/{id}")
	String run(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
		View view = this.whatIfs.run(id);
		model.addAttribute("view", view);
		if (view.done()) {
			model.addAttribute("figures", this.whatIfs.figures(id));
			model.addAttribute("changes", this.whatIfs.changes(id, page, PAGE));
			model.addAttribute("page", page);
			model.addAttribute("pages", (view.kept() + PAGE - 1) / PAGE);
		}
		return "analytics/whatif-run";
	}

	@Requires(Permission.RUN_WHATIF)
	@GetMapping("/whatif/{id}/progress")
	String progress(@PathVariable UUID id, Model model, HttpServletResponse response) {
		View view = this.whatIfs.run(id);
		model.addAttribute("view", view);
		if (!view.running()) {
			// the whole page shows the result now
			response.setHeader("HX-Refresh", "true");
		}
		return "analytics/whatif-run :: progress";
	}

	@Requires(Permission.RUN_WHATIF)
	@GetMapping("/whatif/{id}/workbook")
	void workbook(@PathVariable UUID id, Locale locale, HttpServletResponse response) throws IOException {
		download(this.whatIfs, id, locale, this.messages, response);
	}

	static void download(WhatIfs whatIfs, UUID id, Locale locale, MessageSource messages, HttpServletResponse response)
			throws IOException {
		// checked (scope, finished, disclosure audited) before any header is written
		View view = whatIfs.export(id, "XLSX");
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("thu-phan-loai-" + id + ".xlsx").build().toString());
		WhatIfWorkbook.write(whatIfs, view, response.getOutputStream(), messages, locale);
	}

}
