package vn.giamngheo.shared.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bulkheads for heavy requests ({@link Bulkheads}, ADR 0055).
 *
 * @param enabled false: no request is counted or refused
 * @param maxWait how long a heavy request waits for a free slot of its class before it is
 * answered 503
 * @param retryAfter the {@code Retry-After} of that 503
 * @param classes the heavy classes, first match wins; a request matching none is light
 * and never waits for a slot of a class
 * @param reads how many light reads (GET, HEAD of no heavy class) run at once: writes
 * never wait for them (ADR 0065)
 */
@ConfigurationProperties("giamngheo.bulkheads")
public record BulkheadProperties(Boolean enabled, Duration maxWait, Duration retryAfter, List<HeavyClass> classes,
		Reads reads) {

	public BulkheadProperties {
		enabled = !Boolean.FALSE.equals(enabled);
		maxWait = (maxWait != null) ? maxWait : Duration.ofSeconds(3);
		retryAfter = (retryAfter != null) ? retryAfter : Duration.ofSeconds(5);
		classes = (classes != null) ? List.copyOf(classes) : List.of();
		reads = (reads != null) ? reads : new Reads(null, null);
	}

	/**
	 * The reads' gate: a light GET or HEAD waits here (in the order it came) until fewer
	 * than {@code permits} light reads run, so that a save shares the cores with at most
	 * that many of them (and the heavy classes' slots); a read that waits longer than
	 * {@code maxWait} is answered 503.
	 *
	 * @param permits reads at once; absent or 0: twice the processors; negative: no gate
	 * @param maxWait the longest wait (30 s when absent)
	 */
	public record Reads(Integer permits, Duration maxWait) {

		public Reads {
			maxWait = (maxWait != null) ? maxWait : Duration.ofSeconds(30);
		}

		/** The permits in force: 0 when there is no gate. */
		public int effectivePermits() {
			if (this.permits != null && this.permits < 0) {
				return 0;
			}
			return (this.permits == null || this.permits == 0)
					? Math.max(2, 2 * Runtime.getRuntime().availableProcessors()) : this.permits;
		}

	}

	/**
	 * One class of heavy requests and its slots.
	 *
	 * @param name the class's name (logs, metrics)
	 * @param permits how many of its requests run at once
	 * @param paths path patterns ({@code /dashboards/**}, {@code /targets/resolutions/*})
	 * @param suffixes endings of the path ({@code .xlsx}, {@code .pdf})
	 * @param params request parameters that must all be present and not blank (a name
	 * search is {@code /api/v1/households} with {@code q}); none: the path is enough
	 */
	public record HeavyClass(String name, int permits, List<String> paths, List<String> suffixes, List<String> params) {

		public HeavyClass {
			paths = (paths != null) ? List.copyOf(paths) : List.of();
			suffixes = (suffixes != null) ? List.copyOf(suffixes) : List.of();
			params = (params != null) ? List.copyOf(params) : List.of();
		}

	}

}
