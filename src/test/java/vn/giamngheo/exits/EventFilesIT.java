package vn.giamngheo.exits;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Event files: a file with one bad row (a household of another commune) writes nothing
 * when committed all-or-nothing and names the row; a good file writes its events (types
 * named with or without diacritics); its revert voids them.
 */
@IntegrationTest
class EventFilesIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	Fixtures f;

	Authentication officer;

	@BeforeEach
	void setUp() {
		this.f = this.fixtures.create().communes();
		this.officer = this.f.auth(
				this.f.user("effofficer", Role.COMMUNE_OFFICER, List.of(this.f.a.scope()), List.of(this.f.a.scope())));
	}

	String upload(String csv) throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "bien-co.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
		String location = this.mvc
			.perform(multipart("/imports/events").file(file).with(authentication(this.officer)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return location.substring(location.lastIndexOf('/') + 1);
	}

	String page(String job) throws Exception {
		return this.mvc
			.perform(get("/imports/events/" + job).with(authentication(this.officer)).header("Accept-Language", "vi"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	long live() {
		return this.jdbc
			.sql("select count(*) from household_event where household_id = ? and not voided and source = 'IMPORT'")
			.param(this.f.a.household())
			.query(Long.class)
			.single();
	}

	@Test
	void aBadRowWritesNothingAGoodFileWritesItsEventsAndItsRevertVoidsThem() throws Exception {
		String a = this.f.a.householdCode();
		String b = this.f.b.householdCode();
		String bad = upload("""
				Mã hộ,Ngày xảy ra,Loại biến cố,Thành viên liên quan,Ghi chú
				%s,12/10/2025,Thiên tai,,Lũ cuốn trôi chuồng bò
				%s,13/10/2025,Mat viec lam,,
				%s,14/10/2025,Động đất lớn,,
				""".formatted(a, b, a));
		String shown = page(bad);
		assertThat(shown).contains("Không tìm thấy hộ có mã " + b)
			.contains("Động đất lớn")
			.contains("<td class=\"num\">3</td>")
			.contains("<td class=\"num\">4</td>");
		this.mvc
			.perform(post("/imports/events/" + bad + "/commit").param("mode", "ALL")
				.with(authentication(this.officer))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent());
		assertThat(live()).isZero();

		String good = upload("""
				Mã hộ,Ngày xảy ra,Loại biến cố,Thành viên liên quan,Ghi chú
				%s,12/10/2025,Thiên tai,,Lũ cuốn trôi chuồng bò
				%s,01/11/2025,om dau nang,%s,Nằm viện
				""".formatted(a, a, this.f.a.headName()));
		assertThat(page(good)).contains("Có thể ghi 2 biến cố");
		this.mvc
			.perform(post("/imports/events/" + good + "/commit").param("mode", "ALL")
				.with(authentication(this.officer))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(live()).isEqualTo(2);
		assertThat(this.jdbc
			.sql("select count(*) from household_event where household_id = ? and type = 'SERIOUS_ILLNESS'"
					+ " and member_id = ?")
			.params(this.f.a.household(), this.f.a.member())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from import_change where job_id = ?::uuid and entity_type = 'EVENT'")
			.param(good)
			.query(Long.class)
			.single()).isEqualTo(2);

		this.mvc.perform(post("/imports/events/" + good + "/revert").with(authentication(this.officer)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(live()).isZero();
		assertThat(this.jdbc
			.sql("select count(*) from household_event where household_id = ? and voided"
					+ " and void_reason like 'Hoàn tác tệp biến cố%'")
			.param(this.f.a.household())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

}
