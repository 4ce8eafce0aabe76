package vn.giamngheo.programmes;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.identity.Fixtures;
import vn.giamngheo.identity.Role;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The funds pages as officers use them: a commune officer types a form of lines with
 * thousands separators; one bad line shows the form again with "Dòng n" and both amounts,
 * keeps what was typed and writes nothing; the saved lines wait; the district approves
 * them on the pending page (the commune officer sees the own line as waiting for another
 * person), and the totals show the money by project and by source with the rate.
 */
@IntegrationTest
class FundsPagesIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	Fixtures f;

	Authentication commune;

	Authentication district;

	@Autowired
	@OwnerDatabase
	DataSource owner;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		DemoProgrammeRows.clear(this.owner, this.f.a.id(), this.f.b.id());
		String a = this.f.a.scope();
		this.commune = this.f.auth(this.f.user("pgcomm", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
		this.district = this.f
			.auth(this.f.user("pgdist", Role.DISTRICT_OFFICER, List.of("504@2024"), List.of("504@2024")));
	}

	String page(Authentication who, String uri) throws Exception {
		return this.mvc.perform(get(uri).with(authentication(who)).header("Accept-Language", "vi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	long rows() {
		return this.jdbc.sql("select count(*) from programme_fund where unit_id = ? and year = 2021")
			.param(this.f.a.id())
			.query(Long.class)
			.single();
	}

	@Test
	void aCommuneEntersAFormTheDistrictApprovesItAndTheTotalsShowIt() throws Exception {
		String uri = "/programmes/funds?unit=" + this.f.a.id() + "&year=2021";
		String form = page(this.commune, uri);
		// projects are chosen by the form's number and name, never by a code
		assertThat(form).contains("2021–2025 · 3.1 — ")
			.doesNotContain("· DA3")
			.contains("Ngân sách địa phương")
			.contains("Lưu các dòng nguồn vốn");
		String purpose = "Đường bê tông " + this.f.tag;
		// line 2 disburses more than allocated: nothing saved, the form again with the
		// line
		String refused = this.mvc
			.perform(post("/programmes/funds").with(authentication(this.commune))
				.with(csrf())
				.header("Accept-Language", "vi")
				.param("unit", Long.toString(this.f.a.id()))
				.param("year", "2021")
				.param("form", "funds")
				.param("l[0].node", "GNBV-2021-2025|DA3.TDA1")
				.param("l[0].purpose", "")
				.param("l[0].source", "CENTRAL_RECURRENT")
				.param("l[0].planned", "2.000.000.000")
				.param("l[0].allocated", "1.800.000.000")
				.param("l[0].disbursed", "1.500.000.000")
				.param("l[0].version", "")
				.param("l[1].node", "")
				.param("l[1].purpose", purpose)
				.param("l[1].source", "OWN_CONTRIBUTION")
				.param("l[1].planned", "")
				.param("l[1].allocated", "250 000 000")
				.param("l[1].disbursed", "260.000.000")
				.param("l[1].version", "")
				.param("l[2].node", "")
				.param("l[2].source", "LOCAL")
				.param("l[2].planned", "")
				.param("l[2].allocated", "")
				.param("l[2].disbursed", "")
				.param("l[2].version", ""))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("Dòng 2: Số giải ngân 260.000.000 đ vượt số vốn được giao 250.000.000 đ")
			.contains("value=\"1.500.000.000\"")
			.contains(purpose)
			.doesNotContain("lines[");
		assertThat(rows()).isZero();
		this.mvc
			.perform(post("/programmes/funds").with(authentication(this.commune))
				.with(csrf())
				.param("unit", Long.toString(this.f.a.id()))
				.param("year", "2021")
				.param("form", "funds")
				.param("l[0].node", "GNBV-2021-2025|DA3.TDA1")
				.param("l[0].source", "CENTRAL_RECURRENT")
				.param("l[0].planned", "2.000.000.000")
				.param("l[0].allocated", "1.800.000.000")
				.param("l[0].disbursed", "1.500.000.000")
				.param("l[0].version", ""))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(uri));
		assertThat(rows()).isEqualTo(1);
		assertThat(page(this.commune, uri)).contains("1 dòng chờ duyệt");
		assertThat(page(this.commune, "/programmes/funds/pending")).contains("chờ người khác duyệt");
		String pending = page(this.district, "/programmes/funds/pending");
		assertThat(pending).contains("Duyệt").contains("Trả lại").contains("1.800.000.000");
		long id = this.jdbc.sql("select id from programme_fund where unit_id = ? and year = 2021")
			.param(this.f.a.id())
			.query(Long.class)
			.single();
		this.mvc
			.perform(post("/programmes/funds/{id}/decision", id).with(authentication(this.district))
				.with(csrf())
				.param("approve", "true")
				.param("version", "0"))
			.andExpect(status().is3xxRedirection());
		String totals = page(this.district, uri);
		assertThat(totals).contains("Ngân sách trung ương – vốn sự nghiệp").contains("83,3%").contains("1.800.000.000");
		assertThat(totals).doesNotContain("dòng chờ duyệt (chưa");
	}

}
