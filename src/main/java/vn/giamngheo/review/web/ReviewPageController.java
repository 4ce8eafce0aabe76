package vn.giamngheo.review.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.giamngheo.shared.ClockConfiguration;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.review.Meetings;
import vn.giamngheo.review.Meetings.MeetingInput;
import vn.giamngheo.review.Postings;
import vn.giamngheo.review.ProvinceReports;
import vn.giamngheo.review.Recognitions;
import vn.giamngheo.review.Review;
import vn.giamngheo.review.ReviewDocuments;
import vn.giamngheo.review.Reviews;
import vn.giamngheo.review.domain.SignOff;
import vn.giamngheo.review.domain.Step;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.web.PdfRenderer;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;
import vn.giamngheo.shared.web.FormProblems;
import vn.giamngheo.standards.domain.StandardCatalogue;

/**
 * Pages of the periodic review: the list and opening form, the progress board, the
 * commune page with steps 1–5 and the sign-off, the minutes, posting list and
 * certificates (HTML to print, and PDF).
 */
@Controller
class ReviewPageController {

	/** Households per page of the commune worklist. */
	static final int PAGE = 100;

	private final Reviews reviews;

	private final Meetings meetings;

	private final Postings postings;

	private final Recognitions recognitions;

	private final Geography geography;

	private final CurrentActor actor;

	private final StandardCatalogue standards;

	private final PdfRenderer pdf;

	private final ProvinceReports reports;

	private final MessageSource messages;

	private final ReviewDocuments documents;

	ReviewPageController(Reviews reviews, Meetings meetings, Postings postings, Recognitions recognitions,
			Geography geography, CurrentActor actor, PdfRenderer pdf, ProvinceReports reports, MessageSource messages,
			ReviewDocuments documents, StandardCatalogue standards) {
		this.standards = standards;
		this.documents = documents;
		this.reports = reports;
		this.messages = messages;
		this.reviews = reviews;
		this.meetings = meetings;
		this.postings = postings;
		this.recognitions = recognitions;
		this.geography = geography;
		this.actor = actor;
		this.pdf = pdf;
	}

	@GetMapping("/reviews")
	String list(Model model) {
		model.addAttribute("reviews", this.reviews.list());
		// the provinces in force first (reviews from 2025), then those of the 2024 list
		// (reviews of earlier years, ADR 0030)
		model.addAttribute("provinces",
				java.util.stream.Stream.of("2025", "2024")
					.flatMap((edition) -> this.geography.roots(edition).stream())
					.filter((p) -> this.actor.get().scope().canCapture(p.path()))
					.toList());
		model.addAttribute("thisYear", LocalDate.now(ClockConfiguration.VIETNAM).getYear());
		return "review/reviews";
	}

	@Requires(Permission.REVIEW_OPEN)
	@PostMapping("/reviews")
	String open(@RequestParam(required = false) Long provinceId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String standardKey,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate windowFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate windowTo) {
		Review review = this.reviews
			.open(new Reviews.OpenReview(provinceId, year, standardKey, windowFrom, windowTo, List.of()));
		return "redirect:/reviews/" + review.id();
	}

	@GetMapping("/reviews/{reviewId}")
	String board(@PathVariable UUID reviewId, @RequestParam(required = false) String group, Model model) {
		model.addAttribute("board", this.reviews.board(reviewId, group));
		return "review/board";
	}

