package vn.giamngheo.imports.persistence;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.giamngheo.shared.metrics.CountGauges;

/**
 * {@code giamngheo_import_jobs{status}}: import jobs in each status (queued, validating,
 * committing, failed…), for Prometheus (ADR 0019). One indexed {@code group by} at most
 * every 15 s.
 */
@Component
class ImportMetrics implements MeterBinder {

	static final List<String> STATUSES = List.of("QUEUED", "VALIDATING", "VALIDATED", "REJECTED", "COMMIT_QUEUED",
			"COMMITTING", "COMMITTED", "FAILED", "REVERTED");

	private final JdbcClient jdbc;

	private final Clock clock;

	ImportMetrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		CountGauges.register(registry, "giamngheo.import.jobs", "Import jobs by status", "status", STATUSES,
				() -> CountGauges.query(this.jdbc, "select status, count(*) from import_job group by status"),
				this.clock, Duration.ofSeconds(15));
	}

}
