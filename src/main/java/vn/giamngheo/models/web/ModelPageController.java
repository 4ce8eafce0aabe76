package vn.giamngheo.models.web;

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

import vn.giamngheo.models.ModelInput;
import vn.giamngheo.models.PovertyModel;
import vn.giamngheo.models.PovertyModels;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.scope.Requires;
import vn.giamngheo.shared.web.FormProblems;

/**
 * Pages of the models: the list, a model with its participants, outcome and copies, the
 * form, the map by unit, the unit dashboard's card and the household page's fragment.
 */
@Controller
class ModelPageController {

	private static final Set<String> FORM_FIELDS = Set.of("name", "type", "description", "ownerUnitId", "startedOn",
			"endedOn", "replicatedFrom", "unitId", "since", "centralVnd", "localVnd", "creditVnd", "mobilisedVnd",
			"ownVnd", "units");

	private static final Set<String> ACTION_FIELDS = Set.of("household", "joinedOn", "leftOn", "unitId", "since",
			"units", "reason");

	private final PovertyModels models;

	ModelPageController(PovertyModels models) {
		this.models = models;
	}

	@GetMapping("/models")
	String list(@RequestParam(required = false) Long unit, @RequestParam(required = false) String type,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", this.models.list(unit, type, page, 50));
		model.addAttribute("types", PovertyModel.TYPES);
		model.addAttribute("unit", unit);
		model.addAttribute("type", type);
		return "models/list";
	}

	@GetMapping("/models/{modelId}")
	String show(@PathVariable("modelId") UUID id, Model model) {
		return page(id, null, model);
	}

	private String page(UUID id, DomainException problem, Model model) {
		model.addAttribute("v", this.models.view(id));
		model.addAttribute("today", this.models.today().format(ModelForm.DMY));
		model.addAttribute("problems", (problem != null) ? FormProblems.of(problem, ACTION_FIELDS) : null);
		return "models/model";
	}

	@GetMapping("/models/map")
	String map(@RequestParam long unit, Model model) {
		model.addAttribute("map", this.models.map(unit));
		return "models/map";
	}

	@GetMapping("/models/panel")
	String panel(@RequestParam long unit, Model model) {
		model.addAttribute("panel", this.models.panel(unit));
		return "models/fragments :: panel";
	}

	@GetMapping("/households/{id}/models")
	String household(@PathVariable("id") UUID householdId, Model model) {
		model.addAttribute("hm", this.models.ofHousehold(householdId));
		return "models/fragments :: household";
	}

	@Requires(Permission.POVERTY_MODELS)
	@GetMapping("/models/new")
	String newModel(@RequestParam(required = false) Long unit, Model model) {
		this.models.requireManaging();
		ModelForm form = new ModelForm();
		form.setOwnerUnitId((unit != null) ? unit.toString() : null);
		form.setStartedOn(this.models.today().format(ModelForm.DMY));
		return form(null, form, null, model);
	}

	@Requires(Permission.POVERTY_MODELS)
	@PostMapping("/models")
	String create(@ModelAttribute ModelForm form, Model model) {
		try {
			return "redirect:/models/" + this.models.create(form.toInput(true)).id();
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			this.models.requireManaging();
			return form(null, form, ex, model);
		}
	}

	@Requires(Permission.POVERTY_MODELS)
	@GetMapping("/models/{modelId}/edit")
	String edit(@PathVariable("modelId") UUID id, Model model) {
		PovertyModel m = this.models.editable(id);
		return form(m, ModelForm.of(m), null, model);
	}

	@Requires(Permission.POVERTY_MODELS)
	@PostMapping("/models/{modelId}")
	String update(@PathVariable("modelId") UUID id, @ModelAttribute ModelForm form, Model model) {
		PovertyModel m = this.models.editable(id);
		try {
			this.models.update(id, (form.getVersion() != null) ? form.getVersion() : -1, form.toInput(false));
			return "redirect:/models/" + id;
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			return form(m, form, ex, model);
		}
	}