	@GetMapping("/reviews/{reviewId}/communes/{communeId}")
	String commune(@PathVariable UUID reviewId, @PathVariable long communeId,
			@RequestParam(required = false) Long village, @RequestParam(required = false) String step,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Step only = null;
		if (step != null && !step.isBlank()) {
			try {
				only = Step.valueOf(step);
			}
			catch (IllegalArgumentException ex) {
				throw vn.giamngheo.shared.error.DomainException
					.invalid(List.of(new vn.giamngheo.shared.error.DomainException.FieldProblem("step",
							"error.field.invalid", step)));
			}
		}
		Reviews.CommunePage p = this.reviews.communePage(reviewId, communeId, village, only, page, PAGE);
		model.addAttribute("p", p);
		model.addAttribute("review", p.review());
		model.addAttribute("unit", p.unit());
		model.addAttribute("villages", p.villages());
		model.addAttribute("households", p.households());
		model.addAttribute("surveyed", p.surveyed());
		model.addAttribute("village", village);
		model.addAttribute("step", step);
		model.addAttribute("page", page);
		model.addAttribute("steps", Step.values());
		model.addAttribute("meetings", p.meetings());
		model.addAttribute("complaints", p.complaints());
		model.addAttribute("transitions", p.transitions());
		model.addAttribute("canApprove",
				("DISTRICT".equals(p.approver()) && this.actor.may(Permission.REVIEW_DISTRICT_APPROVAL))
						|| ("PROVINCE".equals(p.approver()) && this.actor.may(Permission.REVIEW_PROVINCE_APPROVAL)));
		model.addAttribute("signs", Reviews.PHIEU_A_SIGNS);
		model.addAttribute("classes", vn.giamngheo.review.domain.Transition.CLASSES);
		model.addAttribute("today", LocalDate.now(ClockConfiguration.VIETNAM));
		model.addAttribute("defaultPlaces", Postings.DEFAULT_PLACES);
		model.addAttribute("postingPeriod", this.postings.period());
		return "review/commune";
	}

	@GetMapping("/reviews/{reviewId}/reports/{kind}.pdf")
	ResponseEntity<byte[]> reportPdf(@PathVariable UUID reviewId, @PathVariable String kind, Locale locale) {
		ProvinceReports.ProvinceReport report = this.reports.report(reviewId, kind(kind));
		// the standard by its name in the reader's language, not its file key
		String standard = this.standards.name(report.review().standardKey(), report.review().provinceCode(),
				"en".equals(locale.getLanguage()));
		return pdf("bao-cao-" + kind + "-" + report.review().year() + ".pdf", this.pdf
			.render("review/pdf/province-report", Map.of("report", report, "standardName", standard), locale));
	}

