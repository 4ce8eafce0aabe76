package vn.giamngheo.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.audit.AuditTrail;
import vn.giamngheo.audit.AuditTrail.AuditEntry;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.shared.ClockConfiguration;
import vn.giamngheo.shared.db.BackupProperties;
import vn.giamngheo.shared.db.DatabaseProperties;
import vn.giamngheo.shared.db.OwnerDatabase;
import vn.giamngheo.shared.error.DomainException;
import vn.giamngheo.shared.error.ErrorCode;
import vn.giamngheo.shared.scope.Actor;
import vn.giamngheo.shared.scope.Permission;

/**
 * Base backups of the embedded database (ADR 0015): every night (cron
 * {@code giamngheo.backup.cron}, Vietnam time), after a start when the folder has none,
 * and when an administrator asks (audited). One at a time, on a thread of their own;
 * after each, backups older than the retention and the WAL only they needed are deleted.
 * An external database is backed up by its administrator's tools.
 */
@Component
public class Backups {

	private static final Logger log = LoggerFactory.getLogger(Backups.class);

	private static final DateTimeFormatter NAME = DateTimeFormatter
		.ofPattern("'" + BackupFolder.PREFIX + "'yyyyMMdd-HHmmss");

	private final DatabaseProperties database;

	private final BackupProperties properties;

	private final DataSource owner;

	private final JdbcClient jdbc;

