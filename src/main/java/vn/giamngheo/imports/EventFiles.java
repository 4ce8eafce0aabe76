package vn.giamngheo.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.exits.EventBulk;
import vn.giamngheo.exits.EventBulk.Plan;
import vn.giamngheo.exits.EventBulk.Unmatched;
import vn.giamngheo.exits.EventBulk.Written;
import vn.giamngheo.exits.HouseholdEventType;
import vn.giamngheo.identity.Role;
import vn.giamngheo.imports.Imports.ShownProblem;
import vn.giamngheo.imports.domain.EventFileParser;
import vn.giamngheo.imports.domain.EventFileParser.Column;
import vn.giamngheo.imports.domain.Problem;
import vn.giamngheo.imports.domain.Tables;
import vn.giamngheo.imports.domain.UnreadableFileException;
import vn.giamngheo.imports.persistence.ImportJobRepository;
import vn.giamngheo.imports.persistence.ImportJobRepository.Change;
import vn.giamngheo.imports.persistence.ImportJobRepository.Counts;
import vn.giamngheo.shared.BoundedExecutors;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.text.TextNormalizer;

/**
 * Event files through the import jobs (kind {@code EVENTS}, ADR 0041): a list of
 * household events (mã hộ, ngày, loại biến cố, thành viên, ghi chú) is uploaded and
 * checked at once (an event file is a commune's month, not a census: at most
 * {@value EventFileParser#MAX_ROWS} rows), then committed — all or nothing, or only the
 * rows that can be written — as events of the job, and reverted as a whole (its events
 * voided). The job has the same life and tables as a partner file; it is seen only by its
 * uploader and the system administrator, and needs {@code HOUSEHOLD_EVENTS}.
 */
@Service
public class EventFiles {

	/** The import job kind. */
	public static final String KIND = "EVENTS";

	private static final Logger log = LoggerFactory.getLogger(EventFiles.class);

	private final ImportJobRepository jobs;

	private final ImportFiles files;

	private final EventBulk bulk;

	private final TransactionTemplate tx;

	private final MessageSource messages;

	private final Imports imports;

	private final Executor streams;

	EventFiles(ImportJobRepository jobs, ImportFiles files, EventBulk bulk, TransactionTemplate tx,
			MessageSource messages, Imports imports, @Qualifier(BoundedExecutors.STREAMS) Executor streams) {
		this.jobs = jobs;
		this.files = files;
		this.bulk = bulk;
		this.tx = tx;
		this.messages = messages;
		this.imports = imports;
		this.streams = streams;
	}

	/** Stores an uploaded event file and checks it (the dry run). */
	public ImportJob upload(String fileName, InputStream in) {
		Actor current = this.bulk.requireRecording();
		String name = ImportFiles.safeName(fileName);
		UUID id = UUID.randomUUID();
		ImportFiles.Stored stored = this.files.storeUpload(id, in);
		String format = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? "CSV" : "XLSX";
		this.jobs.insert(id, current.username(), name, stored.size(), stored.checksum(), format, KIND);
		guarded(id, () -> validate(this.jobs.find(id).orElseThrow()));
		return this.jobs.find(id).orElseThrow();
	}

	/** An event job of the current user (any for the administrator), or 404. */
	public ImportJob job(UUID id) {
		Actor current = this.bulk.requireRecording();
		ImportJob job = this.jobs.find(id).orElseThrow(() -> DomainException.notFound("IMPORT", id));
		if (!KIND.equals(job.kind())
				|| !job.uploadedBy().equals(current.username()) && !current.hasRole(Role.SYSTEM_ADMIN.name())) {
			throw DomainException.notFound("IMPORT", id);
		}
		return job;
	}

	/** The current user's event jobs (all for the administrator), newest first. */
	public List<ImportJob> list() {
		Actor current = this.bulk.requireRecording();
		return this.jobs.list(current.hasRole(Role.SYSTEM_ADMIN.name()) ? null : current.username(), 100, false)
			.stream()
			.filter((j) -> KIND.equals(j.kind()))
			.toList();
	}

