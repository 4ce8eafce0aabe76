package vn.giamngheo.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.identity.UserDirectory;
import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.shared.BoundedExecutors;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * XLSX exports take their second thread from a bounded pool: with every thread busy an
 * export is refused with "server busy" (503, Retry-After), not a download of an error,
 * and no thread more is started; once a thread is free the same export works.
 */
@IntegrationTest
class ExportBusyIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	UserDirectory directory;

	@Autowired
	UserRepository users;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	@Qualifier(BoundedExecutors.STREAMS)
	ThreadPoolTaskExecutor streams;

	ImportTestSupport t;

	@BeforeEach
	void setUp() {
		this.t = new ImportTestSupport(this.mvc, this.jdbc, this.json, this.directory, this.users, this.tx);
	}

	@Test
	void aFullPoolRefusesTheExportAsBusyAndAFreeOneServesIt() throws Exception {
		String unit = String.valueOf(this.t.f.a.id());
		CountDownLatch release = new CountDownLatch(1);
		int threads = this.streams.getMaxPoolSize();
		CountDownLatch started = new CountDownLatch(threads);
		List<Future<?>> holding = new ArrayList<>();
		try {
			for (int i = 0; i < threads; i++) {
				holding.add(this.streams.submit(() -> {
					started.countDown();
					release.await();
					return null;
				}));
			}
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			this.mvc
				.perform(get("/api/v1/household-exports").param("format", "xlsx")
					.param("unit", unit)
					.with(authentication(this.t.officer)))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string(HttpHeaders.RETRY_AFTER, "30"))
				.andExpect(header().doesNotExist(HttpHeaders.CONTENT_DISPOSITION))
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.code").value("BUSY"))
				.andExpect(jsonPath("$.detail").value(containsString("Máy chủ đang bận")));
			this.mvc
				.perform(get("/households/export").param("format", "xlsx")
					.param("unit", unit)
					.with(authentication(this.t.officer)))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().doesNotExist(HttpHeaders.CONTENT_DISPOSITION))
				.andExpect(content().contentTypeCompatibleWith("text/html"))
				.andExpect(content().string(containsString("Vui lòng thử lại sau ít phút")));
			assertThat(this.streams.getActiveCount()).as("no thread more than the pool's").isEqualTo(threads);
		}
		finally {
			release.countDown();
		}
		for (Future<?> f : holding) {
			f.get(10, TimeUnit.SECONDS);
		}
		this.mvc
			.perform(get("/api/v1/household-exports").param("format", "xlsx")
				.param("unit", unit)
				.with(authentication(this.t.officer)))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("ho-gia-dinh.xlsx")));
	}

}
