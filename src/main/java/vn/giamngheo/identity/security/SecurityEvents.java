package vn.giamngheo.identity.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

import vn.giamngheo.identity.AccessProperties;
import vn.giamngheo.identity.persistence.UserRepository;

/**
 * Security events to the application log (logger {@code vn.giamngheo.security}): login
 * success and failure, lockout, logout. User names only — never personal data. Failed
 * logins are counted and lock the account at the configured limit.
 */
@Component
public class SecurityEvents {

	private final UserRepository users;

	private final AccessProperties properties;

	public SecurityEvents(UserRepository users, AccessProperties properties) {
		this.users = users;
		this.properties = properties;
	}

	@EventListener
	public void success(AuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		this.users.resetFailures(username);
		ProblemResponses.SECURITY_LOG.info("login-success user={}", username);
	}

	@EventListener
	public void failure(AbstractAuthenticationFailureEvent event) {
		String username = safe(event.getAuthentication().getName());
		String reason = event.getClass().getSimpleName().replace("AuthenticationFailure", "").replace("Event", "");
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			this.users.recordFailure(username, this.properties.maxFailedLogins(), this.properties.lockout())
				.ifPresent((f) -> {
					if (f.locked()) {
						ProblemResponses.SECURITY_LOG.warn("account-locked user={} failures={}", username, f.count());
					}
				});
		}
		ProblemResponses.SECURITY_LOG.warn("login-failure user={} reason={}", username, reason);
	}

	@EventListener
	public void logout(LogoutSuccessEvent event) {
		ProblemResponses.SECURITY_LOG.info("logout user={}", event.getAuthentication().getName());
	}

	/**
	 * A typed user name may be anything (even a citizen ID by mistake): log a safe form.
	 */
	static String safe(String username) {
		if (username == null) {
			return "-";
		}
		String s = username.strip();
		if (s.length() > 64 || !s.matches("[A-Za-z0-9._@-]*") || s.matches(".*\\d{6,}.*")) {
			return "<unrecognised>";
		}
		return s;
	}

}
