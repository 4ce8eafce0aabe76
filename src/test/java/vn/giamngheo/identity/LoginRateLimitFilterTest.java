package vn.giamngheo.identity;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import vn.giamngheo.identity.security.LoginRateLimitFilter;

import static org.assertj.core.api.Assertions.assertThat;

class LoginRateLimitFilterTest {

	@Test
	void refusesLoginAttemptsOverTheLimitPerAddress() throws Exception {
		LoginRateLimitFilter filter = new LoginRateLimitFilter(3);
		for (int i = 0; i < 3; i++) {
			assertThat(attempt(filter, "10.0.0.1").getStatus()).isEqualTo(200);
		}
		assertThat(attempt(filter, "10.0.0.1").getStatus()).isEqualTo(429);
		assertThat(attempt(filter, "10.0.0.2").getStatus()).isEqualTo(200);
		MockHttpServletRequest page = new MockHttpServletRequest("GET", "/login");
		page.setRemoteAddr("10.0.0.1");
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(page, response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(200);
	}

	private static MockHttpServletResponse attempt(LoginRateLimitFilter filter, String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
