package vn.giamngheo.shared.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is. With no {@code url}, an embedded PostgreSQL 17 is started with
 * its data under {@code dataDir}/pg.
 *
 * @param url external JDBC URL ({@code GIAMNGHEO_DB_URL}); empty means embedded
 * @param username external user
 * @param password external password
 * @param dataDir data directory of the embedded server (default {@code ./data})
 * @param embeddedPort port of the embedded server, 0 for any free port
 * @param ephemeral wipe the embedded data at start (tests)
 * @param poolSize connection pool size
 */
@ConfigurationProperties("giamngheo.db")
public record DatabaseProperties(String url, String username, String password, String dataDir, Integer embeddedPort,
		Boolean ephemeral, Integer poolSize) {

	public boolean embedded() {
		return this.url == null || this.url.isBlank();
	}

	public String dataDirOrDefault() {
		return (this.dataDir == null || this.dataDir.isBlank()) ? "./data" : this.dataDir;
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
