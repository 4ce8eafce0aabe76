package vn.giamngheo.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.springframework.util.FileSystemUtils;

import vn.giamngheo.shared.db.EmbeddedCredentials;
import vn.giamngheo.shared.db.EmbeddedPostgresServer;

/**
 * One base backup of a running embedded server through PostgreSQL's low-level API (there
 * is no {@code pg_basebackup} among the embedded binaries): in one session
 * {@code pg_backup_start}, a copy of the data directory into {@code base.zip}, then
 * {@code pg_backup_stop}, which waits until the WAL that makes the copy consistent is
 * archived and gives the {@code backup_label} stored in the zip. Written into
 * {@code <name>.part} and renamed when complete, so a half backup is never taken for one.
 */
final class BaseBackup {

	static final String ZIP = "base.zip";

	static final String MANIFEST = "backup.properties";

	static final String PART = ".part";

	/** Files a copy leaves out (as pg_basebackup does), and our own temporary files. */
	private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
			"backup_label", "backup_label.old", "tablespace_map", "tablespace_map.old", "recovery.signal",
			"standby.signal", "current_logfiles", "pg_internal.init", EmbeddedPostgresServer.HBA_TEMPORARY,
			EmbeddedCredentials.TEMPORARY);

	/**
	 * Directories copied empty: their content is made again at start or comes from WAL.
	 */
	private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots",
			"pg_stat_tmp", "pg_subtrans", "pg_replslot");

	/** A relation file: number, fork, segment. */
	private static final Pattern RELATION_FILE = Pattern.compile("(\\d+)(_[a-z]+)?(\\.\\d+)?");

	/** Files of temporary tables. */
	private static final Pattern TEMP_RELATION = Pattern.compile("t\\d+_\\d+.*");

	private BaseBackup() {
	}

	/**
	 * Takes a base backup into {@code folder/name}.
	 * @param owner the superuser's connections (a new session each)
	 * @param dataDirectory the server's data directory
	 * @param folder the backups folder
	 * @param name the backup's folder name
	 * @param by who asked
	 * @param clock the clock
	 * @return the finished backup
	 */
	static BackupInfo take(DataSource owner, Path dataDirectory, Path folder, String name, String by, Clock clock)
			throws IOException, SQLException {
		Path part = folder.resolve(name + PART);
		Files.createDirectories(part);
		boolean done = false;
		try {
			OffsetDateTime started = OffsetDateTime.now(clock);
			Path zipFile = part.resolve(ZIP);
			String startWal;
			String stopWal;
			long files;
			try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
				c.setAutoCommit(true);
				try (ResultSet rs = st.executeQuery(
						"select pg_walfile_name(pg_backup_start('giamngheo " + name.replace("'", "") + "', true))")) {
					rs.next();
					startWal = rs.getString(1);
				}
				try (FileChannel channel = createOwnerOnly(zipFile);
						ZipOutputStream zip = new ZipOutputStream(
								new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16))) {
					zip.setLevel(Deflater.BEST_SPEED);
					files = new Copy(dataDirectory, zip).run();
					try (ResultSet rs = st
						.executeQuery("select pg_walfile_name(lsn), labelfile, spcmapfile from pg_backup_stop(true)")) {
						rs.next();
						stopWal = rs.getString(1);
						put(zip, "backup_label", rs.getString(2));
						String spcmap = rs.getString(3);
						if (spcmap != null && !spcmap.isEmpty()) {
							put(zip, "tablespace_map", spcmap);
						}
					}
					zip.finish();
					zip.flush();
					channel.force(true);
				}
			}
			BackupInfo info = new BackupInfo(name, by, started, OffsetDateTime.now(clock), startWal, stopWal,
					Files.size(zipFile), files);
			writeManifest(part.resolve(MANIFEST), info);
			Files.move(part, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
			done = true;
			return info;
		}
		finally {
			if (!done) {
				FileSystemUtils.deleteRecursively(part);
			}
		}
	}

	/**
	 * A new file only its owner may read: a backup holds every record and the passwords.
	 */
	private static FileChannel createOwnerOnly(Path file) throws IOException {
		return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
	}

	private static void put(ZipOutputStream zip, String name, String text) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(text.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private static void writeManifest(Path file, BackupInfo info) throws IOException {
		Properties p = new Properties();
		p.setProperty("name", info.name());
		p.setProperty("by", info.by());
		p.setProperty("startedAt", info.startedAt().toString());
		p.setProperty("finishedAt", info.finishedAt().toString());
		p.setProperty("startWal", info.startWal());
		p.setProperty("stopWal", info.stopWal());
		p.setProperty("bytes", Long.toString(info.bytes()));
		p.setProperty("files", Long.toString(info.files()));
		try (FileChannel channel = createOwnerOnly(file); OutputStream out = Channels.newOutputStream(channel)) {
			p.store(out, "giamngheo base backup (ADR 0015)");
			channel.force(true);
		}
	}

	static BackupInfo readManifest(Path file) throws IOException {
		Properties p = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			p.load(in);
		}
		return new BackupInfo(p.getProperty("name"), p.getProperty("by"),
				OffsetDateTime.parse(p.getProperty("startedAt")), OffsetDateTime.parse(p.getProperty("finishedAt")),
				p.getProperty("startWal"), p.getProperty("stopWal"), Long.parseLong(p.getProperty("bytes")),
				Long.parseLong(p.getProperty("files")));
	}

	/** The walk over the data directory into the zip. */
	private static final class Copy extends SimpleFileVisitor<Path> {

		private final Path root;

		private final ZipOutputStream zip;

		/** Per directory: relation numbers with an init fork (unlogged tables). */
		private final Map<Path, Set<String>> unlogged = new HashMap<>();

		private final byte[] buffer = new byte[1 << 16];

		private long files;

		Copy(Path root, ZipOutputStream zip) {
			this.root = root;
			this.zip = zip;
		}

		long run() throws IOException {
			Files.walkFileTree(this.root, this);
			return this.files;
		}

		private String entryName(Path path) {
			return this.root.relativize(path).toString().replace('\\', '/');
		}

		@Override
		public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
			if (dir.equals(this.root)) {
				return FileVisitResult.CONTINUE;
			}
			if (dir.getFileName().toString().startsWith("pgsql_tmp")) {
				return FileVisitResult.SKIP_SUBTREE;
			}
			this.zip.putNextEntry(new ZipEntry(entryName(dir) + "/"));
			this.zip.closeEntry();
			return FileVisitResult.CONTINUE;
		}

		@Override
		public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
			if (!attrs.isRegularFile() || skipped(file)) {
				return FileVisitResult.CONTINUE;
			}
			InputStream in;
			try {
				in = Files.newInputStream(file);
			}
			catch (NoSuchFileException gone) {
				// dropped while the copy ran: the WAL replays the drop
				return FileVisitResult.CONTINUE;
			}
			try (in) {
				ZipEntry entry = new ZipEntry(entryName(file));
				entry.setLastModifiedTime(attrs.lastModifiedTime());
				this.zip.putNextEntry(entry);
				int n;
				while ((n = in.read(this.buffer)) > 0) {
					this.zip.write(this.buffer, 0, n);
				}
				this.zip.closeEntry();
			}
			this.files++;
			return FileVisitResult.CONTINUE;
		}

		@Override
		public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
			if (ex instanceof NoSuchFileException) {
				return FileVisitResult.CONTINUE;
			}
			throw ex;
		}

		private boolean skipped(Path file) throws IOException {
			String name = file.getFileName().toString();
			Path relative = this.root.relativize(file);
			if (SKIPPED_FILES.contains(name) || name.startsWith("pgsql_tmp")
					|| (relative.getNameCount() > 1 && EMPTIED.contains(relative.getName(0).toString()))) {
				return true;
			}
			if (TEMP_RELATION.matcher(name).matches()) {
				return true;
			}
			Matcher relation = RELATION_FILE.matcher(name);
			if (!relation.matches() || "_init".equals(relation.group(2))) {
				return false;
			}
			// the main fork of an unlogged table is emptied by recovery anyway
			return unloggedIn(file.getParent()).contains(relation.group(1));
		}

		private Set<String> unloggedIn(Path dir) throws IOException {
			Set<String> known = this.unlogged.get(dir);
			if (known == null) {
				known = new HashSet<>();
				try (Stream<Path> list = Files.list(dir)) {
					for (Path p : (Iterable<Path>) list::iterator) {
						String n = p.getFileName().toString();
						if (n.endsWith("_init")) {
							known.add(n.substring(0, n.length() - "_init".length()));
						}
					}
				}
				this.unlogged.put(dir, known);
			}
			return known;
		}

	}

}
