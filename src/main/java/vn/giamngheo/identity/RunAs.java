package vn.giamngheo.identity;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;

/**
 * Runs background work (an import job) as the user who asked for it, with that user's
 * current role and scope: a user whose scope was narrowed or who was locked out since
 * cannot write through an old job.
 */
@Component
public class RunAs {

	private final UserRepository users;

	public RunAs(UserRepository users) {
		this.users = users;
	}

	public <T> T run(String username, Supplier<T> work) {
		SignedInUser user = this.users.findPrincipal(username)
			.filter(SignedInUser::isEnabled)
			.filter(SignedInUser::isAccountNonLocked)
			.orElseThrow(() -> new DomainException(ErrorCode.FORBIDDEN, "error.forbidden"));
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
