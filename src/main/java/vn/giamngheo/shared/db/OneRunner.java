package vn.giamngheo.shared.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a job on one application node at a time (ADR 0052): the job holds a PostgreSQL
 * advisory lock named after it for as long as it runs, on a database session of its own.
 * Another node (or thread) asking for the same job meanwhile skips it ({@link #runAlone})
 * or waits ({@link #runWaiting}). A node that dies loses its session, and PostgreSQL
 * releases the lock at once: no lease to expire, no table to clean.
 */
public class OneRunner {

	private static final Logger log = LoggerFactory.getLogger(OneRunner.class);

	/**
	 * The lock's key: a 64-bit hash of the job's name, in the application's namespace.
	 */
	private static final String KEY = "hashtextextended('giamngheo.job:' || ?, 0)";

	private final DataSource sessions;

	OneRunner(DataSource sessions) {
		this.sessions = sessions;
	}

	/**
	 * Runs the job unless it runs elsewhere.
	 * @param job the job's name
	 * @param work the job
	 * @return whether this call ran it ({@code false}: it was running elsewhere, or the
	 * database could not be reached, which is logged)
	 */
	public boolean runAlone(String job, Runnable work) {
		try (Connection c = this.sessions.getConnection()) {
			if (!lock(c, "select pg_try_advisory_lock(" + KEY + ")", job)) {
				return false;
			}
			try {
				work.run();
				return true;
			}
			finally {
				unlock(c, job);
			}
		}
		catch (SQLException ex) {
			log.warn("Job {} skipped: its lock could not be taken ({})", job, ex.getMessage());
			return false;
		}
	}

	/**
	 * Runs the job once no other node runs it (waiting for that one to finish).
	 * @param job the job's name
	 * @param work the job
	 * @return the job's result
	 */
	public <T> T runWaiting(String job, Supplier<T> work) {
		try (Connection c = this.sessions.getConnection()) {
			lock(c, "select pg_advisory_lock(" + KEY + ") is not null", job);
			try {
				return work.get();
			}
			finally {
				unlock(c, job);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("the lock of job " + job + " could not be taken: " + ex.getMessage(), ex);
		}
	}

	private static boolean lock(Connection c, String sql, String job) throws SQLException {
		try (PreparedStatement st = c.prepareStatement(sql)) {
			st.setString(1, job);
			try (ResultSet rs = st.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	private static void unlock(Connection c, String job) {
		try (PreparedStatement st = c.prepareStatement("select pg_advisory_unlock(" + KEY + ")")) {
			st.setString(1, job);
			st.execute();
		}
		catch (SQLException ex) {
			// closing the session releases it anyway
		}
	}

}
