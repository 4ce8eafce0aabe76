package vn.giamngheo.benefits;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The benefit ledger through its API on a real database: the partner rule (a VBSP officer
 * records and reads VBSP support only), corrections that keep history and are audited,
 * shares that must sum to the amount, stale versions and the status steps.
 */
@IntegrationTest
class BenefitLedgerIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SupportPolicies policies;

	Fixtures f;

	Authentication officer;

	Authentication vbsp;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		String a = this.f.a.scope();
		this.officer = this.f.auth(this.f.user("ledgerofficer", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
		// the fixtures' partner works for the Bank for Social Policies (VBSP)
		this.vbsp = this.f.auth(this.f.user("ledgervbsp", Role.PARTNER, List.of(a), List.of(a)));
	}

	String loan(long amount, long credit, long own) {
		return """
				{"householdId":"%s","policyCode":"LOAN_POOR","periodFrom":"2026-03-01","periodTo":"2029-03-01",
				 "amountVnd":%d,"creditVnd":%d,"ownVnd":%d,"status":"DELIVERED","deliveredOn":"2026-03-05",
				 "decisionNo":"12/QĐ-NHCS","partnerRef":"HĐ-2026-0042"}
				""".formatted(this.f.a.household(), amount, credit, own);
	}

	String card(String memberId) {
		return """
				{"householdId":"%s",%s"policyCode":"HI_POOR","periodFrom":"2026-01-01","periodTo":"2026-12-31",
				 "amountVnd":1263600,"centralVnd":1263600,"status":"DELIVERED","deliveredOn":"2026-01-10",
				 "validFrom":"2026-01-01","validTo":"2026-12-31","partnerRef":"HN4010000001"}
				""".formatted(this.f.a.household(), (memberId != null) ? "\"memberId\":\"" + memberId + "\"," : "");
	}

	ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			Authentication who, String body) throws Exception {
		return this.mvc.perform(request.with(authentication(who))
			.with(csrf())
			.header("Accept-Language", "vi")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	String create(Authentication who, String body) throws Exception {
		String json = send(post("/api/v1/benefits"), who, body).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(json, "$.id");
	}

	long records() {
		return this.jdbc.sql("select count(*) from benefit_record where household_id = ?")
			.param(this.f.a.household())
			.query(Long.class)
			.single();
	}

	@Test
	void aPartnerCannotRecordAnotherAgencysSupport() throws Exception {
		String loan = create(this.vbsp, loan(30_000_000, 30_000_000, 0));
		// a health-insurance card is the social insurance agency's: 403, nothing written
		send(post("/api/v1/benefits"), this.vbsp, card(this.f.a.member().toString())).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("chính cơ quan mình")));
		assertThat(records()).isEqualTo(1);
		// the commune records the card; the bank's officer does not see it
		String card = create(this.officer, card(this.f.a.member().toString()));
		this.mvc
			.perform(get("/api/v1/benefits").param("household", this.f.a.household().toString())
				.with(authentication(this.vbsp)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(loan))
			.andExpect(jsonPath("$.items[0].policyName").value(this.policies.require("LOAN_POOR").name()));
		this.mvc.perform(get("/api/v1/benefits/" + card).with(authentication(this.vbsp)))
			.andExpect(status().isNotFound());
		// nor may it change the card
		send(post("/api/v1/benefits/" + card + "/void"), this.vbsp, "{\"version\":0,\"reason\":\"thử\"}")
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/api/v1/benefits").param("household", this.f.a.household().toString())
				.with(authentication(this.officer)))
			.andExpect(jsonPath("$.total").value(2));
	}

	@Test
	void aCorrectionKeepsTheEarlierVersionAndIsAudited() throws Exception {
		String id = create(this.officer, loan(30_000_000, 30_000_000, 0));
		String corrected = loan(50_000_000, 45_000_000, 5_000_000);
		send(put("/api/v1/benefits/" + id), this.officer,
				"{\"version\":0,\"reason\":\"Sai số tiền theo hợp đồng\",\"data\":" + corrected + "}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.amountVnd").value(50_000_000))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc.perform(get("/api/v1/benefits/" + id + "/history").with(authentication(this.officer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].fields.amountVnd").value(30_000_000))
			.andExpect(jsonPath("$[0].changedBy").value("ledgerofficer." + this.f.tag))
			.andExpect(jsonPath("$[0].reason").value("Sai số tiền theo hợp đồng"))
			.andExpect(jsonPath("$[1].fields.amountVnd").value(50_000_000));
		String changes = this.jdbc
			.sql("select changes::text from audit_event where entity_type = 'BENEFIT_RECORD' and entity_id = ?"
					+ " and action = 'UPDATE' and reason = 'Sai số tiền theo hợp đồng'")
			.param(id)
			.query(String.class)
			.single();
		assertThat(changes).contains("30000000").contains("50000000");
		// a second edit made on the version read before the correction: 409, nothing
		// changes
		send(put("/api/v1/benefits/" + id), this.officer,
				"{\"version\":0,\"reason\":\"Sửa lần nữa\",\"data\":" + loan(1_000, 1_000, 0) + "}")
			.andExpect(status().isConflict());
		assertThat(this.jdbc.sql("select amount_vnd from benefit_record where id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(50_000_000L);
		assertThat(this.jdbc.sql("select count(*) from benefit_record_past where record_id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1L);
		// a correction without a reason is refused
		send(put("/api/v1/benefits/" + id), this.officer, "{\"version\":1,\"data\":" + corrected + "}")
			.andExpect(status().isBadRequest());
	}

	@Test
	void sharesThatDoNotSumToTheAmountAreRefusedNamingTheFields() throws Exception {
		send(post("/api/v1/benefits"), this.officer, loan(30_000_000, 20_000_000, 5_000_000))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("amountVnd", "creditVnd",
					"centralVnd", "localVnd", "mobilisedVnd", "ownVnd")))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers
				.containsString("Các nguồn cộng lại 25.000.000 đ, khác số tiền 30.000.000 đ")));
		assertThat(records()).isZero();
		assertThat(this.jdbc.sql("select count(*) from audit_event where household_id = ? and entity_type = ?")
			.params(this.f.a.household(), "BENEFIT_RECORD")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aMemberPolicyNeedsAMemberOfTheHouseholdAndAHouseholdPolicyNone() throws Exception {
		send(post("/api/v1/benefits"), this.officer, card(null)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("memberId"));
		send(post("/api/v1/benefits"), this.officer, card(this.f.b.member().toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value("Người được chọn không phải thành viên của hộ này."));
		String withMember = loan(1_000_000, 1_000_000, 0).replace("\"policyCode\"",
				"\"memberId\":\"" + this.f.a.member() + "\",\"policyCode\"");
		send(post("/api/v1/benefits"), this.officer, withMember).andExpect(status().isUnprocessableContent());
		// a policy not yet in force on the period's first day
		String early = loan(1_000_000, 1_000_000, 0).replace("2026-03-01", "2001-03-01");
		send(post("/api/v1/benefits"), this.officer, early).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("01/03/2001")));
		send(post("/api/v1/benefits"), this.officer, loan(1_000_000, 1_000_000, 0).replace("LOAN_POOR", "NO_SUCH"))
			.andExpect(status().isUnprocessableContent());
		assertThat(records()).isZero();
	}

	@Test
	void statusesMoveOnlyAlongTheAllowedSteps() throws Exception {
		String planned = loan(30_000_000, 30_000_000, 0).replace("\"DELIVERED\"", "\"PLANNED\"")
			.replace("\"deliveredOn\":\"2026-03-05\",", "");
		String id = create(this.officer, planned);
		send(post("/api/v1/benefits/" + id + "/status"), this.officer, "{\"version\":0,\"status\":\"DELIVERED\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("Không thể chuyển từ \"Kế hoạch\" sang \"Đã nhận\"."));
		send(post("/api/v1/benefits/" + id + "/status"), this.officer, "{\"version\":0,\"status\":\"APPROVED\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"));
		// delivered needs the day it was delivered
		send(post("/api/v1/benefits/" + id + "/status"), this.officer, "{\"version\":1,\"status\":\"DELIVERED\"}")
			.andExpect(status().isUnprocessableContent());
		send(post("/api/v1/benefits/" + id + "/status"), this.vbsp,
				"{\"version\":1,\"status\":\"DELIVERED\",\"deliveredOn\":\"2026-04-02\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deliveredOn").value("2026-04-02"));
		send(post("/api/v1/benefits/" + id + "/status"), this.vbsp, "{\"version\":2,\"status\":\"OVERDUE\"}")
			.andExpect(status().isOk());
		send(post("/api/v1/benefits/" + id + "/status"), this.vbsp, "{\"version\":3,\"status\":\"CANCELLED\"}")
			.andExpect(status().isUnprocessableContent());
		send(post("/api/v1/benefits/" + id + "/status"), this.vbsp, "{\"version\":3,\"status\":\"CLOSED\"}")
			.andExpect(status().isOk());
		// a card cannot be overdue; a closed record goes nowhere
		String card = create(this.officer, card(this.f.a.member().toString()));
		send(post("/api/v1/benefits/" + card + "/status"), this.officer, "{\"version\":0,\"status\":\"OVERDUE\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("Chỉ khoản vay mới có thể quá hạn."));
		send(post("/api/v1/benefits/" + id + "/status"), this.officer, "{\"version\":4,\"status\":\"PLANNED\"}")
			.andExpect(status().isUnprocessableContent());
		// voided with a reason, never deleted; then it cannot change
		send(post("/api/v1/benefits/" + card + "/void"), this.officer, "{\"version\":0,\"reason\":\"Ghi trùng\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.voided").value(true));
		send(post("/api/v1/benefits/" + card + "/status"), this.officer, "{\"version\":1,\"status\":\"CLOSED\"}")
			.andExpect(status().isUnprocessableContent());
		assertThat(this.jdbc.sql("select count(*) from benefit_record_past where record_id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(4L);
	}

}
