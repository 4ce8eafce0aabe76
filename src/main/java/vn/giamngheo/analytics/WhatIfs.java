package vn.giamngheo.analytics;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

import vn.giamngheo.analytics.domain.WhatIfTally;
import vn.giamngheo.analytics.persistence.WhatIfRepository;
import vn.giamngheo.analytics.persistence.WhatIfRepository.ChangeRow;
import vn.giamngheo.analytics.persistence.WhatIfRepository.CommuneRow;
import vn.giamngheo.analytics.persistence.WhatIfRepository.RunRow;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.audit.AuditTrail.Change;
import vn.giamngheo.audit.Disclosures;
import vn.giamngheo.geography.Geography;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.shared.BoundedExecutors;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.DomainException.FieldProblem;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;
import vn.giamngheo.standards.domain.Standard;
import vn.giamngheo.standards.domain.StandardCatalogue;
import vn.giamngheo.standards.domain.StandardFormatException;
import vn.giamngheo.standards.domain.StandardLoader;
import vn.giamngheo.standards.domain.Text;

/**
 * What-if before the review (issue 15 item 6, ADR 0033): re-classifies the latest
 * recognised assessment of every household under a unit under another standard — a
 * national one, a provincial overlay, or a draft uploaded as YAML — without touching the
 * registry. A run goes in the background (one at a time, a few waiting); its progress,
 * figures by commune and changed households are stored apart, in {@code whatif_*}.
 */
@Service
public class WhatIfs {

	private static final Logger log = LoggerFactory.getLogger(WhatIfs.class);

	/** Largest draft file accepted. */
	static final int MAX_DRAFT_BYTES = 256 * 1024;

	/** Runs are kept this long. */
	static final Duration KEPT = Duration.ofDays(7);

	private final WhatIfRepository repository;

	private final StandardCatalogue catalogue;

	private final Geography geography;

	private final CurrentActor actor;

	private final Disclosures disclosures;

	private final TaskExecutor executor;

	private final Clock clock;

	private final int keepChanges;

	/** Runs going on in this process (a RUNNING row not here was cut by a restart). */
	private final Set<UUID> active = ConcurrentHashMap.newKeySet();

	public WhatIfs(WhatIfRepository repository, StandardCatalogue catalogue, Geography geography, CurrentActor actor,
			Disclosures disclosures, @Qualifier(BoundedExecutors.WHATIF) TaskExecutor executor, Clock clock,
			@Value("${giamngheo.whatif.keep-changes:200000}") int keepChanges) {
		this.repository = repository;
		this.catalogue = catalogue;
		this.geography = geography;
		this.actor = actor;
		this.disclosures = disclosures;
		this.executor = executor;
		this.clock = clock;
		this.keepChanges = keepChanges;
	}

	/**
	 * A standard one may choose.
	 *
	 * @param key what the form sends
	 * @param name its name
	 * @param local a provincial overlay
	 */
	public record Choice(String key, Text name, boolean local) {
	}

	/**
	 * The standards one may run a what-if under for a unit: the national ones and the
	 * overlays of the unit's province.
	 * @param unitId the unit, or {@code null} for the national ones and every overlay
	 * @return the choices
	 */
	public List<Choice> choices(Long unitId) {
		this.actor.require(Permission.RUN_WHATIF);
		String province = null;
		if (unitId != null) {
			province = visible(unitId).provinceCode();
		}
		List<Choice> choices = new ArrayList<>();
		// newest first: the page's default is the standard of the coming review
		for (Standard s : this.catalogue.standards()
			.stream()
			.sorted(java.util.Comparator.comparing(Standard::from).reversed())
			.toList()) {
			choices.add(new Choice(s.key(), s.name(), false));
		}
		for (Standard s : this.catalogue.localStandards()) {
			if (province == null || province.equals(s.provinceCode())) {
				choices.add(new Choice(s.key(), s.name(), true));
			}
		}
		return choices;
	}

	private Unit visible(long unitId) {
		Unit unit;
		try {
			unit = this.geography.unit(unitId);
		}
		catch (DomainException ex) {
			throw new DomainException(ErrorCode.NOT_FOUND, "error.not-found.plain");
		}
		this.actor.requireView(unit.path());
		return unit;
	}

	/**
	 * A draft uploaded with the request.
	 *
	 * @param fileName the file's name
	 * @param bytes its content
	 */
	public record Draft(String fileName, byte[] bytes) {
	}

