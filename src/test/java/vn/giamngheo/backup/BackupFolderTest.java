package vn.giamngheo.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention: which base backups and WAL segments a prune deletes. */
class BackupFolderTest {

	static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-06T01:00:00+07:00");

	@TempDir
	Path root;

	@Test
	void backupsOlderThanTheRetentionGoWithTheWalOnlyTheyNeeded() throws IOException {
		backup("base-20261125-010000", NOW.minusDays(11), "000000010000000000000003");
		backup("base-20261130-010000", NOW.minusDays(6), "000000010000000000000005");
		backup("base-20261206-010000", NOW, "000000010000000000000008");
		Files.createDirectories(this.root.resolve("base-20261205-010000.part"));
		Path wal = Files.createDirectories(this.root.resolve("wal"));
		for (int i = 1; i <= 9; i++) {
			Files.writeString(wal.resolve(String.format("0000000100000000000000%02X", i)), "segment");
		}
		Files.writeString(wal.resolve("000000010000000000000003.00000028.backup"), "label");
		Files.writeString(wal.resolve("00000002.history"), "1\t0/9000000\tno recovery target specified");
		Files.writeString(wal.resolve("000000020000000000000009"), "segment of timeline 2");

		BackupFolder.Pruned pruned = new BackupFolder(this.root).prune(7, NOW);

		assertThat(pruned.backups()).isEqualTo(1);
		assertThat(names(this.root)).containsExactly("base-20261130-010000", "base-20261206-010000", "wal");
		assertThat(names(wal)).containsExactlyInAnyOrder("00000002.history", "000000010000000000000005",
				"000000010000000000000006", "000000010000000000000007", "000000010000000000000008",
				"000000010000000000000009", "000000020000000000000009");
		assertThat(pruned.walFiles()).isEqualTo(5);
		assertThat(new BackupFolder(this.root).list()).extracting(BackupInfo::name)
			.containsExactly("base-20261206-010000", "base-20261130-010000");
	}

	@Test
	void theNewestBackupIsKeptHoweverOld() throws IOException {
		backup("base-20261001-010000", NOW.minusDays(60), "000000010000000000000002");
		backup("base-20261002-010000", NOW.minusDays(59), "000000010000000000000004");
		Path wal = Files.createDirectories(this.root.resolve("wal"));
		for (int i = 1; i <= 5; i++) {
			Files.writeString(wal.resolve(String.format("0000000100000000000000%02X", i)), "segment");
		}

		new BackupFolder(this.root).prune(7, NOW);

		assertThat(names(this.root)).containsExactly("base-20261002-010000", "wal");
		assertThat(names(wal)).containsExactly("000000010000000000000004", "000000010000000000000005");
		assertThat(new BackupFolder(this.root).walUsage().newest()).isEqualTo("000000010000000000000005");
	}

	private void backup(String name, OffsetDateTime finished, String startWal) throws IOException {
		Path dir = Files.createDirectories(this.root.resolve(name));
		Files.writeString(dir.resolve(BaseBackup.ZIP), "zip");
		Properties p = new Properties();
		p.setProperty("name", name);
		p.setProperty("by", "system");
		p.setProperty("startedAt", finished.minusMinutes(2).toString());
		p.setProperty("finishedAt", finished.toString());
		p.setProperty("startWal", startWal);
		p.setProperty("stopWal", startWal);
		p.setProperty("bytes", "3");
		p.setProperty("files", "1");
		try (OutputStream out = Files.newOutputStream(dir.resolve(BaseBackup.MANIFEST))) {
			p.store(out, null);
		}
	}

	private static List<String> names(Path dir) throws IOException {
		try (Stream<Path> list = Files.list(dir)) {
			return list.map((p) -> p.getFileName().toString()).sorted().toList();
		}
	}

}
