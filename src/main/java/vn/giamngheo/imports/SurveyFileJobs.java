package vn.giamngheo.imports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.imports.ImportPlanner.Plan;
import vn.giamngheo.imports.domain.HouseholdIn;
import vn.giamngheo.imports.domain.MemberIn;
import vn.giamngheo.imports.domain.ParsedFile;
import vn.giamngheo.imports.domain.ParsedFile.SheetInfo;
import vn.giamngheo.imports.domain.Problem;
import vn.giamngheo.imports.domain.SheetMapping;
import vn.giamngheo.imports.domain.SurveyParser;
import vn.giamngheo.imports.domain.Tables;
import vn.giamngheo.imports.domain.UnreadableFileException;
import vn.giamngheo.imports.persistence.ImportJobRepository;
import vn.giamngheo.imports.persistence.ImportJobRepository.Counts;
import vn.giamngheo.registry.HouseholdBulk;
import vn.giamngheo.registry.HouseholdBulk.Conflict;
import vn.giamngheo.shared.BoundedExecutors;
import vn.giamngheo.shared.Laps;
import vn.giamngheo.shared.text.TextNormalizer;

/**
 * Runs import jobs in the background, one at a time, as the user who uploaded them: the
 * dry run (read, check, plan, stage the plan with the versions it read and the list of
 * changes) and the commit (the staged plan less the households changed since, or nothing
 * in all-or-nothing mode when some did, written in one transaction together with the
 * job's final state). A job that a restart interrupted is resumed when the application is
 * ready: a commit that was under way had not committed (its transaction died with the
 * process), so it runs again.
 */
@Component
class SurveyFileJobs implements JobSteps {

	private static final Logger log = LoggerFactory.getLogger(SurveyFileJobs.class);

	/** Why a file cannot be committed: every data row has a problem. */
	static final String NOTHING_REJECTED = "imports.nothing.all-rejected";

	private final ImportJobRepository jobs;

	private final ImportPlanner planner;

	private final ImportVocabulary vocabulary;

	private final HouseholdBulk bulk;

	private final TransactionTemplate tx;

	/**
	 * The commit's transaction: repeatable read, so the plan's checks and writes see one
	 * state.
	 */
	private final TransactionTemplate commitTx;

	private final ImportFiles files;

	private final ObjectMapper json;

	private final Clock clock;

	/** The second thread of a workbook's reading. */
	private final Executor streams;

