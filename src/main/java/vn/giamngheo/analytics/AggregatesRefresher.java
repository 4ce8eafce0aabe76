package vn.giamngheo.analytics;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.giamngheo.registry.AssessmentsChanged;
import vn.giamngheo.shared.work.PendingWork;
import vn.giamngheo.shared.work.WorkDrainer;
import vn.giamngheo.shared.work.WorkHandler;

/**
 * Keeps the aggregates current without anyone calling them: every change of a commune's
 * assessments ({@link AssessmentsChanged}, from a recognition or an import) marks the
 * commune in {@code pending_work} in the same transaction as the change, and the
 * {@link WorkDrainer} rebuilds the marked communes a few seconds later, a batch of
 * communes per transaction — a recognised commune of 2,000 households is one refresh, not
 * 2,000. A mark is removed only by the refresh that covers it: after a restart, a crash
 * or a failed refresh the commune is still marked, and the pages say its figures are
 * being updated.
 */
@Component
public class AggregatesRefresher implements WorkHandler {

	private final Aggregates aggregates;

	private final PendingWork work;

	private final WorkDrainer drainer;

	public AggregatesRefresher(Aggregates aggregates, PendingWork work, WorkDrainer drainer) {
		this.aggregates = aggregates;
		this.work = work;
		this.drainer = drainer;
	}

	/**
	 * In the transaction that changed the assessments: it commits the mark or nothing.
	 */
	@EventListener
	void changed(AssessmentsChanged event) {
		this.work.mark(Aggregates.PENDING, String.valueOf(event.communeId()), event.communeId());
	}

	@Override
	public String kind() {
		return Aggregates.PENDING;
	}

	@Override
	public void work(List<String> communes) {
		this.aggregates.refreshCommunes(communes.stream().map(Long::valueOf).toList());
	}

	/** Communes waiting for a refresh. */
	public Set<Long> pending() {
		Set<Long> communes = new TreeSet<>();
		this.work.marks(Aggregates.PENDING).forEach((m) -> communes.add(Long.valueOf(m.subject())));
		return communes;
	}

	/**
	 * Rebuilds the marked communes whose refresh is due now, on the calling thread.
	 * @return what was done
	 */
	public WorkDrainer.Drained refreshPending() {
		return this.drainer.drainNow(Aggregates.PENDING);
	}

}
