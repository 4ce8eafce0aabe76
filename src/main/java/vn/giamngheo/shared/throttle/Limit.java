package vn.giamngheo.shared.throttle;

import java.time.Duration;
import java.time.Instant;

/**
 * One abuse limit with growing delays, as data: the first {@code free - 1} events of a
 * key pass; the {@code free}-th and each further one delay the key by {@code delay},
 * doubling each time up to {@code maxDelay}. The count leaks away by one every
 * {@code leak}, so a key that stops misbehaving is forgotten. Pure (no clock, no
 * database): {@link Throttle} keeps the state.
 *
 * @param name the limit's name (stored with each key)
 * @param free events at which the first delay starts
 * @param delay the first delay
 * @param maxDelay the longest delay
 * @param leak time after which one counted event is forgotten
 */
public record Limit(String name, int free, Duration delay, Duration maxDelay, Duration leak) {

	public Limit {
		if (free < 1 || delay.isNegative() || maxDelay.compareTo(delay) < 0 || leak.isNegative() || leak.isZero()) {
			throw new IllegalArgumentException("bad limit " + name);
		}
	}

	/**
	 * The count still remembered of {@code level} events counted until {@code at}.
	 * @param level count stored
	 * @param at when it was stored
	 * @param now now
	 * @return the count after leaking
	 */
	public int leaked(int level, Instant at, Instant now) {
		long gone = Math.max(0, Duration.between(at, now).toMillis()) / this.leak.toMillis();
		return (int) Math.max(0, level - gone);
	}

	/**
	 * The delay after the count reached {@code level}.
	 * @param level count, this event included
	 * @return zero below {@code free}, else {@code delay × 2^(level - free)} up to
	 * {@code maxDelay}
	 */
	public Duration delayAt(int level) {
		if (level < this.free) {
			return Duration.ZERO;
		}
		int doublings = Math.min(level - this.free, 40);
		Duration d = this.delay;
		for (int i = 0; i < doublings && d.compareTo(this.maxDelay) < 0; i++) {
			d = d.multipliedBy(2);
		}
		return (d.compareTo(this.maxDelay) > 0) ? this.maxDelay : d;
	}

	/**
	 * When a key counted up to {@code level} at {@code at} is entirely forgotten (nothing
	 * left to leak and no delay in force).
	 * @param level count
	 * @param at when counted
	 * @param blockedUntil delay in force, or {@code null}
	 * @return the time the row may be deleted
	 */
	Instant forgetAt(int level, Instant at, Instant blockedUntil) {
		Instant leaked = at.plus(this.leak.multipliedBy(level));
		return (blockedUntil != null && blockedUntil.isAfter(leaked)) ? blockedUntil : leaked;
	}

}
