package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.List;

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

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The review API: status codes and problem+json for user mistakes, never a 500. */
@IntegrationTest
class ReviewApiIT {

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void openListAndRefuse() throws Exception {
		Fixtures f = this.fixtures.create().communesInForce();
		ReviewData data = new ReviewData(this.jdbc);
		String a = f.a.scope();
		Authentication province = f
			.auth(f.user("tinhapi", Role.PROVINCE_OFFICER, List.of("48@2025"), List.of("48@2025")));
		Authentication officer = f.auth(f.user("xaapi", Role.COMMUNE_OFFICER, List.of(a), List.of(a)));
		int year = ReviewData.uniqueYear();
		LocalDate today = LocalDate.now();
		String body = "{\"provinceId\":" + data.provinceId() + ",\"year\":" + year
				+ ",\"standardKey\":\"2022-2025\",\"windowFrom\":\"" + today.minusDays(1) + "\",\"windowTo\":\""
				+ today.plusDays(9) + "\",\"communeIds\":[" + f.a.id() + "]}";
		this.mvc
			.perform(post("/api/v1/reviews").contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.with(authentication(officer))
				.with(csrf()))
			.andExpect(status().isForbidden());
		String location = this.mvc
			.perform(post("/api/v1/reviews").contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.with(authentication(province))
				.with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.year").value(year))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		this.mvc
			.perform(post("/api/v1/reviews").contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.with(authentication(province))
				.with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(header().string("Content-Type", "application/problem+json"));
		this.mvc
			.perform(post("/api/v1/reviews").contentType(MediaType.APPLICATION_JSON)
				.content("{\"provinceId\":" + data.provinceId() + ",\"year\":12}")
				.with(authentication(province))
				.with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get(location).with(authentication(officer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.communes[0].communeId").value(f.a.id()));
		this.mvc
			.perform(post(location + "/communes/" + f.a.id() + "/sign-offs").contentType(MediaType.APPLICATION_JSON)
				.content("{\"action\":\"SUBMIT\",\"version\":0}")
				.with(authentication(officer))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent());
		this.mvc
			.perform(post(location + "/communes/" + f.a.id() + "/sign-offs").contentType(MediaType.APPLICATION_JSON)
				.content("{\"action\":\"REOPEN\",\"version\":0,\"reason\":\"x\"}")
				.with(authentication(officer))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/review-households/" + f.a.household() + "/surveys")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":0}")
				.with(authentication(officer))
				.with(csrf()))
			.andExpect(status().isNotFound());
	}

}
