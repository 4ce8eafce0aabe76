package vn.giamngheo.programmes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.programmes.domain.Amounts;
import vn.giamngheo.programmes.domain.FundRules;
import vn.giamngheo.programmes.domain.NodeNumbers;
import vn.giamngheo.programmes.domain.Sources;
import vn.giamngheo.programmes.persistence.FundRepository;
import vn.giamngheo.programmes.persistence.FundRepository.Sum;
import vn.giamngheo.programmes.persistence.FundRepository.Table;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.web.WebConfiguration;

/**
 * Plans and funds by source of a unit, year and project: entered with validation,
 * approved by a second person, rolled up from commune to province (ADR 0048). Each level
 * enters the money it manages itself; a unit's figures are the approved rows at and under
 * its path. Output targets (PLAN) and outputs that cannot be counted (ACTUAL) are entered
 * and approved the same way. Reads need the view scope of the unit, writes the role and
 * the capture scope; every change is audited.
 */
@Service
public class ProgrammeFunds {

	private static final String FUND = "PROGRAMME_FUND";

	private static final String OUTPUT = "PROGRAMME_OUTPUT";

	private final FundRepository repository;

	private final ProgrammeCatalogue catalogue;

	private final Geography geography;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	public ProgrammeFunds(FundRepository repository, ProgrammeCatalogue catalogue, Geography geography,
			CurrentActor actor, AuditTrail audit, Clock clock) {
		this.repository = repository;
		this.catalogue = catalogue;
		this.geography = geography;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
	}

	// ------------------------------------------------------------------ reads

	/** A unit the user may read (404 otherwise). */
	Unit readable(long unitId) {
		Unit unit = this.geography.unit(unitId);
		this.actor.requireView(unit.path());
		return unit;
	}

	/**
	 * The unit's own fund rows of a year (not those of units under it). Needs the view
	 * scope.
	 * @param unitId the unit
	 * @param year the year
	 * @return its rows, programme rows first
	 */
	@Transactional(readOnly = true)
	public List<FundLine> lines(long unitId, int year) {
		return this.repository.funds(readable(unitId).id(), year);
	}

	/**
	 * The unit's own output rows (targets and entered outputs) of a year. Needs the view
	 * scope.
	 * @param unitId the unit
	 * @param year the year
	 * @return its rows
	 */
	@Transactional(readOnly = true)
	public List<OutputLine> outputLines(long unitId, int year) {
		return this.repository.outputs(readable(unitId).id(), year);
	}

	/**
	 * The funds of a programme for a unit (rolled up) and a year. Needs the view scope.
	 * @param programme programme code, or null for resources outside the programmes
	 * @param unitId the unit
	 * @param year the year
	 * @return the totals
	 */
	@Transactional(readOnly = true)
	public FundTotals totals(String programme, long unitId, int year) {
		return sum(programme, readable(unitId), year);
	}

	/**
	 * The totals of every programme with fund rows at or under a unit in a year (entered
	 * or approved), by programme code. Needs the view scope.
	 * @param unitId the unit
	 * @param year the year
	 * @return the totals of each programme, by code
	 */
	@Transactional(readOnly = true)
	public List<FundTotals> programmeTotals(long unitId, int year) {
		Unit unit = readable(unitId);
		return this.repository.programmes(unit.path(), year).stream().map((p) -> sum(p, unit, year)).toList();
	}

	/**
	 * The totals of each child unit (by child unit id, in name order). Needs the view
	 * scope.
	 * @param programme programme code
	 * @param unitId the unit
	 * @param year the year
	 * @return the totals by child unit
	 */
	@Transactional(readOnly = true)
	public Map<Long, FundTotals> totalsByChild(String programme, long unitId, int year) {
		Unit unit = readable(unitId);
		Actor current = this.actor.get();
		Map<Long, FundTotals> result = new LinkedHashMap<>();
		List<Unit> children = new ArrayList<>(this.geography.children(unit.id()));
		java.text.Collator vietnamese = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"));
		children.sort(java.util.Comparator.comparing(Unit::name, vietnamese));
		for (Unit child : children) {
			if (current.scope().canView(child.path())) {
				result.put(child.id(), sum(programme, child, year));
			}
		}
		return result;
	}

