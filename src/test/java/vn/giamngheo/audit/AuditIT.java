package vn.giamngheo.audit;

import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Fixtures.Commune;
import vn.giamngheo.identity.Role;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AuditIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@OwnerDatabase
	DataSource ownerDataSource;

	@Autowired
	AuditSearch search;

	Fixtures support;

	Commune a;

	Commune b;

	@BeforeEach
	void setUp() {
		this.support = this.fixtures.create().communes();
		this.a = this.support.a;
		this.b = this.support.b;
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theDatabaseRefusesUpdateAndDeleteOfAuditRows() {
		long id = this.jdbc.sql("select max(id) from audit_event").query(Long.class).single();
		String before = this.jdbc.sql("select a::text from audit_event a where id = ?")
			.param(id)
			.query(String.class)
			.single();
		// the application role has no right to change rows (ADR 0015) ...
		for (String sql : List.of("update audit_event set actor = 'forger' where id = " + id,
				"delete from audit_event where id = " + id, "truncate audit_event")) {
			assertThatThrownBy(() -> this.jdbc.sql(sql).update()).as(sql)
				.isInstanceOf(DataAccessException.class)
				.rootCause()
				.hasMessageContaining("permission denied");
		}
		// ... and the trigger refuses even the owner
		JdbcClient owner = JdbcClient.create(this.ownerDataSource);
		assertThatThrownBy(() -> owner.sql("update audit_event set actor = 'forger' where id = ?").param(id).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> owner.sql("delete from audit_event where id = ?").param(id).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> owner.sql("truncate audit_event").update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThat(
				this.jdbc.sql("select a::text from audit_event a where id = ?").param(id).query(String.class).single())
			.isEqualTo(before);
	}

	@Test
	void auditorSearchesWithinViewScopeByUnitUserHouseholdAndDate() throws Exception {
		var auditor = this.support
			.auth(this.support.user("aud", Role.AUDITOR, List.of(this.a.code() + "@2024"), List.of()));
		this.mvc
			.perform(get("/api/v1/audit-events").param("unit", this.a.code() + "@2024").with(authentication(auditor)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events[0].householdId").value(this.a.household().toString()))
			.andExpect(content().string(not(containsString(this.b.headName()))));
		// B's unit and household are outside the auditor's view scope: not found
		this.mvc
			.perform(get("/api/v1/audit-events").param("unit", this.b.code() + "@2024").with(authentication(auditor)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/audit-events").param("household", this.b.household().toString())
				.with(authentication(auditor)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/audit-events").param("user", "fixture")
				.param("from", LocalDate.now(vn.giamngheo.shared.ClockConfiguration.VIETNAM).minusDays(1).toString())
				.param("to", LocalDate.now(vn.giamngheo.shared.ClockConfiguration.VIETNAM).plusDays(1).toString())
				.with(authentication(auditor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.a.headName())))
			.andExpect(content().string(not(containsString(this.b.headName()))));
		this.mvc
			.perform(get("/api/v1/audit-events")
				.param("from", LocalDate.now(vn.giamngheo.shared.ClockConfiguration.VIETNAM).plusDays(1).toString())
				.param("unit", this.a.code() + "@2024")
				.with(authentication(auditor)))
			.andExpect(jsonPath("$.events.length()").value(0));
		// the auditor sees citizen IDs masked
		this.mvc
			.perform(get("/api/v1/audit-events").param("unit", this.a.code() + "@2024").with(authentication(auditor)))
			.andExpect(content().string(not(containsString(this.a.cccd()))))
			.andExpect(content().string(containsString(this.a.cccd().substring(0, 4) + "******")));
	}

	@Test
	void officersReadTheirHouseholdsHistoryButNotTheWholeTrail() throws Exception {
		var officer = this.support.auth(this.support.user("off", Role.COMMUNE_OFFICER, List.of(this.a.code() + "@2024"),
				List.of(this.a.code() + "@2024")));
		this.mvc
			.perform(get("/api/v1/audit-events").param("household", this.a.household().toString())
				.with(authentication(officer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.a.cccd())));
		this.mvc.perform(get("/api/v1/audit-events").with(authentication(officer))).andExpect(status().isForbidden());
		// the household page's history, masked for a leader
		this.support.signIn(this.support.user("lead", Role.LEADER, List.of(this.a.code() + "@2024"), List.of()));
		List<AuditSearch.Event> history = this.search.historyOf(this.a.household());
		assertThat(history).hasSize(1);
		assertThat(history.get(0).changes().get("cccd").neu()).isEqualTo(vn.giamngheo.shared.scope.PersonalData
			.mask(this.a.cccd(), vn.giamngheo.shared.scope.PersonalData.Kind.CCCD));
		assertThatThrownBy(() -> this.search.historyOf(this.b.household())).isInstanceOfSatisfying(
				vn.giamngheo.shared.error.DomainException.class,
				(e) -> assertThat(e.code()).isEqualTo(vn.giamngheo.shared.error.ErrorCode.NOT_FOUND));
	}

	@Test
	void exportStreamsCsvWithinScope() throws Exception {
		var auditor = this.support
			.auth(this.support.user("csv", Role.AUDITOR, List.of(this.a.code() + "@2024"), List.of()));
		this.mvc.perform(get("/api/v1/audit-events/export").with(authentication(auditor)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(content().string(containsString("id,at,actor,action")))
			.andExpect(content().string(containsString(this.a.headName())))
			.andExpect(content().string(not(containsString(this.b.headName()))));
		this.mvc.perform(get("/audit/export").with(authentication(auditor))).andExpect(status().isOk());
		this.mvc.perform(get("/audit").with(authentication(auditor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<td>Sửa</td>")))
			.andExpect(content().string(containsString("<td>nhân khẩu</td>")))
			.andExpect(content().string(not(containsString("<td>UPDATE</td>"))));
		this.mvc
			.perform(get("/api/v1/audit-events/export").param("unit", this.b.code() + "@2024")
				.with(authentication(auditor)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString(this.b.headName()))));
	}

	@Test
	void injectionInSearchFieldsIsHarmless() throws Exception {
		var admin = this.support.auth("admin");
		long events = this.jdbc.sql("select count(*) from audit_event").query(Long.class).single();
		this.mvc
			.perform(get("/api/v1/audit-events").param("user", "' or 1=1; delete from audit_event; --")
				.with(authentication(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.events.length()").value(0));
		this.mvc
			.perform(
					get("/api/v1/audit-events").param("unit", "'; drop table app_user; --").with(authentication(admin)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/audit-events").param("household", "1 or 1=1").with(authentication(admin)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/audit-events").param("from", "2025-13-45").with(authentication(admin)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/audit").param("user", "<script>alert(1)</script>").with(authentication(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
			.andExpect(content().string(containsString("&lt;script&gt;")));
		this.mvc.perform(get("/admin/users").param("q", "%' or '1'='1").with(authentication(admin)))
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(events);
		assertThat(this.jdbc.sql("select count(*) from app_user").query(Long.class).single()).isPositive();
	}

}