	@GetMapping("/reviews/{reviewId}/reports/{kind}.xlsx")
	ResponseEntity<byte[]> reportXlsx(@PathVariable UUID reviewId, @PathVariable String kind, Locale locale) {
		ProvinceReports.ProvinceReport report = this.reports.report(reviewId, kind(kind));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("bao-cao-" + kind + "-" + report.review().year() + ".xlsx")
						.build()
						.toString())
			.body(ReportWorkbook.xlsx(report, this.messages, locale));
	}

	private static ProvinceReports.Kind kind(String kind) {
		return switch (kind) {
			case "preliminary" -> ProvinceReports.Kind.PRELIMINARY;
			case "official" -> ProvinceReports.Kind.OFFICIAL;
			default -> throw vn.giamngheo.shared.error.DomainException.notFound("REPORT", kind);
		};
	}

	@Requires(Permission.REVIEW_WORKLIST)
	@PostMapping("/reviews/{reviewId}/communes/{communeId}/worklist")
	String generate(@PathVariable UUID reviewId, @PathVariable long communeId,
			@RequestParam(defaultValue = "false") boolean everyone, RedirectAttributes redirect) {
		redirect.addFlashAttribute("done", this.reviews.generateWorklist(reviewId, communeId, everyone));
		return "redirect:/reviews/" + reviewId + "/communes/" + communeId;
	}

	@Requires(Permission.REVIEW_WORKLIST)
	@PostMapping("/reviews/{reviewId}/communes/{communeId}/screenings")
	String screen(@PathVariable UUID reviewId, @PathVariable long communeId, @RequestParam String householdCode,
			@RequestParam(required = false) List<String> signs, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		this.reviews.addScreened(reviewId, communeId, householdCode, signs, note);
		redirect.addFlashAttribute("done", 1);
		return "redirect:/reviews/" + reviewId + "/communes/" + communeId;
	}

	@Requires(Permission.REVIEW_WORKLIST)
	@PostMapping("/reviews/{reviewId}/communes/{communeId}/assignments")
	String assign(@PathVariable UUID reviewId, @PathVariable long communeId, @RequestParam long villageId,
			@RequestParam String reviewer, RedirectAttributes redirect) {
		redirect.addFlashAttribute("done", this.reviews.assign(reviewId, communeId, villageId, reviewer));
		return "redirect:/reviews/" + reviewId + "/communes/" + communeId;
	}

	@Requires(Permission.REVIEW_MEETING)
	@PostMapping("/reviews/{reviewId}/communes/{communeId}/meetings")
	String meeting(@PathVariable UUID reviewId, @PathVariable long communeId, @RequestParam Long villageId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) @DateTimeFormat(pattern = "H:mm",
					fallbackPatterns = "H:mm:ss") LocalTime startedAt,
			@RequestParam(required = false) @DateTimeFormat(pattern = "H:mm",
					fallbackPatterns = "H:mm:ss") LocalTime endedAt,
			@RequestParam(required = false) String chair, @RequestParam(required = false) String secretary,
			@RequestParam(required = false) Integer attendees, @RequestParam(required = false) String supervisor,
			@RequestParam(required = false) String note, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response) {
		Map<UUID, Integer> votes = new LinkedHashMap<>();
		form.forEach((k, v) -> {
			if (k.startsWith("vote.") && v != null && !v.isBlank()) {
				votes.put(UUID.fromString(k.substring(5)), parseVotes(v));
			}
		});
		try {
			var meeting = this.meetings.record(reviewId, communeId, new MeetingInput(villageId, heldOn, startedAt,
					endedAt, chair, secretary, attendees, supervisor, note, votes));
			return "redirect:/reviews/meetings/" + meeting.id();
		}
		catch (DomainException ex) {
			return refused(ex, "meeting",
					List.of("heldOn", "startedAt", "endedAt", "chair", "secretary", "attendees", "supervisor", "votes"),
					form, reviewId, communeId, villageId, model, response);
		}
	}

	/**
	 * A refused step of the commune page: the same page, the refused form with what was
	 * typed ({@code <form>Posted}) and each message next to its field
	 * ({@code <form>Problems}). A refusal of access stays an error page.
	 */
	private String refused(DomainException ex, String form, List<String> fields, Map<String, String> posted,
			UUID reviewId, long communeId, Long village, Model model, HttpServletResponse response) {
		if (ex.refusesAccess()) {
			throw ex;
		}
		String page = commune(reviewId, communeId, village, null, 0, model);
		response.setStatus(ex.code().status().value());
		model.addAttribute(form + "Problems", FormProblems.of(ex, fields));
		model.addAttribute(form + "Posted", posted);
		return page;
	}

	private static Integer parseVotes(String v) {
		try {
			return Integer.valueOf(v.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	@GetMapping("/reviews/meetings/{meetingId}")
	String minutes(@PathVariable UUID meetingId, Model model) {
		model.addAttribute("minutes", this.meetings.minutes(meetingId));
		return "review/minutes";
	}

	@GetMapping("/reviews/meetings/{meetingId}/minutes.pdf")
	ResponseEntity<byte[]> minutesPdf(@PathVariable UUID meetingId, Locale locale) {
		Meetings.Minutes minutes = this.documents.minutes(meetingId, "PDF");
		return pdf("bien-ban-hop-dan.pdf", this.pdf.render("review/pdf/minutes", Map.of("minutes", minutes), locale));
	}

	@Requires(Permission.REVIEW_POSTING)
	@PostMapping("/reviews/{reviewId}/communes/{communeId}/postings")
	String post(@PathVariable UUID reviewId, @PathVariable long communeId, @RequestParam int version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) String places, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response) {
		try {
			this.postings.post(reviewId, communeId, version, from, places);
		}
		catch (DomainException ex) {
			return refused(ex, "posting", List.of("from", "places"), form, reviewId, communeId, null, model, response);
		}
		return "redirect:/reviews/" + reviewId + "/communes/" + communeId;
	}

	@GetMapping("/reviews/{reviewId}/communes/{communeId}/posting.pdf")
	ResponseEntity<byte[]> postingPdf(@PathVariable UUID reviewId, @PathVariable long communeId, Locale locale) {
		Postings.PostingList list = this.documents.postingList(reviewId, communeId, "PDF");
		return pdf("danh-sach-niem-yet.pdf", this.pdf.render("review/pdf/posting", Map.of("list", list), locale));
	}

	@Requires(Permission.REVIEW_COMPLAINTS)
	@PostMapping("/reviews/households/{reviewHouseholdId}/complaints")
	String complain(@PathVariable UUID reviewHouseholdId, @RequestParam(required = false) String complainant,
			@RequestParam(required = false) String content, RedirectAttributes redirect) {
		var complaint = this.postings.complain(reviewHouseholdId, complainant, content);
		redirect.addFlashAttribute("tracking", complaint.trackingNo());
		return "redirect:/reviews/" + complaint.reviewId() + "/communes/" + complaint.communeId();
	}

	@Requires(Permission.REVIEW_COMPLAINTS)
	@PostMapping("/reviews/complaints/{complaintId}/answers")
	String answer(@PathVariable UUID complaintId, @RequestParam int version,
			@RequestParam(required = false) String recheckClass, @RequestParam(required = false) String answer) {
		var complaint = this.postings.answer(complaintId, version, recheckClass, answer);
		return "redirect:/reviews/" + complaint.reviewId() + "/communes/" + complaint.communeId();
	}

	@Requires(Permission.REVIEW_RECOGNITION)
	@PostMapping("/reviews/{reviewId}/communes/{communeId}/decisions")
	String recognise(@PathVariable UUID reviewId, @PathVariable long communeId, @RequestParam int version,
			@RequestParam(required = false) String decisionNo,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
			@RequestParam(required = false) String signer, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("recognised",
					this.recognitions.recognise(reviewId, communeId, version, decisionNo, decisionDate, signer));
		}
		catch (DomainException ex) {
			return refused(ex, "decision", List.of("decisionNo", "decisionDate", "signer"), form, reviewId, communeId,
					null, model, response);
		}
		return "redirect:/reviews/" + reviewId + "/communes/" + communeId;
	}

	@GetMapping("/reviews/{reviewId}/communes/{communeId}/decision.pdf")
	ResponseEntity<byte[]> decisionPdf(@PathVariable UUID reviewId, @PathVariable long communeId, Locale locale) {
		Recognitions.Decision decision = this.documents.decision(reviewId, communeId, "PDF");
		return pdf(decision.draft() ? "du-thao-quyet-dinh.pdf" : "quyet-dinh.pdf",
				this.pdf.render("review/pdf/decision", Map.of("decision", decision), locale));
	}

	@GetMapping("/reviews/{reviewId}/communes/{communeId}/certificates")
	String certificates(@PathVariable UUID reviewId, @PathVariable long communeId,
			@RequestParam(required = false) UUID household, Model model) {
		model.addAttribute("certificates", this.recognitions.certificates(reviewId, communeId, household));
		return "review/certificates";
	}

	@GetMapping("/reviews/{reviewId}/communes/{communeId}/certificates.pdf")
	ResponseEntity<byte[]> certificatesPdf(@PathVariable UUID reviewId, @PathVariable long communeId,
			@RequestParam(required = false) UUID household, Locale locale) {
		var certificates = this.documents.certificates(reviewId, communeId, household, "PDF");
		return pdf("giay-chung-nhan.pdf",
				this.pdf.render("review/pdf/certificates", Map.of("certificates", certificates), locale));
	}

	@Requires({ Permission.REVIEW_RECOGNITION, Permission.REVIEW_DISTRICT_APPROVAL,
			Permission.REVIEW_PROVINCE_APPROVAL })
	@PostMapping("/reviews/{reviewId}/communes/{communeId}/sign-offs")
	String signOff(@PathVariable UUID reviewId, @PathVariable long communeId, @RequestParam SignOff.Action action,
			@RequestParam int version, @RequestParam(required = false) String reason,
			@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
		try {
			this.reviews.signOff(reviewId, communeId, action, version, reason);
		}
		catch (DomainException ex) {
			return refused(ex, "signOff", List.of("reason"), form, reviewId, communeId, null, model, response);
		}
		return "redirect:/reviews/" + reviewId + "/communes/" + communeId;
	}

	static ResponseEntity<byte[]> pdf(String filename, byte[] body) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
			.body(body);
	}

}
