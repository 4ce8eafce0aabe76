package vn.giamngheo.shared.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded PostgreSQL 17 (zonky) whose data directory lives on disk and survives
 * restarts. A postmaster left running by a JVM killed with SIGKILL is stopped before the
 * new start.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
	}

	/**
	 * Starts PostgreSQL on the given data directory.
	 * @param dataDirectory where the cluster lives (created if missing)
	 * @param port TCP port on loopback, 0 for any free port
	 * @param clean wipe the directory first (tests)
	 */
	public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean clean) {
		try {
			Files.createDirectories(dataDirectory);
			stopStalePostmaster(dataDirectory);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(clean)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "100")
				.setServerConfig("shared_buffers", "256MB")
				.setServerConfig("work_mem", "16MB")
				.setServerConfig("maintenance_work_mem", "256MB")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("max_wal_size", "2GB")
				.setServerConfig("timezone", "UTC")
				.setLocaleConfig("locale", "C.UTF-8")
				.setLocaleConfig("encoding", "UTF8");
			if (port > 0) {
				builder.setPort(port);
			}
			EmbeddedPostgres pg = builder.start();
			return new EmbeddedPostgresServer(pg, dataDirectory);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Không khởi động được PostgreSQL nhúng tại " + dataDirectory
					+ " / Cannot start embedded PostgreSQL at " + dataDirectory + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * A JVM killed with SIGKILL cannot stop its postmaster. Its pid is the first line of
	 * {@code postmaster.pid}; if that process still runs and is a postgres, stop it.
	 */
	static void stopStalePostmaster(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		long pid = lines.isEmpty() ? -1 : parsePid(lines.get(0));
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

	private static long parsePid(String line) {
		try {
			return Long.parseLong(line.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static boolean isPostgres(ProcessHandle handle) {
		return handle.info().command().map(c -> c.contains("postgres")).orElse(true);
	}

	private static boolean waitFor(ProcessHandle handle, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (handle.isAlive() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return !handle.isAlive();
	}

	public String jdbcUrl(String database) {
		return this.postgres.getJdbcUrl("postgres", database);
	}

	public int port() {
		return this.postgres.getPort();
	}

	public Path dataDirectory() {
		return this.dataDirectory;
	}

	@Override
	public void close() throws IOException {
		this.postgres.close();
	}

}
