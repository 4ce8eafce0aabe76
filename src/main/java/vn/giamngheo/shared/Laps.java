package vn.giamngheo.shared;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * Times the steps of a long operation for one log line ("households 3.1 s, members 12.4
 * s"), so that an operator (and the benches) can see where a bulk change spends its time.
 * Not thread-safe: one per operation.
 */
public final class Laps {

	private final StringJoiner laps = new StringJoiner(", ");

	private long last = System.nanoTime();

	private final long start = this.last;

	/** Ends the step that began at the previous lap (or at creation). */
	public Laps lap(String step) {
		long now = System.nanoTime();
		this.laps.add(String.format(Locale.ROOT, "%s %.1f s", step, (now - this.last) / 1e9));
		this.last = now;
		return this;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%.1f s (%s)", (System.nanoTime() - this.start) / 1e9, this.laps);
	}

}
