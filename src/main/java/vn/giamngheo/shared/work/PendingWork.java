package vn.giamngheo.shared.work;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The table of pending work ({@code pending_work}, migration V44): one row per mark, kept
 * until the work that covers it commits. Marks are only ever inserted, never updated by
 * the changes, so two transactions marking one subject never wait for each other; the
 * drain collapses a subject's marks into one piece of work.
 */
@Component
public class PendingWork {

	/** Longest error text kept with a failing mark. */
	static final int ERROR_LENGTH = 500;

	private final JdbcClient jdbc;

	private final Clock clock;

	public PendingWork(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Marks a subject for later work, in the caller's transaction (so a rolled-back
	 * change leaves no mark). A subject marked twice in one transaction is written once.
	 * @param kind the kind of work (a {@link WorkHandler#kind()})
	 * @param subject what the work is about (a commune id, a household id...)
	 * @param unitId the geography unit the work concerns (for scope and for saying which
	 * units are being updated), or null
	 */
	public void mark(String kind, String subject, Long unitId) {
		if (!markedInThisTransaction().add(kind + '\u0000' + subject)) {
			return;
		}
		this.jdbc.sql("insert into pending_work (kind, subject, unit_id, created_at) values (?, ?, ?, ?)")
			.params(kind, subject, unitId, Timestamp.from(this.clock.instant()))
			.update();
	}

	/** Subjects marked in the current transaction (empty and unkept without one). */
	private static Set<String> markedInThisTransaction() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return new HashSet<>();
		}
		for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
			if (s instanceof Marked marked) {
				return marked.subjects;
			}
		}
		Marked marked = new Marked();
		TransactionSynchronizationManager.registerSynchronization(marked);
		return marked.subjects;
	}

	/**
	 * The subjects marked in one transaction; a synchronization, so that a nested new
	 * transaction has its own.
	 */
	private static final class Marked implements TransactionSynchronization {

		final Set<String> subjects = new HashSet<>();

	}

	/**
	 * A subject whose work is due.
	 *
	 * @param subject the subject
	 * @param ids its marks (all committed before this was read)
	 * @param attempts failed attempts so far
	 */
	public record Due(String subject, List<Long> ids, int attempts) {
	}

	/**
	 * Subjects of a kind whose work is due (never tried, or their back-off is over),
	 * oldest mark first.
	 * @param kind the kind
	 * @param limit most subjects
	 * @return the due subjects
	 */
	public List<Due> due(String kind, int limit) {
		return this.jdbc
			.sql("select subject, array_agg(id order by id) ids, max(attempts) attempts from pending_work"
					+ " where kind = ? group by subject"
					+ " having coalesce(max(next_attempt_at), '-infinity') <= ? order by min(id) limit ?")
			.params(kind, Timestamp.from(this.clock.instant()), limit)
			.query((rs, n) -> new Due(rs.getString("subject"), ids(rs.getArray("ids")), rs.getInt("attempts")))
			.list();
	}

	private static List<Long> ids(Array array) throws SQLException {
		List<Long> ids = new ArrayList<>();
		for (Object id : (Object[]) array.getArray()) {
			ids.add(((Number) id).longValue());
		}
		return ids;
	}

	/**
	 * The marks of these subjects that are committed now: work that starts after this
	 * sees their changes, so it may remove them ({@link #done}) when it commits.
	 */
	public List<Long> marks(String kind, Collection<String> subjects) {
		return this.jdbc.sql("select id from pending_work where kind = ? and subject = any(?)")
			.params(kind, subjects.toArray(String[]::new))
			.query(Long.class)
			.list();
	}

	/** Removes marks whose work is done (in the transaction of that work). */
	public void done(Collection<Long> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("delete from pending_work where id = any(?)").param(ids.toArray(Long[]::new)).update();
		}
	}

	/**
	 * Keeps a failure with every mark of a subject: the attempt count, the error and when
	 * to try again.
	 */
	public void failed(String kind, String subject, int attempts, Instant nextAttempt, String error) {
		String text = (error == null) ? "" : error;
		this.jdbc
			.sql("update pending_work set attempts = ?, next_attempt_at = ?, last_error = ?"
					+ " where kind = ? and subject = ?")
			.params(attempts, Timestamp.from(nextAttempt),
					(text.length() > ERROR_LENGTH) ? text.substring(0, ERROR_LENGTH) : text, kind, subject)
			.update();
	}

	/**
	 * How much work of a kind waits for some units.
	 *
	 * @param subjects subjects waiting
	 * @param failing of them, those whose last attempt failed (retried later)
	 * @param since the oldest waiting mark, or null
	 */
	public record Backlog(int subjects, int failing, OffsetDateTime since) {

		public static final Backlog NONE = new Backlog(0, 0, null);

	}

	/**
	 * The work of a kind that waits for the units a condition chooses.
	 * @param kind the kind
	 * @param unitCondition SQL condition on {@code p.unit_id}
	 * @param params its parameters
	 * @return the backlog
	 */
	public Backlog backlog(String kind, String unitCondition, List<Object> params) {
		List<Object> all = new ArrayList<>();
		all.add(kind);
		all.addAll(params);
		return this.jdbc
			.sql("select count(distinct p.subject) subjects,"
					+ " count(distinct p.subject) filter (where p.attempts > 0) failing, min(p.created_at) since"
					+ " from pending_work p where p.kind = ? and (" + unitCondition + ")")
			.params(all)
			.query(PendingWork::backlog)
			.single();
	}

	private static Backlog backlog(ResultSet rs, int n) throws SQLException {
		return new Backlog(rs.getInt("subjects"), rs.getInt("failing"), rs.getObject("since", OffsetDateTime.class));
	}

	/**
	 * A subject's marks, for operators and tests.
	 *
	 * @param id the mark
	 * @param subject the subject
	 * @param attempts failed attempts
	 * @param nextAttempt when it is tried again (null: at the next drain)
	 * @param lastError the last failure, or null
	 */
	public record Mark(long id, String subject, int attempts, OffsetDateTime nextAttempt, String lastError) {
	}

	/** Every mark of a kind, oldest first. */
	public List<Mark> marks(String kind) {
		return this.jdbc
			.sql("select id, subject, attempts, next_attempt_at, last_error from pending_work where kind = ?"
					+ " order by id")
			.param(kind)
			.query((rs, n) -> new Mark(rs.getLong("id"), rs.getString("subject"), rs.getInt("attempts"),
					rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getString("last_error")))
			.list();
	}

}
