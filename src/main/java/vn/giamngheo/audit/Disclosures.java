package vn.giamngheo.audit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;

import static vn.giamngheo.shared.ClockConfiguration.VIETNAM;

/**
 * Audit rows of personal data leaving the system: exports ({@code EXPORT}), documents
 * with names (PDF) and searches by citizen ID ({@code SEARCH}) (ADR 0017). Each is
 * written in a transaction of its own, committed before the first byte leaves: a
 * read-only caller, a failed or aborted download all leave the row. The number of rows is
 * kept in the event's changes as {@value #ROWS}; the rows a user exported in the last
 * hour are summed from these events, so a limit holds across restarts and on every node.
 */
@Component
public class Disclosures {

	/** Action of an export or a printed document. */
	public static final String EXPORT = "EXPORT";

	/** Action of a search by citizen ID. */
	public static final String SEARCH = "SEARCH";

	/** The changes field holding the number of rows disclosed. */
	public static final String ROWS = "rows";

	static final Duration WINDOW = Duration.ofHours(1);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

	private final AuditTrail trail;

	private final JdbcClient jdbc;

	public Disclosures(AuditTrail trail, JdbcClient jdbc) {
		this.trail = trail;
		this.jdbc = jdbc;
	}

	/** Writes the event now, in its own transaction. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(AuditEntry entry) {
		this.trail.record(entry);
	}

	/**
	 * Writes an export's event when the actor's exported rows of the last hour plus this
	 * one stay within the limit; otherwise refuses (429) saying when it can go ahead. The
	 * check and the write hold a per-user lock, so two requests at once (on two nodes)
	 * cannot both pass.
	 * @param entry the event; its changes carry {@value #ROWS}
	 * @param rows rows of this export
	 * @param rowsPerHour the actor's limit; 0 or less: no limit
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordWithin(AuditEntry entry, long rows, long rowsPerHour) {
		if (rowsPerHour > 0) {
			this.jdbc.sql("select pg_advisory_xact_lock(hashtext('export:' || ?))")
				.param(entry.actor())
				.query((rs, n) -> 0)
				.list();
			if (rows > rowsPerHour) {
				throw new DomainException(ErrorCode.TOO_MANY_REQUESTS, "audit.quota.too-large", rows, rowsPerHour);
			}
			// the events' times are the database's: the window is measured by its clock
			OffsetDateTime now = this.jdbc.sql("select now()").query(OffsetDateTime.class).single();
			java.util.List<Used> used = this.jdbc
				.sql("select at, (changes -> 'rows' ->> 'new')::bigint from audit_event where actor = ?"
						+ " and action = 'EXPORT' and at > ? and changes -> 'rows' is not null order by at")
				.params(entry.actor(), now.minus(WINDOW))
				.query((rs, n) -> new Used(rs.getObject(1, OffsetDateTime.class), rs.getLong(2)))
				.list();
			long total = used.stream().mapToLong(Used::rows).sum();
			if (total + rows > rowsPerHour) {
				// the limit allows this export again once enough of the oldest exports
				// are an hour old
				long left = total;
				OffsetDateTime free = now;
				for (Used u : used) {
					left -= u.rows();
					free = u.at().plus(WINDOW);
					if (left + rows <= rowsPerHour) {
						break;
					}
				}
				throw new DomainException(ErrorCode.TOO_MANY_REQUESTS, "audit.quota.exceeded", total, rows, rowsPerHour,
						TIME.format(free.atZoneSameInstant(VIETNAM)));
			}
		}
		this.trail.record(entry);
	}

	private record Used(OffsetDateTime at, long rows) {
	}

}
