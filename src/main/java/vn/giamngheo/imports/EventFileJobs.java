package vn.giamngheo.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.exits.EventBulk;
import vn.giamngheo.exits.EventBulk.Plan;
import vn.giamngheo.exits.EventBulk.Unmatched;
import vn.giamngheo.exits.EventBulk.Written;
import vn.giamngheo.exits.HouseholdEventType;
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
import vn.giamngheo.shared.text.TextNormalizer;

/**
 * The dry run and the commit of event files (kind {@code EVENTS}, ADR 0041), run by
 * {@link JobRunner}: in the request that uploads or commits the file (an event file is
 * small), and again after a restart that cut one off.
 */
@Component
class EventFileJobs implements JobSteps {

	private final ImportJobRepository jobs;

	private final ImportFiles files;

	private final EventBulk bulk;

	private final TransactionTemplate tx;

	private final MessageSource messages;

	private final Executor streams;

	EventFileJobs(ImportJobRepository jobs, ImportFiles files, EventBulk bulk, TransactionTemplate tx,
			MessageSource messages, @Qualifier(BoundedExecutors.STREAMS) Executor streams) {
		this.jobs = jobs;
		this.files = files;
		this.bulk = bulk;
		this.tx = tx;
		this.messages = messages;
		this.streams = streams;
	}

	@Override
	public String thread() {
		return "event-files";
	}

	@Override
	public String what() {
		return "Event file";
	}

	@Override
	public boolean runs(ImportJob job) {
		return EventFiles.KIND.equals(job.kind());
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

	@Override
	public void validate(ImportJob job) {
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
				this.jobs.explain(job.id(), SurveyFileJobs.NOTHING_REJECTED);
			}
		});
	}

	@Override
	public void commit(ImportJob job) {
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