	private FundTotals sum(String programme, Unit unit, int year) {
		Map<String, Money> bySource = new LinkedHashMap<>();
		Sources.ALL.forEach((s) -> bySource.put(s, Money.ZERO));
		Map<String, Money> byNode = new TreeMap<>((programme == null) ? String::compareTo : FundRules.NODE_ORDER);
		Money total = Money.ZERO;
		for (Sum s : this.repository.sums(unit.path(), year, programme)) {
			Money m = new Money(s.planned(), s.allocated(), s.disbursed());
			bySource.merge(s.source(), m, Money::plus);
			byNode.merge((programme == null) ? s.key() : FundRules.projectOf(s.key()), m, Money::plus);
			total = total.plus(m);
		}
		return new FundTotals(unit.id(), year, programme, bySource, new LinkedHashMap<>(byNode), total,
				this.repository.pendingCount(unit.path(), year, programme));
	}

	// ------------------------------------------------------------------ entry

	/** A unit the user may enter programme data for, checked before any line is read. */
	private Unit capturable(long unitId, int year) {
		this.actor.require(Permission.PROGRAMME_FUNDS);
		Unit unit = this.geography.unit(unitId);
		this.actor.require(Permission.PROGRAMME_FUNDS, unit.path());
		int now = LocalDate.now(this.clock).getYear();
		if (year < 2000 || year > now + 1) {
			throw DomainException.invalid(List.of(new FieldProblem("year", "prog.fund.bad-year", year, now + 1)));
		}
		if (unit.isVillage()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "prog.fund.village");
		}
		return unit;
	}

	/** The problems of a form: 400 if one cannot be read, else 422 naming each line. */
	private static void refuse(List<FundRules.Problem> problems) {
		if (problems.isEmpty()) {
			return;
		}
		List<FieldProblem> fields = problems.stream()
			.map((p) -> new FieldProblem(p.field(), p.key(), p.args().toArray()))
			.toList();
		if (problems.stream().allMatch(FundRules.Problem::rule)) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "prog.fund.refused", fields, problems.size());
		}
		throw DomainException.invalid(fields);
	}

	private static FundRules.Problem problem(int line, String field, String key, boolean rule, Object... args) {
		return new FundRules.Problem("lines[" + line + "]." + field, key, List.of(args), rule);
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

	/**
	 * The node of a programme in force in a year a line names, or a problem.
	 * @param forFunds a fund line (a project or a sub-project) rather than an output
	 */
	private ProgrammeNode node(int i, int year, String programme, String node, boolean forFunds,
			List<FundRules.Problem> problems) {
		if (this.catalogue.inForce(year).stream().noneMatch((p) -> p.code().equals(programme))) {
			problems.add(problem(i, "programme", "prog.fund.not-in-force", true, programme, year));
			return null;
		}
		ProgrammeNode n = this.catalogue.node(programme, node).orElse(null);
		if (n == null) {
			problems.add(problem(i, "node", "prog.fund.unknown-node", true, node, programme));
			return null;
		}
		if (forFunds && !"PROJECT".equals(n.level()) && !"SUBPROJECT".equals(n.level())) {
			problems.add(problem(i, "node", "prog.fund.node-level", true, node));
			return null;
		}
		return n;
	}

	/** A checked fund line, ready to write. */
	private record FundWrite(FundEntry entry, String programme, String node, String purpose, FundRules.Checked amounts,
			FundLine existing) {
	}

	/**
	 * Enters fund lines of a unit and year (new lines or new amounts of stored ones): all
	 * are checked first and nothing is written if one is refused (400 for what cannot be
	 * read, 422 for a rule, each naming its line; 409 for a line read at an old version).
	 * A changed approved line goes back to ENTERED and waits for approval again.
	 * @param unitId the unit
	 * @param year the year
	 * @param entries the lines
	 * @return the unit's rows after the entry
	 */
	@Transactional
	public List<FundLine> enter(long unitId, int year, List<FundEntry> entries) {
		Unit unit = capturable(unitId, year);
		Actor current = this.actor.get();
		List<FundRules.Problem> problems = new ArrayList<>();
		List<FundWrite> writes = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			FundEntry e = entries.get(i);
			String programme = blankToNull(e.programme());
			String node = blankToNull(e.node());
			String purpose = blankToNull(e.purpose());
			String source = blankToNull(e.source());
			int before = problems.size();
			if (source == null || !Sources.ALL.contains(source)) {
				problems.add(problem(i, "source", "prog.fund.bad-source", false, String.valueOf(e.source())));
			}
			if (programme == null && node == null) {
				if (purpose == null) {
					problems.add(problem(i, "purpose", "prog.fund.purpose-required", false));
				}
			}
			else if (programme == null || node == null) {
				problems.add(problem(i, "node", "prog.fund.node-required", false));
			}
			else {
				purpose = null;
				node(i, year, programme, node, true, problems);
			}
			FundRules.Checked checked = FundRules.check(e.planned(), e.allocated(), e.disbursed());
			for (FundRules.Problem p : checked.problems()) {
				problems.add(problem(i, p.field(), p.key(), p.rule(), p.args().toArray()));
			}
			if (problems.size() > before) {
				continue;
			}
			if (!seen.add(programme + "|" + node + "|" + purpose + "|" + source)) {
				problems.add(problem(i, "source", "prog.fund.duplicate-line", false));
				continue;
			}
			FundLine existing = this.repository.fund(unit.id(), year, programme, node, purpose, source).orElse(null);
			stale(existing == null ? null : existing.version(), e.version());
			writes.add(new FundWrite(e, programme, node, purpose, checked, existing));
		}
		refuse(problems);
		for (FundWrite w : writes) {
			FundRules.Checked a = w.amounts();
			String comment = blankToNull(w.entry().comment());
			FundLine old = w.existing();
			if (old != null && old.planned() == a.planned() && old.allocated() == a.allocated()
					&& old.disbursed() == a.disbursed() && Objects.equals(old.comment(), comment)
					&& !"RETURNED".equals(old.status())) {
				continue;
			}
			long id;
			if (old == null) {
				id = this.repository.insertFund(unit.id(), unit.path(), unit.provinceCode(), year, w.programme(),
						w.node(), w.purpose(), w.entry().source().strip(), a.planned(), a.allocated(), a.disbursed(),
						comment, current.username());
			}
			else {
				id = old.id();
				if (this.repository.updateFund(id, a.planned(), a.allocated(), a.disbursed(), comment,
						current.username(), old.version()) == 0) {
					throw new DomainException(ErrorCode.STALE_VERSION, "prog.fund.stale");
				}
			}
			Map<String, Change> changes = new LinkedHashMap<>();
			changes.put("line", new Change(null, lineName(w.programme(), w.node(), w.purpose())));
			changes.put("year", new Change(null, year));
			changes.put("source", new Change((old == null) ? null : old.source(), w.entry().source().strip()));
			changes.put("planned", new Change((old == null) ? null : old.planned(), a.planned()));
			changes.put("allocated", new Change((old == null) ? null : old.allocated(), a.allocated()));
			changes.put("disbursed", new Change((old == null) ? null : old.disbursed(), a.disbursed()));
			changes.put("status", new Change((old == null) ? null : old.status(), "ENTERED"));
			this.audit.record(new AuditEntry(current.username(), (old == null) ? "CREATE" : "UPDATE", FUND,
					Long.toString(id), null, unit.path(), unit.provinceCode(), changes, comment));
		}
		return this.repository.funds(unit.id(), year);
	}

	/**
	 * How a line reads in the audit trail, in the words of the forms (the trail keeps
	 * what a reader understands, never a catalogue code): "Chương trình … · 3.1 Tên tiểu
	 * dự án", or the purpose of money outside the programmes.
	 */
	private String lineName(String programme, String node, String purpose) {
		if (programme == null) {
			return purpose;
		}
		String name = this.catalogue.programme(programme).map((p) -> p.nameVi()).orElse(programme);
		return name + " · " + nodeName(programme, node);
	}

	private String nodeName(String programme, String node) {
		String number = NodeNumbers.of(node);
		String name = this.catalogue.node(programme, node).map((n) -> n.name(WebConfiguration.VIETNAMESE)).orElse(node);
		return number.isEmpty() ? name : number + " " + name;
	}

	/** A line read at another version than the stored one: 409. */
	private static void stale(Integer stored, Integer read) {
		if (read != null && (stored == null || !stored.equals(read))) {
			throw new DomainException(ErrorCode.STALE_VERSION, "prog.fund.stale");
		}
	}

	/** A checked output line, ready to write. */
	private record OutputWrite(OutputEntry entry, String kind, long value, OutputLine existing) {
	}

	/**
	 * Enters output lines of a unit and year: PLAN targets of any output of a node,
	 * ACTUAL values only of the outputs the catalogue says are entered (the others are
	 * counted from the benefit ledger and the models, 422). All or nothing, as funds.
	 * @param unitId the unit
	 * @param year the year
	 * @param entries the lines
	 * @return the unit's output rows after the entry
	 */
	@Transactional
	public List<OutputLine> enterOutputs(long unitId, int year, List<OutputEntry> entries) {
		Unit unit = capturable(unitId, year);
		Actor current = this.actor.get();
		List<FundRules.Problem> problems = new ArrayList<>();
		List<OutputWrite> writes = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			OutputEntry e = entries.get(i);
			String programme = blankToNull(e.programme());
			String node = blankToNull(e.node());
			String output = blankToNull(e.output());
			String kind = blankToNull(e.kind());
			int before = problems.size();
			if (!"PLAN".equals(kind) && !"ACTUAL".equals(kind)) {
				problems.add(problem(i, "kind", "prog.fund.output.bad-kind", false, String.valueOf(e.kind())));
			}
			Amounts.Parsed value = Amounts.parse(e.value());
			if (e.value() == null || e.value().isBlank()) {
				problems.add(problem(i, "value", "prog.fund.output.value-required", false));
			}
			else if (!value.ok()) {
				problems.add(problem(i, "value", "prog.fund.amount." + value.problem(), false, e.value().strip()));
			}
			if (programme == null || node == null || output == null) {
				problems.add(problem(i, "output", "prog.fund.node-required", false));
			}
			else if (problems.size() == before) {
				ProgrammeNode n = node(i, year, programme, node, false, problems);
				OutputDef def = (n == null) ? null
						: n.outputs().stream().filter((o) -> o.code().equals(output)).findFirst().orElse(null);
				if (n != null && def == null) {
					problems.add(problem(i, "output", "prog.fund.output.unknown", true, output, node));
				}
				else if (def != null && def.counted() && "ACTUAL".equals(kind)) {
					problems.add(problem(i, "output", "prog.fund.output.counted", true, def.nameVi()));
				}
			}
			if (problems.size() > before) {
				continue;
			}
			if (!seen.add(programme + "|" + node + "|" + output + "|" + kind)) {
				problems.add(problem(i, "output", "prog.fund.duplicate-line", false));
				continue;
			}
			OutputLine existing = this.repository.output(unit.id(), year, programme, node, output, kind).orElse(null);
			stale(existing == null ? null : existing.version(), e.version());
			writes.add(new OutputWrite(
					new OutputEntry(programme, node, output, kind, e.value(), blankToNull(e.comment()), e.version()),
					kind, value.value(), existing));
		}
		refuse(problems);
		for (OutputWrite w : writes) {
			OutputEntry e = w.entry();
			OutputLine old = w.existing();
			if (old != null && old.value() == w.value() && Objects.equals(old.comment(), e.comment())
					&& !"RETURNED".equals(old.status())) {
				continue;
			}
			long id;
			if (old == null) {
				id = this.repository.insertOutput(unit.id(), unit.path(), unit.provinceCode(), year, e.programme(),
						e.node(), e.output(), w.kind(), w.value(), e.comment(), current.username());
			}
			else {
				id = old.id();
				if (this.repository.updateOutput(id, w.value(), e.comment(), current.username(), old.version()) == 0) {
					throw new DomainException(ErrorCode.STALE_VERSION, "prog.fund.stale");
				}
			}
			Map<String, Change> changes = new LinkedHashMap<>();
			String output = this.catalogue.node(e.programme(), e.node())
				.flatMap((n) -> n.outputs().stream().filter((o) -> o.code().equals(e.output())).findFirst())
				.map((o) -> o.name(WebConfiguration.VIETNAMESE))
				.orElse(e.output());
			changes.put("line", new Change(null, lineName(e.programme(), e.node(), null) + " · " + output));
			changes.put("year", new Change(null, year));
			changes.put("outputKind", new Change(null, w.kind()));
			changes.put("value", new Change((old == null) ? null : old.value(), w.value()));
			changes.put("status", new Change((old == null) ? null : old.status(), "ENTERED"));
			this.audit.record(new AuditEntry(current.username(), (old == null) ? "CREATE" : "UPDATE", OUTPUT,
					Long.toString(id), null, unit.path(), unit.provinceCode(), changes, e.comment()));
		}
		return this.repository.outputs(unit.id(), year);
	}

	// ------------------------------------------------------------------ approval

	/**
	 * Approves or returns an entered fund row (a second person: never the one who entered
	 * it, 422), at the version it was read (409).
	 * @param id the row
	 * @param approve approve, or return
	 * @param version the version read
	 * @param note the note (required to return)
	 * @return the row after the decision
	 */
	@Transactional
	public FundLine decide(long id, boolean approve, int version, String note) {
		this.actor.require(Permission.PROGRAMME_APPROVAL);
		FundLine line = this.repository.fund(id).orElseThrow(() -> DomainException.notFound(FUND, id));
		decide(Table.FUND, FUND, id, line.unitPath(), line.enteredBy(), line.status(), approve, version, note);
		return this.repository.fund(id).orElseThrow();
	}

	/**
	 * Approves or returns an entered output row, as {@link #decide}.
	 * @param id the row
	 * @param approve approve, or return
	 * @param version the version read
	 * @param note the note (required to return)
	 * @return the row after the decision
	 */
	@Transactional
	public OutputLine decideOutput(long id, boolean approve, int version, String note) {
		this.actor.require(Permission.PROGRAMME_APPROVAL);
		OutputLine line = this.repository.output(id).orElseThrow(() -> DomainException.notFound(OUTPUT, id));
		decide(Table.OUTPUT, OUTPUT, id, line.unitPath(), line.enteredBy(), line.status(), approve, version, note);
		return this.repository.output(id).orElseThrow();
	}

	private void decide(Table table, String entity, long id, String path, String enteredBy, String status,
			boolean approve, int version, String note) {
		this.actor.requireView(path);
		Actor current = this.actor.require(Permission.PROGRAMME_APPROVAL, path);
		if (current.username().equals(enteredBy)) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "prog.fund.own-line");
		}
		String reason = blankToNull(note);
		if (!approve && reason == null) {
			throw DomainException.invalid(List.of(new FieldProblem("note", "prog.fund.note-required")));
		}
		if (!"ENTERED".equals(status)) {
			throw new DomainException(ErrorCode.CONFLICT, "prog.fund.already-decided");
		}
		String decided = approve ? "APPROVED" : "RETURNED";
		if (this.repository.decide(table, id, decided, current.username(), reason, version) == 0) {
			throw new DomainException(ErrorCode.STALE_VERSION, "prog.fund.stale");
		}
		String province = this.geography.unit(Long.parseLong(last(path))).provinceCode();
		this.audit.record(new AuditEntry(current.username(), approve ? "APPROVE" : "RETURN", entity, Long.toString(id),
				null, path, province, Map.of("status", new Change(status, decided)), reason));
	}

	private static String last(String path) {
		String[] ids = path.split("/");
		return ids[ids.length - 1];
	}

	/** Fund rows waiting for a decision in the user's capture scope, oldest first. */
	@Transactional(readOnly = true)
	public List<FundLine> pending() {
		String[] patterns = patterns();
		return (patterns.length == 0) ? List.of() : this.repository.pendingFunds(patterns);
	}

	/** Output rows waiting for a decision in the user's capture scope, oldest first. */
	@Transactional(readOnly = true)
	public List<OutputLine> pendingOutputs() {
		String[] patterns = patterns();
		return (patterns.length == 0) ? List.of() : this.repository.pendingOutputs(patterns);
	}

	private String[] patterns() {
		Actor current = this.actor.get();
		return current.scope().nation() ? new String[] { "/%" }
				: current.scope().capturePaths().stream().map((p) -> p + "%").toArray(String[]::new);
	}

}
