package vn.giamngheo.identity.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.giamngheo.identity.SignedInUser;
import vn.giamngheo.identity.UserChanges;
import vn.giamngheo.identity.persistence.UserRepository;

/**
 * When an administrator changed a signed-in user (role, scope, disabled), the user's
 * session picks the change up on the next request; a disabled or locked user is signed
 * out. Costs a map lookup per request otherwise.
 */
public class PrincipalRefreshFilter extends OncePerRequestFilter {

	private final UserChanges changes;

	private final UserRepository users;

	private final ProblemResponses problems;

	public PrincipalRefreshFilter(UserChanges changes, UserRepository users, ProblemResponses problems) {
		this.changes = changes;
		this.users = users;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SecurityContext context = SecurityContextHolder.getContext();
		Authentication auth = context.getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof SignedInUser user && this.changes.isStale(user)) {
			SignedInUser fresh = this.users.findPrincipal(user.id()).orElse(null);
			if (fresh == null || !fresh.isEnabled() || !fresh.isAccountNonLocked()) {
				ProblemResponses.SECURITY_LOG.warn("session-ended reason=user-disabled user={}", user.getUsername());
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
					this.problems.write(request, response, 401, "UNAUTHENTICATED", "error.http.401");
				}
				else {
					response.sendRedirect(request.getContextPath() + "/login");
				}
				return;
			}
			fresh.eraseCredentials();
			context.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
			}
		}
		chain.doFilter(request, response);
	}

}
