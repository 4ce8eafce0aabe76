package vn.giamngheo.shared.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.giamngheo.shared.text.Bilingual;

/**
 * Embedded PostgreSQL 17 (zonky) whose data directory lives on disk and survives
 * restarts. A postmaster left running by a JVM killed with SIGKILL is stopped before the
 * new start.
 * <p>
 * Every connection needs a password (ADR 0015): at the first start (and the first start
 * of a data directory made before passwords existed) random passwords are written to
 * {@link EmbeddedCredentials#FILE} (0600), the superuser {@code postgres} gets its
 * password, the application role {@link EmbeddedCredentials#APP_ROLE} is created, and
 * {@code pg_hba.conf} is replaced by scram-sha-256 for every local connection. With
 * {@link Archiving} the server copies each finished WAL segment to a folder
 * ({@code basic_archive}), which base backups need.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	/** First line of the pg_hba.conf this class writes. */
	static final String HBA_MARKER = "# giamngheo-auth: scram-sha-256 (ADR 0015)";

	/** pg_hba.conf while it is written (a base backup leaves it out). */
	public static final String HBA_TEMPORARY = "pg_hba.conf.tmp";

	private static final String PID_FILE = "postmaster.pid";

	private static final String HBA = HBA_MARKER + "\n"
			+ "# Mọi kết nối đều cần mật khẩu / every connection needs a password\n"
			+ "local   all           all                    scram-sha-256\n"
			+ "host    all           all    127.0.0.1/32    scram-sha-256\n"
			+ "host    all           all    ::1/128         scram-sha-256\n"
			+ "local   replication   all                    scram-sha-256\n"
			+ "host    replication   all    127.0.0.1/32    scram-sha-256\n"
			+ "host    replication   all    ::1/128         scram-sha-256\n";

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	private final EmbeddedCredentials credentials;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, EmbeddedCredentials credentials) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
		this.credentials = credentials;
	}

	/**
	 * WAL archiving: each finished segment is copied to {@code walDirectory}; a segment
	 * is finished at the latest {@code timeout} after its first change.
	 *
	 * @param walDirectory where archived segments go (created if missing)
	 * @param timeout longest time a change waits in an unfinished segment
	 */
	public record Archiving(Path walDirectory, Duration timeout) {
	}

	/**
	 * Starts PostgreSQL on the given data directory.
	 * @param dataDirectory where the cluster lives (created if missing)
	 * @param port TCP port on loopback, 0 for any free port
	 * @param clean wipe the directory first (tests: then also fsync off)
	 * @param archiving WAL archiving, or {@code null} for none
	 */
	public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean clean, Archiving archiving) {
		return open(dataDirectory, port, clean, false, (builder) -> {
			if (archiving != null) {
				Files.createDirectories(archiving.walDirectory());
				// backups hold every record and the passwords file: for this OS user only
				ownerOnly(archiving.walDirectory().getParent());
				ownerOnly(archiving.walDirectory());
				builder.setServerConfig("archive_mode", "on")
					.setServerConfig("archive_library", "basic_archive")
					.setServerConfig("basic_archive.archive_directory",
							shellQuoted(archiving.walDirectory().toAbsolutePath().toString()))
					.setServerConfig("archive_timeout", Long.toString(Math.max(1, archiving.timeout().toSeconds())));
			}
		});
	}

	/**
	 * Starts PostgreSQL on a restored base backup (with {@code recovery.signal}) and
	 * returns once it has replayed every segment of the WAL archive and left recovery.
	 * @param dataDirectory the unpacked base backup
	 * @param walDirectory the WAL archive to replay
	 */
	public static EmbeddedPostgresServer recover(Path dataDirectory, Path walDirectory) {
		// the first connection waits until the copy is consistent; a postmaster that dies
		// before (a segment missing) is noticed by the watch in open
		return open(dataDirectory, 0, false, true,
				(builder) -> builder
					.setServerConfig("restore_command",
							shellQuoted("cp " + shellQuoted(walDirectory.toAbsolutePath() + "/") + "%f %p"))
					.setServerConfig("archive_mode", "off")
					.setPGStartupWait(Duration.ofHours(1)));
	}

	/** What {@link #start} or {@link #recover} add to the common settings. */
	private interface Settings {

		void apply(EmbeddedPostgres.Builder builder) throws IOException;

	}

	private static void ownerOnly(Path dir) {
		try {
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
		}
		catch (IOException | UnsupportedOperationException ex) {
			log.warn("Could not make {} readable by its owner only: {}", dir, ex.toString());
		}
	}

	/**
	 * zonky hands the server settings to {@code pg_ctl -o}, which pastes them into a
	 * {@code /bin/sh} command line: a value with spaces or quotes is quoted for the
	 * shell.
	 */
	static String shellQuoted(String value) {
		return "'" + value.replace("'", "'\\''") + "'";
	}

	private static IllegalStateException cannotStart(Path dataDirectory, Exception ex) {
		return new IllegalStateException(Bilingual.text("db.start.failed", dataDirectory) + ": " + ex.getMessage(), ex);
	}

	private static EmbeddedPostgresServer open(Path dataDirectory, int port, boolean clean, boolean recovering,
			Settings settings) {
		try {
			EmbeddedPostgres.Builder builder = builder(dataDirectory, port, clean);
			settings.apply(builder);
			return launch(builder, dataDirectory, clean, recovering);
		}
		catch (IOException ex) {
			throw cannotStart(dataDirectory, ex);
		}
	}

	private static EmbeddedPostgres.Builder builder(Path dataDirectory, int port, boolean clean) throws IOException {
		Files.createDirectories(dataDirectory);
		stopStalePostmaster(dataDirectory);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(clean)
			.setPGStartupWait(Duration.ofSeconds(60))
			// room for several nodes' pools (ADR 0052) and the tests' cached contexts,
			// each with its own pool; the same on every start: a server recovering a
			// backup must allow as many as the one that wrote it
			.setServerConfig("max_connections", "300")
			.setServerConfig("shared_buffers", "256MB")
			.setServerConfig("work_mem", "16MB")
			.setServerConfig("maintenance_work_mem", "256MB")
			.setServerConfig("synchronous_commit", "off")
			.setServerConfig("max_wal_size", "2GB")
			.setServerConfig("timezone", "UTC")
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8");
		if (!clean) {
			// zonky starts postgres with -F (no fsync): right for throw-away test data,
			// not for data a power cut must not corrupt (and that backups copy)
			builder.setServerConfig("fsync", "on");
		}
		if (port > 0) {
			builder.setPort(port);
		}
		return builder;
	}

	private static EmbeddedPostgresServer launch(EmbeddedPostgres.Builder builder, Path dataDirectory, boolean clean,
			boolean recovering) throws IOException {
		Optional<EmbeddedCredentials> known = clean ? Optional.empty() : EmbeddedCredentials.read(dataDirectory);
		if (known.isEmpty() && !clean && requiresPasswords(dataDirectory)) {
			throw new IllegalStateException(
					Bilingual.text("db.credentials.missing", EmbeddedCredentials.file(dataDirectory)));
		}
		known.ifPresent((c) -> builder.setConnectConfig("password", c.superuserPassword()));
		Thread watch = recovering ? watchPostmaster(dataDirectory, Thread.currentThread()) : null;
		EmbeddedPostgres pg;
		try {
			pg = builder.start();
		}
		finally {
			if (watch != null) {
				watch.interrupt();
			}
		}
		if (Thread.interrupted()) {
			pg.close();
			throw new IllegalStateException(Bilingual.text("db.recovery.stopped"));
		}
		try {
			EmbeddedCredentials credentials = known.orElseGet(() -> {
				EmbeddedCredentials fresh = EmbeddedCredentials.generate();
				fresh.write(dataDirectory);
				log.info("Embedded PostgreSQL: passwords generated in {} (owner-only file)",
						EmbeddedCredentials.file(dataDirectory));
				return fresh;
			});
			EmbeddedPostgresServer server = new EmbeddedPostgresServer(pg, dataDirectory, credentials);
			if (recovering) {
				server.awaitEndOfRecovery();
			}
			server.secure();
			return server;
		}
		catch (RuntimeException | SQLException | IOException ex) {
			pg.close();
			throw (ex instanceof RuntimeException r) ? r : cannotStart(dataDirectory, ex);
		}
	}

	/**
	 * zonky waits its whole startup time for a postmaster that has died: this watch
	 * interrupts the starting thread as soon as the postmaster of {@code postmaster.pid}
	 * is gone.
	 */
	private static Thread watchPostmaster(Path dataDirectory, Thread starter) {
		Path pidFile = dataDirectory.resolve(PID_FILE);
		// zonky passes the directory as given ("-D " + path)
		List<String> dirs = List.of(dataDirectory.toString(), dataDirectory.toAbsolutePath().toString());
		long started = System.nanoTime();
		Thread watch = new Thread(() -> {
			long pid = -1;
			while (true) {
				try {
					if (pid < 0 && Files.exists(pidFile)) {
						pid = postmasterPid(dataDirectory);
					}
					else if (pid > 0 && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
						starter.interrupt();
						return;
					}
					else if (pid < 0 && System.nanoTime() - started > Duration.ofSeconds(10).toNanos()
							&& !runsOn(dirs)) {
						// the postmaster died before its pid file could be read
						starter.interrupt();
						return;
					}
					Thread.sleep(500);
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (IOException ex) {
					// the file is being written: read it next time
				}
			}
		}, "postmaster-watch");
		watch.setDaemon(true);
		watch.start();
		return watch;
	}

	/** Whether a process runs with this data directory on its command line. */
	private static boolean runsOn(List<String> dataDirectory) {
		return ProcessHandle.allProcesses()
			.anyMatch((p) -> p.info()
				.commandLine()
				.map((c) -> c.contains("postgres") && dataDirectory.stream().anyMatch(c::contains))
				.orElse(false));
	}

	private static boolean requiresPasswords(Path dataDirectory) throws IOException {
		Path hba = dataDirectory.resolve("pg_hba.conf");
		return Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).contains(HBA_MARKER);
	}

	/**
	 * Gives both roles their passwords and the application role its attributes, then
	 * makes every connection need a password. Each step is repeated at every start, so a
	 * start interrupted half-way is finished by the next one.
	 */
	private void secure() throws SQLException, IOException {
		try (Connection c = connectAsSuperuser("postgres"); Statement st = c.createStatement()) {
			PGConnection pg = c.unwrap(PGConnection.class);
			pg.alterUserPassword(EmbeddedCredentials.SUPERUSER, this.credentials.superuserPassword().toCharArray(),
					"scram-sha-256");
			String attributes = " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls";
			boolean exists;
			try (ResultSet rs = st
				.executeQuery("select 1 from pg_roles where rolname = '" + EmbeddedCredentials.APP_ROLE + "'")) {
				exists = rs.next();
			}
			st.execute((exists ? "alter role " : "create role ") + EmbeddedCredentials.APP_ROLE + attributes);
			pg.alterUserPassword(EmbeddedCredentials.APP_ROLE, this.credentials.appPassword().toCharArray(),
					"scram-sha-256");
			if (!requiresPasswords(this.dataDirectory)) {
				Path hba = this.dataDirectory.resolve("pg_hba.conf");
				Path tmp = this.dataDirectory.resolve(HBA_TEMPORARY);
				Files.writeString(tmp, HBA, StandardCharsets.UTF_8);
				Files.move(tmp, hba, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				st.execute("select pg_reload_conf()");
				awaitPasswordsRequired();
				log.info("Embedded PostgreSQL: every connection now needs a password (scram-sha-256)");
			}
		}
	}

	/** The reload is a signal: wait until a connection without password is refused. */
	private void awaitPasswordsRequired() {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), EmbeddedCredentials.SUPERUSER, "")) {
				sleep(50);
			}
			catch (SQLException refused) {
				return;
			}
		}
		throw new IllegalStateException(Bilingual.text("db.passwords.not-required"));
	}

	private void awaitEndOfRecovery() throws SQLException {
		try (Connection c = connectAsSuperuser("postgres"); Statement st = c.createStatement()) {
			while (true) {
				try (ResultSet rs = st.executeQuery("select pg_is_in_recovery()")) {
					rs.next();
					if (!rs.getBoolean(1)) {
						return;
					}
				}
				sleep(200);
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/** A new connection as the superuser (owner of the schema). */
	public Connection connectAsSuperuser(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), EmbeddedCredentials.SUPERUSER,
				this.credentials.superuserPassword());
	}

	/**
	 * A JVM killed with SIGKILL cannot stop its postmaster. Its pid is the first line of
	 * {@code postmaster.pid}; if that process still runs and is a postgres, stop it.
	 */
	static void stopStalePostmaster(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve(PID_FILE);
		if (!Files.exists(pidFile)) {
			return;
		}
		long pid = postmasterPid(dataDirectory);
		Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
		if (process.isPresent() && process.get().isAlive() && isPostgres(process.get())) {
			log.warn("Stopping stale postmaster (pid {}) left by a previous run", pid);
			ProcessHandle handle = process.get();
			handle.destroy();
			if (!waitFor(handle, Duration.ofSeconds(15))) {
				handle.descendants().forEach(ProcessHandle::destroyForcibly);
				handle.destroyForcibly();
				waitFor(handle, Duration.ofSeconds(10));
			}
		}
		Files.deleteIfExists(pidFile);
	}

	/** The postmaster's pid, the first line of its pid file, or -1. */
	private static long postmasterPid(Path dataDirectory) throws IOException {
		List<String> lines = Files.readAllLines(dataDirectory.resolve(PID_FILE), StandardCharsets.UTF_8);
		try {
			return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static boolean isPostgres(ProcessHandle handle) {
		return handle.info().command().map(c -> c.contains("postgres")).orElse(true);
	}

	private static boolean waitFor(ProcessHandle handle, Duration timeout) {
		try {
			handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			// still running
		}
		return !handle.isAlive();
	}

	/** JDBC URL of a database, without user (the caller gives user and password). */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + this.postgres.getPort() + "/" + database;
	}

	/** Waits until the postmaster has stopped (its pid file is gone). */
	void awaitStopped(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (Files.exists(this.dataDirectory.resolve(PID_FILE)) && System.nanoTime() < deadline) {
			sleep(100);
		}
	}

	public EmbeddedCredentials credentials() {
		return this.credentials;
	}

	public int port() {
		return this.postgres.getPort();
	}

	public Path dataDirectory() {
		return this.dataDirectory;
	}

	@Override
	public void close() throws IOException {
		// with archiving on, PostgreSQL ends the current WAL segment at a clean shutdown
		// and archives it before it exits
		this.postgres.close();
	}

}
