package vn.giamngheo.exits.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.giamngheo.exits.EventInput;
import vn.giamngheo.exits.HouseholdEventType;
import vn.giamngheo.exits.HouseholdEvents;
import vn.giamngheo.registry.Household;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;
import vn.giamngheo.shared.web.FormDates;
import vn.giamngheo.shared.web.FormProblems;

/**
 * Pages of the household events (ADR 0041): the events of a unit (filtered by type and
 * days, paged), the form of a household, its void, and the household page's events panel
 * (loaded by htmx from the registry's household page).
 */
@Controller
class EventPageController {

	private static final Set<String> FIELDS = Set.of("eventDate", "eventType", "memberId", "eventNote");

	private final HouseholdEvents events;

	EventPageController(HouseholdEvents events) {
		this.events = events;
	}

	@GetMapping("/households/{id}/events")
	String panel(@PathVariable("id") UUID householdId, Model model) {
		model.addAttribute("household", this.events.household(householdId));
		model.addAttribute("events", this.events.ofHousehold(householdId));
		return "exits/household-events :: panel";
	}

	@GetMapping("/exits/events")
	String list(@RequestParam(required = false) Long unit, @RequestParam(required = false) String type,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate fromDay = parseDate("from", from, problems);
		LocalDate toDay = parseDate("to", to, problems);
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		model.addAttribute("result", this.events.list(unit, null, type, fromDay, toDay, page, 50));
		model.addAttribute("types", HouseholdEventType.values());
		model.addAttribute("unit", unit);
		model.addAttribute("type", type);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "exits/events";
	}

	@Requires(Permission.HOUSEHOLD_EVENTS)
	@GetMapping("/households/{id}/events/new")
	String form(@PathVariable("id") UUID householdId, Model model) {
		Household household = this.events.recordable(householdId);
		return form(household, null, null, null, null, null, model);
	}

	@Requires(Permission.HOUSEHOLD_EVENTS)
	@PostMapping("/households/{id}/events")
	String create(@PathVariable("id") UUID householdId, @RequestParam(required = false) String eventDate,
			@RequestParam(required = false) String eventType, @RequestParam(required = false) String memberId,
			@RequestParam(required = false) String eventNote, Model model) {
		Household household = this.events.recordable(householdId);
		try {
			List<FieldProblem> problems = new ArrayList<>();
			LocalDate day = parseDate("eventDate", eventDate, problems);
			UUID member = uuid("memberId", memberId, problems);
			if (!problems.isEmpty()) {
				throw DomainException.invalid(problems);
			}
			this.events.record(new EventInput(householdId, member, day, eventType, eventNote));
			return "redirect:/households/" + householdId + "#events";
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			return form(household, eventDate, eventType, memberId, eventNote, ex, model);
		}
	}

	@Requires(Permission.HOUSEHOLD_EVENTS)
	@PostMapping("/exits/events/{eventId}/void")
	String voidEvent(@PathVariable("eventId") UUID id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String reason) {
		UUID household = this.events.voidEvent(id, version, reason).householdId();
		return "redirect:/households/" + household + "#events";
	}

	private String form(Household household, String eventDate, String type, String memberId, String note,
			DomainException problem, Model model) {
		model.addAttribute("household", household);
		model.addAttribute("members", this.events.members(household.id()));
		model.addAttribute("types", HouseholdEventType.values());
		model.addAttribute("eventDate", (eventDate != null) ? eventDate : this.events.today().format(FormDates.DMY));
		model.addAttribute("eventType", type);
		model.addAttribute("memberId", memberId);
		model.addAttribute("eventNote", note);
		model.addAttribute("problems", (problem != null) ? FormProblems.of(problem, FIELDS) : null);
		return "exits/event-form";
	}

	static LocalDate parseDate(String field, String text, List<FieldProblem> problems) {
		return FormDates.parse(field, text, problems, "exits.event.date-format");
	}

	private static UUID uuid(String field, String text, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(field, "error.field.invalid", text));
			return null;
		}
	}

}
