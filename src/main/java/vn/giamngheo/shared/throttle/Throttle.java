package vn.giamngheo.shared.throttle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.shared.db.OneRunner;

/**
 * The one abuse limiter (failed logins, public complaints): keys of a {@link Limit} — a
 * subject such as the user name tried, and the client address — with a count that leaks
 * away and delays that grow (ADR 0019). The state is a PostgreSQL table, so a restart
 * forgets nothing and two application nodes share it; "now" is the injected
 * {@link Clock}. Rows are deleted once forgotten, and the table is capped.
 */
@Component
public class Throttle {

	/** The name of the scheduled prune among the jobs that run on one node at a time. */
	public static final String PRUNE_JOB = "throttle.prune";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final int maxRows;

	private final OneRunner jobs;

	public Throttle(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions, OneRunner jobs,
			@Value("${giamngheo.throttle.max-rows:200000}") int maxRows) {
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.maxRows = maxRows;
	}

	/**
	 * How long the key must still wait.
	 * @param limit the limit
	 * @param subject subject ({@code ""} when the limit is per client)
	 * @param client client key ({@link #client(String)})
	 * @return the wait; zero when the key may go on
	 */
	public Duration wait(Limit limit, String subject, String client) {
		Instant now = now();
		return this.jdbc.sql("select blocked_until from throttle where name = ? and subject = ? and client = ?")
			.params(limit.name(), subject, client)
			.query((rs, n) -> remaining(instant(rs, "blocked_until"), now))
			.optional()
			.orElse(Duration.ZERO);
	}

	/**
	 * Counts one event of the key (a failed login) even if it had to wait.
	 * @return the wait now in force for the key's next event (zero: none)
	 */
	public Duration count(Limit limit, String subject, String client) {
		return update(limit, subject, client, false);
	}

	/**
	 * Counts one event of the key (a complaint) unless the key must wait, in which case
	 * nothing is counted.
	 * @return zero when the event was allowed and counted, else how long to wait
	 */
	public Duration acquire(Limit limit, String subject, String client) {
		return update(limit, subject, client, true);
	}

	private Duration update(Limit limit, String subject, String client, boolean refuseWhenWaiting) {
		return this.tx.execute((status) -> {
			Instant now = now();
			this.jdbc.sql(
					"insert into throttle (name, subject, client, level, level_at, forget_at) values (?, ?, ?, 0, ?, ?)"
							+ " on conflict do nothing")
				.params(limit.name(), subject, client, utc(now), utc(now))
				.update();
			record Row(int level, Instant at, Instant blockedUntil) {
			}
			Row row = this.jdbc
				.sql("select level, level_at, blocked_until from throttle where name = ? and subject = ? and client = ?"
						+ " for update")
				.params(limit.name(), subject, client)
				.query((rs, n) -> new Row(rs.getInt("level"), instant(rs, "level_at"), instant(rs, "blocked_until")))
				.single();
			Duration waiting = remaining(row.blockedUntil(), now);
			if (refuseWhenWaiting && !waiting.isZero()) {
				return waiting;
			}
			int level = limit.leaked(row.level(), row.at(), now) + 1;
			Duration delay = limit.delayAt(level);
			Instant blockedUntil = row.blockedUntil();
			if (!delay.isZero() && (blockedUntil == null || now.plus(delay).isAfter(blockedUntil))) {
				blockedUntil = now.plus(delay);
			}
			this.jdbc
				.sql("update throttle set level = ?, level_at = ?, blocked_until = ?, forget_at = ?"
						+ " where name = ? and subject = ? and client = ?")
				.params(level, utc(now), (blockedUntil != null) ? utc(blockedUntil) : null,
						utc(limit.forgetAt(level, now, blockedUntil)), limit.name(), subject, client)
				.update();
			return refuseWhenWaiting ? Duration.ZERO : remaining(blockedUntil, now);
		});
	}

	/** Forgets one key (a successful login from that client). */
	public void forget(Limit limit, String subject, String client) {
		this.jdbc.sql("delete from throttle where name = ? and subject = ? and client = ?")
			.params(limit.name(), subject, client)
			.update();
	}

	/** Forgets a subject from every client (an administrator lifts the delays). */
	public void forgetSubject(Limit limit, String subject) {
		this.jdbc.sql("delete from throttle where name = ? and subject = ?").params(limit.name(), subject).update();
	}

	/**
	 * Subjects that some client must still wait for, with the latest end of the wait.
	 * @param limit the limit
	 * @param subjects subjects asked about
	 * @return delayed subjects only
	 */
	public Map<String, Instant> delayedUntil(Limit limit, Collection<String> subjects) {
		if (subjects.isEmpty()) {
			return Map.of();
		}
		record Row(String subject, Instant until) {
		}
		return this.jdbc
			.sql("select subject, max(blocked_until) as until from throttle where name = ? and subject = any(?)"
					+ " and blocked_until > ? group by subject")
			.params(limit.name(), subjects.toArray(String[]::new), utc(now()))
			.query((rs, n) -> new Row(rs.getString("subject"), instant(rs, "until")))
			.list()
			.stream()
			.collect(Collectors.toMap(Row::subject, Row::until));
	}

	/** The scheduled {@link #prune}, on one node at a time (ADR 0052). */
	@Scheduled(fixedDelayString = "${giamngheo.throttle.prune-every:PT5M}")
	void prunePeriodically() {
		this.jobs.runAlone(PRUNE_JOB, this::prune);
	}

	/**
	 * Deletes forgotten keys, then the oldest beyond the cap (a flood from very many
	 * addresses cannot grow the table without bound).
	 * @return rows deleted
	 */
	public int prune() {
		int forgotten = this.jdbc.sql("delete from throttle where forget_at < ?").param(utc(now())).update();
		int capped = this.jdbc
			.sql("delete from throttle where ctid in (select ctid from throttle order by forget_at desc offset ?)")
			.param(this.maxRows)
			.update();
		return forgotten + capped;
	}

	/**
	 * The key of a client address: the address itself, or for IPv6 its /64 network (one
	 * subscriber gets a whole /64, so single addresses would be free to change).
	 * @param address the request's remote address (the real client behind a trusted
	 * proxy)
	 * @return a key of at most 64 characters
	 */
	public static String client(String address) {
		if (address == null || address.isBlank()) {
			return "-";
		}
		String a = address.strip();
		if (a.indexOf(':') >= 0) {
			// an address with ':' is parsed as an IPv6 literal, never looked up
			try {
				byte[] bytes = InetAddress.getByName(a).getAddress();
				if (bytes.length == 16) {
					StringBuilder net = new StringBuilder();
					for (int i = 0; i < 8; i += 2) {
						net.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
					}
					return net.append(":/64").toString();
				}
			}
			catch (UnknownHostException ex) {
				// not an address: keyed as given
			}
		}
		return (a.length() > 64) ? a.substring(0, 64) : a;
	}

	/** Now, to the millisecond (the database keeps microseconds). */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static Duration remaining(Instant until, Instant now) {
		return (until == null || !until.isAfter(now)) ? Duration.ZERO : Duration.between(now, until);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return (t == null) ? null : t.toInstant();
	}

}
