package vn.giamngheo.shared.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.shared.BoundedExecutors;
import vn.giamngheo.shared.db.OneRunner;
import vn.giamngheo.shared.work.PendingWork.Due;

/**
 * Does the pending work of every {@link WorkHandler}: when the application is ready (what
 * a stop or crash left pending) and then every few seconds
 * ({@code giamngheo.work.poll-delay}, default 5 s), on the bounded {@code work} pool, one
 * drain of a kind at a time. A batch of subjects is one transaction: the handler's work
 * and the removal of the marks it covers. A failing batch is tried again subject by
 * subject, so one bad subject does not hold up the others; a failing subject keeps its
 * marks with the error and is tried again after a back-off that doubles
 * ({@code giamngheo.work.retry-delay}, default 10 s, at most
 * {@code giamngheo.work.max-retry-delay}, default 30 min). Failures are logged and shown
 * where the figures are read ({@link PendingWork#backlog}).
 * <p>
 * With several application nodes on one database, a kind is drained by one node at a time
 * ({@link OneRunner}, ADR 0052): {@link PendingWork#due} does not lock what it picks, so
 * two nodes would otherwise do the same subjects' work twice, concurrently.
 */
@Component
public class WorkDrainer {

	private static final Logger log = LoggerFactory.getLogger(WorkDrainer.class);

	/** The name of a kind's drain among the jobs that run on one node at a time. */
	static final String JOB = "work.";

	/** Most batches of one kind in one drain; the next poll goes on. */
	static final int MAX_BATCHES = 200;

	private final PendingWork work;

	private final ObjectProvider<WorkHandler> handlers;

	private final TransactionTemplate tx;

	private final Executor executor;

	private final Clock clock;

	private final boolean automatic;

	private final Duration retryDelay;

	private final Duration maxRetryDelay;

	private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

	private final OneRunner jobs;

	public WorkDrainer(PendingWork work, ObjectProvider<WorkHandler> handlers, TransactionTemplate tx,
			@Qualifier(BoundedExecutors.WORK) Executor executor, Clock clock, OneRunner jobs,
			@Value("${giamngheo.work.automatic:true}") boolean automatic,
			@Value("${giamngheo.work.retry-delay:PT10S}") Duration retryDelay,
			@Value("${giamngheo.work.max-retry-delay:PT30M}") Duration maxRetryDelay) {
		this.work = work;
		this.handlers = handlers;
		this.tx = tx;
		this.executor = executor;
		this.clock = clock;
		this.automatic = automatic;
		this.retryDelay = retryDelay;
		this.maxRetryDelay = maxRetryDelay;
		this.jobs = jobs;
	}

	/** At start: resumes the work that a stop or a crash left pending. */
	@EventListener(ApplicationReadyEvent.class)
	public void resume() {
		poll();
	}

	/**
	 * Sweeps every kind on the work pool: one task that drains each kind with due work in
	 * turn, unless a sweep is queued or running (the next poll tries again). One task per
	 * poll, not one per kind: the pool is small (one thread, one queued task by default),
	 * and a task per kind let the first two kinds take it every time while the others
	 * were refused, their marks left waiting with the pool idle (seen on the full demo:
	 * 460 exit-outcome marks left for minutes, 07/12/2026).
	 */
	@Scheduled(fixedDelayString = "${giamngheo.work.poll-delay:PT5S}",
			initialDelayString = "${giamngheo.work.poll-delay:PT5S}")
	void poll() {
		if (!this.automatic) {
			return;
		}
		sweep();
	}

	/** Submits one sweep over every kind (package-private for its test). */
	void sweep() {
		try {
			this.executor.execute(() -> this.handlers.orderedStream().forEach(this::drainIfDue));
		}
		catch (RejectedExecutionException ex) {
			// a sweep is queued or running already
		}
	}

	private void drainIfDue(WorkHandler handler) {
		ReentrantLock lock = lock(handler.kind());
		if (lock.tryLock()) {
			try {
				if (!this.work.due(handler.kind(), 1).isEmpty()) {
					this.jobs.runAlone(JOB + handler.kind(), () -> drain(handler));
				}
			}
			catch (RuntimeException ex) {
				// one kind's failure (the database unreachable a moment) does not
				// stop the sweep of the others
				log.warn("Pending work {} not drained now: {}", handler.kind(), ex.getMessage());
			}
			finally {
				lock.unlock();
			}
		}
	}

	/**
	 * What a drain did.
	 *
	 * @param done subjects whose work committed
	 * @param failed subjects whose work failed (kept for a later attempt)
	 */
	public record Drained(int done, int failed) {
	}

	/**
	 * Does the due work of a kind now, on the calling thread (after a drain of that kind
	 * that is running).
	 * @param kind the kind
	 * @return what was done
	 */
	public Drained drainNow(String kind) {
		WorkHandler handler = this.handlers.orderedStream()
			.filter((h) -> h.kind().equals(kind))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no handler of " + kind));
		ReentrantLock lock = lock(kind);
		lock.lock();
		try {
			return this.jobs.runWaiting(JOB + kind, () -> drain(handler));
		}
		finally {
			lock.unlock();
		}
	}

	private ReentrantLock lock(String kind) {
		return this.running.computeIfAbsent(kind, (k) -> new ReentrantLock());
	}

	private Drained drain(WorkHandler handler) {
		int done = 0;
		int failed = 0;
		for (int i = 0; i < MAX_BATCHES; i++) {
			List<Due> due = this.work.due(handler.kind(), handler.batchSize());
			if (due.isEmpty()) {
				break;
			}
			int ok = run(handler, due);
			done += ok;
			failed += due.size() - ok;
		}
		if (done + failed > 0) {
			log.info("Pending work {}: {} done, {} failed", handler.kind(), done, failed);
		}
		return new Drained(done, failed);
	}

	/** Runs a batch; a failing batch of several runs again one subject at a time. */
	private int run(WorkHandler handler, List<Due> batch) {
		try {
			this.tx.executeWithoutResult((status) -> {
				handler.work(batch.stream().map(Due::subject).toList());
				this.work.done(batch.stream().flatMap((d) -> d.ids().stream()).toList());
			});
			return batch.size();
		}
		catch (RuntimeException ex) {
			if (batch.size() > 1) {
				int ok = 0;
				for (Due one : batch) {
					ok += run(handler, List.of(one));
				}
				return ok;
			}
			failed(handler.kind(), batch.get(0), ex);
			return 0;
		}
	}

	private void failed(String kind, Due due, RuntimeException ex) {
		int attempts = due.attempts() + 1;
		Instant next = this.clock.instant().plus(backOff(attempts));
		log.warn("Pending work {} of {} failed (attempt {}), tried again at {}", kind, due.subject(), attempts, next,
				ex);
		this.tx.executeWithoutResult((status) -> this.work.failed(kind, due.subject(), attempts, next,
				String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage())));
	}

	/** The wait after a number of failed attempts: doubling, capped. */
	Duration backOff(int attempts) {
		Duration delay = this.retryDelay;
		for (int i = 1; i < attempts && delay.compareTo(this.maxRetryDelay) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.maxRetryDelay) > 0) ? this.maxRetryDelay : delay;
	}

}
