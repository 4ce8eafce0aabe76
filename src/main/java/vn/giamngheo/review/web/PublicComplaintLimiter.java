package vn.giamngheo.review.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Limits complaints filed from the public posting page: at most {@link #LIMIT} per client
 * address in any {@link #WINDOW}. Kept in memory (one application instance; a restart
 * forgets it), which is enough to stop a script flooding a commune's complaint list.
 */
@Component
class PublicComplaintLimiter {

	static final int LIMIT = 5;

	static final Duration WINDOW = Duration.ofMinutes(10);

	/** Clients remembered at most; beyond, the oldest entries are forgotten. */
	private static final int CLIENTS = 10_000;

	private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

	private final Clock clock;

	PublicComplaintLimiter(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Counts one attempt of the client.
	 * @return whether it is allowed
	 */
	boolean allow(String client) {
		Instant now = this.clock.instant();
		if (this.recent.size() > CLIENTS) {
			this.recent.entrySet().removeIf((e) -> {
				synchronized (e.getValue()) {
					return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(now.minus(WINDOW));
				}
			});
		}
		Deque<Instant> times = this.recent.computeIfAbsent(client, (k) -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
				times.pollFirst();
			}
			if (times.size() >= LIMIT) {
				return false;
			}
			times.addLast(now);
			return true;
		}
	}

}
