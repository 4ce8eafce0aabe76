package vn.giamngheo.shared.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which requests take a heavy slot, and that every slot comes back (ADR 0055): with a
 * class's slots all held, its GETs are refused as busy after the wait, while writes and
 * light requests pass; a request that did get a slot gives it back when it completes,
 * whatever its outcome.
 */
class BulkheadsTest {

	static final BulkheadProperties PROPERTIES = new BulkheadProperties(true, Duration.ofMillis(20),
			Duration.ofSeconds(7),
			List.of(new BulkheadProperties.HeavyClass("figures", 2,
					List.of("/dashboards", "/dashboards/**", "/targets/resolutions/*"), null, null),
					new BulkheadProperties.HeavyClass("exports", 1, List.of("/households/export"),
							List.of(".xlsx", ".pdf"), null),
					new BulkheadProperties.HeavyClass("search", 1, List.of("/households", "/api/v1/households"), null,
							List.of("q"))),
			null);

	final Bulkheads bulkheads = new Bulkheads(PROPERTIES,
			new StaticListableBeanFactory().getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class),
			new StaticListableBeanFactory().getBeanProvider(javax.sql.DataSource.class));

	@ParameterizedTest(name = "{0} {1}?{2} → {3}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			GET  | /dashboards                   | unit=1         | figures
			GET  | /dashboards/af                | unit=1         | figures
			GET  | /targets/resolutions/7        | -              | figures
			GET  | /targets/resolutions/7/file   | -              | -
			POST | /dashboards/boundaries        | -              | -
			GET  | /households/export            | unit=1         | exports
			GET  | /reviews/3/reports/m1.xlsx    | -              | exports
			GET  | /exits/transitions.pdf        | -              | exports
			GET  | /households                   | unit=1         | -
			GET  | /households                   | unit=1&q=      | -
			GET  | /households                   | unit=1&q=nguyen| search
			GET  | /api/v1/households            | q=thi%20hoa    | search
			GET  | /api/v1/households/abc        | q=x            | -
			PUT  | /api/v1/households            | q=x            | -
			GET  | /households/123               | -              | -
			""")
	void heavyClassesByPathSuffixAndParameter(String method, String path, String query, String heavy) {
		String[] names = { "figures", "exports", "search" };
		for (String name : names) {
			Semaphore slots = this.bulkheads.slots(name);
			slots.acquireUninterruptibly(slots.availablePermits());
		}
		MockHttpServletRequest request = request(method, path, query);
		if (heavy == null) {
			assertThat(this.bulkheads.preHandle(request, new MockHttpServletResponse(), new Object())).isTrue();
		}
		else {
			assertThatThrownBy(() -> this.bulkheads.preHandle(request, new MockHttpServletResponse(), new Object()))
				.isInstanceOfSatisfying(DomainException.class, (ex) -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.BUSY);
					assertThat(ex.messageKey()).isEqualTo("error.bulkhead");
					assertThat(ex.retryAfterSeconds("30")).isEqualTo("7");
				});
		}
	}

	@Test
	void aSlotComesBackWhenTheRequestCompletesAndOnlyThen() throws Exception {
		Semaphore figures = this.bulkheads.slots("figures");
		MockHttpServletRequest first = request("GET", "/dashboards", "unit=1");
		MockHttpServletRequest second = request("GET", "/dashboards/af", "unit=1");
		this.bulkheads.preHandle(first, new MockHttpServletResponse(), new Object());
		this.bulkheads.preHandle(second, new MockHttpServletResponse(), new Object());
		assertThat(figures.availablePermits()).isZero();
		assertThatThrownBy(() -> this.bulkheads.preHandle(request("GET", "/dashboards", "unit=2"),
				new MockHttpServletResponse(), new Object()))
			.isInstanceOf(DomainException.class);
		// an error dispatch of the same request does not take a second slot
		assertThat(this.bulkheads.preHandle(first, new MockHttpServletResponse(), new Object())).isTrue();

		this.bulkheads.afterCompletion(first, new MockHttpServletResponse(), new Object(),
				new IllegalStateException("the handler failed"));
		assertThat(figures.availablePermits()).isEqualTo(1);
		// completing twice gives back one slot, not two
		this.bulkheads.afterCompletion(first, new MockHttpServletResponse(), new Object(), null);
		assertThat(figures.availablePermits()).isEqualTo(1);
		this.bulkheads.afterCompletion(second, new MockHttpServletResponse(), new Object(), null);
		assertThat(figures.availablePermits()).isEqualTo(2);
		// a light request completing gives nothing back
		this.bulkheads.afterCompletion(request("GET", "/households", null), new MockHttpServletResponse(), new Object(),
				null);
		assertThat(figures.availablePermits()).isEqualTo(2);
	}

	@Test
	void heavyWorkInsideALightPageTakesASlotAndServesTheViewReadLastWhenNoneIsFree() {
		Semaphore figures = this.bulkheads.slots("figures");
		// a free slot: the work runs, holding it, and gives it back
		assertThat(this.bulkheads.heavy("figures", () -> figures.availablePermits(), () -> -1)).isEqualTo(1);
		assertThat(figures.availablePermits()).isEqualTo(2);
		assertThatThrownBy(() -> this.bulkheads.heavy("figures", () -> {
			throw new IllegalStateException("the compute failed");
		}, () -> null)).isInstanceOf(IllegalStateException.class);
		assertThat(figures.availablePermits()).as("given back after a failure").isEqualTo(2);

		figures.acquireUninterruptibly(2);
		// every slot taken: what was read last is served, the work does not run
		assertThat(this.bulkheads.heavy("figures", () -> "computed", () -> "read last")).isEqualTo("read last");
		// nothing to serve: after max-wait the reader is told "busy"
		assertThatThrownBy(() -> this.bulkheads.heavy("figures", () -> "computed", () -> null))
			.isInstanceOfSatisfying(DomainException.class, (ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.BUSY));
		figures.release(1);
		// a compute inside a compute runs in the slot its thread holds: one slot, not two
		assertThat(this.bulkheads.heavy("figures",
				() -> this.bulkheads.heavy("figures", () -> figures.availablePermits(), () -> -1), () -> -2))
			.isEqualTo(0);
		assertThat(figures.availablePermits()).isEqualTo(1);
		figures.acquireUninterruptibly(1);
		// a class that is not configured limits nothing
		assertThat(this.bulkheads.heavy("nowhere", () -> "computed", () -> null)).isEqualTo("computed");
		figures.release(2);
	}

	@Test
	void readsPassTheGateInTurnsAndSavesNeverWait() throws Exception {
		Bulkheads gated = new Bulkheads(
				new BulkheadProperties(true, PROPERTIES.maxWait(), PROPERTIES.retryAfter(), PROPERTIES.classes(),
						new BulkheadProperties.Reads(2, Duration.ofMillis(20))),
				new StaticListableBeanFactory().getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class),
				new StaticListableBeanFactory().getBeanProvider(javax.sql.DataSource.class));
		Semaphore reads = gated.reads();
		MockHttpServletRequest list = request("GET", "/households", "unit=1");
		MockHttpServletRequest page = request("GET", "/households/123", null);
		gated.preHandle(list, new MockHttpServletResponse(), new Object());
		gated.preHandle(page, new MockHttpServletResponse(), new Object());
		assertThat(reads.availablePermits()).isZero();
		// a third read waits its turn, then is told "busy"
		assertThatThrownBy(() -> gated.preHandle(request("GET", "/households/456", null), new MockHttpServletResponse(),
				new Object()))
			.isInstanceOfSatisfying(DomainException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.BUSY);
				assertThat(ex.messageKey()).isEqualTo("error.bulkhead.reads");
			});
		// a heavy read is bounded by its class's slots, not by the gate
		Semaphore figures = gated.slots("figures");
		MockHttpServletRequest dashboard = request("GET", "/dashboards", "unit=1");
		assertThat(gated.preHandle(dashboard, new MockHttpServletResponse(), new Object())).isTrue();
		assertThat(figures.availablePermits()).isEqualTo(1);
		// saves and static files pass while every read permit is taken
		assertThat(gated.preHandle(request("POST", "/reviews/households/abc/survey", null),
				new MockHttpServletResponse(), new Object()))
			.isTrue();
		assertThat(gated.preHandle(request("GET", "/css/app.css", null), new MockHttpServletResponse(),
				new org.springframework.web.servlet.resource.ResourceHttpRequestHandler()))
			.isTrue();
		// a read that completes lets the next one in; each gives back what it took
		gated.afterCompletion(list, new MockHttpServletResponse(), new Object(), null);
		assertThat(reads.availablePermits()).isEqualTo(1);
		gated.afterCompletion(dashboard, new MockHttpServletResponse(), new Object(), null);
		assertThat(reads.availablePermits()).isEqualTo(1);
		assertThat(figures.availablePermits()).isEqualTo(2);
		gated.afterCompletion(page, new MockHttpServletResponse(), new Object(), null);
		assertThat(reads.availablePermits()).isEqualTo(2);
		// no gate when switched off by a negative number
		assertThat(new BulkheadProperties.Reads(-1, null).effectivePermits()).isZero();
		assertThat(new BulkheadProperties.Reads(0, null).effectivePermits())
			.isEqualTo(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
	}

	@Test
	void switchedOffNothingIsCounted() throws Exception {
		Bulkheads off = new Bulkheads(
				new BulkheadProperties(false, PROPERTIES.maxWait(), PROPERTIES.retryAfter(), PROPERTIES.classes(),
						null),
				new StaticListableBeanFactory().getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class),
				new StaticListableBeanFactory().getBeanProvider(javax.sql.DataSource.class));
		off.slots("figures").acquire(2);
		assertThat(off.preHandle(request("GET", "/dashboards", "unit=1"), new MockHttpServletResponse(), new Object()))
			.isTrue();
	}

	private static MockHttpServletRequest request(String method, String path, String query) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (query != null) {
			request.setQueryString(query);
			for (String pair : query.split("&")) {
				String[] kv = pair.split("=", 2);
				request.addParameter(kv[0], (kv.length > 1)
						? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
			}
		}
		return request;
	}

}
