package vn.giamngheo.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

import vn.giamngheo.shared.ClockConfiguration;
import vn.giamngheo.shared.db.DatabaseConfiguration;
import vn.giamngheo.shared.db.EmbeddedPostgresServer;
import vn.giamngheo.shared.text.Bilingual;

/**
 * The one-command restore (ADR 0015):
 * {@code java -jar giamngheo.jar restore --from=<backups folder> --to=<new data folder>
 * [--backup=base-yyyyMMdd-HHmmss]}. Unpacks the newest (or the named) base backup into
 * {@code <to>/pg}, replays every archived WAL segment after it, ends recovery and stops;
 * the application then starts on {@code GIAMNGHEO_DATA_DIR=<to>}. A target folder that is
 * not empty is refused, and a restore that fails removes what it wrote.
 */
public final class Restore {

	public static final String COMMAND = "restore";

	/** Times as the project shows them: Vietnam's, dd/MM/yyyy. */
	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
		.withZone(ClockConfiguration.VIETNAM);

	private Restore() {
	}

	/**
	 * Runs the command.
	 * @param args {@code --from=..., --to=..., --backup=...}
	 * @return the exit code: 0 restored, 1 failed, 2 refused or wrong arguments
	 */
	public static int run(String[] args) {
		quietLogging();
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			int eq = arg.indexOf('=');
			if (!arg.startsWith("--") || eq < 0) {
				return usage(Bilingual.text("restore.argument.unknown", arg));
			}
			options.put(arg.substring(2, eq), arg.substring(eq + 1));
		}
		String from = options.remove("from");
		String to = options.remove("to");
		String backup = options.remove("backup");
		if (from == null || to == null || !options.isEmpty()) {
			return usage(options.isEmpty() ? Bilingual.text("restore.argument.missing")
					: Bilingual.text("restore.argument.unknown", "--" + options.keySet().iterator().next()));
		}
		try {
			Path target = Path.of(to).toAbsolutePath().normalize();
			Result r = restore(Path.of(from).toAbsolutePath().normalize(), backup, target, System.out);
			System.out.println(r.describe(target));
			return r.complete() ? 0 : 1;
		}
		catch (Refused ex) {
			System.err.println(ex.getMessage());
			return 2;
		}
		catch (Exception ex) {
			System.err.println(Bilingual.text("restore.failed") + ": " + ex.getMessage());
			ex.printStackTrace(System.err);
			return 1;
		}
	}

	private static int usage(String problem) {
		System.err.println(problem);
		System.err.println(Bilingual.text("restore.usage"));
		return 2;
	}

	/**
	 * Restores a base backup and its WAL into an empty (or new) data folder.
	 * @param backups the backups folder
	 * @param name the base backup, or {@code null} for the newest
	 * @param target the new data folder (its database goes to {@code target/pg})
	 * @param progress where to say what is happening
	 * @return what was restored
	 */
	static Result restore(Path backups, String name, Path target, PrintStream progress)
			throws IOException, SQLException {
		long t0 = System.nanoTime();
		if (Files.exists(target) && !isEmptyDirectory(target)) {
			throw new Refused(Bilingual.text("restore.target.not-empty", target));
		}
		BackupFolder folder = new BackupFolder(backups);
		BackupInfo base = ((name == null) ? folder.list().stream().findFirst() : folder.find(name))
			.orElseThrow(() -> new Refused((name == null) ? Bilingual.text("restore.backup.none", backups)
					: Bilingual.text("restore.backup.unknown", name, backups)));
		Path pg = target.resolve("pg");
		try {
			Files.createDirectories(pg);
			Files.setPosixFilePermissions(pg, PosixFilePermissions.fromString("rwx------"));
			Path zip = folder.zipOf(base);
			progress.println(Bilingual.text("restore.unpacking") + " " + zip + " → " + pg);
			unzip(zip, pg);
			Files.createFile(pg.resolve("recovery.signal"));
			progress.println(Bilingual.text("restore.replaying") + " " + folder.wal());
			BackupFolder.Usage wal = folder.walUsage();
			try (EmbeddedPostgresServer server = EmbeddedPostgresServer.recover(pg, folder.wal());
					Connection c = server.connectAsSuperuser(DatabaseConfiguration.DATABASE);
					Statement st = c.createStatement();
					ResultSet rs = st.executeQuery("select pg_last_xact_replay_timestamp(),"
							+ " pg_walfile_name(pg_last_wal_replay_lsn()), (select count(*) from household),"
							+ " (select count(*) from member), (select count(*) from audit_event)")) {
				rs.next();
				OffsetDateTime last = rs.getObject(1, OffsetDateTime.class);
				String replayed = rs.getString(2);
				boolean complete = wal.newest() == null
						|| BackupFolder.segmentOf(replayed).compareTo(BackupFolder.segmentOf(wal.newest())) >= 0;
				Result result = new Result(base, replayed, wal.newest(), Backups.vietnam(last), rs.getLong(3),
						rs.getLong(4), rs.getLong(5), complete, (System.nanoTime() - t0) / 1e9);
				try (Statement checkpoint = c.createStatement()) {
					checkpoint.execute("checkpoint");
				}
				return result;
			}
		}
		catch (IOException | SQLException | RuntimeException ex) {
			// the folder was empty or new: leave it so, for the next try
			FileSystemUtils.deleteRecursively(pg);
			throw ex;
		}
	}

	private static boolean isEmptyDirectory(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return false;
		}
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.findAny().isEmpty();
		}
	}

	private static void unzip(Path zip, Path pg) throws IOException {
		try (InputStream file = Files.newInputStream(zip);
				ZipInputStream in = new ZipInputStream(new BufferedInputStream(file, 1 << 16))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				Path path = pg.resolve(entry.getName()).normalize();
				if (!path.startsWith(pg)) {
					throw new IOException("Bad entry in " + zip + ": " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
					Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
				}
				else {
					Files.createDirectories(path.getParent());
					// the zip checks each entry's CRC as it is read
					Files.copy(in, path);
					Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
				}
			}
		}
	}

	/**
	 * The embedded server's log says how recovery goes; debug lines and the refusals of
	 * zonky's readiness checks while the server starts are noise here.
	 */
	private static void quietLogging() {
		if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
			context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.INFO);
			context.addTurboFilter(new ch.qos.logback.classic.turbo.TurboFilter() {
				@Override
				public ch.qos.logback.core.spi.FilterReply decide(org.slf4j.Marker marker,
						ch.qos.logback.classic.Logger logger, ch.qos.logback.classic.Level level, String format,
						Object[] params, Throwable t) {
					return (format != null && (format.contains("the database system is starting up")
							|| format.contains("not yet accepting connections")))
									? ch.qos.logback.core.spi.FilterReply.DENY
									: ch.qos.logback.core.spi.FilterReply.NEUTRAL;
				}
			});
		}
	}

	/**
	 * What a restore did.
	 *
	 * @param base the base backup
	 * @param replayedWal the last WAL segment replayed
	 * @param newestWal the newest segment in the archive
	 * @param lastTransactionAt commit time of the last transaction replayed
	 * @param households households in the restored database
	 * @param members members
	 * @param auditEvents audit rows
	 * @param complete whether every archived segment was replayed
	 * @param seconds how long it took
	 */
	record Result(BackupInfo base, String replayedWal, String newestWal, OffsetDateTime lastTransactionAt,
			long households, long members, long auditEvents, boolean complete, double seconds) {

		String describe(Path target) {
			StringBuilder sb = new StringBuilder("\n");
			sb.append(Bilingual.text("restore.done", this.base.name(), AT.format(this.base.finishedAt()),
					this.replayedWal, this.seconds))
				.append('\n');
			sb.append(Bilingual.text("restore.last-transaction",
					(this.lastTransactionAt != null) ? AT.format(this.lastTransactionAt) : "–"))
				.append('\n');
			sb.append(Bilingual.text("restore.counts", this.households, this.members, this.auditEvents)).append('\n');
			if (!this.complete) {
				sb.append(Bilingual.text("restore.gap", this.replayedWal, this.newestWal)).append('\n');
			}
			sb.append(Bilingual.text("restore.start-on"))
				.append(":\n  GIAMNGHEO_DATA_DIR=")
				.append(target)
				.append(" java -jar target/giamngheo.jar");
			return sb.toString();
		}

	}

	/** A restore that was not attempted (bad arguments, folder not empty). */
	static final class Refused extends RuntimeException {

		Refused(String message) {
			super(message);
		}

	}

}