	/** A page of the rows that cannot be written, and why, in the locale. */
	public List<ShownProblem> problems(UUID id, int page, int size, Locale locale) {
		job(id);
		return this.jobs.problems(id, false, Math.max(0, page) * size, size)
			.stream()
			.map((p) -> this.imports.show(p, locale))
			.toList();
	}

	/**
	 * Commits a checked event file.
	 * @param mode ALL (refused while a row has a problem) or VALID (only the rows that
	 * can be written)
	 */
	public ImportJob commit(UUID id, String mode) {
		ImportJob job = job(id);
		Imports.queueCommit(this.jobs, job, mode);
		guarded(id, () -> commit(this.jobs.find(id).orElseThrow()));
		return this.jobs.find(id).orElseThrow();
	}

	/** Takes back a committed event file in one transaction: its events are voided. */
	public ImportJob revert(UUID id) {
		ImportJob job = job(id);
		if (!job.revertible()) {
			throw new DomainException(ErrorCode.CONFLICT, "imports.job.not-revertible", job.status());
		}
		Actor current = this.bulk.requireRecording();
		this.tx.executeWithoutResult((s) -> {
			this.bulk.revert(id, job.fileName());
			this.jobs.reverted(id, current.username());
		});
		return this.jobs.find(id).orElseThrow();
	}

