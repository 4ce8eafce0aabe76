package vn.giamngheo.identity.security;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;

import vn.giamngheo.identity.persistence.UserRepository;
import vn.giamngheo.shared.throttle.Throttle;

/**
 * Security events to the application log (logger {@code vn.giamngheo.security}) and, for
 * sign-ins with the login form, to the audit trail (actions {@code LOGIN},
 * {@code LOGIN_FAILED}, {@code LOGOUT} on entity {@code USER}): who, when, never the
 * password or personal data. A wrong password is counted for the client that typed it
 * ({@link LoginThrottle}, growing delays; no account is locked) and on the account for
 * the administrator. Bearer-token requests are not logged one by one (a token's last use
 * is kept on the token).
 */
@Component
public class SecurityEvents {

	private final UserRepository users;

	private final LoginThrottle throttle;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	public SecurityEvents(UserRepository users, LoginThrottle throttle, AuditTrail audit, TransactionTemplate tx) {
		this.users = users;
		this.throttle = throttle;
		this.audit = audit;
		this.tx = tx;
	}

	@EventListener
	public void success(AuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		this.users.resetFailures(username);
		this.throttle.succeeded(username, client(event.getAuthentication().getDetails()));
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
		long delay = 0;
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			this.users.countFailure(username);
			delay = this.throttle
				.failed(event.getAuthentication().getName(), client(event.getAuthentication().getDetails()))
				.toSeconds();
		}
		ProblemResponses.SECURITY_LOG.warn("login-failure user={} reason={} delay={}s", username, reason, delay);
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

	private static String client(Object details) {
		return Throttle.client((details instanceof WebAuthenticationDetails web) ? web.getRemoteAddress() : null);
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
