package vn.giamngheo.shared.db;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Backups of the embedded database (ADR 0015): WAL archiving plus scheduled base backups.
 *
 * @param enabled archive WAL and take base backups (default true; embedded only)
 * @param dir the backups folder ({@code GIAMNGHEO_BACKUP_DIR}); default
 * {@code <data dir>/backups}. Put it on another disk to survive the loss of the data
 * disk.
 * @param cron when base backups are taken, Vietnam time (Spring cron, {@code -} for
 * never)
 * @param retentionDays base backups younger than this are kept (the newest always is),
 * with the WAL they need
 * @param archiveTimeout longest time a committed change waits before its WAL segment is
 * archived: the recovery point when the data disk is lost
 * @param onStart take a base backup after start when the folder has none
 */
@ConfigurationProperties("giamngheo.backup")
public record BackupProperties(Boolean enabled, String dir, String cron, Integer retentionDays, Duration archiveTimeout,
		Boolean onStart) {

	public boolean isEnabled() {
		return !Boolean.FALSE.equals(this.enabled);
	}

	public boolean isOnStart() {
		return !Boolean.FALSE.equals(this.onStart);
	}

	public int retentionDaysOrDefault() {
		return (this.retentionDays != null) ? Math.max(1, this.retentionDays) : 7;
	}

	public Duration archiveTimeoutOrDefault() {
		return (this.archiveTimeout != null) ? this.archiveTimeout : Duration.ofMinutes(5);
	}

	/** The backups folder of the embedded server described by {@code db}. */
	public Path directory(DatabaseProperties db) {
		if (this.dir != null && !this.dir.isBlank()) {
			return Path.of(this.dir).toAbsolutePath().normalize();
		}
		if (db.isEphemeral()) {
			Path pg = db.embeddedDirectory();
			return pg.resolveSibling(pg.getFileName() + "-backups");
		}
		return Path.of(db.dataDirOrDefault(), "backups").toAbsolutePath().normalize();
	}

	/** Where archived WAL segments go, inside the backups folder. */
	public static Path walDirectory(Path backups) {
		return backups.resolve("wal");
	}

}
