package vn.giamngheo.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.util.FileSystemUtils;

import vn.giamngheo.shared.db.BackupProperties;

/**
 * The backups folder: {@code wal/} holds the archived WAL segments, each
 * {@code base-yyyyMMdd-HHmmss/} a finished base backup ({@code base.zip},
 * {@code backup.properties}); {@code *.part} folders are backups being written (or cut
 * short). The restore command reads it without the application running.
 */
final class BackupFolder {

	static final String PREFIX = "base-";

	/**
	 * A WAL segment (timeline + segment number), a partial one, or a backup history file.
	 */
	private static final Pattern WAL_FILE = Pattern.compile("[0-9A-F]{24}(\\.partial|\\.[0-9A-F]{8}\\.backup)?");

	private final Path root;

	BackupFolder(Path root) {
		this.root = root;
	}

	Path root() {
		return this.root;
	}

	Path wal() {
		return BackupProperties.walDirectory(this.root);
	}

	Path zipOf(BackupInfo backup) {
		return this.root.resolve(backup.name()).resolve(BaseBackup.ZIP);
	}

	/** Finished base backups, newest first. */
	List<BackupInfo> list() {
		if (!Files.isDirectory(this.root)) {
			return List.of();
		}
		List<BackupInfo> backups = new ArrayList<>();
		try (Stream<Path> dirs = Files.list(this.root)) {
			for (Path dir : (Iterable<Path>) dirs::iterator) {
				String name = dir.getFileName().toString();
				Path manifest = dir.resolve(BaseBackup.MANIFEST);
				if (name.startsWith(PREFIX) && !name.endsWith(BaseBackup.PART) && Files.isRegularFile(manifest)) {
					backups.add(BaseBackup.readManifest(manifest));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		backups.sort(Comparator.comparing(BackupInfo::startedAt).reversed());
		return backups;
	}

	Optional<BackupInfo> find(String name) {
		return list().stream().filter((b) -> b.name().equals(name)).findFirst();
	}

	/**
	 * Deletes the base backups that finished more than {@code retentionDays} ago (the
	 * newest is always kept), the WAL segments older than the first one the kept backups
	 * need, and folders of backups cut short.
	 * @return how many base backups and WAL files were deleted
	 */
	Pruned prune(int retentionDays, OffsetDateTime now) throws IOException {
		List<BackupInfo> backups = list();
		if (backups.isEmpty()) {
			return new Pruned(0, 0);
		}
		OffsetDateTime cutoff = now.minusDays(retentionDays);
		String oldestNeeded = null;
		int deletedBackups = 0;
		for (int i = 0; i < backups.size(); i++) {
			BackupInfo b = backups.get(i);
			if (i == 0 || !b.finishedAt().isBefore(cutoff)) {
				String segment = segmentOf(b.startWal());
				if (oldestNeeded == null || segment.compareTo(oldestNeeded) < 0) {
					oldestNeeded = segment;
				}
			}
			else {
				FileSystemUtils.deleteRecursively(this.root.resolve(b.name()));
				deletedBackups++;
			}
		}
		try (Stream<Path> dirs = Files.list(this.root)) {
			for (Path dir : (Iterable<Path>) dirs::iterator) {
				if (dir.getFileName().toString().endsWith(BaseBackup.PART)) {
					FileSystemUtils.deleteRecursively(dir);
				}
			}
		}
		int deletedWal = 0;
		if (Files.isDirectory(wal())) {
			try (Stream<Path> files = Files.list(wal())) {
				for (Path file : (Iterable<Path>) files::iterator) {
					String name = file.getFileName().toString();
					if (WAL_FILE.matcher(name).matches() && segmentOf(name).compareTo(oldestNeeded) < 0) {
						Files.deleteIfExists(file);
						deletedWal++;
					}
				}
			}
		}
		return new Pruned(deletedBackups, deletedWal);
	}

	/** The archived WAL: segment files, their bytes and the newest segment's name. */
	Usage walUsage() {
		long files = 0;
		long bytes = 0;
		String newest = null;
		if (Files.isDirectory(wal())) {
			try (Stream<Path> list = Files.list(wal())) {
				for (Path file : (Iterable<Path>) list::iterator) {
					String name = file.getFileName().toString();
					if (!WAL_FILE.matcher(name).matches()) {
						continue;
					}
					files++;
					bytes += Files.size(file);
					if (name.length() == 24 && (newest == null || segmentOf(name).compareTo(segmentOf(newest)) > 0)) {
						newest = name;
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return new Usage(files, bytes, newest);
	}

	/**
	 * The segment part of a WAL file name (log and segment number, without the timeline),
	 * which orders segments across timelines as {@code pg_archivecleanup} does.
	 */
	static String segmentOf(String walFile) {
		return walFile.substring(8, 24);
	}

	/**
	 * What a prune deleted.
	 *
	 * @param backups base backups
	 * @param walFiles WAL files
	 */
	record Pruned(int backups, int walFiles) {
	}

	/**
	 * The archived WAL.
	 *
	 * @param files segment files
	 * @param bytes their size
	 * @param newest the newest segment, or {@code null}
	 */
	record Usage(long files, long bytes, String newest) {
	}

}
