package vn.giamngheo.identity;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every page carries a Content-Security-Policy that allows scripts from the application's
 * files only; HTTPS requests get HSTS, plain ones not; forward headers are believed from
 * loopback only unless configured (ADR 0019). The real proxy is tested in
 * {@code NginxDeploymentIT}.
 */
@IntegrationTest
class SecurityHeadersIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	Environment environment;

	@Test
	void pagesCarryAScriptTightContentSecurityPolicy() throws Exception {
		for (String path : new String[] { "/login", "/public/complaints", "/units" }) {
			this.mvc.perform(get(path))
				.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
				.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-eval"))))
				.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")));
		}
		String policy = SecurityConfiguration.CONTENT_SECURITY_POLICY;
		String scripts = policy.substring(policy.indexOf("script-src"),
				policy.indexOf(';', policy.indexOf("script-src")));
		assertThat(scripts).isEqualTo("script-src 'self'");
	}

	@Test
	void hstsOnlyOverHttps() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Strict-Transport-Security"));
		this.mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
	}

	@Test
	void forwardHeadersAreBelievedFromLoopbackOnlyByDefault() {
		assertThat(this.environment.getProperty("server.forward-headers-strategy")).isEqualTo("native");
		Pattern trusted = Pattern.compile(this.environment.getProperty("server.tomcat.remoteip.internal-proxies"));
		assertThat(trusted.matcher("127.0.0.1").matches()).isTrue();
		assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
		for (String other : new String[] { "10.0.0.1", "192.168.1.10", "172.16.0.1", "203.0.113.9",
				"127.0.0.1.nip.io" }) {
			assertThat(trusted.matcher(other).matches()).as(other).isFalse();
		}
	}

}
