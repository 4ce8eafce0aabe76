package vn.giamngheo.review.web;

import java.time.Duration;

import org.springframework.stereotype.Component;

import vn.giamngheo.shared.throttle.Limit;
import vn.giamngheo.shared.throttle.Throttle;

/**
 * Limits complaints filed from the public posting page per client (the shared
 * {@link Throttle}, ADR 0019): {@link #FREE} pass at once, then the client waits
 * {@link #WAIT}, doubling for each further complaint while the count has not leaked away
 * (one every two minutes). Stored in the database, so a restart or a second application
 * node does not reset it.
 */
@Component
class PublicComplaintLimiter {

	static final int FREE = 5;

	static final Duration WAIT = Duration.ofMinutes(10);

	static final Limit LIMIT = new Limit("complaint", FREE, WAIT, Duration.ofHours(2), Duration.ofMinutes(2));

	private final Throttle throttle;

	PublicComplaintLimiter(Throttle throttle) {
		this.throttle = throttle;
	}

	/**
	 * Counts one complaint of the client, unless it must wait.
	 * @param address the request's remote address (the real client behind the proxy)
	 * @return zero when allowed, else how long the client must wait
	 */
	Duration acquire(String address) {
		return this.throttle.acquire(LIMIT, "", Throttle.client(address));
	}

}
