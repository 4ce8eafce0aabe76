package vn.giamngheo.imports;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * An import of one file: its state, counts and progress.
 *
 * @param id job id
 * @param uploadedBy who uploaded it
 * @param fileName file name as uploaded
 * @param fileSize bytes
 * @param checksum SHA-256 of the file
 * @param format XLSX or CSV
 * @param mode ALL (all or nothing) or VALID (only the valid households)
 * @param status QUEUED, VALIDATING, VALIDATED, REJECTED, COMMIT_QUEUED, COMMITTING,
 * COMMITTED, FAILED, REVERTED
 * @param rowsTotal rows of the file (known after the first read)
 * @param rowsDone rows read so far in the current phase
 * @param rowsRejected rows set aside (valid-rows mode) or that block the import
 * @param problemCount problems found
 * @param householdsCreated households created (or to be created, after a dry run)
 * @param householdsUpdated households updated
 * @param householdsSame households matched and left as they were
 * @param membersCreated members created
 * @param membersUpdated members updated
 * @param assessments classifications created or updated
 * @param conflictCount households the last commit did not write because the registry
 * changed under them since the dry run
 * @param matches how households were matched: CODE, CCCD, NAME, NEW → count
 * @param restarts times the job was resumed after an application restart
 * @param error why the job failed (message key)
 * @param createdAt uploaded at
 * @param startedAt current phase started at
 * @param finishedAt current phase finished at
 * @param committedAt committed at
 * @param revertedAt reverted at
 * @param revertedBy reverted by
 * @param kind {@code SURVEY} (a household survey file) or a partner file:
 * {@code VBSP_LOANS}, {@code HI_CARDS}, {@code SCHOOL} (ADR 0037)
 */
public record ImportJob(UUID id, String uploadedBy, String fileName, long fileSize, String checksum, String format,
		String mode, String status, int rowsTotal, int rowsDone, int rowsRejected, int problemCount,
		int householdsCreated, int householdsUpdated, int householdsSame, int membersCreated, int membersUpdated,
		int assessments, int conflictCount, Map<String, Integer> matches, int restarts, String error,
		OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt, OffsetDateTime committedAt,
		OffsetDateTime revertedAt, String revertedBy, String kind) {

	/** Whether the job is a household survey file (not a partner file). */
	public boolean survey() {
		return "SURVEY".equals(this.kind);
	}

	/** Whether the job is still working (the page keeps polling). */
	public boolean running() {
		return switch (this.status) {
			case "QUEUED", "VALIDATING", "COMMIT_QUEUED", "COMMITTING" -> true;
			default -> false;
		};
	}

	/**
	 * A dry run is done and the file may be committed: it has something to write (a file
	 * with nothing usable is never committed with 0 rows, ADR 0026).
	 */
	public boolean committable() {
		return "VALIDATED".equals(this.status) && this.rowsTotal > 0 && usable();
	}

	/**
	 * Whether the dry run found anything the file gives: a household or member to create,
	 * update or confirm unchanged, or a classification.
	 */
	public boolean usable() {
		return this.householdsCreated + this.householdsUpdated + this.householdsSame + this.membersCreated
				+ this.membersUpdated + this.assessments > 0;
	}

	/** Only the valid households can go in (some households have problems). */
	public boolean partialOnly() {
		return this.problemCount > 0;
	}

	public boolean revertible() {
		return "COMMITTED".equals(this.status);
	}

	/** Percent of rows done in the current phase. */
	public int percent() {
		if (!running()) {
			return 100;
		}
		return (this.rowsTotal <= 0) ? 0 : (int) Math.min(100, 100L * this.rowsDone / this.rowsTotal);
	}

	/** Rows per second in the current phase. */
	public long rowsPerSecond(OffsetDateTime now) {
		if (this.startedAt == null || this.rowsDone == 0) {
			return 0;
		}
		OffsetDateTime end = (this.finishedAt != null && !running()) ? this.finishedAt : now;
		long ms = Math.max(1, Duration.between(this.startedAt, end).toMillis());
		return this.rowsDone * 1000L / ms;
	}

	/** Seconds left, or -1 when unknown. */
	public long etaSeconds(OffsetDateTime now) {
		long rate = rowsPerSecond(now);
		if (!running() || rate <= 0 || this.rowsTotal <= 0) {
			return -1;
		}
		return Math.max(0, (this.rowsTotal - this.rowsDone) / rate);
	}

}
