package vn.giamngheo.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login and token settings ({@code giamngheo.security.*}).
 *
 * @param maxFailedLogins failed logins after which an account is locked
 * @param lockout how long a locked account stays locked
 * @param loginAttemptsPerMinute login attempts one client address may make per minute
 * @param tokenMaxDays the longest token lifetime a user may ask for
 * @param minPasswordLength shortest password accepted
 */
@ConfigurationProperties("giamngheo.security")
public record AccessProperties(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockout,
		@DefaultValue("20") int loginAttemptsPerMinute, @DefaultValue("365") int tokenMaxDays,
		@DefaultValue("10") int minPasswordLength) {
}
