package vn.giamngheo.benefits;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

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
 * The household page's support panel as an officer reads it: the support received (a
 * timeline with the amount written "30.000.000 đ"), what the household is eligible for
 * but has not received this year, and its open demands; a demand met by a delivered
 * record leaves the open list.
 */
@IntegrationTest
class HouseholdSupportPanelIT {

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
		this.officer = this.f.auth(this.f.user("panelofficer", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
		this.vbsp = this.f.auth(this.f.user("panelvbsp", Role.PARTNER, List.of(a), List.of(a)));
		// the eligibility lists (written by a list run): the household for the poor
		// households' loan, its head for the poor's health insurance, both since
		// 01/01/2026
		UUID run = this.jdbc
			.sql("insert into eligibility_run (province_code, commune_id, as_of, trigger, finished_at)"
					+ " values (?, ?, date '2026-01-01', 'ON_DEMAND', now()) returning id")
			.params(this.f.a.provinceCode(), this.f.a.id())
			.query(UUID.class)
			.single();
		spell(run, "LOAN_POOR", null);
		spell(run, "HI_POOR", this.f.a.member());
	}

	void spell(UUID run, String policy, UUID member) {
		this.jdbc
			.sql("insert into eligibility_spell (province_code, commune_id, policy_code, policy_version, household_id,"
					+ " member_id, eligible_from, reasons, started_by) values (?, ?, ?, 1, ?, ?, date '2026-01-01',"
					+ " '[]'::jsonb, ?)")
			.params(this.f.a.provinceCode(), this.f.a.id(), policy, this.f.a.household(), member, run)
			.update();
	}

	String send(String uri, Authentication who, String body) throws Exception {
		return this.mvc.perform(
				post(uri).with(authentication(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().is2xxSuccessful())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String panel(Authentication who) throws Exception {
		return this.mvc
			.perform(get("/households/" + this.f.a.household() + "/support").with(authentication(who))
				.header("Accept-Language", "vi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void thePanelShowsWhatWasReceivedWhatIsDueAndWhatIsAskedFor() throws Exception {
		String loanName = this.policies.require("LOAN_POOR").name();
		String cardName = this.policies.require("HI_POOR").name();
		// before anything is recorded both policies are due
		String before = panel(this.officer);
		assertThat(section(before, "support-eligible")).contains(loanName).contains(cardName);
		assertThat(before).contains("Chưa có hỗ trợ nào được ghi.");

		// the commune registers a loan demand and a training wish; the bank lends
		String loanDemand = com.jayway.jsonpath.JsonPath.read(send("/api/v1/support-demands", this.officer, """
				{"householdId":"%s","kind":"LOAN","policyCode":"LOAN_POOR","purpose":"Mua bò giống",
				 "amountVnd":30000000,"registeredOn":"2026-02-01"}""".formatted(this.f.a.household())), "$.id");
		send("/api/v1/support-demands", this.officer, """
				{"householdId":"%s","memberId":"%s","kind":"VOCATIONAL_TRAINING","registeredOn":"2026-02-02"}"""
			.formatted(this.f.a.household(), this.f.a.member()));
		send("/api/v1/benefits", this.vbsp, """
				{"householdId":"%s","policyCode":"LOAN_POOR","periodFrom":"2026-03-01","periodTo":"2029-03-01",
				 "amountVnd":30000000,"creditVnd":30000000,"status":"DELIVERED","deliveredOn":"2026-03-05",
				 "partnerRef":"HĐ-2026-0042","demandId":"%s"}""".formatted(this.f.a.household(), loanDemand));

		String html = panel(this.officer);
		String received = section(html, "support-received");
		assertThat(received).contains("05/03/2026")
			.contains(loanName)
			.contains("30.000.000 đ")
			.contains("Đã nhận")
			.contains("HĐ-2026-0042")
			.doesNotContain("LOAN_POOR")
			.doesNotContain("DELIVERED");
		// the loan was received this year: only the card is still due
		String eligible = section(html, "support-eligible");
		assertThat(eligible).contains(cardName).contains(this.f.a.headName()).doesNotContain(loanName);
		// the loan demand was met by the delivered loan; the training wish is open
		String demands = section(html, "support-demands");
		assertThat(demands).contains("Học nghề").contains("02/02/2026").doesNotContain("Vay vốn ưu đãi");
		assertThat(this.jdbc.sql("select status || ' ' || closed_on from support_demand where id = ?::uuid")
			.param(loanDemand)
			.query(String.class)
			.single()).isEqualTo("MET 2026-03-05");
		// the officer may record support and register demand from here
		assertThat(html).contains("/households/" + this.f.a.household() + "/support/new")
			.contains("/households/" + this.f.a.household() + "/demands/new");

		// the bank's officer sees its own loan, not the card due (another agency's), and
		// may not register demand
		String partner = panel(this.vbsp);
		assertThat(section(partner, "support-received")).contains(loanName);
		assertThat(partner).doesNotContain(cardName)
			.doesNotContain("/households/" + this.f.a.household() + "/demands/new");

		// the household page loads the panel by htmx, with no script of its own
		String page = this.mvc.perform(get("/households/" + this.f.a.household()).with(authentication(this.officer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("hx-get=\"/households/" + this.f.a.household() + "/support\"")
			.contains("hx-trigger=\"load\"");
	}

	@Test
	void anotherCommunesHouseholdPanelIsNotFound() throws Exception {
		this.mvc.perform(get("/households/" + this.f.b.household() + "/support").with(authentication(this.officer)))
			.andExpect(status().isNotFound());
	}

	/** The element with the id, up to its closing tag (the lists are not nested). */
	static String section(String html, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as("the page has #" + id).isNotNegative();
		int end = html.indexOf("</ul>", start);
		int endOl = html.indexOf("</ol>", start);
		if (endOl >= 0 && (end < 0 || endOl < end)) {
			end = endOl;
		}
		return html.substring(start, end);
	}

}
