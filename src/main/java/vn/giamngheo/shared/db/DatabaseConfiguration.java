package vn.giamngheo.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.util.FileSystemUtils;

import vn.giamngheo.shared.text.Bilingual;

/**
 * The application's data sources: an external PostgreSQL when {@code giamngheo.db.url}
 * ({@code GIAMNGHEO_DB_URL}) is set, otherwise an embedded PostgreSQL 17. Two roles (ADR
 * 0015): the primary, pooled data source is the application role, which owns nothing; the
 * {@link OwnerDatabase} one is the schema's owner, used by Flyway, the demo load and
 * backups. Embedded servers are shared per data directory within a JVM so that test
 * contexts reuse one server. With {@code giamngheo.db.replica-url}, read-only
 * transactions go to a read replica (ADR 0052).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	public static final String DATABASE = "giamngheo";

	private static final Map<String, EmbeddedPostgresServer> SERVERS = new ConcurrentHashMap<>();

	/**
	 * The application role's pool. With {@code giamngheo.db.replica-url}, a second pool
	 * on the replica, and this data source sends read-only transactions there and
	 * everything else to the primary (ADR 0052): Spring marks a read-only transaction's
	 * connection read-only before its first statement, and the lazy proxy only then takes
	 * a connection, from the replica's pool. Statements outside a transaction, writes and
	 * read-write transactions go to the primary.
	 */
	@Bean(destroyMethod = "close")
	@Primary
	DataSource dataSource(DatabaseProperties properties, BackupProperties backups) throws Exception {
		HikariDataSource primary = pool("giamngheo", appTarget(properties, backups), properties.pool(), false,
				properties.parallelWorkersPerQuery());
		if (!properties.hasReplica()) {
			return primary;
		}
		boolean ownRole = properties.replicaUsername() != null && !properties.replicaUsername().isBlank();
		Target replica = new Target(properties.replicaUrl(),
				ownRole ? properties.replicaUsername() : properties.username(),
				ownRole ? properties.replicaPassword() : properties.password());
		log.info("Read replica configured: read-only transactions go to {}", properties.replicaUrl());
		return new ReplicaRouting(primary, pool("giamngheo-replica", replica, properties.replicaPool(), true,
				properties.parallelWorkersPerQuery()));
	}

	/** Read-only transactions to the replica's pool, the rest to the primary's. */
	static final class ReplicaRouting extends LazyConnectionDataSourceProxy implements AutoCloseable {

		private final HikariDataSource primary;

		private final HikariDataSource replica;

		ReplicaRouting(HikariDataSource primary, HikariDataSource replica) {
			super(primary);
			setReadOnlyDataSource(replica);
			this.primary = primary;
			this.replica = replica;
		}

		@Override
		public void close() {
			this.replica.close();
			this.primary.close();
		}

	}

	/**
	 * Runs a scheduled job on one node at a time: its advisory locks are held on sessions
	 * of their own (not taken from the request pool), on the primary.
	 */
	@Bean
	OneRunner oneRunner(DatabaseProperties properties, BackupProperties backups) throws Exception {
		Target target = appTarget(properties, backups);
		PGSimpleDataSource locks = new PGSimpleDataSource();
		locks.setURL(target.url());
		locks.setUser(target.username());
		locks.setPassword(target.password());
		locks.setApplicationName("giamngheo-jobs");
		return new OneRunner(locks);
	}

	/**
	 * Where the application role connects: the embedded server, or the configured one.
	 */
	private static Target appTarget(DatabaseProperties properties, BackupProperties backups) throws IOException {
		if (properties.embedded()) {
			EmbeddedPostgresServer server = embeddedServer(properties, backups);
			return new Target(server.jdbcUrl(DATABASE), EmbeddedCredentials.APP_ROLE,
					server.credentials().appPassword());
		}
		return new Target(properties.url(), properties.username(), properties.password());
	}

	private static HikariDataSource pool(String name, Target target, int size, boolean readOnly, int parallelWorkers) {
		HikariConfig config = new HikariConfig();
		// a request's query runs in its own backend: no parallel workers unless
		// configured
		config.setConnectionInitSql("set max_parallel_workers_per_gather = " + parallelWorkers);
		config.setPoolName(name);
		config.setMaximumPoolSize(size);
		config.setJdbcUrl(target.url());
		config.setUsername(target.username());
		config.setPassword(target.password());
		config.setReadOnly(readOnly);
		return new HikariDataSource(config);
	}

	private record Target(String url, String username, String password) {
	}

	@Bean
	@OwnerDatabase
	@FlywayDataSource
	DataSource ownerDataSource(DatabaseProperties properties, BackupProperties backups) throws Exception {
		PGSimpleDataSource owner = new PGSimpleDataSource();
		if (properties.embedded()) {
			EmbeddedPostgresServer server = embeddedServer(properties, backups);
			owner.setURL(server.jdbcUrl(DATABASE));
			owner.setUser(EmbeddedCredentials.SUPERUSER);
			owner.setPassword(server.credentials().superuserPassword());
		}
		else if (properties.hasOwner()) {
			owner.setURL(properties.url());
			owner.setUser(properties.ownerUsername());
			owner.setPassword(properties.ownerPassword());
		}
		else {
			log.warn("GIAMNGHEO_DB_OWNER_USER is not set: migrations run as the application role {}, which then owns"
					+ " the tables and can switch off the audit trail's protection (ADR 0015, README: External"
					+ " PostgreSQL)", properties.username());
			owner.setURL(properties.url());
			owner.setUser(properties.username());
			owner.setPassword(properties.password());
		}
		return owner;
	}

	@Bean
	DatabaseRoles databaseRoles(DatabaseProperties properties) {
		if (properties.embedded()) {
			return new DatabaseRoles(EmbeddedCredentials.APP_ROLE, true);
		}
		return new DatabaseRoles(properties.username(),
				properties.hasOwner() && !properties.ownerUsername().equals(properties.username()));
	}

	/**
	 * The running embedded server (started on first use, with its database), WAL
	 * archiving into the backups folder when backups are enabled.
	 */
	public static EmbeddedPostgresServer embeddedServer(DatabaseProperties properties, BackupProperties backups)
			throws IOException {
		Path dir = properties.embeddedDirectory();
		Files.createDirectories(dir);
		return SERVERS.computeIfAbsent(dir.toString(), (key) -> {
			Path backupDir = backups.directory(properties);
			if (properties.isEphemeral()) {
				FileSystemUtils.deleteRecursively(backupDir.toFile());
			}
			EmbeddedPostgresServer.Archiving archiving = backups.isEnabled() ? new EmbeddedPostgresServer.Archiving(
					BackupProperties.walDirectory(backupDir), backups.archiveTimeoutOrDefault()) : null;
			EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(key), properties.port(),
					properties.isEphemeral(), archiving);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
					if (properties.isEphemeral()) {
						// zonky's own hook may be the one stopping it, while the archiver
						// still copies the last segment
						server.awaitStopped(Duration.ofSeconds(15));
						FileSystemUtils.deleteRecursively(backupDir.toFile());
					}
				}
				catch (Exception ex) {
					// shutting down anyway
				}
			}, "embedded-postgres-stop"));
			try {
				ensureDatabase(server);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(
						Bilingual.text("db.database.create-failed", DATABASE) + ": " + ex.getMessage(), ex);
			}
			return server;
		});
	}

	private static void ensureDatabase(EmbeddedPostgresServer server) throws SQLException {
		try (Connection c = server.connectAsSuperuser("postgres"); Statement st = c.createStatement()) {
			try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			st.execute("create database " + DATABASE + " template template0 encoding 'UTF8'");
		}
	}

}
