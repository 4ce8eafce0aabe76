package vn.giamngheo.identity;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's last access is written at most once a minute (V84): Spring Session JDBC
 * updates it on every request, and that update was the database's third cost under the
 * load test. What changes the session itself is always written.
 */
@IntegrationTest
class SessionTouchIT {

	/** The statement Spring Session runs on every request, as it runs it. */
	static final String UPDATE = "UPDATE spring_session SET SESSION_ID = ?, LAST_ACCESS_TIME = ?,"
			+ " MAX_INACTIVE_INTERVAL = ?, EXPIRY_TIME = ?, PRINCIPAL_NAME = ? WHERE PRIMARY_ID = ?";

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLastAccessLessThanAMinuteLaterIsNotWrittenAnythingElseIs() {
		String primary = UUID.randomUUID().toString();
		String id = UUID.randomUUID().toString();
		long t0 = 1_800_000_000_000L;
		this.jdbc
			.sql("insert into spring_session (primary_id, session_id, creation_time, last_access_time,"
					+ " max_inactive_interval, expiry_time, principal_name) values (?, ?, ?, ?, 1800, ?, 'xa.dang')")
			.params(primary, id, t0, t0, t0 + 1_800_000)
			.update();
		// 30 s later: the request's touch is skipped
		touch(primary, id, t0 + 30_000, 1800, "xa.dang");
		assertThat(lastAccess(primary)).isEqualTo(t0);
		// 61 s after the stored one: written
		touch(primary, id, t0 + 61_000, 1800, "xa.dang");
		assertThat(lastAccess(primary)).isEqualTo(t0 + 61_000);
		assertThat(this.jdbc.sql("select expiry_time from spring_session where primary_id = ?")
			.param(primary)
			.query(Long.class)
			.single()).isEqualTo(t0 + 61_000 + 1_800_000);
		// a new session id (as at sign-in), a new principal or a new timeout: written at
		// once
		String newId = UUID.randomUUID().toString();
		touch(primary, newId, t0 + 62_000, 1800, "xa.dang");
		assertThat(this.jdbc.sql("select session_id from spring_session where primary_id = ?")
			.param(primary)
			.query(String.class)
			.single()).isEqualTo(newId);
		touch(primary, newId, t0 + 63_000, 1800, "huyen.taygiang");
		assertThat(lastAccess(primary)).isEqualTo(t0 + 63_000);
		touch(primary, newId, t0 + 64_000, 600, "huyen.taygiang");
		assertThat(lastAccess(primary)).isEqualTo(t0 + 64_000);
		this.jdbc.sql("delete from spring_session where primary_id = ?").param(primary).update();
	}

	private void touch(String primary, String id, long at, int timeout, String principal) {
		this.jdbc.sql(UPDATE).params(id, at, timeout, at + timeout * 1000L, principal, primary).update();
	}

	private long lastAccess(String primary) {
		return this.jdbc.sql("select last_access_time from spring_session where primary_id = ?")
			.param(primary)
			.query(Long.class)
			.single();
	}

}
