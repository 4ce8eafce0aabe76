package vn.giamngheo.benefits.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.giamngheo.benefits.BenefitLedger;
import vn.giamngheo.benefits.BenefitRecord;
import vn.giamngheo.benefits.DemandInput;
import vn.giamngheo.benefits.Demands;
import vn.giamngheo.benefits.HouseholdSupport;
import vn.giamngheo.benefits.SupportDemand;
import vn.giamngheo.benefits.domain.LedgerStatus;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;
import vn.giamngheo.shared.web.FormProblems;

/**
 * Pages of the ledger and the demand: the ledger list of a unit, a record with its
 * history, the record and demand forms of a household, and the household page's support
 * panel (loaded by htmx from the registry's household page).
 */
@Controller
class LedgerPageController {

	private static final Set<String> RECORD_FIELDS = Set.of("policyCode", "memberId", "periodFrom", "periodTo",
			"amountVnd", "centralVnd", "localVnd", "creditVnd", "mobilisedVnd", "ownVnd", "status", "decisionNo",
			"decisionDate", "deliveredOn", "validFrom", "validTo", "partnerRef", "evidence", "demandId", "reason");

	private static final Set<String> DEMAND_FIELDS = Set.of("kind", "memberId", "policyCode", "purpose", "amountVnd",
			"registeredOn");

	private final BenefitLedger ledger;

	private final Demands demands;

	private final HouseholdSupport support;

	private final HouseholdRegistry registry;

	LedgerPageController(BenefitLedger ledger, Demands demands, HouseholdSupport support, HouseholdRegistry registry) {
		this.ledger = ledger;
		this.demands = demands;
		this.support = support;
		this.registry = registry;
	}

	@GetMapping("/households/{id}/support")
	String panel(@PathVariable("id") UUID householdId, Model model) {
		model.addAttribute("panel", this.support.panel(householdId));
		return "benefits/household-support :: panel";
	}

	@GetMapping("/support/records")
	String records(@RequestParam(required = false) String policy, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Long unit,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", this.ledger.list(unit, policy, status, year, null, page, 50));
		model.addAttribute("policies", this.ledger.recordablePolicies());
		model.addAttribute("statuses", LedgerStatus.values());
		model.addAttribute("policy", policy);
		model.addAttribute("status", status);
		model.addAttribute("year", year);
		model.addAttribute("unit", unit);
		return "benefits/records";
	}

	@GetMapping("/support/records/{recordId}")
	String record(@PathVariable("recordId") UUID id, Model model) {
		BenefitRecord r = this.ledger.get(id);
		model.addAttribute("r", r);
		model.addAttribute("history", this.ledger.history(id));
		model.addAttribute("next", LedgerStatus.valueOf(r.status()).next());
		return "benefits/record";
	}

	@Requires(Permission.SUPPORT_RECORD)
	@GetMapping("/households/{id}/support/new")
	String newRecord(@PathVariable("id") UUID householdId, @RequestParam(required = false) String policy,
			@RequestParam(required = false) UUID member, Model model) {
		Household household = this.ledger.recordable(householdId);
		RecordForm form = new RecordForm();
		form.setPolicyCode(policy);
		form.setMemberId((member != null) ? member.toString() : null);
		form.setStatus(LedgerStatus.DELIVERED.name());
		return recordForm(household, null, form, null, model);
	}

	@Requires(Permission.SUPPORT_RECORD)
	@PostMapping("/households/{id}/support")
	String create(@PathVariable("id") UUID householdId, @ModelAttribute RecordForm form, Model model) {
		try {
			BenefitRecord saved = this.ledger.record(form.toInput(householdId));
			return "redirect:/support/records/" + saved.id();
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			return recordForm(this.ledger.recordable(householdId), null, form, ex, model);
		}
	}

	@Requires(Permission.SUPPORT_RECORD)
	@GetMapping("/support/records/{recordId}/edit")
	String edit(@PathVariable("recordId") UUID id, Model model) {
		this.ledger.requireRecording();
		BenefitRecord r = this.ledger.get(id);
		return recordForm(this.ledger.recordable(r.householdId()), r, RecordForm.of(r), null, model);
	}

	@Requires(Permission.SUPPORT_RECORD)
	@PostMapping("/support/records/{recordId}")
	String correct(@PathVariable("recordId") UUID id, @ModelAttribute RecordForm form, Model model) {
		this.ledger.requireRecording();
		BenefitRecord r = this.ledger.get(id);
		try {
			this.ledger.correct(id, (form.getVersion() != null) ? form.getVersion() : -1, form.toInput(r.householdId()),
					form.getReason());
			return "redirect:/support/records/" + id;
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			return recordForm(this.ledger.recordable(r.householdId()), r, form, ex, model);
		}
	}

