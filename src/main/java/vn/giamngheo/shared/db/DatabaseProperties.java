package vn.giamngheo.shared.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is. With no {@code url}, an embedded PostgreSQL 17 is started with
 * its data under {@code dataDir}/pg.
 *
 * @param url external JDBC URL ({@code GIAMNGHEO_DB_URL}); empty means embedded
 * @param username external application role ({@code GIAMNGHEO_DB_USER}): owns nothing
 * @param password its password
 * @param ownerUsername external owner role ({@code GIAMNGHEO_DB_OWNER_USER}) that owns
 * the schema and runs migrations, the demo load and backups; empty means the application
 * role does (then the audit trail is not protected, ADR 0015)
 * @param ownerPassword its password
 * @param dataDir data directory of the embedded server (default {@code ./data})
 * @param embeddedPort port of the embedded server, 0 for any free port
 * @param ephemeral wipe the embedded data at start (tests)
 * @param poolSize connection pool size
 * @param replicaUrl JDBC URL of a read replica ({@code GIAMNGHEO_DB_REPLICA_URL}): when
 * set, read-only transactions are served from it (ADR 0052); empty means every statement
 * goes to the primary
 * @param replicaUsername the replica's role ({@code GIAMNGHEO_DB_REPLICA_USER}); empty:
 * the application role
 * @param replicaPassword its password ({@code GIAMNGHEO_DB_REPLICA_PASSWORD})
 * @param replicaPoolSize the replica's pool size; default the primary's
 * @param parallelWorkers PostgreSQL's parallel workers per query of a request
 * ({@code max_parallel_workers_per_gather} of the pooled connections; default 0, ADR
 * 0059): a worker costs a process start and doubles a short query's CPU, which a loaded
 * server pays in everyone's latency
 */
@ConfigurationProperties("giamngheo.db")
public record DatabaseProperties(String url, String username, String password, String ownerUsername,
		String ownerPassword, String dataDir, Integer embeddedPort, Boolean ephemeral, Integer poolSize,
		String replicaUrl, String replicaUsername, String replicaPassword, Integer replicaPoolSize,
		Integer parallelWorkers) {

	/** Parallel workers per query on the pooled connections (default 0). */
	public int parallelWorkersPerQuery() {
		return (this.parallelWorkers != null) ? Math.max(0, this.parallelWorkers) : 0;
	}

	/** Whether read-only transactions go to a replica. */
	public boolean hasReplica() {
		return this.replicaUrl != null && !this.replicaUrl.isBlank();
	}

	public int replicaPool() {
		return (this.replicaPoolSize != null) ? this.replicaPoolSize : pool();
	}

	public boolean embedded() {
		return this.url == null || this.url.isBlank();
	}

	/** Whether an external database has an owner role of its own. */
	public boolean hasOwner() {
		return this.ownerUsername != null && !this.ownerUsername.isBlank();
	}

	public String dataDirOrDefault() {
		return (this.dataDir == null || this.dataDir.isBlank()) ? "./data" : this.dataDir;
	}

	/**
	 * The embedded server's data directory: {@code <dataDir>/pg}, or a directory of this
	 * JVM under the system's temporary directory when ephemeral.
	 */
	public Path embeddedDirectory() {
		if (isEphemeral()) {
			return Path.of(System.getProperty("java.io.tmpdir"), "giamngheo-test-pg-" + ProcessHandle.current().pid());
		}
		return Path.of(dataDirOrDefault(), "pg").toAbsolutePath().normalize();
	}

	public int port() {
		return (this.embeddedPort != null) ? this.embeddedPort : 0;
	}

	public boolean isEphemeral() {
		return Boolean.TRUE.equals(this.ephemeral);
	}

	public int pool() {
		return (this.poolSize != null) ? this.poolSize : 12;
	}

}
