package vn.giamngheo.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.giamngheo.registry.AssessmentsChanged;

/**
 * Keeps the aggregates current without anyone calling them: every committed change of a
 * commune's assessments ({@link AssessmentsChanged}, from a recognition or an import)
 * marks the commune, and a background pass every few seconds
 * ({@code giamngheo.analytics.refresh-delay}, default 5 s) rebuilds the marked communes
 * in one call — a recognised commune of 2,000 households is one refresh, not 2,000. Marks
 * live in memory: after a restart, {@code POST /api/v1/analytics/refreshes} rebuilds a
 * province.
 */
@Component
public class AggregatesRefresher {

	private static final Logger log = LoggerFactory.getLogger(AggregatesRefresher.class);

	private final Aggregates aggregates;

	private final Set<Long> pending = ConcurrentHashMap.newKeySet();

	public AggregatesRefresher(Aggregates aggregates) {
		this.aggregates = aggregates;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void changed(AssessmentsChanged event) {
		this.pending.add(event.communeId());
	}

	/** Communes waiting for a refresh. */
	public Set<Long> pending() {
		return Set.copyOf(this.pending);
	}

	/**
	 * Rebuilds the aggregates of the marked communes now.
	 * @return what was done
	 */
	@Scheduled(fixedDelayString = "${giamngheo.analytics.refresh-delay:PT5S}")
	public RefreshReport refreshPending() {
		if (this.pending.isEmpty()) {
			return new RefreshReport(0, 0, 0);
		}
		List<Long> communes = new ArrayList<>(this.pending);
		this.pending.removeAll(communes);
		try {
			RefreshReport report = this.aggregates.refreshCommunes(communes);
			log.info("Aggregates refreshed for {} communes in {} s", communes.size(), report.seconds());
			return report;
		}
		catch (RuntimeException ex) {
			this.pending.addAll(communes);
			throw ex;
		}
	}

}
