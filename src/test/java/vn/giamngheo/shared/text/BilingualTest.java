package vn.giamngheo.shared.text;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Operator texts come from the bundles, Vietnamese first, then English. */
class BilingualTest {

	@Test
	void vietnameseFirstThenEnglishWithTheArgumentsInBoth() {
		assertThat(Bilingual.text("restore.target.not-empty", Path.of("/srv/giamngheo")))
			.startsWith("Thư mục đích không rỗng: /srv/giamngheo.")
			.contains(" / The target folder is not empty: /srv/giamngheo.");
	}

	@Test
	void quotesInATextWithArgumentsArePrintedOnce() {
		assertThat(Bilingual.text("db.credentials.missing", "data/pg/giamngheo-credentials.properties"))
			.startsWith("Thiếu tệp mật khẩu data/pg/giamngheo-credentials.properties")
			.contains("'host all all 127.0.0.1/32 trust'")
			.doesNotContain("''")
			.contains(" / The credentials file is missing");
	}

	@Test
	void numbersAreWrittenAsEachLanguageWritesThem() {
		assertThat(Bilingual.text("restore.counts", 52413L, 204664L, 17L))
			.isEqualTo("Hộ 52.413, nhân khẩu 204.664, nhật ký 17 / households 52,413, members 204,664, audit rows 17");
	}

}
