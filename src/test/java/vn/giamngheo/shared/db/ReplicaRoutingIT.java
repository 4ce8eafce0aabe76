package vn.giamngheo.shared.db;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.shared.throttle.Limit;
import vn.giamngheo.shared.throttle.Throttle;
import vn.giamngheo.support.FixtureFactory;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A read replica by configuration (ADR 0052). The stand-in replica is the same database
 * reached as another role, {@value #REPLICA_ROLE}, which may read every table and write
 * none: {@code current_user} tells which pool answered, and a write sent to it would
 * fail. Read-only transactions (a read-only page's service) go to it; everything else,
 * and every write, to the primary.
 */
@IntegrationTest
class ReplicaRoutingIT {

	static final String REPLICA_ROLE = "giamngheo_replica_it";

	static final String REPLICA_PASSWORD = "replica-" + UUID.randomUUID();

	static final Limit LIMIT = new Limit("replica-it", 100, java.time.Duration.ofMinutes(1),
			java.time.Duration.ofMinutes(2), java.time.Duration.ofMinutes(5));

	@DynamicPropertySource
	static void replica(DynamicPropertyRegistry registry) {
		registry.add("giamngheo.db.replica-url", ReplicaRoutingIT::replicaUrl);
		registry.add("giamngheo.db.replica-username", () -> REPLICA_ROLE);
		registry.add("giamngheo.db.replica-password", () -> REPLICA_PASSWORD);
		// one connection: the state of its one session tells when the replica last
		// answered
		registry.add("giamngheo.db.replica-pool-size", () -> "1");
	}

	/**
	 * The test JVM's embedded server (started here if no context did yet, as the contexts
	 * start it), with a role that reads everything and writes nothing.
	 */
	static String replicaUrl() {
		try {
			EmbeddedPostgresServer server = DatabaseConfiguration.embeddedServer(new DatabaseProperties(null, null,
					null, null, null, null, 0, true, null, null, null, null, null, null),
					new BackupProperties(null, null, null, null, null, null));
			try (Connection c = server.connectAsSuperuser(DatabaseConfiguration.DATABASE);
					Statement st = c.createStatement()) {
				st.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + REPLICA_ROLE
						+ "') then create role " + REPLICA_ROLE + " login; end if; end $$");
				st.execute("alter role " + REPLICA_ROLE + " password '" + REPLICA_PASSWORD + "'");
				st.execute("grant pg_read_all_data to " + REPLICA_ROLE);
			}
			return server.jdbcUrl(DatabaseConfiguration.DATABASE);
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Throttle throttle;

	@Autowired
	MockMvc mvc;

	@Autowired
	FixtureFactory fixtures;

	@Autowired
	@OwnerDatabase
	DataSource owner;

	TransactionTemplate readOnly() {
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		tx.setReadOnly(true);
		return tx;
	}

	String currentUser() {
		return this.jdbc.sql("select current_user").query(String.class).single();
	}

	@Test
	void readOnlyTransactionsAreAnsweredByTheReplicaEverythingElseByThePrimary() {
		String readOnly = this.readOnly().execute((s) -> currentUser());
		String readWrite = new TransactionTemplate(this.transactions).execute((s) -> currentUser());
		assertThat(readOnly).isEqualTo(REPLICA_ROLE);
		assertThat(readWrite).isEqualTo(EmbeddedCredentials.APP_ROLE);
		assertThat(currentUser()).as("outside a transaction").isEqualTo(EmbeddedCredentials.APP_ROLE);
	}

	@Test
	void aWriteNeverGoesToTheReplica() {
		String client = "replica-" + UUID.randomUUID();
		// a write in a read-only transaction is refused, and nothing is written
		assertThatThrownBy(() -> this.readOnly()
			.executeWithoutResult((s) -> this.jdbc
				.sql("insert into throttle (name, subject, client, level, level_at, forget_at)"
						+ " values ('replica-it', '', ?, 0, now(), now())")
				.param(client)
				.update()))
			.isInstanceOf(RuntimeException.class);
		assertThat(rows(client)).isZero();
		// a service's own read-write transaction inside a read-only one goes to the
		// primary
		this.readOnly().executeWithoutResult((s) -> this.throttle.count(LIMIT, "", client));
		assertThat(rows(client)).isOne();
	}

	@Test
	void aReadOnlyPageIsServedByTheReplica() throws Exception {
		this.readOnly().execute((s) -> currentUser());
		OffsetDateTime before = replicaLastActive();
		Thread.sleep(20);
		// the audit search is a read-only service
		this.mvc.perform(get("/api/v1/audit-events?size=1").with(authentication(this.fixtures.create().auth("admin"))))
			.andExpect(status().isOk());
		assertThat(replicaLastActive()).isAfter(before);
	}

	/** Throttle rows of a client, read as the owner (past the application's routing). */
	long rows(String client) {
		return JdbcClient.create(this.owner)
			.sql("select count(*) from throttle where client = ?")
			.param(client)
			.query(Long.class)
			.single();
	}

	/** When the replica's one session last changed state. */
	OffsetDateTime replicaLastActive() {
		return JdbcClient.create(this.owner)
			.sql("select max(state_change) from pg_stat_activity where usename = ?")
			.param(REPLICA_ROLE)
			.query(OffsetDateTime.class)
			.single();
	}

}
