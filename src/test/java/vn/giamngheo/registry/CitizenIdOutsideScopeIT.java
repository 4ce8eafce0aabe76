package vn.giamngheo.registry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.ObjectMapper;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The existence oracle (ADR 0017): an officer of commune A cannot learn whether a citizen
 * ID exists in commune B by adding a member. The answer to a number B holds is the answer
 * to a free number, byte for byte once the ids are set aside; B's officers get a transfer
 * request and decide it; A reads only the outcome. A number A can see still gets a clear
 * 409 pointing to the household that has it.
 */
@IntegrationTest
class CitizenIdOutsideScopeIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	Fixtures f;

	Authentication officerA;

	Authentication officerB;

	/** B's head (a woman born 3 Feb 1980) with a valid citizen ID. */
	String bHead;

	/** A child of B's household (a girl born 2010), not a head. */
	String bChild;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		String a = this.f.a.code() + "@2024";
		String b = this.f.b.code() + "@2024";
		this.officerA = this.f.auth(this.f.user("xaa", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
		this.officerB = this.f.auth(this.f.user("xab", Role.COMMUNE_OFFICER, List.of(b), List.of(b)));
		this.bHead = cccd('1', "80");
		this.jdbc.sql("update member set cccd = ? where id = ?").params(this.bHead, this.f.b.member()).update();
		this.bChild = cccd('3', "10");
		this.jdbc.sql("insert into member (household_id, province_code, full_name, full_name_norm, sex, date_of_birth,"
				+ " ethnicity_code, relation, cccd) values (?, '49', ?, 'x', 'F', date '2010-06-01', '26', 'CHILD', ?)")
			.params(this.f.b.household(), "Zq Con Bravo " + this.f.tag, this.bChild)
			.update();
	}

	/** A valid, unused citizen ID: province 001, the sex-and-century digit, the year. */
	static String cccd(char sexCentury, String yy) {
		long serial = Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000L;
		return "001" + sexCentury + yy + String.format("%06d", serial);
	}

	static String member(String name, String dob, String cccd) {
		return """
				{"fullName":"%s","sex":"FEMALE","dateOfBirth":"%s","ethnicityCode":"26","relation":"OTHER",
				 "cccd":"%s","educationLevel":"PRIMARY","inSchool":false,"employment":"FARMER","healthInsurance":true}
				""".formatted(name, dob, cccd);
	}

	MvcResult add(Authentication who, String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/households/" + this.f.a.household() + "/members").with(authentication(who))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn();
	}

	/** The answer with what differs between two members (ids, the number) set aside. */
	String shape(MvcResult r, String cccd) throws Exception {
		String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8).replace(cccd, "<cccd>");
		if (body.startsWith("{\"id\"")) {
			@SuppressWarnings("unchecked")
			Map<String, Object> m = this.json.readValue(body, Map.class);
			m.put("id", "<id>");
			body = this.json.writeValueAsString(m);
		}
		return r.getResponse().getStatus() + " " + r.getResponse().getContentType() + " " + body;
	}

	@Test
	void aNumberHeldInAnotherCommuneIsAnsweredLikeAFreeNumber() throws Exception {
		String fresh = cccd('1', "80");
		String name = "Lò Thị Thử " + this.f.tag;
		// valid: both are recorded, the answers are the same
		String toFresh = shape(add(this.officerA, member(name, "1980-02-03", fresh)), fresh);
		String toHeld = shape(add(this.officerA, member(name, "1980-02-03", this.bHead)), this.bHead);
		assertThat(toFresh).startsWith("201 ");
		assertThat(toHeld).isEqualTo(toFresh);
		// invalid for another reason (born in the future): the same refusal either way
		String late = "2099-02-03";
		assertThat(shape(add(this.officerA, member(name, late, this.bHead)), this.bHead)).startsWith("400 ")
			.isEqualTo(shape(add(this.officerA, member(name, late, fresh + "")), fresh));
		// A reads its household as it would with two free numbers
		String household = this.mvc
			.perform(get("/api/v1/households/" + this.f.a.household()).with(authentication(this.officerA)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(household).contains(fresh, this.bHead).doesNotContain(this.f.b.headName(), "pending");
		// and the list found by the number is A's household, as for the free one
		assertThat(
				this.mvc.perform(get("/api/v1/households").param("q", this.bHead).with(authentication(this.officerA)))
					.andReturn()
					.getResponse()
					.getContentAsString())
			.contains(this.f.a.household().toString())
			.doesNotContain(this.f.b.household().toString());
		// nothing tells A yet that a request went anywhere
		String aLists = this.mvc.perform(get("/api/v1/member-transfers").with(authentication(this.officerA)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(aLists).startsWith("{\"open\":[],").doesNotContain(this.bHead, fresh, this.f.tag);
		// B's officers see the request on their list and on the household page
		String bLists = this.mvc.perform(get("/api/v1/member-transfers").with(authentication(this.officerB)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// (commune B is shared by other tests: this test's request is the one naming its
		// person)
		assertThat((List<String>) JsonPath.read(bLists, "$.open[?(@.fullName == '" + name + "')].holderHouseholdId"))
			.containsExactly(this.f.b.household().toString());
		assertThat(this.mvc.perform(get("/households/" + this.f.b.household()).with(authentication(this.officerB)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"open-transfers\"");
		assertThat(this.mvc.perform(get("/transfers").with(authentication(this.officerB)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains(name, this.f.b.householdCode(), "Chấp nhận chuyển");
		// the request is in B's audit trail, not A's
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'REQUEST' and entity_type = 'MEMBER_TRANSFER'"
					+ " and household_id = ? and unit_path = ?")
			.params(this.f.b.household(), this.f.b.villagePath())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aNewHouseholdWhoseHeadHasANumberHeldElsewhereIsCreatedAndRequested() throws Exception {
		// in a commune the demo does not use (household codes are per commune)
		long commune = this.jdbc.sql("select id from admin_unit where code = '00004' and edition = '2025'")
			.query(Long.class)
			.single();
		MvcResult village = this.mvc
			.perform(post("/api/v1/units/" + commune + "/villages").with(authentication(this.f.auth("admin")))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"Thôn\",\"name\":\"Thôn Chuyển " + this.f.tag + "\"}"))
			.andReturn();
		long villageId = ((Number) JsonPath.read(village.getResponse().getContentAsString(), "$.id")).longValue();
		Authentication officer = this.f
			.auth(this.f.user("xa1", Role.COMMUNE_OFFICER, List.of("00004@2025"), List.of("00004@2025")));
		String body = """
				{"household":{"villageId":%d,"address":"Số 9","ethnicMinority":true,"socialProtection":false,
				 "meritorious":false,"status":"ACTIVE"},"head":%s}
				""".formatted(villageId,
				member("Chủ Mới " + this.f.tag, "1980-02-03", this.bHead).replace("\"OTHER\"", "\"HEAD\""));
		MvcResult r = this.mvc
			.perform(post("/api/v1/households").with(authentication(officer))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		String id = JsonPath.read(r.getResponse().getContentAsString(), "$.id");
		assertThat(count("select count(*) from member_transfer where household_id = ? and holder_household_id = ?"
				+ " and status = 'OPEN'", UUID.fromString(id), this.f.b.household()))
			.isEqualTo(1);
	}

	@Test
	void aNumberTheOfficerCanSeeIsRefusedWithALinkToItsHousehold() throws Exception {
		String other = cccd('1', "80");
		this.jdbc.sql("update member set cccd = ? where id = ?").params(other, this.f.a.member()).update();
		MvcResult r = add(this.officerA, member("Trùng " + this.f.tag, "1980-02-03", other));
		assertThat(r.getResponse().getStatus()).isEqualTo(409);
		String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat((String) JsonPath.read(body, "$.existing")).isEqualTo("/households/" + this.f.a.household());
		assertThat((String) JsonPath.read(body, "$.detail")).contains(this.f.a.householdCode());
		assertThat(count("select count(*) from member_transfer where cccd = ?", other)).isZero();
	}

	@Test
	void theHoldingUnitAcceptsOrRefusesAndTheRequesterSeesTheOutcome() throws Exception {
		assertThat(add(this.officerA, member("Con Chuyển " + this.f.tag, "2010-06-01", this.bChild)).getResponse()
			.getStatus()).isEqualTo(201);
		assertThat(add(this.officerA, member("Mẹ Chuyển " + this.f.tag, "1980-02-03", this.bHead)).getResponse()
			.getStatus()).isEqualTo(201);
		String lists = this.mvc.perform(get("/api/v1/member-transfers").with(authentication(this.officerB)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String child = JsonPath.<List<String>>read(lists, "$.open[?(@.cccd == '" + this.bChild + "')].id").get(0);
		String head = JsonPath.<List<String>>read(lists, "$.open[?(@.cccd == '" + this.bHead + "')].id").get(0);

		// A cannot decide B's requests: they are not found
		assertThat(decide(this.officerA, child, "acceptances", "{\"version\":0}").getResponse().getStatus())
			.isEqualTo(404);
		// a head does not move alone
		MvcResult headAccept = decide(this.officerB, head, "acceptances", "{\"version\":0}");
		assertThat(headAccept.getResponse().getStatus()).isEqualTo(422);
		assertThat(headAccept.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("chủ hộ");
		// the child moves: B's record voided, A's holds the number
		assertThat(decide(this.officerB, child, "acceptances", "{\"version\":0}").getResponse().getStatus())
			.isEqualTo(200);
		assertThat(this.jdbc.sql("select void_reason from member where cccd = ? and voided")
			.param(this.bChild)
			.query(String.class)
			.single()).contains(this.f.a.householdCode());
		assertThat(this.jdbc
			.sql("select h.code from member m join household h on h.id = m.household_id"
					+ " where m.cccd = ? and not m.voided and not m.cccd_pending")
			.param(this.bChild)
			.query(String.class)
			.single()).isEqualTo(this.f.a.householdCode());
		// a refusal needs a reason; then the number is taken off A's record
		assertThat(decide(this.officerB, head, "refusals", "{\"version\":0}").getResponse().getStatus()).isEqualTo(400);
		assertThat(decide(this.officerB, head, "refusals", "{\"version\":0,\"reason\":\"Bà vẫn ở xã B\"}").getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(count("select count(*) from member where cccd = ? and not voided", this.bHead)).isEqualTo(1);
		assertThat(count(
				"select count(*) from member m where m.household_id = ? and m.full_name = ?"
						+ " and m.cccd is null and not m.cccd_pending",
				this.f.a.household(), "Mẹ Chuyển " + this.f.tag))
			.isEqualTo(1);
		// A reads the outcomes, with the reason, and nothing of B's household
		String outcomes = this.mvc.perform(get("/api/v1/member-transfers").with(authentication(this.officerA)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat((List<String>) JsonPath.read(outcomes, "$.decided[*].status")).containsExactlyInAnyOrder("ACCEPTED",
				"REFUSED");
		assertThat(outcomes).contains("Bà vẫn ở xã B")
			.doesNotContain(this.f.b.headName(), this.f.b.householdCode(), this.f.b.household().toString());
		assertThat(this.mvc.perform(get("/transfers").with(authentication(this.officerA)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("đã từ chối", "Bà vẫn ở xã B");
		// decided once: a second decision is a conflict
		assertThat(decide(this.officerB, child, "acceptances", "{\"version\":1}").getResponse().getStatus())
			.isEqualTo(409);
	}

	MvcResult decide(Authentication who, String id, String kind, String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/member-transfers/" + id + "/" + kind).with(authentication(who))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn();
	}

	long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
