package vn.giamngheo.registry.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.giamngheo.shared.ClockConfiguration;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.registry.Assessment;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.HouseholdQuery;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.registry.HouseholdRow;
import vn.giamngheo.registry.Member;
import vn.giamngheo.registry.MemberTransfers;
import vn.giamngheo.registry.domain.Codes;
import vn.giamngheo.shared.Page;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;

/** Pages: household lists, a household with members and history, and the edit forms. */
@Controller
public class HouseholdPageController {

	private final HouseholdRegistry registry;

	private final Geography geography;

	private final RegistryViews views;

	private final MemberTransfers transfers;

	private final YearExplanations explanations;

	private final vn.giamngheo.registry.Moves moves;

	public HouseholdPageController(HouseholdRegistry registry, Geography geography, RegistryViews views,
			MemberTransfers transfers, YearExplanations explanations, vn.giamngheo.registry.Moves moves) {
		this.moves = moves;
		this.explanations = explanations;
		this.transfers = transfers;
		this.registry = registry;
		this.geography = geography;
		this.views = views;
	}

	@GetMapping("/households")
	String list(@RequestParam(required = false) Long unit, @RequestParam(required = false) Long village,
			@RequestParam(required = false) String classification, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "code") String sort, @RequestParam(defaultValue = "false") boolean desc,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		String cls = (classification == null || classification.isBlank()) ? null : classification;
		HouseholdQuery query = new HouseholdQuery(unit, village, cls, year, q, page, 50, sort, desc);
		Page<HouseholdRow> result = this.registry.search(query);
		model.addAttribute("query", query);
		model.addAttribute("result", result);
		model.addAttribute("year",
				result.items().isEmpty() ? this.registry.yearOf(query) : result.items().get(0).year());
		model.addAttribute("classes", Codes.CLASSES);
		if (unit != null) {
			Unit u = this.geography.unit(unit);
			model.addAttribute("unit", u);
			model.addAttribute("ancestors", this.geography.ancestors(u));
			model.addAttribute("villages", u.isCommune() ? this.geography.children(u.id()) : List.of());
		}
		return (htmx != null) ? "registry/households :: results" : "registry/households";
	}

	@GetMapping("/households/{id}")
	String household(@PathVariable UUID id, Model model) {
		Household household = this.registry.household(id);
		Unit village = this.geography.unit(household.villageId());
		model.addAttribute("household", this.views.masked(household));
		List<Unit> ancestors = this.geography.ancestors(village);
		model.addAttribute("ancestors", ancestors);
		model.addAttribute("village", village);
		model.addAttribute("addresses",
				this.moves.addressHistory(household, ancestors.isEmpty() ? null : ancestors.get(0).name()));
		model.addAttribute("members", this.views.masked(household, this.registry.members(id, true)));
		List<Assessment> history = this.registry.history(id);
		model.addAttribute("history", history);
		model.addAttribute("years", this.explanations.of(household, this.registry.members(id, false), history));
		model.addAttribute("changes", this.views.maskedChanges(household, this.registry.changes(id)));
		model.addAttribute("openTransfers", this.transfers.openFor(household));
		model.addAttribute("today", LocalDate.now(ClockConfiguration.VIETNAM));
		return "registry/household";
	}

	@Requires(Permission.REGISTRY_EDIT)
	@GetMapping("/households/{id}/edit")
	String editHousehold(@PathVariable UUID id, Model model) {
		Household household = this.registry.editable(id);
		model.addAttribute("household", household);
		model.addAttribute("form", HouseholdForm.of(household));
		model.addAttribute("villages", this.geography.children(household.communeId()));
		return "registry/household-edit";
	}

	@Requires(Permission.REGISTRY_EDIT)
	@PostMapping("/households/{id}/edit")
	String saveHousehold(@PathVariable UUID id, @ModelAttribute("form") HouseholdForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.registry.update(id, form.getVersion(), form.toData());
			redirect.addFlashAttribute("saved", true);
			return "redirect:/households/" + id;
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			Household household = this.registry.household(id);
			response.setStatus(ex.code().status().value());
			model.addAttribute("household", household);
			model.addAttribute("villages", this.geography.children(household.communeId()));
			model.addAttribute("problem", ex);
			return "registry/household-edit";
		}
	}

	@Requires(Permission.REGISTRY_EDIT)
	@GetMapping("/households/{id}/members/new")
	String newMember(@PathVariable UUID id, Model model) {
		return memberForm(this.registry.editable(id), null, new MemberForm(), model);
	}

	@Requires(Permission.REGISTRY_EDIT)
	@PostMapping("/households/{id}/members/new")
	String addMember(@PathVariable UUID id, @ModelAttribute("form") MemberForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.registry.addMember(id, form.toData());
			redirect.addFlashAttribute("saved", true);
			return "redirect:/households/" + id;
		}
		catch (DomainException ex) {
			return memberFormWithProblem(id, null, form, ex, model, response);
		}
	}

	@Requires(Permission.REGISTRY_EDIT)
	@GetMapping("/households/{id}/members/{memberId}/edit")
	String editMember(@PathVariable UUID id, @PathVariable UUID memberId, Model model) {
		Household household = this.registry.editable(id);
		Member member = this.registry.members(id, false)
			.stream()
			.filter((m) -> m.id().equals(memberId))
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("MEMBER", memberId));
		return memberForm(household, member, MemberForm.of(member), model);
	}

	@Requires(Permission.REGISTRY_EDIT)
	@PostMapping("/households/{id}/members/{memberId}/edit")
	String saveMember(@PathVariable UUID id, @PathVariable UUID memberId, @ModelAttribute("form") MemberForm form,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.registry.updateMember(id, memberId, form.getVersion(), form.toData());
			redirect.addFlashAttribute("saved", true);
			return "redirect:/households/" + id;
		}
		catch (DomainException ex) {
			return memberFormWithProblem(id, memberId, form, ex, model, response);
		}
	}

	@Requires(Permission.REGISTRY_EDIT)
	@PostMapping("/households/{id}/members/{memberId}/void")
	String voidMember(@PathVariable UUID id, @PathVariable UUID memberId, @RequestParam int version,
			@RequestParam String reason, RedirectAttributes redirect) {
		try {
			this.registry.voidMember(id, memberId, version, reason);
			redirect.addFlashAttribute("saved", true);
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			redirect.addFlashAttribute("problem", ex);
		}
		return "redirect:/households/" + id;
	}

	private String memberFormWithProblem(UUID id, UUID memberId, MemberForm form, DomainException ex, Model model,
			HttpServletResponse response) {
		if (ex.refusesAccess()) {
			throw ex;
		}
		response.setStatus(ex.code().status().value());
		model.addAttribute("problem", ex);
		return memberForm(this.registry.household(id), memberId, form, model);
	}

	private String memberForm(Household household, Object member, MemberForm form, Model model) {
		model.addAttribute("household", household);
		model.addAttribute("memberId", (member instanceof Member m) ? m.id() : member);
		model.addAttribute("form", form);
		model.addAttribute("ethnicities", this.registry.ethnicities());
		model.addAttribute("relations", Codes.RELATIONS);
		model.addAttribute("educations", Codes.EDUCATION);
		model.addAttribute("employments", Codes.EMPLOYMENT);
		return "registry/member-edit";
	}

}
