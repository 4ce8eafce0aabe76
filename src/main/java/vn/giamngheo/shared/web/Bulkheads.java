package vn.giamngheo.shared.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;

/**
 * No queueing behind the slow (issue 19, ADR 0055): a heavy read (a dashboard, a target's
 * progress or scorecard, an export, a name search across a province — the classes and
 * their slots are configured under {@code giamngheo.bulkheads}) takes one of a few slots
 * of its class before its handler runs, and gives it back when the response is done. So a
 * burst of dashboards holds at most that many pool connections and cores, and list pages,
 * household pages, API lists and edits (never counted here) still find a connection. A
 * heavy request that finds no free slot within {@code max-wait} is answered 503 with
 * {@code Retry-After} and a Vietnamese message ({@code error.bulkhead}: problem+json for
 * the API, the error page for a browser) before it touches the database. Only GET and
 * HEAD are counted: a write is never refused for being in a heavy area. Every light read
 * (one of no heavy class) passes the reads' gate ({@code giamngheo.bulkheads.reads}, ADR
 * 0065): at most twice as many as the processors run at once, the others wait in the
 * order they came, so that a save, which never waits there, shares the cores with a few
 * reads and the heavy classes' few slots, not with every connection's reads.
 */
@Component
public class Bulkheads implements HandlerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(Bulkheads.class);

	private static final String HELD = Bulkheads.class.getName() + ".held";

	private static final String READING = Bulkheads.class.getName() + ".reading";

	/** The reads' gate (ADR 0065); null when there is none. */
	private final Semaphore reads;

	private final AtomicLong readsRefused = new AtomicLong();

	private final BulkheadProperties properties;

	private final List<Lane> lanes;

	private final Map<String, Lane> byName;

	public Bulkheads(BulkheadProperties properties, ObjectProvider<MeterRegistry> meters,
			ObjectProvider<DataSource> dataSource) {
		this.properties = properties;
		this.lanes = properties.classes().stream().map(Lane::new).toList();
		this.byName = this.lanes.stream().collect(Collectors.toMap((l) -> l.spec.name(), Function.identity()));
		int readPermits = properties.reads().effectivePermits();
		// fair: reads go in the order they came
		this.reads = (readPermits > 0) ? new Semaphore(readPermits, true) : null;
		meters.ifAvailable((registry) -> this.lanes.forEach((lane) -> {
			Gauge.builder("giamngheo.bulkhead.busy", lane, Lane::busy)
				.tag("class", lane.spec.name())
				.description("heavy requests of the class running now")
				.register(registry);
			Gauge.builder("giamngheo.bulkhead.refused", lane.refused, AtomicLong::get)
				.tag("class", lane.spec.name())
				.description("heavy requests answered 503 since start")
				.register(registry);
		}));
		if (this.reads != null) {
			meters.ifAvailable((registry) -> {
				Gauge.builder("giamngheo.bulkhead.busy", this.reads, (r) -> readPermits - r.availablePermits())
					.tag("class", "reads")
					.description("reads running now (the reads' gate)")
					.register(registry);
				Gauge.builder("giamngheo.bulkhead.refused", this.readsRefused, AtomicLong::get)
					.tag("class", "reads")
					.description("reads answered 503 since start")
					.register(registry);
			});
		}
		int heavy = this.lanes.stream().mapToInt((l) -> l.spec.permits()).sum();
		dataSource.ifAvailable((ds) -> {
			if (properties.enabled() && ds instanceof HikariDataSource pool && heavy > pool.getMaximumPoolSize() - 2) {
				log.warn(
						"Bulkheads: {} heavy slots against a pool of {} connections; keep at least 2 for light"
								+ " requests and edits (giamngheo.bulkheads.classes, ADR 0055)",
						heavy, pool.getMaximumPoolSize());
			}
		});
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!this.properties.enabled() || request.getAttribute(HELD) != null || request.getAttribute(READING) != null
				|| !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
			return true;
		}
		Lane lane = laneOf(request);
		if (lane != null) {
			enter(lane, request);
		}
		else if (this.reads != null && !(handler instanceof ResourceHttpRequestHandler)) {
			// a heavy read is bounded by its class's slots: holding one while it waited
			// at the gate, it would keep its class waiting for the whole queue of reads
			read(request);
		}
		return true;
	}

	/** One of the reads' permits within its wait, else "busy" (503 with Retry-After). */
	private void read(HttpServletRequest request) {
		take(this.reads, this.properties.reads().maxWait(), this.readsRefused, "Reads' gate",
				request.getMethod() + " " + request.getRequestURI(), "error.bulkhead.reads");
		request.setAttribute(READING, Boolean.TRUE);
	}

	/**
	 * The reads' gate, for tests and operations.
	 * @return its semaphore, or null when there is no gate
	 */
	public Semaphore reads() {
		return this.reads;
	}

	private Lane laneOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		PathContainer container = PathContainer.parsePath(path);
		return this.lanes.stream().filter((l) -> l.matches(path, container, request)).findFirst().orElse(null);
	}

	private void enter(Lane lane, HttpServletRequest request) {
		acquire(lane, request.getMethod() + " " + request.getRequestURI());
		request.setAttribute(HELD, lane);
	}

	/**
	 * A slot of the class within {@code max-wait}, else "busy" (503 with Retry-After).
	 */
	private void acquire(Lane lane, String what) {
		take(lane.slots, this.properties.maxWait(), lane.refused, "Bulkhead " + lane.spec.name(), what,
				"error.bulkhead");
	}

	/**
	 * A permit of {@code slots} within {@code wait}; else the refusal is counted and
	 * logged, and the request is told "busy" with {@code message}.
	 */
	private void take(Semaphore slots, Duration wait, AtomicLong refused, String gate, String what, String message) {
		boolean entered;
		try {
			entered = slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			entered = false;
		}
		if (!entered) {
			refused.incrementAndGet();
			log.info("{} full: refused {} after {} ms", gate, what, wait.toMillis());
			throw new DomainException(ErrorCode.BUSY, message).retryAfter(this.properties.retryAfter());
		}
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (request.getAttribute(HELD) instanceof Lane lane) {
			request.removeAttribute(HELD);
			lane.slots.release();
		}
		if (request.getAttribute(READING) != null) {
			request.removeAttribute(READING);
			this.reads.release();
		}
	}

	/**
	 * Heavy work done inside a request whose page is light (ADR 0059): a page served from
	 * stored figures is no heavy request, but computing its figures again is. The work
	 * takes a slot of the class {@code name}; when none is free, the reader is served
	 * {@code meanwhile} (a view computed earlier) if there is one, else waits for a slot
	 * up to {@code max-wait} and is told "busy" (503) after. Without bulkheads, without
	 * that class, or in a request already holding that class's slot, the work just runs.
	 * @param <T> what the work gives
	 * @param name the heavy class ({@code giamngheo.bulkheads.classes[].name})
	 * @param work the heavy work
	 * @param meanwhile what to serve instead while every slot is taken; null when there
	 * is nothing to serve
	 * @return the work's result, or what was served meanwhile
	 */
	public <T> T heavy(String name, Supplier<T> work, Supplier<T> meanwhile) {
		Lane lane = this.byName.get(name);
		if (!this.properties.enabled() || lane == null || heldByThisRequest(lane) || this.working.get() == lane) {
			// a compute inside a compute (progress reads the ledger's series) runs in
			// the slot its thread holds already
			return work.get();
		}
		if (!lane.slots.tryAcquire()) {
			T served = meanwhile.get();
			if (served != null) {
				return served;
			}
			acquire(lane, "heavy work");
		}
		Lane outer = this.working.get();
		this.working.set(lane);
		try {
			return work.get();
		}
		finally {
			this.working.set(outer);
			lane.slots.release();
		}
	}

	/** The class whose slot this thread's heavy work holds. */
	private final ThreadLocal<Lane> working = new ThreadLocal<>();

	private static boolean heldByThisRequest(Lane lane) {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getRequest().getAttribute(HELD) == lane;
	}

	/**
	 * The slots of a heavy class, for tests and operations (a test holds them all to show
	 * what a full class does).
	 * @param name the class's name ({@code giamngheo.bulkheads.classes[].name})
	 * @return its semaphore
	 */
	public Semaphore slots(String name) {
		Lane lane = this.byName.get(name);
		if (lane == null) {
			throw new IllegalArgumentException("no heavy class " + name);
		}
		return lane.slots;
	}

	private static final class Lane {

		final BulkheadProperties.HeavyClass spec;

		final List<PathPattern> patterns;

		final Semaphore slots;

		final AtomicLong refused = new AtomicLong();

		Lane(BulkheadProperties.HeavyClass spec) {
			if (spec.permits() < 1) {
				throw new IllegalArgumentException("giamngheo.bulkheads: class " + spec.name() + " needs permits >= 1");
			}
			this.spec = spec;
			this.patterns = spec.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
			// fair: the heavy requests of a class go in the order they came
			this.slots = new Semaphore(spec.permits(), true);
		}

		boolean matches(String path, PathContainer container, HttpServletRequest request) {
			boolean where = this.patterns.stream().anyMatch((p) -> p.matches(container))
					|| this.spec.suffixes().stream().anyMatch(path::endsWith);
			return where && this.spec.params().stream().allMatch((p) -> {
				String value = request.getParameter(p);
				return value != null && !value.isBlank();
			});
		}

		double busy() {
			return this.spec.permits() - this.slots.availablePermits();
		}

	}

}