	SurveyFileJobs(ImportJobRepository jobs, ImportPlanner planner, ImportVocabulary vocabulary, HouseholdBulk bulk,
			TransactionTemplate tx, ImportFiles files, ObjectMapper json, Clock clock,
			@Qualifier(BoundedExecutors.STREAMS) Executor streams) {
		this.streams = streams;
		this.jobs = jobs;
		this.planner = planner;
		this.vocabulary = vocabulary;
		this.bulk = bulk;
		this.tx = tx;
		this.commitTx = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
		this.commitTx
			.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.files = files;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public String thread() {
		return "imports";
	}

	@Override
	public String what() {
		return "Import";
	}

	@Override
	public boolean runs(ImportJob job) {
		return job.survey();
	}

	/** Drops what the failed step staged. */
	@Override
	public void failed(UUID id) {
		this.bulk.dropStaged(id);
		this.jobs.dropStagedChanges(id);
	}

	@Override
	public void validate(ImportJob job) {
		this.jobs.start(job.id(), "VALIDATING");
		long t0 = System.nanoTime();
		Planned planned = planFile(job, LocalDate.now(this.clock));
		long t1 = System.nanoTime();
		// the file's records are no longer held: only the plan
		this.tx.executeWithoutResult((status) -> {
			this.jobs.problems(job.id(), planned.plan().problems);
			stage(job, planned.plan());
			this.jobs.diffs(job.id(), PlanDiff.of(planned.plan())::iterator);
			this.jobs.conflicts(job.id(), List.of());
			this.jobs.finish(job.id(), "VALIDATED", planned.counts());
			if (!planned.counts().usable() && planned.nothing() != null) {
				this.jobs.explain(job.id(), planned.nothing());
			}
		});
		log.info("Import {}: read, checked and planned in {} ms, staged in {} ms", job.id(), (t1 - t0) / 1_000_000,
				(System.nanoTime() - t1) / 1_000_000);
	}

	private Planned planFile(ImportJob job, LocalDate today) {
		Laps laps = new Laps();
		ParsedFile parsed = parse(job, today);
		laps.lap("read and check");
		Plan plan = this.planner.plan(parsed, today, this.jobs.separateCodes(job.id()));
		log.info("Import {}: {}", job.id(), laps.lap("match and plan"));
		return new Planned(plan, counts(parsed, plan), nothing(parsed));
	}

	/**
	 * @param nothing why the file has nothing to write, should it have nothing (message
	 * key)
	 */
	private record Planned(Plan plan, Counts counts, String nothing) {
	}

	/**
	 * Why a file would have nothing to write: no data sheet, no data row, or no good row.
	 */
	private static String nothing(ParsedFile parsed) {
		if (parsed.rows == 0) {
			return null; // not read at all: its problem says why
		}
		if (parsed.sheets.stream().noneMatch((s) -> s.kind() != null && s.kind().data())) {
			return "imports.nothing.no-sheet";
		}
		return (parsed.dataRows == 0) ? "imports.nothing.no-rows" : NOTHING_REJECTED;
	}

	/**
	 * The commit, in one transaction (repeatable read) with the job's final state. It
	 * applies the plan the dry run staged, else (the staged plan was lost) reads, checks
	 * and plans the file again and applies that. Either way the households the registry
	 * changed under since the dry run are conflicts (ADR 0018): not written; in
	 * all-or-nothing mode nothing is written and the job is back to checked, with the
	 * conflicts, its staged plan kept.
	 */
	@Override
	public void commit(ImportJob job) {
		this.jobs.start(job.id(), "COMMITTING");
		LocalDate today = LocalDate.now(this.clock);
		String reason = reason(job);
		Runnable[] after = { null };
		boolean[] spent = { true };
		long t0 = System.nanoTime();
		this.commitTx.executeWithoutResult((status) -> {
			Optional<List<Conflict>> staged = this.bulk.stagedConflicts(job.id());
			if (staged.isPresent()) {
				List<Conflict> conflicts = staged.get();
				if (refuse(job, conflicts, status, after)) {
					spent[0] = false;
					return;
				}
				Set<UUID> out = planned(conflicts);
				HouseholdBulk.Counts written = null;
				if (!out.isEmpty()) {
					written = this.bulk.leaveOut(job.id(), out);
					this.jobs.leaveOut(job.id(), out);
				}
				Laps laps = new Laps();
				this.bulk.applyStaged(job.id(), reason);
				this.jobs.commitStagedChanges(job.id());
				this.jobs.conflicts(job.id(), conflicts);
				this.jobs.committed(job.id(), written);
				log.info("Import {}: staged plan applied in {} ms, {} conflicts (revert records {})", job.id(),
						(System.nanoTime() - t0) / 1_000_000, conflicts.size(), laps.lap("copied"));
				return;
			}
			log.info("Import {}: the staged plan is gone; checking the file again", job.id());
			ParsedFile parsed = parse(job, today);
			Plan plan = this.planner.plan(parsed, today, this.jobs.separateCodes(job.id()));
			Counts counts = counts(parsed, plan);
			if ("ALL".equals(job.mode()) && plan.errors() > 0) {
				status.setRollbackOnly();
				after[0] = () -> this.tx.executeWithoutResult((s) -> {
					this.jobs.problems(job.id(), plan.problems);
					this.jobs.finish(job.id(), "REJECTED", counts);
				});
				return;
			}
			if (!counts.usable()) {
				// never "committed" with 0 rows
				status.setRollbackOnly();
				String why = Objects.requireNonNullElse(nothing(parsed), NOTHING_REJECTED);
				after[0] = () -> this.tx.executeWithoutResult((s) -> {
					this.jobs.problems(job.id(), plan.problems);
					this.jobs.finish(job.id(), "VALIDATED", counts);
					this.jobs.explain(job.id(), why);
				});
				return;
			}
			List<Conflict> conflicts = this.bulk.conflicts(job.id(), plan.changes(), plan.seen);
			if (refuse(job, conflicts, status, after)) {
				return;
			}
			plan.leaveOut(planned(conflicts));
			this.bulk.apply(plan.changes(), reason);
			this.jobs.changes(job.id(), plan.recorded()::iterator);
			this.jobs.diffs(job.id(), PlanDiff.of(plan)::iterator);
			this.jobs.problems(job.id(), plan.problems);
			this.jobs.conflicts(job.id(), conflicts);
			this.jobs.finish(job.id(), "COMMITTED", counts);
		});
		if (after[0] != null) {
			after[0].run();
		}
		if (spent[0]) {
			// the staged plan is spent (or out of date)
			this.bulk.dropStaged(job.id());
			this.jobs.dropStagedChanges(job.id());
			String now = this.jobs.find(job.id()).map(ImportJob::status).orElse("");
			if ("COMMITTED".equals(now) || "REJECTED".equals(now)) {
				this.bulk.forgetSeen(job.id());
			}
		}
	}

	/**
	 * In all-or-nothing mode, refuses a commit with conflicts: its transaction is rolled
	 * back, and afterwards the job is back to checked with the conflicts listed.
	 * @return whether the commit was refused
	 */
	private boolean refuse(ImportJob job, List<Conflict> conflicts, TransactionStatus status, Runnable[] after) {
		if (conflicts.isEmpty() || !"ALL".equals(job.mode())) {
			return false;
		}
		status.setRollbackOnly();
		after[0] = () -> this.tx.executeWithoutResult((s) -> {
			this.jobs.conflicts(job.id(), conflicts);
			this.jobs.refused(job.id(), "imports.commit.conflicts");
		});
		log.info("Import {}: refused, {} households changed since the dry run", job.id(), conflicts.size());
		return true;
	}

	private static Set<UUID> planned(List<Conflict> conflicts) {
		Set<UUID> ids = new HashSet<>();
		conflicts.forEach((c) -> ids.add(c.planned()));
		return ids;
	}

	private void stage(ImportJob job, Plan plan) {
		this.bulk.stage(job.id(), plan.changes(), plan.seen, reason(job));
		Laps laps = new Laps();
		this.jobs.stageChanges(job.id(), plan.recorded()::iterator);
		log.info("Import {}: revert records staged in {}", job.id(), laps.lap("revert records"));
	}

	private static String reason(ImportJob job) {
		return "import " + job.id() + " · " + job.fileName();
	}

	/** Reads the file with the uploader's mapping (chosen now or remembered). */
	ParsedFile parse(ImportJob job, LocalDate today) {
		Path file = this.files.path(job.id());
		IntConsumer progress = throttled(job.id());
		try {
			Tables.Format format = Tables.detect(file);
			Map<String, SheetMapping> chosen = chosenMapping(job.id());
			String commune = this.jobs.commune(job.id()).orElse(null);
			ParsedFile parsed = SurveyParser.parse(file, format, job.fileName(), this.vocabulary.get(), chosen, today,
					progress, this.streams, commune);
			if (chosen.isEmpty()) {
				Map<String, SheetMapping> remembered = remembered(job.uploadedBy(), parsed);
				if (!remembered.isEmpty()) {
					parsed = SurveyParser.parse(file, format, job.fileName(), this.vocabulary.get(), remembered, today,
							progress, this.streams, commune);
				}
			}
			this.jobs.sheets(job.id(), parsed.sheets);
			return parsed;
		}
		catch (UnreadableFileException ex) {
			ParsedFile none = new ParsedFile();
			none.problems.add(Problem.error(job.fileName(), 0, null, null, ex.key(), null, ex.args()));
			return none;
		}
	}

	Map<String, SheetMapping> chosenMapping(UUID id) {
		return this.jobs.mappingJson(id)
			.map((text) -> this.json.readValue(text, new TypeReference<LinkedHashMap<String, SheetMapping>>() {
			}))
			.map((m) -> (Map<String, SheetMapping>) m)
			.orElse(Map.of());
	}

	private Map<String, SheetMapping> remembered(String username, ParsedFile parsed) {
		Map<String, SheetMapping> found = new HashMap<>();
		for (SheetInfo sheet : parsed.sheets) {
			boolean needs = !(sheet.households() || sheet.members()) || parsed.problems.stream()
				.anyMatch((p) -> p.sheet().equals(sheet.name()) && "imports.header.missing".equals(p.key()));
			if (needs && !sheet.headers().isEmpty()) {
				this.jobs.rememberedMapping(username, signature(sheet.headers()))
					.ifPresent((text) -> found.put(sheet.name(), this.json.readValue(text, SheetMapping.class)));
			}
		}
		return found;
	}

	static String signature(List<String> headers) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (String h : headers) {
				sha.update(TextNormalizer.fold(h).getBytes(StandardCharsets.UTF_8));
				sha.update((byte) '|');
			}
			return java.util.HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private IntConsumer throttled(UUID id) {
		long[] last = { 0 };
		return (rows) -> {
			long now = System.nanoTime();
			if (now - last[0] > 250_000_000L) {
				last[0] = now;
				this.jobs.progress(id, rows);
			}
		};
	}

	private static Counts counts(ParsedFile parsed, Plan plan) {
		// a household row of a flat sheet (one row per member) is also a member row
		Set<String> flat = new HashSet<>();
		parsed.sheets.stream().filter((s) -> s.households() && s.members()).forEach((s) -> flat.add(s.name()));
		int accepted = 0;
		for (HouseholdIn h : parsed.households.values()) {
			if (!plan.rejected.contains(h.code()) && !flat.contains(h.ref().sheet())) {
				accepted++;
			}
		}
		for (MemberIn m : parsed.members) {
			if (!plan.rejected.contains(m.code())) {
				accepted++;
			}
		}
		int rejected = Math.max(0, parsed.dataRows - accepted);
		Map<String, Integer> matches = new LinkedHashMap<>(plan.matches);
		return new Counts(parsed.rows, rejected, plan.errors(), plan.newHouseholds.size(), plan.householdUpdates.size(),
				plan.same, plan.newMembers.size(), plan.memberUpdates.size(), plan.assessments.size(), matches);
	}

}
