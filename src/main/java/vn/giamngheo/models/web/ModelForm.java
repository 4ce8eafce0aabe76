package vn.giamngheo.models.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import vn.giamngheo.models.ModelInput;
import vn.giamngheo.models.PovertyModel;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;

/** The model form as typed: dates dd/MM/yyyy, amounts in đồng with or without dots. */
public class ModelForm {

	static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private Integer version;

	private String name;

	private String type;

	private String description;

	private String ownerUnitId;

	private String startedOn;

	private String endedOn;

	private String replicatedFrom;

	private String unitId;

	private String since;

	private Map<String, String> funding = new LinkedHashMap<>();

	static ModelForm of(PovertyModel m) {
		ModelForm f = new ModelForm();
		f.version = m.version();
		f.name = m.name();
		f.type = m.type();
		f.description = m.description();
		f.ownerUnitId = String.valueOf(m.ownerUnitId());
		f.startedOn = m.startedOn().format(DMY);
		f.endedOn = (m.endedOn() != null) ? m.endedOn().format(DMY) : null;
		f.replicatedFrom = (m.replicatedFrom() != null) ? m.replicatedFrom().toString() : null;
		for (String s : PovertyModel.SOURCES) {
			long amount = m.funding(s);
			f.funding.put(s, (amount > 0) ? String.valueOf(amount) : null);
		}
		return f;
	}

	/**
	 * What was typed as the service takes it (400 naming the fields that do not parse).
	 * @param withUnit whether the form carries a first unit (the new-model form)
	 */
	ModelInput toInput(boolean withUnit) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Long> money = new LinkedHashMap<>();
		for (String s : PovertyModel.SOURCES) {
			Long amount = amount(s.toLowerCase(Locale.ROOT) + "Vnd", this.funding.get(s), problems);
			if (amount != null) {
				money.put(s, amount);
			}
		}
		Long owner = id("ownerUnitId", this.ownerUnitId, problems);
		List<ModelInput.UnitInput> units = null;
		if (withUnit) {
			Long unit = id("unitId", this.unitId, problems);
			units = (unit == null) ? List.of()
					: List.of(new ModelInput.UnitInput(unit, date("since", this.since, problems)));
		}
		UUID from = null;
		if (this.replicatedFrom != null && !this.replicatedFrom.isBlank()) {
			try {
				from = UUID.fromString(this.replicatedFrom.strip());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("replicatedFrom", "models.source-unknown"));
			}
		}
		ModelInput in = new ModelInput(this.name, this.type, this.description, owner,
				date("startedOn", this.startedOn, problems), date("endedOn", this.endedOn, problems), from, units,
				money);
		if (!problems.isEmpty()) {
			throw DomainException.invalid(problems);
		}
		return in;
	}

	/** A day typed dd/MM/yyyy (or ISO); null when blank; a problem when unreadable. */
	static LocalDate date(String field, String text, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		for (DateTimeFormatter format : List.of(DMY, DateTimeFormatter.ISO_LOCAL_DATE)) {
			try {
				return LocalDate.parse(text.strip(), format);
			}
			catch (DateTimeParseException ex) {
				// the next format
			}
		}
		problems.add(new FieldProblem(field, "models.form.date"));
		return null;
	}

	private static Long amount(String field, String text, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String digits = text.strip().replaceAll("[.,\\s]|đ$", "");
		if (!digits.matches("[0-9]{1,15}")) {
			problems.add(new FieldProblem(field, "models.form.amount"));
			return null;
		}
		return Long.parseLong(digits);
	}

	static Long id(String field, String text, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "models.form.unit"));
			return null;
		}
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getType() {
		return this.type;
	}

	public void setType(String type) {
		this.type = type;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getOwnerUnitId() {
		return this.ownerUnitId;
	}

	public void setOwnerUnitId(String ownerUnitId) {
		this.ownerUnitId = ownerUnitId;
	}

	public String getStartedOn() {
		return this.startedOn;
	}

	public void setStartedOn(String startedOn) {
		this.startedOn = startedOn;
	}

	public String getEndedOn() {
		return this.endedOn;
	}

	public void setEndedOn(String endedOn) {
		this.endedOn = endedOn;
	}

	public String getReplicatedFrom() {
		return this.replicatedFrom;
	}

	public void setReplicatedFrom(String replicatedFrom) {
		this.replicatedFrom = replicatedFrom;
	}

	public String getUnitId() {
		return this.unitId;
	}

	public void setUnitId(String unitId) {
		this.unitId = unitId;
	}

	public String getSince() {
		return this.since;
	}

	public void setSince(String since) {
		this.since = since;
	}

	public Map<String, String> getFunding() {
		return this.funding;
	}

	public void setFunding(Map<String, String> funding) {
		this.funding = funding;
	}

}