	/**
	 * Starts a what-if. Bad input (an unknown unit or standard, a malformed draft)
	 * changes nothing: a malformed draft is refused (422) naming its field.
	 * @param unitId the unit (province, district or commune)
	 * @param standardKey a national standard or an overlay, when no draft is given
	 * @param draft a draft standard, or {@code null}
	 * @return the run, RUNNING
	 */
	public RunRow start(Long unitId, String standardKey, Draft draft) {
		this.actor.require(Permission.RUN_WHATIF);
		if (unitId == null) {
			throw DomainException.invalid(List.of(new FieldProblem("unitId", "whatif.unit.required")));
		}
		Unit unit = visible(unitId);
		Actor who = this.actor.require(Permission.RUN_WHATIF, unit.path());
		if (unit.isVillage()) {
			throw DomainException.invalid(List.of(new FieldProblem("unitId", "whatif.unit.village")));
		}
		Resolved resolved = resolve(standardKey, draft);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.repository.deleteBefore(now.minus(KEPT));
		UUID id = UUID.randomUUID();
		int total = this.repository.countHouseholds(unit.path());
		this.repository.insert(id, unit.provinceCode(), unit.id(), unit.path(), resolved.kind(),
				resolved.standard().key(), resolved.standard().name().vi(), resolved.standard().name().en(),
				(draft != null) ? draft.fileName() : null, resolved.text(), total, who.username(), now);
		this.active.add(id);
		try {
			this.executor.execute(() -> run(id, unit.path(), unit.provinceCode(), resolved.standard()));
		}
		catch (RejectedExecutionException ex) {
			this.active.remove(id);
			this.repository.fail(id, "whatif.busy", now);
			throw DomainException.busy();
		}
		log.info("What-if {} started on unit {} under {} ({} households)", id, unit.id(), resolved.standard().key(),
				total);
		return this.repository.find(id).orElseThrow();
	}

	private record Resolved(Standard standard, String kind, String text) {
	}

	private Resolved resolve(String standardKey, Draft draft) {
		if (draft != null && draft.bytes().length > 0) {
			String name = (draft.fileName() == null || draft.fileName().isBlank()) ? "draft.yaml" : draft.fileName();
			if (draft.bytes().length > MAX_DRAFT_BYTES) {
				throw draftProblem(name, "(file)", "whatif.draft.too-large", MAX_DRAFT_BYTES / 1024);
			}
			String text;
			try {
				text = StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.decode(java.nio.ByteBuffer.wrap(draft.bytes()))
					.toString();
			}
			catch (CharacterCodingException ex) {
				throw draftProblem(name, "(file)", "whatif.draft.not-utf8");
			}
			try {
				return new Resolved(StandardLoader.loadDraft(name, text), "DRAFT", text);
			}
			catch (StandardFormatException ex) {
				String reason = ex.getMessage()
					.substring(Math.min(ex.getMessage().length(), (ex.file() + ": " + ex.field() + ": ").length()));
				throw draftProblem(name, ex.field(), "whatif.draft.field", reason);
			}
			catch (RuntimeException ex) {
				throw draftProblem(name, "(file)", "whatif.draft.unreadable");
			}
		}
		if (standardKey == null || standardKey.isBlank()) {
			throw DomainException.invalid(List.of(new FieldProblem("standard", "whatif.standard.required")));
		}
		Optional<Standard> national = this.catalogue.find(standardKey);
		if (national.isPresent()) {
			return new Resolved(national.get(), "NATIONAL", null);
		}
		for (Standard local : this.catalogue.localStandards()) {
			if (local.key().equals(standardKey)) {
				return new Resolved(local, "LOCAL", null);
			}
		}
		throw DomainException.invalid(List.of(new FieldProblem("standard", "whatif.standard.unknown", standardKey)));
	}

	private static DomainException draftProblem(String file, String field, String key, Object... args) {
		return new DomainException(ErrorCode.RULE_REJECTED, "whatif.draft.invalid",
				List.of(new FieldProblem(field, key, args)), file)
			.with("file", file)
			.with("field", field);
	}

	private void run(UUID id, String unitPath, String provinceCode, Standard standard) {
		long t0 = System.nanoTime();
		try {
			WhatIfTally tally = new WhatIfTally(standard, this.keepChanges);
			Set<String> keys = new LinkedHashSet<>();
			this.repository.read(unitPath, tally, keys::add, (done) -> this.repository.progress(id, done));
			Map<String, Text> notAssessed = new LinkedHashMap<>();
			for (String key : keys) {
				this.catalogue.find(key).ifPresent((source) -> tally.notAssessedBy(source).forEach((n) -> {
					notAssessed.put(n.vi(), n);
				}));
			}
			List<String> names = notAssessed.values().stream().map((t) -> t.vi() + "|" + t.en()).toList();
			long read = (System.nanoTime() - t0) / 1_000_000;
			// the time stored is the whole run, the results written included
			this.repository.finish(id, provinceCode, tally, names, OffsetDateTime.now(this.clock),
					() -> (int) ((System.nanoTime() - t0) / 1_000_000));
			log.info("What-if {} done: {} households, {} change class, {} ms ({} ms reading and classifying)", id,
					tally.households(), tally.changed(), (System.nanoTime() - t0) / 1_000_000, read);
		}
		catch (RuntimeException ex) {
			log.warn("What-if {} failed", id, ex);
			this.repository.fail(id, "whatif.failed", OffsetDateTime.now(this.clock));
		}
		finally {
			this.active.remove(id);
		}
	}

