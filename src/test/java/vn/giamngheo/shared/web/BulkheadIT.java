package vn.giamngheo.shared.web;

import java.util.List;
import java.util.concurrent.Semaphore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.analytics.StoredFigures;
import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.shared.work.WorkDrainer;
import vn.giamngheo.support.FixtureFactory;
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
 * No queueing behind the slow (issue 19 § 2, ADR 0055), end to end: with every slot of
 * the heavy classes held (deterministically, by the test — no timing), a commune's list
 * page, a household page, the API list and a dashboard served from its stored figures
 * still answer, while the figures computed on request are answered 503 with Retry-After
 * and the Vietnamese message, as a page for a browser and as problem+json for the API;
 * once the slots are free they answer again.
 */
@IntegrationTest
class BulkheadIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	Bulkheads bulkheads;

	@Autowired
	WorkDrainer drainer;

	private final java.util.Map<Semaphore, Integer> held = new java.util.HashMap<>();

	@AfterEach
	void release() {
		this.held.forEach(Semaphore::release);
		this.held.clear();
	}

	private void holdAll(String heavyClass) {
		Semaphore slots = this.bulkheads.slots(heavyClass);
		int n = slots.availablePermits();
		slots.acquireUninterruptibly(n);
		this.held.merge(slots, n, Integer::sum);
	}

	@Test
	void lightPagesAnswerWhileEveryHeavySlotIsHeldAndHeavyOnesAreToldToRetry() throws Exception {
		Fixtures f = this.fixtures.create().communes();
		Authentication officer = f.auth(f.user("bulkhead", Role.DISTRICT_OFFICER, List.of("504@2024"), List.of()));
		this.mvc.perform(get("/dashboards").param("unit", Long.toString(f.a.id())).with(authentication(officer)))
			.andExpect(status().isOk());
		// the fixture's changes counted, the dashboard's figures are stored by the next
		// read
		this.drainer.drainNow(StoredFigures.PENDING);
		this.mvc.perform(get("/dashboards").param("unit", Long.toString(f.a.id())).with(authentication(officer)))
			.andExpect(status().isOk());

		holdAll("figures");
		holdAll("exports");
		holdAll("search");

		this.mvc
			.perform(get("/households").param("unit", Long.toString(f.a.id()))
				.param("village", Long.toString(f.a.villageId()))
				.with(authentication(officer))
				.accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(f.a.householdCode())));
		this.mvc.perform(get("/households/" + f.a.household()).with(authentication(officer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(f.a.householdCode())));
		// the fixture's own village: other tests' households share the real commune
		this.mvc
			.perform(get("/api/v1/households").param("unit", Long.toString(f.a.id()))
				.param("village", Long.toString(f.a.villageId()))
				.with(authentication(officer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].code").value(f.a.householdCode()));

		// a dashboard served from its stored figures takes no slot (ADR 0059): only a
		// compute does, and a reader who finds every slot taken gets the view read last
		this.mvc
			.perform(get("/dashboards").param("unit", Long.toString(f.a.id()))
				.with(authentication(officer))
				.accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bảng điều khiển")));
		this.mvc
			.perform(get("/programmes/dashboard").param("unit", Long.toString(f.a.id()))
				.with(authentication(officer))
				.accept(MediaType.TEXT_HTML))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(content().string(containsString("Máy chủ đang bận tính các trang tổng hợp")));
		this.mvc
			.perform(get("/api/v1/analytics/series").param("unit", Long.toString(f.a.id()))
				.with(authentication(officer)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("BUSY"))
			.andExpect(jsonPath("$.detail", containsString("danh sách hộ, trang hộ và việc nhập liệu vẫn dùng")));
		this.mvc.perform(get("/api/v1/households").param("q", f.a.headName()).with(authentication(officer)))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.code").value("BUSY"));

		release();
		this.mvc
			.perform(get("/api/v1/analytics/series").param("unit", Long.toString(f.a.id()))
				.with(authentication(officer)))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/households").param("q", f.a.headName()).with(authentication(officer)))
			.andExpect(status().isOk());
		assertThat(this.bulkheads.slots("figures").availablePermits()).as("every slot given back").isEqualTo(3);
		assertThat(this.bulkheads.slots("search").availablePermits()).isEqualTo(2);
	}

}
