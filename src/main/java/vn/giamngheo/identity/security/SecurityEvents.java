package vn.giamngheo.identity.security;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;

import vn.giamngheo.identity.AccessProperties;
import vn.giamngheo.identity.persistence.UserRepository;

/**
 * Security events to the application log (logger {@code vn.giamngheo.security}) and, for
 * sign-ins with the login form, to the audit trail (actions {@code LOGIN},
 * {@code LOGIN_FAILED}, {@code LOCKED}, {@code LOGOUT} on entity {@code USER}): who,
 * when, never the password or personal data. Failed logins are counted and lock the
 * account at the configured limit. Bearer-token requests are not logged one by one (a
 * token's last use is kept on the token).
 */
@Component
public class SecurityEvents {

	private final UserRepository users;

	private final AccessProperties properties;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	public SecurityEvents(UserRepository users, AccessProperties properties, AuditTrail audit, TransactionTemplate tx) {
		this.users = users;
		this.properties = properties;
		this.audit = audit;
		this.tx = tx;
	}

	@EventListener
	public void success(AuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		this.users.resetFailures(username);
		ProblemResponses.SECURITY_LOG.info("login-success user={}", username);
	}

	@EventListener
	public void interactiveSuccess(InteractiveAuthenticationSuccessEvent event) {
		record(event.getAuthentication().getName(), "LOGIN", null);
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
						record(username, "LOCKED", "failures=" + f.count());
					}
				});
		}
		ProblemResponses.SECURITY_LOG.warn("login-failure user={} reason={}", username, reason);
		if (this.users.exists(username)) {
			// attempts on names that are not accounts stay in the log only
			record(username, "LOGIN_FAILED", reason);
		}
	}

	@EventListener
	public void logout(LogoutSuccessEvent event) {
		ProblemResponses.SECURITY_LOG.info("logout user={}", event.getAuthentication().getName());
		record(event.getAuthentication().getName(), "LOGOUT", null);
	}

	private void record(String username, String action, String reason) {
		this.tx.executeWithoutResult((status) -> this.audit
			.record(new AuditEntry(username, action, "USER", username, null, null, null, Map.of(), reason)));
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
