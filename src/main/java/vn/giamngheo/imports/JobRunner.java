package vn.giamngheo.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.giamngheo.identity.RunAs;
import vn.giamngheo.imports.persistence.ImportJobRepository;
import vn.giamngheo.shared.db.OneRunner;
import vn.giamngheo.shared.error.DomainException;

/**
 * Runs every kind of import job (survey files, partner files, event files) the same way:
 * as the user who uploaded it, by its status (QUEUED: the dry run, COMMIT_QUEUED: the
 * commit), a failure marking the job failed with a message and never a half-written
 * change. Each kind has its own thread, so a long survey file does not hold up a partner
 * file. A job that a stop or crash left queued or running, of any kind, is run again when
 * the application is ready: a commit that was under way had not committed (its
 * transaction died with the process).
 */
@Component
class JobRunner {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	/** A job's lock among the jobs that run on one node at a time ({@link OneRunner}). */
	static final String LOCK = "import-job:";

	private final ImportJobRepository jobs;

	private final RunAs runAs;

	private final OneRunner locks;

	private final Map<JobSteps, ExecutorService> executors = new LinkedHashMap<>();

	JobRunner(ImportJobRepository jobs, RunAs runAs, OneRunner locks, List<JobSteps> kinds) {
		this.jobs = jobs;
		this.runAs = runAs;
		this.locks = locks;
		for (JobSteps steps : kinds) {
			this.executors.put(steps, Executors.newSingleThreadExecutor((r) -> {
				Thread t = new Thread(r, steps.thread());
				t.setDaemon(true);
				return t;
			}));
		}
	}

	/**
	 * Runs a job's next step in the background, on its kind's thread.
	 * @param id the job
	 */
	void submit(UUID id) {
		ImportJob job = this.jobs.find(id).orElse(null);
		JobSteps steps = (job != null) ? steps(job) : null;
		if (steps != null) {
			this.executors.get(steps).execute(() -> run(id, false));
		}
	}

	/**
	 * Runs a job's next step now, on the calling thread (a small file checked in the
	 * request). A refusal of access is thrown to the caller, not written as the job's
	 * failure.
	 * @param id the job
	 */
	void runNow(UUID id) {
		run(id, true);
	}

	/**
	 * Runs again the jobs a stop or crash left queued or running, unless another node
	 * runs them (ADR 0052).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void recover() {
		for (ImportJob job : this.jobs.unfinished()) {
			JobSteps steps = steps(job);
			if (steps != null) {
				this.executors.get(steps).execute(() -> this.locks.runAlone(LOCK + job.id(), () -> {
					// the job's lock is free: a job still running had its runner die
					if (this.jobs.resumeInterrupted(job.id())) {
						log.info("Resuming {} {} after a restart", steps.what().toLowerCase(java.util.Locale.ROOT),
								job.id());
					}
					step(job.id(), false);
				}));
			}
		}
	}

	@PreDestroy
	void stop() {
		this.executors.values().forEach(ExecutorService::shutdownNow);
	}

	private JobSteps steps(ImportJob job) {
		return this.executors.keySet().stream().filter((s) -> s.runs(job)).findFirst().orElse(null);
	}

	/**
	 * Runs a job's next step holding the job's lock, so two nodes never run one job at
	 * once.
	 */
	private void run(UUID id, boolean throwRefusals) {
		this.locks.runAlone(LOCK + id, () -> step(id, throwRefusals));
	}

	private void step(UUID id, boolean throwRefusals) {
		ImportJob job = this.jobs.find(id).orElse(null);
		JobSteps steps = (job != null) ? steps(job) : null;
		if (steps == null) {
			return;
		}
		try {
			this.runAs.run(job.uploadedBy(), () -> {
				switch (job.status()) {
					case "QUEUED" -> steps.validate(job);
					case "COMMIT_QUEUED" -> steps.commit(job);
					default -> {
					}
				}
				return null;
			});
		}
		catch (DomainException ex) {
			if (throwRefusals && ex.refusesAccess()) {
				throw ex;
			}
			failed(steps, id, ex.messageKey());
		}
		catch (RuntimeException | Error ex) {
			// an Error (out of memory on a huge file) too: the transaction was rolled
			// back;
			// the exception's message may quote the file's data: its type only, the trace
			// at debug
			log.warn("{} {} failed ({}); nothing was written", steps.what(), id, ex.getClass().getName());
			log.debug("{} {} failed", steps.what(), id, ex);
			failed(steps, id, "imports.job.failed");
		}
	}

	private void failed(JobSteps steps, UUID id, String key) {
		this.jobs.fail(id, key);
		steps.failed(id);
	}

}
