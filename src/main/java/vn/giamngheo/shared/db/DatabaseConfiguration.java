package vn.giamngheo.shared.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one {@link DataSource}: an external PostgreSQL when
 * {@code giamngheo.db.url} ({@code GIAMNGHEO_DB_URL}) is set, otherwise an embedded
 * PostgreSQL 17. Embedded servers are shared per data directory within a JVM so that test
 * contexts reuse one server.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

	private static final String DATABASE = "giamngheo";

	private static final Map<String, EmbeddedPostgresServer> SERVERS = new ConcurrentHashMap<>();

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseProperties properties) throws Exception {
		HikariConfig config = new HikariConfig();
		config.setPoolName("giamngheo");
		config.setMaximumPoolSize(properties.pool());
		if (properties.embedded()) {
			EmbeddedPostgresServer server = embeddedServer(properties);
			ensureDatabase(server);
			config.setJdbcUrl(server.jdbcUrl(DATABASE));
			config.setUsername("postgres");
		}
		else {
			config.setJdbcUrl(properties.url());
			config.setUsername(properties.username());
			config.setPassword(properties.password());
		}
		return new HikariDataSource(config);
	}

	/** The running embedded server, or {@code null} when an external database is used. */
	public static EmbeddedPostgresServer embeddedServer(DatabaseProperties properties) throws Exception {
		Path dir;
		if (properties.isEphemeral()) {
			dir = Path.of(System.getProperty("java.io.tmpdir"), "giamngheo-test-pg-" + ProcessHandle.current().pid());
		}
		else {
			dir = Path.of(properties.dataDirOrDefault(), "pg").toAbsolutePath().normalize();
		}
		Files.createDirectories(dir);
		return SERVERS.computeIfAbsent(dir.toString(), (key) -> {
			EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(key), properties.port(),
					properties.isEphemeral());
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				}
				catch (Exception ex) {
					// shutting down anyway
				}
			}, "embedded-postgres-stop"));
			return server;
		});
	}

	private static void ensureDatabase(EmbeddedPostgresServer server) throws Exception {
		try (Connection c = java.sql.DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "");
				Statement st = c.createStatement()) {
			try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			st.execute("create database " + DATABASE + " template template0 encoding 'UTF8'");
		}
	}

}