	private String form(PovertyModel m, ModelForm form, DomainException problem, Model model) {
		model.addAttribute("m", m);
		model.addAttribute("form", form);
		model.addAttribute("types", PovertyModel.TYPES);
		model.addAttribute("sources", PovertyModel.SOURCES);
		model.addAttribute("choices",
				this.models.choices().stream().filter((c) -> m == null || !c.id().equals(m.id())).toList());
		model.addAttribute("problems", (problem != null) ? FormProblems.of(problem, FORM_FIELDS) : null);
		return "models/form";
	}

	@Requires(Permission.POVERTY_MODELS)
	@PostMapping("/models/{modelId}/void")
	String voidModel(@PathVariable("modelId") UUID id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String reason) {
		this.models.voidModel(id, (version != null) ? version : -1, reason);
		return "redirect:/models/" + id;
	}

	@Requires(Permission.POVERTY_MODELS)
	@PostMapping("/models/{modelId}/units")
	String addUnit(@PathVariable("modelId") UUID id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String unitId, @RequestParam(required = false) String since, Model model) {
		PovertyModel m = this.models.editable(id);
		try {
			List<FieldProblem> problems = new ArrayList<>();
			Long unit = ModelForm.id("unitId", unitId, problems);
			LocalDate day = ModelForm.date("since", since, problems);
			if (unit == null && problems.isEmpty()) {
				problems.add(new FieldProblem("unitId", "error.field.required"));
			}
			if (!problems.isEmpty()) {
				throw DomainException.invalid(problems);
			}
			List<ModelInput.UnitInput> units = new ArrayList<>(unitsOf(m));
			units.add(new ModelInput.UnitInput(unit, day));
			this.models.setUnits(id, (version != null) ? version : -1, units);
			return "redirect:/models/" + id;
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			return page(id, ex, model);
		}
	}

	@Requires(Permission.POVERTY_MODELS)
	@PostMapping("/models/{modelId}/units/{unitId}/removal")
	String removeUnit(@PathVariable("modelId") UUID id, @PathVariable("unitId") long unitId,
			@RequestParam(required = false) Integer version, Model model) {
		PovertyModel m = this.models.editable(id);
		try {
			this.models.setUnits(id, (version != null) ? version : -1,
					unitsOf(m).stream().filter((u) -> u.unitId() != unitId).toList());
			return "redirect:/models/" + id;
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			return page(id, ex, model);
		}
	}

	private static List<ModelInput.UnitInput> unitsOf(PovertyModel m) {
		return m.units().stream().map((u) -> new ModelInput.UnitInput(u.unitId(), u.since())).toList();
	}

	@Requires(Permission.POVERTY_MODELS)
	@PostMapping("/models/{modelId}/participants")
	String join(@PathVariable("modelId") UUID id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String household, @RequestParam(required = false) String joinedOn,
			Model model) {
		this.models.requireManaging();
		try {
			List<FieldProblem> problems = new ArrayList<>();
			LocalDate day = ModelForm.date("joinedOn", joinedOn, problems);
			if (!problems.isEmpty()) {
				throw DomainException.invalid(problems);
			}
			this.models.addParticipant(id, (version != null) ? version : -1, null, household, day, null);
			return "redirect:/models/" + id + "#participants";
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			return page(id, ex, model);
		}
	}

	@Requires(Permission.POVERTY_MODELS)
	@PostMapping("/models/{modelId}/participants/{householdId}/leaving")
	String leave(@PathVariable("modelId") UUID id, @PathVariable("householdId") UUID householdId,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String leftOn,
			Model model) {
		this.models.requireManaging();
		try {
			List<FieldProblem> problems = new ArrayList<>();
			LocalDate day = ModelForm.date("leftOn", leftOn, problems);
			if (day == null && problems.isEmpty()) {
				problems.add(new FieldProblem("leftOn", "error.field.required"));
			}
			if (!problems.isEmpty()) {
				throw DomainException.invalid(problems);
			}
			this.models.changeParticipant(id, (version != null) ? version : -1, householdId, null, day);
			return "redirect:/models/" + id + "#participants";
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			return page(id, ex, model);
		}
	}

}
