package vn.giamngheo.shared.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two database roles (ADR 0015), as an attacker with the application's connection (or
 * a local shell) would try them.
 */
@IntegrationTest
class DatabaseRolesIT {

	@Autowired
	DatabaseProperties properties;

	@Autowired
	BackupProperties backups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@OwnerDatabase
	DataSource owner;

	EmbeddedPostgresServer server() throws Exception {
		return DatabaseConfiguration.embeddedServer(this.properties, this.backups);
	}

	@Test
	void noConnectionWithoutTheRightPassword() throws Exception {
		String url = server().jdbcUrl("postgres");
		for (String user : List.of("postgres", EmbeddedCredentials.APP_ROLE)) {
			assertThatThrownBy(() -> DriverManager.getConnection(url, user, "")).as(user + " without password")
				.isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(url, user, "postgres")).as(user + " wrong password")
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("password authentication failed");
		}
		// every rule, the local socket's too, asks for scram-sha-256
		assertThat(JdbcClient.create(this.owner)
			.sql("select distinct type || ' ' || auth_method from pg_hba_file_rules order by 1")
			.query(String.class)
			.list()).containsExactly("host scram-sha-256", "local scram-sha-256");
		try (Connection c = DriverManager.getConnection(url, EmbeddedCredentials.SUPERUSER,
				server().credentials().superuserPassword())) {
			assertThat(c.isValid(2)).isTrue();
		}
	}

	@Test
	void aRequestsQueryRunsInOneProcessUnlessConfigured() {
		// ADR 0059: a parallel worker doubled a commune list's CPU under load
		assertThat(
				this.jdbc.sql("select current_setting('max_parallel_workers_per_gather')").query(String.class).single())
			.isEqualTo("0");
	}

	@Test
	void theCredentialsFileIsReadableByItsOwnerOnly() throws Exception {
		Path file = EmbeddedCredentials.file(server().dataDirectory());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Files.readString(file)).contains("app.password=" + server().credentials().appPassword());
	}

	@Test
	void theApplicationRoleCannotSwitchOffOrRewriteTheAuditTrail() {
		assertThat(this.jdbc.sql("select current_user").query(String.class).single())
			.isEqualTo(EmbeddedCredentials.APP_ROLE);
		long id = this.jdbc
			.sql("insert into audit_event (actor, action, entity_type, entity_id, reason)"
					+ " values ('roles-test', 'UPDATE', 'HOUSEHOLD', 'x', 'roles test') returning id")
			.query(Long.class)
			.single();
		List<String> accepted = new java.util.ArrayList<>();
		for (String sql : List.of("set session_replication_role = replica",
				"alter table audit_event disable trigger user", "alter table audit_event disable trigger all",
				"drop trigger audit_event_no_update on audit_event", "alter table audit_event owner to giamngheo_app",
				"update audit_event set actor = 'forger' where id = " + id, "delete from audit_event where id = " + id,
				"truncate audit_event", "set role postgres", "create table forged (x int)",
				"create or replace function audit_event_append_only() returns trigger"
						+ " language plpgsql as $$ begin return new; end $$",
				"alter role giamngheo_app superuser", "create role forger login")) {
			try {
				this.jdbc.sql(sql).update();
				accepted.add(sql);
			}
			catch (DataAccessException refused) {
				// as it should
			}
		}
		assertThat(accepted).as("statements the application role may not run").isEmpty();
		// a grant to itself only warns ("no privileges were granted")
		this.jdbc.sql("grant update, delete, truncate on audit_event to giamngheo_app").update();
		assertThat(this.jdbc
			.sql("select has_table_privilege('audit_event', 'UPDATE') or has_table_privilege('audit_event', 'DELETE')"
					+ " or has_table_privilege('audit_event', 'TRUNCATE') or has_table_privilege('audit_event', 'TRIGGER')")
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(this.jdbc.sql("select has_table_privilege('audit_event', 'INSERT')").query(Boolean.class).single())
			.isTrue();
		assertThat(this.jdbc.sql("select actor from audit_event where id = ?").param(id).query(String.class).single())
			.isEqualTo("roles-test");
		assertThat(this.jdbc
			.sql("select count(*) from pg_class where relowner = (select oid from pg_roles where rolname = ?)")
			.param(EmbeddedCredentials.APP_ROLE)
			.query(Long.class)
			.single()).as("objects the application role owns").isZero();
		assertThat(this.jdbc
			.sql("select rolsuper or rolcreaterole or rolcreatedb or rolreplication or rolbypassrls from pg_roles"
					+ " where rolname = current_user")
			.query(Boolean.class)
			.single()).isFalse();
		// the staging tables of bulk changes may be analyzed (PostgreSQL 17 MAINTAIN)
		this.jdbc.sql("analyze bulk_stage_household").update();
		assertThat(this.jdbc.sql("select has_table_privilege('bulk_stage_member', 'MAINTAIN')")
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc.sql("select has_table_privilege('household', 'MAINTAIN')").query(Boolean.class).single())
			.isFalse();
	}

	/**
	 * An external database made as the README says: every migration runs as a
	 * non-superuser owner, and the application role gets what the embedded one gets.
	 */
	@Test
	void anExternalDatabaseSetUpAsTheReadmeSaysProtectsTheAuditTrail() throws Exception {
		String tag = Long.toString(System.nanoTime(), 36);
		String ownerRole = "ext_owner_" + tag;
		String appRole = "ext_app_" + tag;
		String database = "ext_" + tag;
		try (Connection c = server().connectAsSuperuser("postgres"); Statement st = c.createStatement()) {
			st.execute("create role " + ownerRole + " login password 'owner-secret'");
			st.execute("create role " + appRole + " login password 'app-secret'");
			st.execute("create database " + database + " owner " + ownerRole + " encoding 'UTF8' template template0");
		}
		try {
			String url = server().jdbcUrl(database);
			org.flywaydb.core.Flyway.configure()
				.dataSource(url, ownerRole, "owner-secret")
				.locations("classpath:db/migration", "classpath:vn/giamngheo/geography/persistence/migration")
				.outOfOrder(true)
				.callbacks(new AppRoleGrants(new DatabaseRoles(appRole, true)))
				.load()
				.migrate();
			JdbcClient app = JdbcClient.create(new DriverManagerDataSource(url, appRole, "app-secret"));
			app.sql("insert into audit_event (actor, action, entity_type, entity_id) values ('ext', 'UPDATE',"
					+ " 'HOUSEHOLD', 'x')")
				.update();
			assertThat(app.sql("select count(*) from admin_unit").query(Long.class).single()).isPositive();
			List<String> accepted = new java.util.ArrayList<>();
			for (String sql : List.of("update audit_event set actor = 'forger'", "delete from audit_event",
					"truncate audit_event", "alter table audit_event disable trigger user",
					"set session_replication_role = replica", "select count(*) from flyway_schema_history")) {
				try {
					if (sql.startsWith("select")) {
						app.sql(sql).query().singleValue();
					}
					else {
						app.sql(sql).update();
					}
					accepted.add(sql);
				}
				catch (DataAccessException refused) {
					// as it should
				}
			}
			assertThat(accepted).isEmpty();
			assertThat(app.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner <> ?")
				.param(ownerRole)
				.query(Long.class)
				.single()).as("tables not owned by the owner").isZero();
		}
		finally {
			try (Connection c = server().connectAsSuperuser("postgres"); Statement st = c.createStatement()) {
				st.execute("drop database " + database + " with (force)");
				st.execute("drop role " + ownerRole);
				st.execute("drop role " + appRole);
			}
		}
	}

	@Test
	void aDataFolderMadeBeforePasswordsUpgradesAtItsNextStart(@TempDir Path tmp) throws Exception {
		Path dir = tmp.resolve("pg");
		// a data folder as the application made it before ADR 0015: trust for everyone
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8")
			.start(); Connection c = old.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
			st.execute("create table kept (x int)");
			st.execute("insert into kept values (42)");
		}
		assertThat(EmbeddedCredentials.file(dir)).doesNotExist();

		try (EmbeddedPostgresServer upgraded = EmbeddedPostgresServer.start(dir, 0, false, null)) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(EmbeddedCredentials.file(dir))))
				.isEqualTo("rw-------");
			String url = upgraded.jdbcUrl("postgres");
			assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class);
			try (Connection c = upgraded.connectAsSuperuser("postgres")) {
				assertThat(
						JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true))
							.sql("select x from kept")
							.query(Integer.class)
							.single())
					.isEqualTo(42);
			}
			try (Connection c = DriverManager.getConnection(url, EmbeddedCredentials.APP_ROLE,
					upgraded.credentials().appPassword())) {
				assertThat(c.isValid(2)).isTrue();
			}
		}
		// without its passwords file the folder does not start, and says why, at once
		Path file = EmbeddedCredentials.file(dir);
		Path aside = tmp.resolve("credentials.aside");
		Files.move(file, aside);
		assertThatThrownBy(() -> EmbeddedPostgresServer.start(dir, 0, false, null))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("credentials file is missing");
		Files.move(aside, file);
		// and the next start reads the passwords it made
		EmbeddedCredentials made = EmbeddedCredentials.read(dir).orElseThrow();
		try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dir, 0, false, null);
				Connection c = again.connectAsSuperuser("postgres")) {
			assertThat(again.credentials()).isEqualTo(made);
			assertThat(c.isValid(2)).isTrue();
		}
	}

}
