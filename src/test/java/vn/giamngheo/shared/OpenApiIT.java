package vn.giamngheo.shared;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.support.IntegrationTest;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The published API description is readable without login, lists the API and tells a
 * client how to authenticate (a bearer token from /account).
 */
@IntegrationTest
class OpenApiIT {

	@Autowired
	MockMvc mvc;

	@Test
	void theApiDescriptionListsTheEndpointsAndTheBearerScheme() throws Exception {
		this.mvc.perform(get("/api/openapi.json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/households'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/units'].get").exists())
			.andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"))
			.andExpect(jsonPath("$.security[0].token").isArray());
	}

}
