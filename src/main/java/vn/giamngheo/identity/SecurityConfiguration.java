package vn.giamngheo.identity;

import java.time.Clock;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;

import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.identity.security.BearerTokenFilter;
import vn.giamngheo.identity.security.LoginThrottle;
import vn.giamngheo.identity.security.LoginThrottleFilter;
import vn.giamngheo.identity.security.PrincipalRefreshFilter;
import vn.giamngheo.identity.security.ProblemResponses;
import vn.giamngheo.identity.security.StartingFilter;
import vn.giamngheo.shared.scope.Permission;

/**
 * Form login with sessions and CSRF for pages and session API calls; bearer personal
 * access tokens for {@code /api/**} and {@code /actuator/**} (exempt from CSRF).
 * Unauthenticated or forbidden API calls get problem+json 401/403, pages a redirect to
 * the login page / the 403 page. The URL rules here are coarse (user administration,
 * audit trail, operations), taken from the permission matrix; the role's permission and
 * the data scope of every call are checked in the services
 * ({@link CurrentActor#require}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/**
	 * Paths anyone may call, reviewed: login, static assets, API docs, the public portal.
	 */
	public static final String[] PUBLIC_PATHS = { "/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
			"/error", "/api/docs/**", "/api/openapi.json/**", "/swagger-ui/**", "/public/**" };

	/**
	 * Scripts only from the application's own files (no inline script or handler, no
	 * eval); inline styles stay allowed because ECharts' tooltips and the htmx indicator
	 * write them (ADR 0019).
	 */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * The coarse URL rule of a whole area, from the same matrix the services ask
	 * ({@link RoleMatrix}): a second layer, the services check every call.
	 */
	static AuthorizationManager<RequestAuthorizationContext> may(Permission permission) {
		return (authentication, context) -> new AuthorizationDecision(authentication.get() != null
				&& authentication.get().getPrincipal() instanceof SignedInUser user && user.role().may(permission));
	}

	/**
	 * Two requests of one session that set the same new attribute at once (a page and its
	 * htmx fragments, two tabs) both save it: on PostgreSQL the attribute's insert is an
	 * upsert. Without it the second request failed with a duplicate key (a 500), seen
	 * with 50 connections on one session (`bench/two-nodes.sh`).
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpsert() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt by default; hashes of other algorithms stay verifiable ({id} prefix).
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService users(UserRepository users) {
		return (username) -> users.findPrincipal(username == null ? "" : username.strip().toLowerCase())
			.orElseThrow(() -> new UsernameNotFoundException("unknown"));
	}

	@Bean
	SecurityFilterChain security(HttpSecurity http, AccessTokens tokens, ProblemResponses problems, UserChanges changes,
			UserRepository users, LoginThrottle logins, Clock clock, MessageSource messages, LocaleResolver locales,
			ApplicationAvailability availability, ITemplateEngine templates) throws Exception {
		// machine endpoints: the API and the actuator (problem+json 401/403, bearer
		// tokens)
		RequestMatcher api = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
				PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"));
		http.authorizeHttpRequests((auth) -> auth.requestMatchers(PUBLIC_PATHS)
			.permitAll()
			// health (with liveness and readiness) for the load balancer, no details; the
			// rest
			// of the actuator (metrics, prometheus, info) for the administrator (ADR
			// 0019)
			.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.access(may(Permission.OPERATIONS))
			.requestMatchers("/admin/**", "/api/v1/users", "/api/v1/users/**")
			.access(may(Permission.USER_ADMIN))
			.requestMatchers("/audit", "/audit/**")
			.access(may(Permission.AUDIT_READ))
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureUrl("/login?error")
				.permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearer))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			// HSTS on HTTPS requests only (behind the proxy: X-Forwarded-Proto https from
			// a trusted address)
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.httpStrictTransportSecurity((hsts) -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)))
			.exceptionHandling((ex) -> ex.defaultAuthenticationEntryPointFor(problems, api)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						AnyRequestMatcher.INSTANCE)
				.defaultAccessDeniedHandlerFor(problems.apiDenied(), api)
				.defaultAccessDeniedHandlerFor(problems.pageDenied(), AnyRequestMatcher.INSTANCE))
			// nothing is served while the start-up work (the demo load) is not done
			.addFilterBefore(new StartingFilter(availability, messages, locales, problems, templates),
					DisableEncodeUrlFilter.class)
			.addFilterBefore(new LoginThrottleFilter(logins, clock, messages, locales, problems), CsrfFilter.class)
			.addFilterBefore(new BearerTokenFilter(tokens, problems, clock), CsrfFilter.class)
			.addFilterAfter(new PrincipalRefreshFilter(changes, users, problems),
					UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

}
