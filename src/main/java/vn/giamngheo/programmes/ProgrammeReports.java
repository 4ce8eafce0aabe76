package vn.giamngheo.programmes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.programmes.ProgrammeReport.ChainLine;
import vn.giamngheo.programmes.ProgrammeReport.Content;
import vn.giamngheo.programmes.ProgrammeReport.Narrative;
import vn.giamngheo.programmes.domain.ReportDeadlines;
import vn.giamngheo.programmes.persistence.ReportRepository;
import vn.giamngheo.programmes.persistence.ReportRepository.Stored;
import vn.giamngheo.shared.ClockConfiguration;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.shared.web.WebConfiguration;

/**
 * The M&E reports of Circular 10/2022/TT-BLĐTBXH (ADR 0049): Biểu 01 (indicators and
 * results framework) and Biểu 02 (results) of a programme, unit and year, read live; and
 * the Mẫu 01 supervision reports (six-monthly H1 and annual YEAR) of a unit — a draft
 * whose narrative is edited while its figures stay live, submitted (the figures and the
 * narrative frozen into the version, never changed again: the service refuses and a
 * trigger of V71 too), corrected by a new version with a reason that supersedes it — and
 * where the reports of the units under a unit stand.
 */
@Service
public class ProgrammeReports {

	/** The form of the supervision report. */
	public static final String MAU01 = "MAU01";

	private static final String ENTITY = "PROGRAMME_REPORT";

	private final ReportTables tables;

	private final ReportRepository repository;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final Clock clock;

