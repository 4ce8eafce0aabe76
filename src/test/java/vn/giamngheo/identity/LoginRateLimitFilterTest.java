package vn.giamngheo.identity;

import org.junit.jupiter.api.Test;

import jakarta.servlet.http.Cookie;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import vn.giamngheo.identity.security.LoginRateLimitFilter;
import vn.giamngheo.shared.web.WebConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class LoginRateLimitFilterTest {

	@Test
	void refusesLoginAttemptsOverTheLimitPerAddress() throws Exception {
		LoginRateLimitFilter filter = filter(3);
		for (int i = 0; i < 3; i++) {
			assertThat(attempt(filter, "10.0.0.1").getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse refused = attempt(filter, "10.0.0.1");
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
		assertThat(refused.getContentAsString()).startsWith("Quá nhiều lần đăng nhập");
		assertThat(attempt(filter, "10.0.0.2").getStatus()).isEqualTo(200);
		MockHttpServletRequest page = new MockHttpServletRequest("GET", "/login");
		page.setRemoteAddr("10.0.0.1");
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(page, response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void refusalSpeaksTheUsersLanguage() throws Exception {
		LoginRateLimitFilter filter = filter(0);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		request.setCookies(new Cookie("giamngheo-lang", "en"));
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(429);
		assertThat(response.getContentAsString()).startsWith("Too many login attempts");
	}

	private static LoginRateLimitFilter filter(int perMinute) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new LoginRateLimitFilter(perMinute, messages, new WebConfiguration().localeResolver());
	}

	private static MockHttpServletResponse attempt(LoginRateLimitFilter filter, String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}
