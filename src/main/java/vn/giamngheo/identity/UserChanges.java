package vn.giamngheo.identity;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers when a user's role, scope or flags last changed, so signed-in sessions of
 * that user pick the change up on their next request (see
 * {@code PrincipalRefreshFilter}). One deployable, one JVM: an in-memory map is enough.
 */
@Component
public class UserChanges {

	private final Map<Long, Instant> changedAt = new ConcurrentHashMap<>();

	/** Marks the user as changed once the current transaction commits. */
	public void changed(long userId) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					UserChanges.this.changedAt.put(userId, Instant.now());
				}
			});
		}
		else {
			this.changedAt.put(userId, Instant.now());
		}
	}

	/** True when the user changed after the principal was loaded. */
	public boolean isStale(SignedInUser user) {
		Instant at = this.changedAt.get(user.id());
		return at != null && at.isAfter(user.loadedAt());
	}

}
