package vn.giamngheo.identity;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Accounts created or edited from now on are scoped to units in force only (ADR 0029): an
 * ended unit is refused with a 422 naming it and the day it ended, and nothing is stored;
 * an old unit the account already reads may stay in its VIEW.
 */
@IntegrationTest
class UnitsInForceIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserRepository users;

	@Test
	void aNewAccountOnAnEndedUnitIsRefusedWithItsNameAndNothingIsStored() throws Exception {
		Fixtures f = this.fixtures.create().communes();
		Authentication admin = f.auth("admin");
		create(admin, "dang." + f.tag, "[\"20455\"]", "[\"20464@2024\"]").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("RULE_REJECTED"))
			.andExpect(jsonPath("$.detail").value("Xã Dang đã hết hiệu lực từ ngày 01/07/2025: chỉ được gán phạm vi là"
					+ " đơn vị hành chính đang có hiệu lực."))
			.andExpect(jsonPath("$.errors[0].field").value("captureUnits"));
		// a district code exists only in the 2024 list: the district has ended
		create(admin, "dang." + f.tag, "[\"504\"]", "[]").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("Huyện Tây Giang")));
		// a village of an ended commune has ended with it
		create(admin, "dang." + f.tag, "[\"20455\"]", "[\"V" + f.tag + "A@local\"]")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("Thôn Alfa" + f.tag)));
		assertThat(this.users.findPrincipal("dang." + f.tag)).isEmpty();
		// a code of both lists is the unit in force
		create(admin, "dang." + f.tag, "[\"20455\"]", "[\"20455\"]").andExpect(status().isCreated())
			.andExpect(jsonPath("$.captureUnits[0].edition").value("2025"));
	}

	@Test
	void anEditKeepsTheOldUnitsAnAccountReadsButGivesNoEndedUnitAnew() throws Exception {
		Fixtures f = this.fixtures.create().communes();
		Authentication admin = f.auth("admin");
		// as the re-scope leaves it: the old commune in VIEW, the new one in VIEW and
		// CAPTURE
		String officer = f.user("kept", Role.COMMUNE_OFFICER, List.of("20464@2024", "20455@2025"),
				List.of("20455@2025"));
		long id = this.users.findPrincipal(officer).orElseThrow().id();
		update(admin, id, 0, "[\"20464@2024\",\"20455\"]", "[\"20455\"]").andExpect(status().isOk());
		update(admin, id, 1, "[\"20464@2024\",\"49@2024\"]", "[\"20455\"]").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("Tỉnh Quảng Nam")));
		update(admin, id, 1, "[\"20464@2024\"]", "[\"20464@2024\"]").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("Xã Dang")));
		UserAccount after = this.users.find(id).orElseThrow();
		assertThat(after.version()).isEqualTo(1);
		assertThat(after.viewUnits()).extracting(UnitRef::key).containsExactlyInAnyOrder("20464@2024", "20455@2025");
		assertThat(after.captureUnits()).extracting(UnitRef::key).containsExactly("20455@2025");
	}

	ResultActions create(Authentication admin, String username, String view, String capture) throws Exception {
		return this.mvc.perform(post("/api/v1/users").with(authentication(admin))
			.with(csrf())
			.header("Accept-Language", "vi")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"" + username + "\",\"role\":\"COMMUNE_OFFICER\",\"password\":\"0123456789ab\","
					+ "\"viewUnits\":" + view + ",\"captureUnits\":" + capture + "}"));
	}

	ResultActions update(Authentication admin, long id, int version, String view, String capture) throws Exception {
		return this.mvc.perform(put("/api/v1/users/" + id).with(authentication(admin))
			.with(csrf())
			.header("Accept-Language", "vi")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":" + version + ",\"role\":\"COMMUNE_OFFICER\",\"viewUnits\":" + view
					+ ",\"captureUnits\":" + capture + "}"));
	}

}
