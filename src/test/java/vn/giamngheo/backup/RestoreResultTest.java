package vn.giamngheo.backup;

import java.nio.file.Path;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the restore command prints when it is done, as the operator reads it. */
class RestoreResultTest {

	static final BackupInfo BASE = new BackupInfo("base-20261206-010000", "system",
			OffsetDateTime.parse("2026-12-06T01:00:00+07:00"), OffsetDateTime.parse("2026-12-05T18:00:21Z"),
			"000000010000000000000015", "000000010000000000000015", 70_000_000, 1517);

	@Test
	void saysWhatWasRestoredInVietnamTimeAndHowToStartOnIt() {
		Restore.Result r = new Restore.Result(BASE, "000000020000000000000017", "000000010000000000000016",
				OffsetDateTime.parse("2026-12-06T13:43:09Z"), 52413, 204664, 17, true, 11.34);
		String text = r.describe(Path.of("/srv/restored"));
		assertThat(text).contains("Đã khôi phục base-20261206-010000 (06/12/2026 01:00:21)")
			.contains("in 11.3 s")
			.contains("Giao dịch cuối: 06/12/2026 20:43:09")
			.contains("households 52,413, members 204,664, audit rows 17")
			.contains("GIAMNGHEO_DATA_DIR=/srv/restored java -jar target/giamngheo.jar")
			.doesNotContain("CẢNH BÁO");
	}

	@Test
	void warnsWhenTheArchiveHadAGap() {
		Restore.Result r = new Restore.Result(BASE, "000000020000000000000016", "000000010000000000000019", null, 1, 2,
				3, false, 5);
		assertThat(r.describe(Path.of("/srv/restored")))
			.contains("CẢNH BÁO: phát lại dừng ở 000000020000000000000016 nhưng kho có đến 000000010000000000000019")
			.contains("Giao dịch cuối: –");
	}

}