	/**
	 * A run as the pages and the API show it.
	 *
	 * @param run the stored run
	 * @param unitName the unit's name
	 * @param status RUNNING, DONE or FAILED (a run cut by a restart is FAILED)
	 * @param error message key of the failure, or {@code null}
	 * @param percent progress, 0–100
	 * @param kept changed households kept (at most the limit)
	 */
	public record View(RunRow run, String unitName, String status, String error, int percent, int kept) {

		public boolean running() {
			return "RUNNING".equals(this.status);
		}

		public boolean done() {
			return "DONE".equals(this.status);
		}

	}

	/**
	 * A run the current user may see (their view scope covers its unit), or NOT_FOUND.
	 * @param id the run
	 * @return the run
	 */
	public View run(UUID id) {
		this.actor.require(Permission.RUN_WHATIF);
		// asked before the row is read: a run leaves the set only after its result is
		// committed, so a RUNNING row read after it left is one a restart cut
		boolean live = this.active.contains(id);
		RunRow run = this.repository.find(id)
			.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "error.not-found.plain"));
		this.actor.requireView(run.unitPath());
		String status = run.status();
		String error = run.error();
		if ("RUNNING".equals(status) && !live) {
			status = "FAILED";
			error = "whatif.interrupted";
		}
		int percent = (run.total() == 0) ? ("RUNNING".equals(status) ? 0 : 100)
				: (int) Math.min(100, (long) run.done() * 100 / run.total());
		String unitName = this.geography.unit(run.unitId()).name();
		return new View(run, unitName, status, error, percent, Math.min(run.changed(), this.keepChanges));
	}

	/** Whether the run is still going on in this process. */
	public boolean running(UUID id) {
		return this.active.contains(id);
	}

	/**
	 * Recent runs under units the user may see.
	 * @param unitId the unit, or {@code null}: the user's first view unit, or the nation
	 * @return newest first
	 */
	public List<RunRow> recent(Long unitId) {
		this.actor.require(Permission.RUN_WHATIF);
		String path = (unitId != null) ? visible(unitId).path() : "/";
		Actor who = this.actor.get();
		return this.repository.recent(path, 50).stream().filter((r) -> who.scope().canView(r.unitPath())).toList();
	}

	/**
	 * Figures by commune, and their total.
	 *
	 * @param communes one row per commune
	 * @param total the sum
	 */
	public record Figures(List<CommuneRow> communes, CommuneRow total) {
	}

	public Figures figures(UUID id) {
		run(id);
		List<CommuneRow> rows = this.repository.communes(id);
		int[] t = new int[6];
		for (CommuneRow r : rows) {
			t[0] += r.households();
			t[1] += r.poorNow();
			t[2] += r.nearPoorNow();
			t[3] += r.poorThen();
			t[4] += r.nearPoorThen();
			t[5] += r.unclassified();
		}
		return new Figures(rows, new CommuneRow(0, null, t[0], t[1], t[2], t[3], t[4], t[5]));
	}

	/** A page of the changed households (within the run's unit, which the user sees). */
	public List<ChangeRow> changes(UUID id, int page, int size) {
		run(id);
		return this.repository.changes(id, Math.max(0, page) * size, size);
	}

	/**
	 * Opens the download of a finished run: a disclosure of personal data (heads' names),
	 * audited before the first byte leaves (ADR 0017).
	 * @param id the run
	 * @param format what is downloaded, e.g. {@code XLSX}
	 * @return the run
	 */
	public View export(UUID id, String format) {
		View view = run(id);
		if (!view.done()) {
			throw new DomainException(ErrorCode.CONFLICT, "whatif.not-done");
		}
		Map<String, Change> changes = new LinkedHashMap<>();
		changes.put("format", new Change(null, format));
		changes.put("standard", new Change(null, view.run().standardKey()));
		changes.put(Disclosures.ROWS, new Change(null, view.kept()));
		this.disclosures.record(new AuditEntry(this.actor.get().username(), Disclosures.EXPORT, "WHATIF", id.toString(),
				null, view.run().unitPath(), view.run().provinceCode(), changes, null));
		return view;
	}

	/** Every changed household kept, in order, one at a time. */
	public void eachChange(UUID id, Consumer<ChangeRow> each) {
		run(id);
		this.repository.eachChange(id, each);
	}

}
