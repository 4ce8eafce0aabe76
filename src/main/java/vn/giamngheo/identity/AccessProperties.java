package vn.giamngheo.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login and token settings ({@code giamngheo.security.*}). Failed logins delay the client
 * that made them, per account and over all accounts, with delays doubling from
 * {@code loginDelay} up to {@code maxLoginDelay} (ADR 0019); no account is ever locked.
 *
 * @param failedLoginsBeforeDelay failures of one account from one client at which the
 * first delay starts
 * @param clientFailuresBeforeDelay failures from one client over all accounts at which
 * the first delay starts (an office behind one address shares it)
 * @param loginDelay the first delay
 * @param maxLoginDelay the longest delay
 * @param failureForgottenAfter one failure of an account from a client is forgotten after
 * this
 * @param clientFailureForgottenAfter one failure of a client is forgotten after this
 * @param tokenMaxDays the longest token lifetime a user may ask for
 * @param minPasswordLength shortest password accepted
 */
@ConfigurationProperties("giamngheo.security")
public record AccessProperties(@DefaultValue("5") int failedLoginsBeforeDelay,
		@DefaultValue("20") int clientFailuresBeforeDelay, @DefaultValue("30s") Duration loginDelay,
		@DefaultValue("15m") Duration maxLoginDelay, @DefaultValue("15m") Duration failureForgottenAfter,
		@DefaultValue("3m") Duration clientFailureForgottenAfter, @DefaultValue("365") int tokenMaxDays,
		@DefaultValue("10") int minPasswordLength) {
}
