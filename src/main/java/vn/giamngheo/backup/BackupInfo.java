package vn.giamngheo.backup;

import java.time.OffsetDateTime;

/**
 * A finished base backup, as its {@code backup.properties} describes it.
 *
 * @param name folder name, {@code base-yyyyMMdd-HHmmss} (Vietnam time of its start)
 * @param by who asked: a user name, or {@code system} (schedule, first start)
 * @param startedAt when the copy started
 * @param finishedAt when the copy and its WAL were complete
 * @param startWal first WAL segment a restore replays
 * @param stopWal WAL segment that makes the copy consistent
 * @param bytes size of {@code base.zip}
 * @param files files copied
 */
public record BackupInfo(String name, String by, OffsetDateTime startedAt, OffsetDateTime finishedAt, String startWal,
		String stopWal, long bytes, long files) {

}
