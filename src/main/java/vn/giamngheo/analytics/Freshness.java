package vn.giamngheo.analytics;

import java.time.OffsetDateTime;

import vn.giamngheo.shared.ClockConfiguration;
import vn.giamngheo.shared.work.PendingWork.Backlog;

/**
 * How fresh a unit's figures are. Times are Viet Nam's.
 *
 * @param refreshedAt when the last of its communes was re-aggregated (null: never)
 * @param pendingCommunes communes of the unit whose changes are not counted yet
 * @param failingCommunes of them, those whose last refresh failed (tried again later)
 * @param pendingSince the oldest of those changes, or null
 */
public record Freshness(OffsetDateTime refreshedAt, int pendingCommunes, int failingCommunes,
		OffsetDateTime pendingSince) {

	static Freshness of(OffsetDateTime refreshedAt, Backlog backlog) {
		return new Freshness(vietnam(refreshedAt), backlog.subjects(), backlog.failing(), vietnam(backlog.since()));
	}

	private static OffsetDateTime vietnam(OffsetDateTime at) {
		return (at == null) ? null : at.atZoneSameInstant(ClockConfiguration.VIETNAM).toOffsetDateTime();
	}

	/** Whether some changes are not counted yet. */
	public boolean updating() {
		return this.pendingCommunes > 0;
	}

}
