package vn.giamngheo.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.identity.persistence.UserRepository;

/**
 * Remembers when a user's role, scope or flags last changed, so signed-in sessions of
 * that user pick the change up on their next request (see
 * {@code PrincipalRefreshFilter}). The instant is written to the user's row once the
 * change commits, and every node reads the rows changed since its last look every few
 * seconds ({@code giamngheo.identity.changes-poll}, default 2 s), so a session served by
 * another node than the one that made the change sees it too (ADR 0052). The node that
 * made the change sees it at once.
 */
@Component
public class UserChanges {

	/** How far back each look reads again, for changes that committed late. */
	static final Duration OVERLAP = Duration.ofSeconds(30);

	private final Map<Long, Instant> changedAt = new ConcurrentHashMap<>();

	private final UserRepository users;

	private final TransactionTemplate tx;

	private volatile Instant seenUntil = Instant.EPOCH;

	public UserChanges(UserRepository users, PlatformTransactionManager transactions) {
		this.users = users;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Marks the user as changed once the current transaction commits. */
	public void changed(long userId) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					record(userId);
				}
			});
		}
		else {
			record(userId);
		}
	}

	/**
	 * After the change committed, so a principal loaded before this instant may have read
	 * the old row, and one loaded after it reads the new one.
	 */
	private void record(long userId) {
		Instant now = Instant.now();
		this.changedAt.merge(userId, now, (a, b) -> a.isAfter(b) ? a : b);
		this.tx.executeWithoutResult((status) -> this.users.markPrincipalChanged(userId, now));
	}

	/** Reads the changes other nodes made since the last look. */
	@Scheduled(fixedDelayString = "${giamngheo.identity.changes-poll:PT2S}")
	public void catchUp() {
		Instant from = this.seenUntil.minus(OVERLAP);
		this.users.principalsChangedAfter(from).forEach((id, at) -> {
			this.changedAt.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
			if (at.isAfter(this.seenUntil)) {
				this.seenUntil = at;
			}
		});
	}

	/** True when the user changed after the principal was loaded. */
	public boolean isStale(SignedInUser user) {
		Instant at = this.changedAt.get(user.id());
		return at != null && at.isAfter(user.loadedAt());
	}

}
