package vn.giamngheo.benefits;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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
 * The ledger pages as a commune officer uses them: the form takes amounts with thousands
 * separators and dates as dd/mm/yyyy, a refusal shows the form again with the message at
 * the field and writes nothing, the list and the record page write amounts "30.000.000 đ"
 * and statuses and policies by name, and a correction shows as a kept version.
 */
@IntegrationTest
class LedgerPagesIT {

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

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		String a = this.f.a.scope();
		this.officer = this.f.auth(this.f.user("pageofficer", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
	}

	String page(String uri) throws Exception {
		return this.mvc.perform(get(uri).with(authentication(this.officer)).header("Accept-Language", "vi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void anOfficerRecordsCorrectsAndReadsSupportOnThePages() throws Exception {
		String household = this.f.a.household().toString();
		assertThat(page("/households/" + household + "/support/new"))
			.contains(this.policies.require("LOAN_POOR").name())
			.contains(this.f.a.headName());
		// the shares do not add up: the form again, the message at the credit field
		String refused = this.mvc
			.perform(post("/households/" + household + "/support").with(authentication(this.officer))
				.with(csrf())
				.header("Accept-Language", "vi")
				.param("policyCode", "LOAN_POOR")
				.param("periodFrom", "01/03/2026")
				.param("periodTo", "01/03/2029")
				.param("amountVnd", "30.000.000")
				.param("creditVnd", "20.000.000")
				.param("status", "DELIVERED")
				.param("deliveredOn", "05/03/2026"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("id=\"error-creditVnd\"")
			.contains("Các nguồn cộng lại 20.000.000 đ, khác số tiền 30.000.000 đ")
			.contains("value=\"30.000.000\"");
		assertThat(count()).isZero();
		// a date that is no date is named
		String badDate = this.mvc
			.perform(post("/households/" + household + "/support").with(authentication(this.officer))
				.with(csrf())
				.header("Accept-Language", "vi")
				.param("policyCode", "LOAN_POOR")
				.param("periodFrom", "31/02/2026")
				.param("amountVnd", "1.000"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(badDate).contains("Ngày phải viết dạng dd/mm/yyyy");
		assertThat(count()).isZero();

		String location = this.mvc
			.perform(post("/households/" + household + "/support").with(authentication(this.officer))
				.with(csrf())
				.param("policyCode", "LOAN_POOR")
				.param("periodFrom", "01/03/2026")
				.param("periodTo", "01/03/2029")
				.param("amountVnd", "30.000.000")
				.param("creditVnd", "30.000.000")
				.param("status", "DELIVERED")
				.param("deliveredOn", "05/03/2026")
				.param("partnerRef", "HĐ-77"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(count()).isEqualTo(1);
		String list = page("/support/records?policy=LOAN_POOR&year=2026");
		assertThat(list).contains("30.000.000 đ")
			.contains(this.policies.require("LOAN_POOR").name())
			.contains("Đã nhận")
			.contains("05/03/2026")
			.contains(this.f.a.headName())
			.doesNotContain(this.f.b.headName());
		// in English, amounts take English separators
		assertThat(this.mvc
			.perform(get("/support/records?policy=LOAN_POOR&year=2026").param("lang", "en")
				.with(authentication(this.officer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("30,000,000").doesNotContain("30.000.000");

		// correct the amount with a reason: the record page keeps the earlier version
		String id = location.substring(location.lastIndexOf('/') + 1);
		assertThat(page("/support/records/" + id + "/edit")).contains("value=\"30000000\"");
		this.mvc
			.perform(post("/support/records/" + id).with(authentication(this.officer))
				.with(csrf())
				.param("version", "0")
				.param("reason", "Hợp đồng ghi 25 triệu")
				.param("policyCode", "LOAN_POOR")
				.param("periodFrom", "01/03/2026")
				.param("periodTo", "01/03/2029")
				.param("amountVnd", "25.000.000")
				.param("creditVnd", "25.000.000")
				.param("deliveredOn", "05/03/2026")
				.param("partnerRef", "HĐ-77"))
			.andExpect(status().is3xxRedirection());
		String record = page("/support/records/" + id);
		assertThat(record).contains("25.000.000 đ")
			.contains("30.000.000 đ")
			.contains("Hợp đồng ghi 25 triệu")
			.contains("pageofficer." + this.f.tag)
			.doesNotContain("DELIVERED")
			.doesNotContain("LOAN_POOR\"<");
		// close the loan from the page
		this.mvc
			.perform(post("/support/records/" + id + "/status").with(authentication(this.officer))
				.with(csrf())
				.param("version", "1")
				.param("status", "CLOSED"))
			.andExpect(status().is3xxRedirection());
		assertThat(page("/support/records/" + id)).contains("Đã kết thúc");
	}

	@Test
	void anOfficerRegistersADemandFromTheHousehold() throws Exception {
		String household = this.f.a.household().toString();
		assertThat(page("/households/" + household + "/demands/new")).contains("Vay vốn ưu đãi")
			.contains("Đăng ký thoát nghèo");
		this.mvc
			.perform(post("/households/" + household + "/demands").with(authentication(this.officer))
				.with(csrf())
				.param("kind", "LOAN")
				.param("purpose", "Mua bò giống")
				.param("amountVnd", "20.000.000")
				.param("registeredOn", "01/02/2026"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc
			.sql("select kind || ' ' || amount_vnd || ' ' || registered_on || ' ' || source from support_demand"
					+ " where household_id = ?")
			.param(this.f.a.household())
			.query(String.class)
			.list()).containsExactly("LOAN 20000000 2026-02-01 REGISTRATION");
	}

	long count() {
		return this.jdbc.sql("select count(*) from benefit_record where household_id = ?")
			.param(this.f.a.household())
			.query(Long.class)
			.single();
	}

}
