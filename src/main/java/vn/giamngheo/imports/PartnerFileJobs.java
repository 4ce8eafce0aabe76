package vn.giamngheo.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.benefits.BenefitBulk;
import vn.giamngheo.benefits.BenefitBulk.Plan;
import vn.giamngheo.benefits.BenefitBulk.Unmatched;
import vn.giamngheo.benefits.BulkRecord;
import vn.giamngheo.imports.domain.PartnerFileParser;
import vn.giamngheo.imports.domain.PartnerKind;
import vn.giamngheo.imports.domain.Problem;
import vn.giamngheo.imports.domain.Tables;
import vn.giamngheo.imports.domain.UnreadableFileException;
import vn.giamngheo.imports.persistence.ImportJobRepository;
import vn.giamngheo.imports.persistence.ImportJobRepository.Counts;
import vn.giamngheo.shared.BoundedExecutors;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.text.TextNormalizer;

/**
 * Runs partner-file jobs (ADR 0037) in the background, one at a time, as their uploader:
 * the dry run (read the file, match its rows, store the problems and counts; the ledger
 * is not touched) and the commit (read and match again against the registry and ledger as
 * they are now, then write in one transaction with the job's final state). Nothing is
 * kept between the two but the file, so a job that a restart interrupted is simply run
 * again when the application is ready.
 */
@Component
class PartnerFileJobs implements JobSteps {

	private static final Logger log = LoggerFactory.getLogger(PartnerFileJobs.class);

	private final ImportJobRepository jobs;

	private final ImportFiles files;

	private final BenefitBulk bulk;

	private final TransactionTemplate tx;

	private final Executor streams;

	private final Map<String, String> programmes;

	PartnerFileJobs(ImportJobRepository jobs, ImportFiles files, BenefitBulk bulk, TransactionTemplate tx,
			@Qualifier(BoundedExecutors.STREAMS) Executor streams) {
		this.jobs = jobs;
		this.files = files;
		this.bulk = bulk;
		this.tx = tx;
		this.streams = streams;
		this.programmes = programmes();
	}

	/** The VBSP programme names and codes (data file), folded → policy code. */
	static Map<String, String> programmes() {
		Map<String, String> map = new LinkedHashMap<>();
		try (InputStream in = PartnerFileJobs.class.getResourceAsStream("/imports/vbsp-programmes.txt")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				int bar = line.indexOf('|');
				if (!line.startsWith("#") && bar > 0) {
					map.put(TextNormalizer.fold(line.substring(0, bar)), line.substring(bar + 1).trim());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Map.copyOf(map);
	}

	@Override
	public String thread() {
		return "partner-files";
	}

	@Override
	public String what() {
		return "Partner file";
	}

	@Override
	public boolean runs(ImportJob job) {
		return !job.survey() && PartnerKind.of(job.kind()) != null;
	}

	/** The file's rows read: records to match and the problems of the others. */
	record Read(PartnerFileParser parser, String error) {
	}

	Read read(ImportJob job) {
		PartnerFileParser parser = new PartnerFileParser(PartnerKind.of(job.kind()), this.programmes);
		Path path = this.files.path(job.id());
		try {
			Tables.read(path, Tables.detect(path), job.fileName(), parser, this.streams);
		}
		catch (UnreadableFileException ex) {
			return new Read(parser, ex.key());
		}
		return new Read(parser, parser.headerFound() ? null : "imports.partner.no-header");
	}

	@Override
	public void validate(ImportJob job) {
		this.jobs.start(job.id(), "VALIDATING");
		long t0 = System.nanoTime();
		Read read = read(job);
		if (read.error() != null) {
			this.tx.executeWithoutResult((s) -> {
				this.jobs.problems(job.id(), List.of());
				this.jobs.finish(job.id(), "REJECTED", counts(0, List.of(), null));
				this.jobs.explain(job.id(), read.error());
			});
			return;
		}
		long t1 = System.nanoTime();
		Plan plan = this.bulk.check(job.id(), read.parser().records());
		List<Problem> problems = problems(read.parser(), plan);
		this.tx.executeWithoutResult((s) -> {
			this.jobs.problems(job.id(), problems);
			this.jobs.finish(job.id(), "VALIDATED", counts(read.parser().rows(), problems, plan));
			if (plan.created() + plan.corrected() + plan.same() == 0 && read.parser().rows() > 0) {
				this.jobs.explain(job.id(), SurveyFileJobs.NOTHING_REJECTED);
			}
		});
		log.info("Partner file {}: {} rows read in {} ms, matched in {} ms", job.id(), read.parser().rows(),
				(t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
	}

	@Override
	public void commit(ImportJob job) {
		this.jobs.start(job.id(), "COMMITTING");
		long t0 = System.nanoTime();
		Read read = read(job);
		if (read.error() != null) {
			this.jobs.fail(job.id(), read.error());
			return;
		}
		boolean all = "ALL".equals(job.mode());
		if (all && !read.parser().problems().isEmpty()) {
			this.jobs.refused(job.id(), "imports.job.has-problems");
			return;
		}
		try {
			this.tx.executeWithoutResult((s) -> {
				Plan plan = this.bulk.insert(job.id(), read.parser().records(), job.uploadedBy(), all, job.fileName());
				List<Problem> problems = problems(read.parser(), plan);
				this.jobs.problems(job.id(), problems);
				this.jobs.finish(job.id(), "COMMITTED", counts(read.parser().rows(), problems, plan));
			});
		}
		catch (DomainException ex) {
			// all or nothing, and a row can no longer be matched: nothing written
			this.jobs.refused(job.id(), ex.messageKey());
			return;
		}
		log.info("Partner file {}: committed in {} ms", job.id(), (System.nanoTime() - t0) / 1_000_000);
	}

	/**
	 * The problems of the rows: as read, then the rows that name nobody, in file order.
	 */
	private static List<Problem> problems(PartnerFileParser parser, Plan plan) {
		List<Problem> problems = new ArrayList<>(parser.problems());
		Map<Integer, String> households = new HashMap<>();
		for (BulkRecord r : parser.records()) {
			households.put(r.row(), r.householdCode());
		}
		for (Unmatched u : plan.unmatched()) {
			String column = u.key().contains("cccd") || u.key().contains("person") ? "#imports.partner.col.CCCD"
					: u.key().contains("duplicate") ? null : "#imports.partner.col.HOUSEHOLD_CODE";
			problems.add(Problem.error(parser.sheet(), u.row(), column, u.arg(), u.key(), households.get(u.row()),
					(u.arg() == null) ? "" : u.arg()));
		}
		problems.sort(Comparator.comparingInt(Problem::row));
		return problems;
	}

	private static Counts counts(int rows, List<Problem> problems, Plan plan) {
		Set<Integer> rejected = new HashSet<>();
		problems.forEach((p) -> rejected.add(p.row()));
		Map<String, Integer> matches = new LinkedHashMap<>();
		if (plan != null) {
			matches.put("CCCD", plan.byCccd());
			matches.put("CODE", plan.byCode());
			matches.put("UNMATCHED", plan.unmatched().size());
		}
		return new Counts(rows, rejected.size(), problems.size(), (plan == null) ? 0 : plan.created(),
				(plan == null) ? 0 : plan.corrected(), (plan == null) ? 0 : plan.same(), 0, 0, 0, matches);
	}

}