	/** The template: the list sheet with the headers the check recognises, and help. */
	public void template(Locale locale, OutputStream out) {
		this.bulk.requireRecording();
		try {
			Workbook wb = new Workbook(out, "giamngheo", "1.0");
			Worksheet list = wb.newWorksheet(msg("imports.partner.sheet.list", locale));
			Worksheet help = wb.newWorksheet(msg("imports.partner.sheet.help", locale));
			Column[] columns = Column.values();
			for (int c = 0; c < columns.length; c++) {
				list.value(0, c, columns[c].header());
				list.style(0, c).bold().fillColor("DDEBF7").set();
				list.width(c, (c == columns.length - 1) ? 50 : 24);
			}
			list.freezePane(0, 1);
			int r = 0;
			for (String key : List.of("exits.event.file.help.1", "exits.event.file.help.2",
					"exits.event.file.help.3")) {
				help.value(r++, 0, msg(key, locale));
			}
			r++;
			for (Column c : columns) {
				help.value(r, 0, c.header());
				help.value(r, 1, msg(c.required() ? "imports.partner.required" : "imports.partner.optional", locale));
				help.value(r++, 2, msg("exits.event.file.help.col." + c.name(), locale));
			}
			r++;
			help.value(r++, 0, msg("field.eventType", locale));
			for (HouseholdEventType t : HouseholdEventType.values()) {
				help.value(r++, 0, msg(t.labelKey(), Locale.forLanguageTag("vi")));
			}
			help.width(0, 44);
			help.width(1, 14);
			help.width(2, 90);
			wb.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The names a file may give a type by, folded: each type's Vietnamese name, the parts
	 * of a name with a slash, its English name and its code.
	 */
	Map<String, String> typeNames() {
		Map<String, String> names = new HashMap<>();
		for (HouseholdEventType t : HouseholdEventType.values()) {
			for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
				String name = msg(t.labelKey(), locale);
				names.put(TextNormalizer.fold(name), t.name());
				for (String part : name.split("/")) {
					names.putIfAbsent(TextNormalizer.fold(part.strip()), t.name());
				}
			}
			names.put(TextNormalizer.fold(t.name()), t.name());
			names.put(TextNormalizer.fold(t.name().replace('_', ' ')), t.name());
		}
		return names;
	}

	private void guarded(UUID id, Runnable step) {
		try {
			step.run();
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			this.jobs.fail(id, ex.messageKey());
		}
		catch (RuntimeException ex) {
			// the message may quote the file's data: its type only
			log.warn("Event file {} failed ({}); nothing was written", id, ex.getClass().getName());
			log.debug("Event file {} failed", id, ex);
			this.jobs.fail(id, "imports.job.failed");
		}
	}

	private EventFileParser read(ImportJob job) {
		EventFileParser parser = new EventFileParser(typeNames());
		Path path = this.files.path(job.id());
		try {
			Tables.read(path, Tables.detect(path), job.fileName(), parser, this.streams);
		}
		catch (UnreadableFileException ex) {
			throw new DomainException(ErrorCode.INVALID_INPUT, ex.key());
		}
		if (!parser.headerFound()) {
			throw new DomainException(ErrorCode.INVALID_INPUT, "exits.event.file.no-header");
		}
		if (parser.rows() > EventFileParser.MAX_ROWS) {
			throw new DomainException(ErrorCode.INVALID_INPUT, "exits.event.file.too-many");
		}
		return parser;
	}

	private void validate(ImportJob job) {
		this.jobs.start(job.id(), "VALIDATING");
		EventFileParser parser;
		try {
			parser = read(job);
		}
		catch (DomainException ex) {
			this.tx.executeWithoutResult((s) -> {
				this.jobs.problems(job.id(), List.of());
				this.jobs.finish(job.id(), "REJECTED", counts(0, List.of(), 0));
				this.jobs.explain(job.id(), ex.messageKey());
			});
			return;
		}
		Plan plan = this.bulk.check(parser.records());
		List<Problem> problems = problems(parser, plan);
		this.tx.executeWithoutResult((s) -> {
			this.jobs.problems(job.id(), problems);
			this.jobs.finish(job.id(), "VALIDATED", counts(parser.rows(), problems, plan.written()));
			if (plan.written() == 0 && parser.rows() > 0) {
				this.jobs.explain(job.id(), ImportRunner.NOTHING_REJECTED);
			}
		});
	}

	private void commit(ImportJob job) {
		this.jobs.start(job.id(), "COMMITTING");
		EventFileParser parser = read(job);
		boolean all = "ALL".equals(job.mode());
		if (all && !parser.problems().isEmpty()) {
			this.jobs.refused(job.id(), "imports.job.has-problems");
			return;
		}
		try {
			this.tx.executeWithoutResult((s) -> {
				Plan plan = this.bulk.insert(job.id(), parser.records(), all, job.fileName());
				List<Change> changes = new ArrayList<>();
				for (Written w : plan.ids()) {
					changes.add(new Change("EVENT", w.eventId(), w.householdId(), "CREATE", null));
				}
				this.jobs.changes(job.id(), changes);
				List<Problem> problems = problems(parser, plan);
				this.jobs.problems(job.id(), problems);
				this.jobs.finish(job.id(), "COMMITTED", counts(parser.rows(), problems, plan.written()));
			});
		}
		catch (DomainException ex) {
			if (ex.refusesAccess()) {
				throw ex;
			}
			// all or nothing, and a row can no longer be matched: nothing written
			this.jobs.refused(job.id(), ex.messageKey());
		}
	}

	/**
	 * The problems of the rows: as read, then the rows that name nobody, in file order.
	 */
	private static List<Problem> problems(EventFileParser parser, Plan plan) {
		List<Problem> problems = new ArrayList<>(parser.problems());
		Map<Integer, String> households = new HashMap<>();
		parser.records().forEach((r) -> households.put(r.row(), r.householdCode()));
		for (Unmatched u : plan.unmatched()) {
			problems.add(Problem.error(parser.sheet(), u.row(), "#" + Column.valueOf(u.column()).labelKey(), u.arg(),
					u.key(), households.get(u.row()), (u.arg() == null) ? "" : u.arg()));
		}
		problems.sort(Comparator.comparingInt(Problem::row));
		return problems;
	}

	private static Counts counts(int rows, List<Problem> problems, int written) {
		Set<Integer> rejected = new HashSet<>();
		problems.forEach((p) -> rejected.add(p.row()));
		return new Counts(rows, rejected.size(), problems.size(), written, 0, 0, 0, 0, 0, Map.of());
	}

	private String msg(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