	private final CurrentActor actor;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final BackupFolder folder;

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread t = new Thread(task, "backup");
		t.setDaemon(true);
		return t;
	});

	/**
	 * The one backup at a time, per JVM: test contexts share one embedded server (and its
	 * backups folder), and a prune deletes the {@code .part} folders it finds.
	 */
	private static final AtomicReference<Running> RUNNING = new AtomicReference<>();

	private volatile Failure lastFailure;

	Backups(DatabaseProperties database, BackupProperties properties, @OwnerDatabase DataSource owner, JdbcClient jdbc,
			CurrentActor actor, AuditTrail audit, TransactionTemplate tx, Clock clock) {
		this.database = database;
		this.properties = properties;
		this.owner = owner;
		this.jdbc = jdbc;
		this.actor = actor;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
		this.folder = new BackupFolder(properties.directory(database));
	}

	/** Whether this system backs up its database: embedded, backups enabled. */
	public boolean available() {
		return this.database.embedded() && this.properties.isEnabled();
	}

	/**
	 * What there is: finished backups, the one running, the last failure, the WAL
	 * archive.
	 */
	public Status status() {
		this.actor.require(Permission.OPERATIONS);
		if (!available()) {
			return new Status(false, null, null, 0, 0, null, null, List.of(), null);
		}
		BackupFolder.Usage usage = this.folder.walUsage();
		WalArchive wal = this.jdbc
			.sql("select last_archived_wal, last_archived_time, failed_count, last_failed_time from pg_stat_archiver")
			.query((rs, n) -> new WalArchive(usage.files(), usage.bytes(), rs.getString(1),
					vietnam(rs.getObject(2, OffsetDateTime.class)), rs.getLong(3),
					vietnam(rs.getObject(4, OffsetDateTime.class))))
			.single();
		return new Status(true, this.folder.root().toString(), this.properties.cron(),
				this.properties.retentionDaysOrDefault(), this.properties.archiveTimeoutOrDefault().toSeconds(),
				RUNNING.get(), this.lastFailure, this.folder.list(), wal);
	}

	/**
	 * Starts a base backup now, for the signed-in administrator; refused when one is
	 * running.
	 * @return the backup started
	 */
	public Running start() {
		Actor admin = this.actor.require(Permission.OPERATIONS);
		if (!available()) {
			throw new DomainException(ErrorCode.RULE_REJECTED, "error.backup.unavailable");
		}
		Running backup = begin(admin.username());
		this.worker.submit(() -> run(backup));
		return backup;
	}

	/** The nightly base backup (skipped when one is running). */
	@Scheduled(cron = "${giamngheo.backup.cron:0 0 1 * * *}", zone = "Asia/Ho_Chi_Minh")
	void nightly() {
		startAsSystem("schedule");
	}

	/**
	 * A first base backup after a start when the folder has none (new or restored data).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void afterStart() {
		if (available() && this.properties.isOnStart() && this.folder.list().isEmpty()) {
			startAsSystem("first start");
		}
	}

	private void startAsSystem(String why) {
		if (!available()) {
			return;
		}
		try {
			Running backup = begin(Actor.SYSTEM.username());
			log.info("Base backup {} started ({})", backup.name(), why);
			this.worker.submit(() -> run(backup));
		}
		catch (DomainException busy) {
			log.info("Base backup ({}) skipped: one is running", why);
		}
	}

	/** Claims the one backup slot and records who asked in the audit trail. */
	private Running begin(String by) {
		OffsetDateTime now = OffsetDateTime.now(this.clock.withZone(ClockConfiguration.VIETNAM));
		Running backup = new Running(uniqueName(now), by, now);
		if (!RUNNING.compareAndSet(null, backup)) {
			throw new DomainException(ErrorCode.CONFLICT, "error.backup.running", RUNNING.get().name());
		}
		try {
			this.tx.executeWithoutResult((s) -> this.audit
				.record(new AuditEntry(by, "BACKUP", "BACKUP", backup.name(), null, null, null, Map.of(), null)));
		}
		catch (RuntimeException ex) {
			RUNNING.set(null);
			throw ex;
		}
		return backup;
	}

	private String uniqueName(OffsetDateTime now) {
		String name = NAME.format(now);
		Path root = this.folder.root();
		for (int n = 2; Files.exists(root.resolve(name)) || Files.exists(root.resolve(name + BaseBackup.PART)); n++) {
			name = NAME.format(now) + "-" + n;
		}
		return name;
	}

	/** Takes a base backup now on the calling thread (tests). */
	BackupInfo takeNow(String by) {
		return run(begin(by));
	}

	private BackupInfo run(Running backup) {
		long t0 = System.nanoTime();
		try {
			BackupInfo info = BaseBackup.take(this.owner, this.database.embeddedDirectory(), this.folder.root(),
					backup.name(), backup.by(), this.clock.withZone(ClockConfiguration.VIETNAM));
			BackupFolder.Pruned pruned = this.folder.prune(this.properties.retentionDaysOrDefault(),
					OffsetDateTime.now(this.clock));
			log.info("Base backup {}: {} files, {} MB in {} s (WAL {} to {}); pruned {} old backups, {} WAL files",
					info.name(), info.files(), info.bytes() >> 20,
					String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9), info.startWal(), info.stopWal(),
					pruned.backups(), pruned.walFiles());
			this.lastFailure = null;
			return info;
		}
		catch (Exception ex) {
			log.error("Base backup {} failed", backup.name(), ex);
			this.lastFailure = new Failure(backup.name(),
					OffsetDateTime.now(this.clock.withZone(ClockConfiguration.VIETNAM)),
					String.valueOf(ex.getMessage()));
			throw new IllegalStateException("Base backup " + backup.name() + " failed: " + ex.getMessage(), ex);
		}
		finally {
			RUNNING.set(null);
		}
	}

	/** The same instant in Vietnam's offset ({@code null} stays {@code null}). */
	static OffsetDateTime vietnam(OffsetDateTime at) {
		return (at != null) ? at.atZoneSameInstant(ClockConfiguration.VIETNAM).toOffsetDateTime() : null;
	}

	/**
	 * A base backup being taken.
	 *
	 * @param name its folder name
	 * @param by who asked
	 * @param startedAt when
	 */
	public record Running(String name, String by, OffsetDateTime startedAt) {
	}

	/**
	 * The last base backup that failed (cleared by the next success).
	 *
	 * @param name its folder name
	 * @param at when it failed
	 * @param message why
	 */
	public record Failure(String name, OffsetDateTime at, String message) {
	}

	/**
	 * The WAL archive.
	 *
	 * @param files segment files in the folder
	 * @param bytes their size
	 * @param lastArchived the last segment PostgreSQL archived
	 * @param lastArchivedAt when
	 * @param failures archiving failures since the server started
	 * @param lastFailedAt when archiving last failed
	 */
	public record WalArchive(long files, long bytes, String lastArchived, OffsetDateTime lastArchivedAt, long failures,
			OffsetDateTime lastFailedAt) {
	}

	/**
	 * Backups at a glance.
	 *
	 * @param available whether this system backs up its database
	 * @param directory the backups folder
	 * @param schedule cron of the nightly base backup (Vietnam time)
	 * @param retentionDays days base backups are kept
	 * @param archiveTimeoutSeconds longest wait of a change before its WAL is archived
	 * @param running the backup being taken, if any
	 * @param lastFailure the last failure, if no backup succeeded since
	 * @param backups finished base backups, newest first
	 * @param wal the WAL archive
	 */
	public record Status(boolean available, String directory, String schedule, int retentionDays,
			long archiveTimeoutSeconds, Running running, Failure lastFailure, List<BackupInfo> backups,
			WalArchive wal) {
	}

}
