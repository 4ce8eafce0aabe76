package vn.giamngheo.exits;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Household events as the commune records them: an event shows on the household page with
 * its type by name, is audited in the household's history, is voided with a reason (then
 * counts nowhere); a bad input writes nothing; another commune's officer neither sees nor
 * voids it (404), a reader of the commune may not void it (403), a leader may not record
 * one (403).
 */
@IntegrationTest
class HouseholdEventsIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	Fixtures f;

	Authentication officer;

	Authentication other;

	Authentication reader;

	Authentication leader;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		String a = this.f.a.scope();
		String b = this.f.b.scope();
		this.officer = this.f.auth(this.f.user("evofficer", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
		this.other = this.f.auth(this.f.user("evother", Role.COMMUNE_OFFICER, List.of(b), List.of(b)));
		this.reader = this.f.auth(this.f.user("evreader", Role.COMMUNE_OFFICER, List.of(a), List.of()));
		this.leader = this.f.auth(this.f.user("evleader", Role.LEADER, List.of(a), List.of()));
	}

	ResultActions send(String uri, Authentication who, String body) throws Exception {
		return this.mvc.perform(post(uri).with(authentication(who))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "vi")
			.content(body));
	}

	String read(String uri, Authentication who) throws Exception {
		return this.mvc.perform(get(uri).with(authentication(who)).header("Accept-Language", "vi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	long count() {
		return this.jdbc.sql("select count(*) from household_event where household_id = ?")
			.param(this.f.a.household())
			.query(Long.class)
			.single();
	}

	String event(String day, String type) {
		return """
				{"householdId":"%s","memberId":"%s","eventDate":"%s","eventType":"%s","eventNote":"Lũ cuốn trôi chuồng bò"}"""
			.formatted(this.f.a.household(), this.f.a.member(), day, type);
	}

	@Test
	void anEventIsRecordedShownAuditedAndVoided() throws Exception {
		String created = send("/api/v1/household-events", this.officer, event("2025-10-12", "NATURAL_DISASTER"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(created, "$.id");

		String panel = read("/households/" + this.f.a.household() + "/events", this.officer);
		assertThat(panel).contains("12/10/2025")
			.contains("Thiên tai")
			.contains("Lũ cuốn trôi chuồng bò")
			.contains("Hủy biến cố")
			.contains("Ghi nhận biến cố")
			.doesNotContain("NATURAL_DISASTER");
		String list = read("/api/v1/household-events?unit=" + this.f.a.id(), this.officer);
		assertThat((Integer) JsonPath.read(list, "$.total")).isEqualTo(1);
		String page = read("/exits/events?unit=" + this.f.a.id(), this.officer);
		assertThat(page).contains("Thiên tai").contains(this.f.a.householdCode());

		// the household's history shows it by name
		String household = read("/households/" + this.f.a.household(), this.officer);
		assertThat(household).contains("biến cố của hộ");
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where entity_type = 'HOUSEHOLD_EVENT' and household_id = ?"
					+ " and entity_id = ?")
			.params(this.f.a.household(), id)
			.query(Long.class)
			.single()).isEqualTo(1);

		// void: a stale version is 409, no reason 400, then voided
		send("/api/v1/household-events/" + id + "/void", this.officer, "{\"version\":7,\"reason\":\"Ghi nhầm\"}")
			.andExpect(status().isConflict());
		send("/api/v1/household-events/" + id + "/void", this.officer, "{\"version\":0}")
			.andExpect(status().isBadRequest());
		send("/api/v1/household-events/" + id + "/void", this.officer, "{\"version\":0,\"reason\":\"Ghi nhầm\"}")
			.andExpect(status().isOk());
		send("/api/v1/household-events/" + id + "/void", this.officer, "{\"version\":1,\"reason\":\"Lần nữa\"}")
			.andExpect(status().isUnprocessableContent());
		assertThat((Integer) JsonPath.read(read("/api/v1/household-events?unit=" + this.f.a.id(), this.officer),
				"$.total"))
			.isEqualTo(0);
		assertThat(read("/households/" + this.f.a.household() + "/events", this.officer)).contains("Đã hủy: Ghi nhầm")
			.doesNotContain("Hủy biến cố<");
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where entity_type = 'HOUSEHOLD_EVENT' and action = 'VOID'"
					+ " and entity_id = ? and reason = 'Ghi nhầm'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void badInputWritesNothing() throws Exception {
		String tomorrow = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString();
		send("/api/v1/household-events", this.officer, event(tomorrow, "JOB_LOSS"))
			.andExpect(status().isUnprocessableContent());
		send("/api/v1/household-events", this.officer, event("2025-10-12", "EARTHQUAKE"))
			.andExpect(status().isBadRequest());
		send("/api/v1/household-events", this.officer, event("2025-10-12", "")).andExpect(status().isBadRequest());
		send("/api/v1/household-events", this.officer, """
				{"householdId":"%s","memberId":"%s","eventDate":"2025-10-12","eventType":"BIRTH"}"""
			.formatted(this.f.a.household(), this.f.b.member())).andExpect(status().isUnprocessableContent());
		// the form says what is wrong, in Vietnamese, and keeps what was typed
		String form = this.mvc
			.perform(post("/households/" + this.f.a.household() + "/events").with(authentication(this.officer))
				.with(csrf())
				.header("Accept-Language", "vi")
				.param("eventDate", "31/02/2025")
				.param("eventType", "JOB_LOSS")
				.param("eventNote", "Công ty đóng cửa"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("Ngày không đọc được").contains("Công ty đóng cửa");
		assertThat(count()).isZero();
		// the form writes a good one
		this.mvc
			.perform(post("/households/" + this.f.a.household() + "/events").with(authentication(this.officer))
				.with(csrf())
				.param("eventDate", "01/03/2025")
				.param("eventType", "JOB_LOSS"))
			.andExpect(status().is3xxRedirection());
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void outsideTheScopeNothingIsSeenOrWritten() throws Exception {
		String id = JsonPath
			.read(send("/api/v1/household-events", this.officer, event("2025-10-12", "EARNER_DEATH")).andReturn()
				.getResponse()
				.getContentAsString(), "$.id");
		this.mvc.perform(get("/api/v1/household-events/" + id).with(authentication(this.other)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/households/" + this.f.a.household() + "/events").with(authentication(this.other)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/household-events?unit=" + this.f.a.id()).with(authentication(this.other)))
			.andExpect(status().isNotFound());
		assertThat((Integer) JsonPath.read(read("/api/v1/household-events", this.other), "$.total")).isEqualTo(0);
		send("/api/v1/household-events/" + id + "/void", this.other, "{\"version\":0,\"reason\":\"x\"}")
			.andExpect(status().isNotFound());
		send("/api/v1/household-events", this.other, event("2025-10-12", "JOB_LOSS")).andExpect(status().isNotFound());
		// a reader of the commune sees it without the buttons, and may not void it
		assertThat(read("/households/" + this.f.a.household() + "/events", this.reader))
			.contains("Lao động chính qua đời")
			.doesNotContain("Hủy biến cố")
			.doesNotContain("Ghi nhận biến cố");
		send("/api/v1/household-events/" + id + "/void", this.reader, "{\"version\":0,\"reason\":\"x\"}")
			.andExpect(status().isForbidden());
		send("/api/v1/household-events", this.leader, event("2025-10-12", "JOB_LOSS"))
			.andExpect(status().isForbidden());
		assertThat(count()).isEqualTo(1);
		assertThat(this.jdbc.sql("select voided from household_event where id = ?::uuid")
			.param(id)
			.query(Boolean.class)
			.single()).isFalse();
	}

}
