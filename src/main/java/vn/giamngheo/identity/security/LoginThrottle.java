package vn.giamngheo.identity.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.giamngheo.identity.AccessProperties;
import vn.giamngheo.shared.throttle.Limit;
import vn.giamngheo.shared.throttle.Throttle;

/**
 * Growing delays after failed logins (ADR 0019), counted per (account, client) and per
 * client, never per account alone: a stranger's failures delay only the stranger's
 * client, so the owner signs in from another client at once, and bearer tokens are not
 * concerned at all. A success forgets the (account, client) key.
 */
@Component
public class LoginThrottle {

	/**
	 * A user name as stored ({@code app_user_username}); anything else is one subject.
	 */
	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

	static final String NOT_A_USERNAME = "?";

	private final Throttle throttle;

	private final Limit perAccount;

	private final Limit perClient;

	public LoginThrottle(Throttle throttle, AccessProperties properties) {
		this.throttle = throttle;
		this.perAccount = new Limit("login-account", properties.failedLoginsBeforeDelay(), properties.loginDelay(),
				properties.maxLoginDelay(), properties.failureForgottenAfter());
		this.perClient = new Limit("login-client", properties.clientFailuresBeforeDelay(), properties.loginDelay(),
				properties.maxLoginDelay(), properties.clientFailureForgottenAfter());
	}

	/** The user name as the login compares it, or {@value #NOT_A_USERNAME}. */
	static String subject(String username) {
		String s = (username == null) ? "" : username.strip().toLowerCase(Locale.ROOT);
		return USERNAME.matcher(s).matches() ? s : NOT_A_USERNAME;
	}

	/**
	 * How long this client must wait before trying this account (zero: it may try now).
	 */
	public Duration wait(String username, String client) {
		Duration account = this.throttle.wait(this.perAccount, subject(username), client);
		Duration all = this.throttle.wait(this.perClient, "", client);
		return (account.compareTo(all) >= 0) ? account : all;
	}

	/**
	 * Counts a wrong password.
	 * @return the wait now in force for this client and account
	 */
	public Duration failed(String username, String client) {
		Duration account = this.throttle.count(this.perAccount, subject(username), client);
		Duration all = this.throttle.count(this.perClient, "", client);
		return (account.compareTo(all) >= 0) ? account : all;
	}

	/** The right password: this client's failures on the account are forgotten. */
	public void succeeded(String username, String client) {
		this.throttle.forget(this.perAccount, subject(username), client);
	}

	/** An administrator lifts every delay of the account (all clients). */
	public void lift(String username) {
		this.throttle.forgetSubject(this.perAccount, subject(username));
	}

	/** Accounts some client must wait for, with the end of the longest wait. */
	public Map<String, Instant> delayed(Collection<String> usernames) {
		return this.throttle.delayedUntil(this.perAccount, usernames);
	}

}
