package vn.giamngheo.shared.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gauges of how many rows are in each state (import jobs by status, households by review
 * step), one gauge per known state so every series exists from the start. One cheap
 * {@code group by} query serves all of them, run at most once per {@code ttl} however
 * often Prometheus scrapes (ADR 0019).
 */
public final class CountGauges {

	private final Supplier<Map<String, Long>> query;

	private final Clock clock;

	private final Duration ttl;

	private Map<String, Long> counts = Map.of();

	private Instant readAt;

	private CountGauges(Supplier<Map<String, Long>> query, Clock clock, Duration ttl) {
		this.query = query;
		this.clock = clock;
		this.ttl = ttl;
	}

	/**
	 * Registers {@code name{tag=state}} for each state.
	 * @param registry the meter registry
	 * @param name metric name (Micrometer style, e.g. {@code giamngheo.import.jobs})
	 * @param description what is counted
	 * @param tag the tag naming the state
	 * @param states every state, so that a state with no rows reads 0
	 * @param query state → count (states missing read 0)
	 * @param clock the application clock
	 * @param ttl how long one answer of the query is used
	 */
	public static void register(MeterRegistry registry, String name, String description, String tag,
			List<String> states, Supplier<Map<String, Long>> query, Clock clock, Duration ttl) {
		CountGauges counts = new CountGauges(query, clock, ttl);
		for (String state : states) {
			Gauge.builder(name, counts, (c) -> c.count(state))
				.description(description)
				.tag(tag, state)
				.strongReference(true)
				.register(registry);
		}
	}

	/**
	 * Counts from a query of two columns, the state and its count.
	 * @param jdbc the database
	 * @param sql {@code select state, count(*) … group by state}
	 * @return state → count
	 */
	public static Map<String, Long> query(JdbcClient jdbc, String sql) {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql(sql).query((rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	private synchronized double count(String state) {
		Instant now = this.clock.instant();
		if (this.readAt == null || !now.isBefore(this.readAt.plus(this.ttl))) {
			this.counts = this.query.get();
			this.readAt = now;
		}
		return this.counts.getOrDefault(state, 0L);
	}

}
