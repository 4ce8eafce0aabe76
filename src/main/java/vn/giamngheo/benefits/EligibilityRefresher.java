package vn.giamngheo.benefits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.giamngheo.registry.AssessmentsChanged;
import vn.giamngheo.shared.work.PendingWork;
import vn.giamngheo.shared.work.WorkDrainer;
import vn.giamngheo.shared.work.WorkHandler;

/**
 * Regenerates a commune's eligibility lists after every recognition decision (and every
 * other change of its households' classes: an import, an edit, a voiding): the change
 * marks the commune in {@code pending_work} in its own transaction
 * ({@link AssessmentsChanged}), and the work drainer runs the lists as of that day in
 * Viet Nam a few seconds later. A mark is removed only by the run that covers it, so a
 * restart or a failed run loses none (ADR 0020, 0035).
 */
@Component
public class EligibilityRefresher implements WorkHandler {

	/** The kind of pending work. */
	public static final String PENDING = "ELIGIBILITY";

	private final EligibilityLists lists;

	private final PendingWork work;

	private final WorkDrainer drainer;

	private final Clock clock;

	public EligibilityRefresher(EligibilityLists lists, PendingWork work, WorkDrainer drainer, Clock clock) {
		this.lists = lists;
		this.work = work;
		this.drainer = drainer;
		this.clock = clock;
	}

	/** In the transaction that changed the classes: it commits the mark or nothing. */
	@EventListener
	void changed(AssessmentsChanged event) {
		this.work.mark(PENDING, String.valueOf(event.communeId()), event.communeId());
	}

	@Override
	public String kind() {
		return PENDING;
	}

	@Override
	public void work(List<String> communes) {
		LocalDate today = LocalDate.now(this.clock);
		for (String commune : communes) {
			this.lists.generate(Long.parseLong(commune), today, "RECOGNITION");
		}
	}

	/**
	 * Regenerates the marked communes whose run is due now, on the calling thread.
	 * @return what was done
	 */
	public WorkDrainer.Drained regeneratePending() {
		return this.drainer.drainNow(PENDING);
	}

	/** A few communes per transaction: each is a whole list run. */
	@Override
	public int batchSize() {
		return 5;
	}

}
