package vn.giamngheo.imports.domain;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which encoding a CSV line was saved in. */
class EncodingsTest {

	@Test
	void utf8IsRecognisedAndLegacyBytesAreNot() {
		byte[] utf8 = "Nguyễn Thị Ưng".getBytes(StandardCharsets.UTF_8);
		assertThat(Encodings.utf8(utf8, 0, utf8.length)).isTrue();
		byte[] cp1258 = { 'D', (byte) 0xF0, 'a', (byte) 0xEC, 'n', 'g' };
		assertThat(Encodings.utf8(cp1258, 0, cp1258.length)).isFalse();
	}

	@Test
	void vietnameseLegacyBytesMeanWindows1258AndOthersWindows1252() {
		// "Đặng" in Windows-1258: Đ, a, combining dot below, ... and "José" in
		// Windows-1252
		byte[] vietnamese = { (byte) 0xD0, (byte) 0xE3, (byte) 0xF2, 'n', 'g' };
		byte[] western = { 'J', 'o', 's', (byte) 0xE9 };
		assertThat(Encodings.legacy(vietnamese, 0, vietnamese.length)).isEqualTo(Encodings.CP1258);
		assertThat(Encodings.legacy(western, 0, western.length)).isEqualTo(Encodings.CP1252);
		assertThat(
				java.text.Normalizer.normalize(new String(vietnamese, Encodings.CP1258), java.text.Normalizer.Form.NFC))
			.isEqualTo("Đặng");
	}

	@Test
	void columnLetters() {
		assertThat(SurveyParser.letter(0)).isEqualTo("A");
		assertThat(SurveyParser.letter(25)).isEqualTo("Z");
		assertThat(SurveyParser.letter(26)).isEqualTo("AA");
		assertThat(SurveyParser.letter(27)).isEqualTo("AB");
	}

}