	ProgrammeReports(ReportTables tables, ReportRepository repository, CurrentActor actor, AuditTrail audit,
			Clock clock) {
		this.tables = tables;
		this.repository = repository;
		this.actor = actor;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A new draft.
	 *
	 * @param unit the unit (province, district or commune)
	 * @param programme programme code
	 * @param year the year
	 * @param period H1 or YEAR
	 */
	public record NewReport(Long unit, String programme, Integer year, String period) {
	}

	/**
	 * The narrative of a draft at its row version.
	 *
	 * @param assessment đánh giá chung
	 * @param difficulties khó khăn, vướng mắc
	 * @param proposals kiến nghị, đề xuất
	 * @param version the row version read
	 */
	public record Edit(String assessment, String difficulties, String proposals, Integer version) {
	}

	/**
	 * A submission of a draft at its row version.
	 *
	 * @param version the row version read
	 */
	public record Submission(Integer version) {
	}

	/**
	 * A correction of a submitted version.
	 *
	 * @param reason why (required)
	 */
	public record Correction(String reason) {
	}

	// ------------------------------------------------------------------ tables

	/**
	 * Biểu 02 of a programme, unit and year (view scope).
	 * @param programme programme code
	 * @param unitId the unit
	 * @param year the year
	 * @param locale the language of names
	 * @return the table
	 */
	@Transactional(readOnly = true)
	public ResultsTable results(String programme, long unitId, int year, Locale locale) {
		return this.tables.results(programme, unitId, year, locale);
	}

	/**
	 * Biểu 01 of a programme, unit and year (view scope).
	 * @param programme programme code
	 * @param unitId the unit
	 * @param year the year
	 * @param locale the language of names
	 * @return the table
	 */
	@Transactional(readOnly = true)
	public FrameworkTable framework(String programme, long unitId, int year, Locale locale) {
		return this.tables.framework(programme, unitId, year, locale);
	}

	// ------------------------------------------------------------------ reading

	/**
	 * The unit the pages open on: the user's first unit, else the first province of the
	 * units in force.
	 * @return its id
	 */
	@Transactional(readOnly = true)
	public long defaultUnit() {
		for (String path : this.actor.get().scope().viewPaths()) {
			String[] ids = path.split("/");
			if (ids.length > 1) {
				return Long.parseLong(ids[ids.length - 1]);
			}
		}
		return this.tables.firstProvince();
	}

	/**
	 * The programmes a year's reports may be for (in force that year), oldest first.
	 * @param year the year
	 * @return their codes and names
	 */
	public List<Programme> programmes(int year) {
		return this.tables.programmes(year);
	}

	/**
	 * A unit in the view scope (else 404).
	 * @param unitId the unit
	 * @return it
	 */
	public Unit unit(long unitId) {
		return this.tables.unit(unitId);
	}

	/**
	 * Today in Vietnam.
	 * @return the day
	 */
	public LocalDate todayInVietnam() {
		return today();
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(ClockConfiguration.VIETNAM));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock);
	}

	private Stored stored(UUID id) {
		Stored s = this.repository.find(id, today())
			.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "prog.report.error.notFound"));
		this.actor.requireView(s.report().unitPath());
		return s;
	}

	/**
	 * A version (view scope, else 404).
	 * @param id the version
	 * @return it
	 */
	@Transactional(readOnly = true)
	public ProgrammeReport get(UUID id) {
		return stored(id).report();
	}

	/**
	 * Every version of the reports of a unit and year (view scope).
	 * @param unitId the unit
	 * @param year the year
	 * @return newest first within each programme and period
	 */
	@Transactional(readOnly = true)
	public List<ProgrammeReport> list(long unitId, int year) {
		this.tables.unit(unitId);
		return this.repository.ofUnit(unitId, year, today());
	}

	/**
	 * The report as rendered: a submitted or superseded version's frozen content, a
	 * draft's built now from the live figures (in Vietnamese, as it would be frozen).
	 * @param id the version
	 * @return its content
	 */
	@Transactional(readOnly = true)
	public Content content(UUID id) {
		Stored s = stored(id);
		return (s.content() != null) ? s.content() : build(s.report());
	}

	/**
	 * Whether a version's figures are the ones frozen at submission. A submitted version
	 * loaded without its rendered content (the demo's) is shown from the live figures,
	 * and its page must say so instead of claiming them frozen.
	 * @param id the version
	 * @return true when it has frozen content
	 */
	@Transactional(readOnly = true)
	public boolean frozen(UUID id) {
		return stored(id).content() != null;
	}

	private Content build(ProgrammeReport r) {
		Locale vi = WebConfiguration.VIETNAMESE;
		ResultsTable results = this.tables.results(r.programme(), r.unitId(), r.year(), vi);
		return new Content(r.unitName(), r.unitLevel(), results.programmeName(), results.legalBasis(), r.year(),
				r.period(), ReportDeadlines.periodStart(r.year()), ReportDeadlines.periodEnd(r.year(), r.period()),
				r.dueOn(), results, this.tables.poverty(r.unitId(), r.year()), r.narrative(), now());
	}

	/**
	 * Where the reports of a programme, year and period stand for every district and
	 * commune under a unit (view scope of the unit): submitted (on time or late), not yet
	 * submitted, or overdue.
	 * @param unitId the unit
	 * @param programme programme code
	 * @param year the year
	 * @param period H1 or YEAR
	 * @return a line per unit under it, by level and name
	 */
	@Transactional(readOnly = true)
	public List<ChainLine> chain(long unitId, String programme, int year, String period) {
		Unit unit = this.tables.unit(unitId);
		checkPeriod(period);
		LocalDate today = today();
		Map<Long, ProgrammeReport> live = new LinkedHashMap<>();
		for (ProgrammeReport r : this.repository.liveUnder(unit.path(), programme, year, period, today)) {
			live.put(r.unitId(), r);
		}
		List<ChainLine> lines = new ArrayList<>();
		for (Object[] u : this.repository.unitsUnder(unit.path(), year)) {
			long id = (Long) u[0];
			String level = (String) u[2];
			ProgrammeReport r = live.get(id);
			LocalDate due = (r != null) ? r.dueOn() : ReportDeadlines.due(level, year, period);
			LocalDate submitted = (r != null) ? r.firstSubmittedOn() : null;
			String state = (submitted != null) ? (submitted.isAfter(due) ? "SUBMITTED_LATE" : "SUBMITTED")
					: ReportDeadlines.late(due, null, today) ? "OVERDUE" : "NOT_SUBMITTED";
			lines.add(new ChainLine(id, (String) u[1], level, r, due, state));
		}
		return lines;
	}

	// ------------------------------------------------------------------ writing

	private static void checkPeriod(String period) {
		if (!"H1".equals(period) && !"YEAR".equals(period)) {
			throw new DomainException(ErrorCode.INVALID_INPUT, "prog.report.error.period");
		}
	}

	/**
	 * Starts the draft of a unit's Mẫu 01 for a programme, year and period
	 * (PROGRAMME_REPORTS in the capture scope). Refused (409) while a draft or a
	 * submitted version exists: a submitted one is corrected instead.
	 * @param input the unit, programme, year, period
	 * @return the draft
	 */
	@Transactional
	public ProgrammeReport create(NewReport input) {
		this.actor.require(Permission.PROGRAMME_REPORTS);
		if (input == null || input.unit() == null || input.programme() == null || input.year() == null) {
			throw new DomainException(ErrorCode.INVALID_INPUT, "prog.report.error.missing");
		}
		checkPeriod(input.period());
		Unit unit = this.tables.unit(input.unit());
		String username = this.actor.require(Permission.PROGRAMME_REPORTS, unit.path()).username();
		if (!List.of("province", "district", "commune").contains(unit.level())) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "prog.report.error.level");
		}
		Programme p = this.tables.programme(input.programme(), input.year());
		if (this.repository.hasLive(unit.id(), p.code(), MAU01, input.year(), input.period())) {
			throw new DomainException(ErrorCode.CONFLICT, "prog.report.error.exists");
		}
		if (this.repository.lastVersion(unit.id(), p.code(), MAU01, input.year(), input.period()) > 0) {
			// only superseded versions are left: the next one is a correction
			throw new DomainException(ErrorCode.CONFLICT, "prog.report.error.exists");
		}
		LocalDate due = ReportDeadlines.due(unit.level(), input.year(), input.period());
		UUID id = this.repository.insertDraft(unit.provinceCode(), unit.id(), unit.path(), p.code(), MAU01,
				input.year(), input.period(), 1, due, Narrative.EMPTY, null, null, username, now());
		Map<String, Change> changes = new LinkedHashMap<>();
		changes.put("programme", new Change(null, p.nameVi()));
		changes.put("year", new Change(null, input.year()));
		changes.put("period", new Change(null, input.period()));
		changes.put("dueOn", new Change(null, due.toString()));
		record(username, "CREATE", id, unit.path(), unit.provinceCode(), changes, null);
		return get(id);
	}

	private ProgrammeReport writable(UUID id, Integer version) {
		// the role first: a user who may not write reports learns nothing of which exist
		this.actor.require(Permission.PROGRAMME_REPORTS);
		ProgrammeReport r = stored(id).report();
		this.actor.require(Permission.PROGRAMME_REPORTS, r.unitPath());
		if (!r.isDraft()) {
			throw new DomainException(ErrorCode.CONFLICT, "prog.report.error.frozen", String.valueOf(r.version()));
		}
		if (version == null) {
			throw new DomainException(ErrorCode.INVALID_INPUT, "prog.report.error.version");
		}
		if (version != r.rowVersion()) {
			throw new DomainException(ErrorCode.STALE_VERSION, "prog.report.error.stale");
		}
		return r;
	}

	/**
	 * Writes the narrative of a draft (PROGRAMME_REPORTS, capture scope; 409 when it is
	 * submitted or the version moved on).
	 * @param id the draft
	 * @param edit the narrative and the row version read
	 * @return the draft
	 */
	@Transactional
	public ProgrammeReport edit(UUID id, Edit edit) {
		ProgrammeReport r = writable(id, (edit != null) ? edit.version() : null);
		Narrative n = new Narrative(text(edit.assessment()), text(edit.difficulties()), text(edit.proposals()));
		if (!this.repository.updateNarrative(id, n, edit.version())) {
			throw new DomainException(ErrorCode.STALE_VERSION, "prog.report.error.stale");
		}
		record(this.actor.get().username(), "UPDATE", id, r.unitPath(), null,
				AuditTrail.diff(narrative(r.narrative()), narrative(n)), null);
		return get(id);
	}

	/**
	 * Submits a draft: its figures and narrative are frozen as rendered now
	 * (PROGRAMME_REPORTS, capture scope; 422 without a general assessment).
	 * @param id the draft
	 * @param submission the row version read
	 * @return the submitted version
	 */
	@Transactional
	public ProgrammeReport submit(UUID id, Submission submission) {
		ProgrammeReport r = writable(id, (submission != null) ? submission.version() : null);
		if (r.narrative().assessment() == null || r.narrative().assessment().isBlank()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "prog.report.error.assessment");
		}
		Content content = build(r);
		String username = this.actor.get().username();
		if (!this.repository.submit(id, content, username, content.builtAt(), r.rowVersion())) {
			throw new DomainException(ErrorCode.STALE_VERSION, "prog.report.error.stale");
		}
		Map<String, Change> changes = new LinkedHashMap<>();
		changes.put("status", new Change(ProgrammeReport.DRAFT, ProgrammeReport.SUBMITTED));
		changes.put("version", new Change(null, r.version()));
		record(username, "SUBMIT", id, r.unitPath(), null, changes, null);
		return get(id);
	}

	/**
	 * Corrects a submitted version: it becomes SUPERSEDED and a new draft (version + 1,
	 * the narrative copied) carries the reason (PROGRAMME_REPORTS, capture scope; 400
	 * without a reason, 409 when the version is not the submitted one).
	 * @param id the submitted version
	 * @param correction the reason
	 * @return the new draft
	 */
	@Transactional
	public ProgrammeReport correct(UUID id, Correction correction) {
		this.actor.require(Permission.PROGRAMME_REPORTS);
		ProgrammeReport r = stored(id).report();
		String username = this.actor.require(Permission.PROGRAMME_REPORTS, r.unitPath()).username();
		String reason = (correction != null) ? text(correction.reason()) : "";
		if (reason.isBlank()) {
			throw new DomainException(ErrorCode.INVALID_INPUT, "prog.report.error.reason");
		}
		if (!ProgrammeReport.SUBMITTED.equals(r.status()) || !this.repository.supersede(id)) {
			throw new DomainException(ErrorCode.CONFLICT, "prog.report.error.notSubmitted");
		}
		Unit unit = this.tables.unit(r.unitId());
		UUID next = this.repository.insertDraft(unit.provinceCode(), r.unitId(), r.unitPath(), r.programme(), r.form(),
				r.year(), r.period(), r.version() + 1, r.dueOn(), r.narrative(), reason, id, username, now());
		Map<String, Change> changes = new LinkedHashMap<>();
		changes.put("status", new Change(ProgrammeReport.SUBMITTED, ProgrammeReport.SUPERSEDED));
		changes.put("correctedBy", new Change(null, r.version() + 1));
		record(username, "SUPERSEDE", id, r.unitPath(), unit.provinceCode(), changes, reason);
		Map<String, Change> created = new LinkedHashMap<>();
		created.put("version", new Change(r.version(), r.version() + 1));
		record(username, "CREATE", next, r.unitPath(), unit.provinceCode(), created, reason);
		return get(next);
	}

	private static String text(String s) {
		return (s == null) ? "" : s.strip();
	}

	private static Map<String, Object> narrative(Narrative n) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("assessment", n.assessment());
		m.put("difficulties", n.difficulties());
		m.put("proposals", n.proposals());
		return m;
	}

	private void record(String username, String action, UUID id, String path, String provinceCode,
			Map<String, Change> changes, String reason) {
		String province = (provinceCode != null) ? provinceCode : this.repository.provinceOf(id);
		this.audit
			.record(new AuditEntry(username, action, ENTITY, id.toString(), null, path, province, changes, reason));
	}

}
