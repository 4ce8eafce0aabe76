package vn.giamngheo.shared.db;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * UUIDv7 ids (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter, then 62
 * random bits. Ids made one after another rise, so a bulk insert appends to the primary
 * key and foreign-key indexes instead of splitting pages at random (a random UUID costs
 * PostgreSQL a random index page per row, see docs/bench/imports.md). The demo generator
 * makes ids of the same shape. The random part comes from {@link ThreadLocalRandom}: ids
 * are not secrets (every read is checked against the reader's scope).
 */
public final class TimeOrderedIds {

	/** Last (millisecond << 12 | counter) handed out: strictly rising within a JVM. */
	private static final AtomicLong LAST = new AtomicLong();

	private TimeOrderedIds() {
	}

	public static UUID next() {
		long now = System.currentTimeMillis() << 12;
		long stamp = LAST.updateAndGet((last) -> Math.max(last + 1, now));
		long msb = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0xFFFL);
		long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}

}
