package vn.giamngheo.identity;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PagesIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserRepository users;

	/** The user form posted for a new reviewer of Xã Tây Giang with the capture units. */
	static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder newReviewer(Fixtures f,
			org.springframework.security.core.Authentication admin, String captureUnits) {
		return post("/admin/users").with(authentication(admin))
			.with(csrf())
			.param("username", "page." + f.tag)
			.param("role", "REVIEWER")
			.param("password", "page-password-1")
			.param("viewUnits", "20455")
			.param("captureUnits", captureUnits);
	}

	@Test
	void adminManagesUsersThroughThePagesInVietnameseAndEnglish() throws Exception {
		Fixtures f = this.fixtures.create().communes();
		var admin = f.auth("admin");
		this.mvc.perform(get("/login").header("Accept-Language", "vi"))
			.andExpect(content().string(containsString("Tên đăng nhập")));
		this.mvc.perform(get("/login").param("lang", "en")).andExpect(content().string(containsString("User name")));
		this.mvc.perform(get("/admin/users/new").header("Accept-Language", "vi").with(authentication(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Phạm vi nhập liệu")));
		// a reviewer is given villages, not a commune (ADR 0016), of communes in force
		// (ADR 0029)
		Fixtures.Village village = f.village2025("20455", "P");
		this.mvc.perform(newReviewer(f, admin, "20455"))
			.andExpect(content().string(containsString("Rà soát viên chỉ được giao thôn")));
		// a village of the old Xã Dang has ended with its commune: refused, named
		this.mvc.perform(newReviewer(f, admin, "V" + f.tag + "A@local"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("đã hết hiệu lực từ ngày 01/07/2025")));
		// the village is chosen by its name (the picker sends its id), never typed as a
		// code
		this.mvc.perform(newReviewer(f, admin, "").param("captureUnitAdd", String.valueOf(village.id())))
			.andExpect(redirectedUrlPattern("/admin/users/*?saved"));
		long id = this.users.findPrincipal("page." + f.tag).orElseThrow().id();
		String form = this.mvc.perform(get("/admin/users/" + id).with(authentication(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		// both scopes listed by name, each with a box to untick, and a picker to add one
		assertThat(form).contains("<span>Xã Tây Giang</span>", "<span>Thôn mới P" + f.tag + "</span>", "Thêm đơn vị")
			.doesNotContain(">20455@2025<", "placeholder=\"ví dụ");
		assertThat(form).containsPattern(
				"id=\"capture-units\">\\s*<li><label><input type=\"checkbox\" name=\"captureUnits\" value=\""
						+ village.key() + "\" checked>\\s*<span>Thôn mới P");
		this.mvc
			.perform(post("/admin/users/" + id).with(authentication(admin))
				.with(csrf())
				.param("version", "0")
				.param("role", "REVIEWER")
				.param("viewUnits", "nope-unit"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("nope-unit")));
		this.mvc.perform(get("/admin/users").with(authentication(admin)))
			.andExpect(content().string(containsString("page." + f.tag)));
		this.mvc.perform(get("/admin/users/999999999").with(authentication(admin))).andExpect(status().isNotFound());
		var reviewer = f.auth("page." + f.tag);
		this.mvc.perform(post("/account/tokens").with(authentication(reviewer)).with(csrf()).param("name", "laptop"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/account").header("Accept-Language", "vi").with(authentication(reviewer)))
			.andExpect(content().string(containsString("laptop")))
			.andExpect(content().string(containsString("Rà soát viên")));
		this.mvc.perform(get("/audit").with(authentication(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("page." + f.tag)));
	}

}
