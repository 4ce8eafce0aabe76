package vn.giamngheo.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Review years for tests. A review is unique per province and year, so two tests that
 * drew the same random year collided (a red CI run in session 3). One counter per test
 * JVM, starting at a random hundred so that a rerun against a kept database does not
 * start where the last one did. Years stay in 3000–8000: far from real data, and cleaned
 * up by the tests' "year ≥ 2990" deletes.
 */
public final class TestYears {

	private static final AtomicInteger NEXT = new AtomicInteger(3000 + ThreadLocalRandom.current().nextInt(50) * 100);

	private TestYears() {
	}

	public static int unique() {
		return NEXT.getAndIncrement();
	}

}
