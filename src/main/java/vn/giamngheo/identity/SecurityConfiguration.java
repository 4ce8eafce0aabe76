package vn.giamngheo.identity;

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
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.identity.security.BearerTokenFilter;
import vn.giamngheo.identity.security.LoginRateLimitFilter;
import vn.giamngheo.identity.security.PrincipalRefreshFilter;
import vn.giamngheo.identity.security.ProblemResponses;
import vn.giamngheo.shared.scope.Permission;

/**
 * Form login with sessions and CSRF for pages and session API calls; bearer personal
 * access tokens for {@code /api/**} (exempt from CSRF). Unauthenticated or forbidden API
 * calls get problem+json 401/403, pages a redirect to the login page / the 403 page. The
 * URL rules here are coarse (user administration, audit trail), taken from the permission
 * matrix; the role's permission and the data scope of every call are checked in the
 * services ({@link CurrentActor#require}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/**
	 * Paths anyone may call, reviewed: login, static assets, API docs, the public portal.
	 */
	public static final String[] PUBLIC_PATHS = { "/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
			"/error", "/api/docs/**", "/api/openapi.json/**", "/swagger-ui/**", "/public/**" };

	/**
	 * The coarse URL rule of a whole area, from the same matrix the services ask
	 * ({@link RoleMatrix}): a second layer, the services check every call.
	 */
	static AuthorizationManager<RequestAuthorizationContext> may(Permission permission) {
		return (authentication, context) -> new AuthorizationDecision(authentication.get() != null
				&& authentication.get().getPrincipal() instanceof SignedInUser user && user.role().may(permission));
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
			UserRepository users, AccessProperties properties, MessageSource messages, LocaleResolver locales)
			throws Exception {
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		http.authorizeHttpRequests((auth) -> auth.requestMatchers(PUBLIC_PATHS)
			.permitAll()
			.requestMatchers("/admin/**", "/api/v1/users", "/api/v1/users/**")
			.access(may(Permission.USER_ADMIN))
			.requestMatchers("/audit", "/audit/**")
			.access(may(Permission.AUDIT_READ))
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.defaultSuccessUrl("/account", false)
				.failureUrl("/login?error")
				.permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearer))
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.exceptionHandling((ex) -> ex.defaultAuthenticationEntryPointFor(problems, api)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						AnyRequestMatcher.INSTANCE)
				.defaultAccessDeniedHandlerFor(problems.apiDenied(), api)
				.defaultAccessDeniedHandlerFor(problems.pageDenied(), AnyRequestMatcher.INSTANCE))
			.addFilterBefore(new LoginRateLimitFilter(properties.loginAttemptsPerMinute(), messages, locales),
					CsrfFilter.class)
			.addFilterBefore(new BearerTokenFilter(tokens, problems), CsrfFilter.class)
			.addFilterAfter(new PrincipalRefreshFilter(changes, users, problems),
					UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

}
