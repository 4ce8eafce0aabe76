package vn.giamngheo.shared.text;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The table way of folding gives what the Unicode way gives, for any text. */
class TextNormalizerFoldTest {

	@Test
	void vietnameseNamesFoldToTheirBaseLetters() {
		assertThat(TextNormalizer.fold("  Nguyễn   Văn Ánh ")).isEqualTo("nguyen van anh");
		assertThat(TextNormalizer.fold("ĐẶNG THỊ Ữ\tỢ")).isEqualTo("dang thi u o");
		assertThat(TextNormalizer.fold("Thôn/bản/tổ dân phố")).isEqualTo("thon/ban/to dan pho");
		assertThat(TextNormalizer.fold(null)).isEmpty();
		assertThat(TextNormalizer.fold(" \t ")).isEmpty();
	}

	@Test
	void everyCharacterFoldsAsByDecomposition() {
		for (int c = 0; c < 0x10000; c++) {
			if (Character.isSurrogate((char) c)) {
				continue;
			}
			String s = "a" + (char) c + "b";
			assertThat(TextNormalizer.fold(s)).as("U+%04X", c).isEqualTo(TextNormalizer.slowFold(s));
		}
	}

	@Test
	void mixedTextFoldsAsByDecomposition() {
		String alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợ"
				+ "úùủũụứừửữựýỳỷỹỵÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
				+ "0123456789 \t\n\r\u000b\f\u00a0\u0301\u0323/-_.,()ßÆİıŉ\u007f\u0001";
		Random random = new Random(7);
		for (int i = 0; i < 200_000; i++) {
			StringBuilder sb = new StringBuilder();
			int n = random.nextInt(12);
			for (int j = 0; j < n; j++) {
				sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String s = sb.toString();
			assertThat(TextNormalizer.fold(s)).as("[%s]", s).isEqualTo(TextNormalizer.slowFold(s));
		}
	}

}
