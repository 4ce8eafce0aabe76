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
 * @param lockedUntil locked until (after too many failures)
 * @param demo created by the demo seed
 * @param version optimistic lock
 * @param agency a partner's agency, otherwise {@code null}
 */
public record UserAccount(long id, String username, String displayName, Role role, boolean viewNation,
		boolean captureNation, List<UnitRef> viewUnits, List<UnitRef> captureUnits, boolean disabled, int failedLogins,
		OffsetDateTime lockedUntil, boolean demo, int version, Agency agency) {

	public boolean locked() {
		return this.lockedUntil != null && this.lockedUntil.isAfter(OffsetDateTime.now());
	}

}
