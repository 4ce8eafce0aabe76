package vn.giamngheo.identity.security;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.giamngheo.identity.AccessTokens;
import vn.giamngheo.identity.SignedInUser;
import vn.giamngheo.identity.persistence.UserRepository.TokenMatch;

/**
 * Authenticates {@code /api/**} and {@code /actuator/**} requests that carry
 * {@code Authorization: Bearer <token>}: one indexed lookup of the token's SHA-256, no
 * password hashing. A bad token is a 401 problem, logged; no session is created.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

	private final AccessTokens tokens;

	private final ProblemResponses problems;

	private final Clock clock;

	public BearerTokenFilter(AccessTokens tokens, ProblemResponses problems, Clock clock) {
		this.tokens = tokens;
		this.problems = problems;
		this.clock = clock;
	}

	/**
	 * True for API and actuator requests (a Prometheus scraper) that present a bearer
	 * token (these are exempt from CSRF).
	 */
	public static boolean hasBearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
				&& (path.startsWith("/api/") || path.startsWith("/actuator/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!hasBearer(request)) {
			chain.doFilter(request, response);
			return;
		}
		String token = request.getHeader("Authorization").substring(7).strip();
		Optional<TokenMatch> match = this.tokens.lookup(token);
		String reason = null;
		if (match.isEmpty()) {
			reason = "unknown";
		}
		else if (match.get().revokedAt() != null) {
			reason = "revoked";
		}
		else if (!match.get().usable(this.clock.instant())) {
			reason = "expired";
		}
		else if (!match.get().user().isEnabled()) {
			reason = "user-disabled";
		}
		if (reason != null) {
			ProblemResponses.SECURITY_LOG.warn("token-rejected reason={} user={} method={} path={}", reason,
					match.map((m) -> m.user().getUsername()).orElse("-"), request.getMethod(), request.getRequestURI());
			SecurityContextHolder.clearContext();
			this.problems.write(request, response, 401, "UNAUTHENTICATED", "error.token");
			return;
		}
		SignedInUser user = match.get().user();
		user.eraseCredentials();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