	private String recordForm(Household household, BenefitRecord record, RecordForm form, DomainException problem,
			Model model) {
		model.addAttribute("household", household);
		model.addAttribute("record", record);
		model.addAttribute("form", form);
		model.addAttribute("members", this.registry.members(household.id(), false));
		model.addAttribute("policies", this.ledger.recordablePolicies());
		model.addAttribute("statuses", LedgerStatus.INITIAL);
		model.addAttribute("demands",
				this.demands.ofHousehold(household.id()).stream().filter((d) -> "OPEN".equals(d.status())).toList());
		model.addAttribute("problems", (problem != null) ? FormProblems.of(problem, RECORD_FIELDS) : null);
		return "benefits/record-form";
	}

	@Requires(Permission.SUPPORT_RECORD)
	@PostMapping("/support/records/{recordId}/status")
	String status(@PathVariable("recordId") UUID id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String status, @RequestParam(required = false) String deliveredOn,
			@RequestParam(required = false) String reason) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate delivered = RecordForm.parseDate("deliveredOn", deliveredOn, problems);
		if (!problems.isEmpty()) {
			// who may not record support hears that first
			this.ledger.requireRecording();
			throw DomainException.invalid(problems);
		}
		this.ledger.changeStatus(id, (version != null) ? version : -1, status, delivered, reason);
		return "redirect:/support/records/" + id;
	}

	@Requires(Permission.SUPPORT_RECORD)
	@PostMapping("/support/records/{recordId}/void")
	String voidRecord(@PathVariable("recordId") UUID id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String reason) {
		this.ledger.voidRecord(id, (version != null) ? version : -1, reason);
		return "redirect:/support/records/" + id;
	}

	@Requires(Permission.SUPPORT_DEMAND)
	@GetMapping("/households/{id}/demands/new")
	String newDemand(@PathVariable("id") UUID householdId, @RequestParam(required = false) String kind, Model model) {
		return demandForm(this.demands.registrable(householdId), kind, null, null, null, null, null, null, model);
	}

	@Requires(Permission.SUPPORT_DEMAND)
	@PostMapping("/households/{id}/demands")
	String register(@PathVariable("id") UUID householdId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String memberId, @RequestParam(required = false) String policyCode,
			@RequestParam(required = false) String purpose, @RequestParam(required = false) String amountVnd,
			@RequestParam(required = false) String registeredOn, Model model) {
		try {
			List<FieldProblem> problems = new ArrayList<>();
			Long amount = RecordForm.amount("amountVnd", amountVnd, problems);
			LocalDate on = RecordForm.parseDate("registeredOn", registeredOn, problems);
			if (!problems.isEmpty()) {
				throw DomainException.invalid(problems);
			}
			this.demands.register(
					new DemandInput(householdId, RecordForm.uuid(memberId), kind, policyCode, purpose, amount, on));
			return "redirect:/households/" + householdId;
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			return demandForm(this.demands.registrable(householdId), kind, memberId, policyCode, purpose, amountVnd,
					registeredOn, ex, model);
		}
	}

	private String demandForm(Household household, String kind, String memberId, String policyCode, String purpose,
			String amountVnd, String registeredOn, DomainException problem, Model model) {
		model.addAttribute("household", household);
		model.addAttribute("members", this.registry.members(household.id(), false));
		model.addAttribute("kinds", SupportDemand.KINDS);
		model.addAttribute("policies", this.ledger.recordablePolicies());
		model.addAttribute("kind", kind);
		model.addAttribute("memberId", memberId);
		model.addAttribute("policyCode", policyCode);
		model.addAttribute("purpose", purpose);
		model.addAttribute("amountVnd", amountVnd);
		model.addAttribute("registeredOn",
				(registeredOn != null) ? registeredOn : this.ledger.today().format(RecordForm.DMY));
		model.addAttribute("problems", (problem != null) ? FormProblems.of(problem, DEMAND_FIELDS) : null);
		return "benefits/demand-form";
	}

	@Requires(Permission.SUPPORT_DEMAND)
	@PostMapping("/support/demands/{demandId}/withdrawal")
	String withdraw(@PathVariable("demandId") UUID id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String reason) {
		SupportDemand d = this.demands.withdraw(id, (version != null) ? version : -1, reason);
		return "redirect:/households/" + d.householdId();
	}

}
