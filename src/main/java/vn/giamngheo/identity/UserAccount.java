package vn.giamngheo.identity;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A user as the administrator sees it (no password hash).
 *
 * @param id id
 * @param username login name
 * @param displayName display name
 * @param role role
 * @param viewNation reads everywhere
 * @param captureNation writes everywhere
 * @param viewUnits units the user reads
 * @param captureUnits units the user writes
 * @param disabled may not log in
 * @param failedLogins failed logins since the last success
 * @param delayedUntil some client must wait until then before trying this account again
 * (after wrong passwords from that client; ADR 0019), or {@code null}
 * @param demo created by the demo seed
 * @param version optimistic lock
 * @param agency a partner's agency, otherwise {@code null}
 */
public record UserAccount(long id, String username, String displayName, Role role, boolean viewNation,
		boolean captureNation, List<UnitRef> viewUnits, List<UnitRef> captureUnits, boolean disabled, int failedLogins,
		OffsetDateTime delayedUntil, boolean demo, int version, Agency agency) {

	/** Some client is delayed on this account (set only while a delay is in force). */
	public boolean delayed() {
		return this.delayedUntil != null;
	}

	UserAccount withDelayedUntil(OffsetDateTime until) {
		return new UserAccount(this.id, this.username, this.displayName, this.role, this.viewNation, this.captureNation,
				this.viewUnits, this.captureUnits, this.disabled, this.failedLogins, until, this.demo, this.version,
				this.agency);
	}

}
