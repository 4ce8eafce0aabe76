package vn.giamngheo.imports.domain;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Headers as communes lay them out. */
class HeaderRowsTest {

	Vocabulary vocabulary() {
		Vocabulary v = new Vocabulary();
		for (Field f : Field.values()) {
			f.aliases().forEach((a) -> v.header(f, a));
		}
		return v;
	}

	static List<Raw> row(String... cells) {
		return Arrays.stream(cells).map(Raw::of).toList();
	}

	@Test
	void aTwoRowHeaderUnderMergedCellsIsReadAsOne() {
		List<Raw> upper = row("STT", "Mã hộ", "Thôn/Bản", "Chủ hộ", "", "", "Số CCCD");
		List<Raw> lower = row("", "", "", "Họ và tên", "Giới tính", "Ngày sinh", "");
		assertThat(HeaderRows.lowerRow(upper, lower)).isTrue();
		HeaderRows.Header h = new HeaderRows(vocabulary()).two(upper, lower);
		assertThat(h.columns()).containsEntry(1, Field.CODE)
			.containsEntry(2, Field.VILLAGE)
			.containsEntry(3, Field.HEAD_NAME)
			.containsEntry(4, Field.SEX)
			.containsEntry(5, Field.DATE_OF_BIRTH)
			.containsEntry(6, Field.CCCD);
		assertThat(h.labels().get(3)).isEqualTo("Chủ hộ · Họ và tên");
	}

	@Test
	void aDataRowIsNotTheLowerRowOfAHeader() {
		List<Raw> upper = row("Mã hộ", "Thôn", "Họ tên", "Giới tính");
		List<Raw> data = List.of(Raw.of("H1"), Raw.of("Thôn 1"), Raw.of("Nguyễn Văn A"), Raw.of("Nam"));
		assertThat(HeaderRows.lowerRow(upper, data)).isFalse();
	}

	@Test
	void columnNumbersAndTheFootAreNotData() {
		assertThat(HeaderRows.columnNumbers(row("(1)", "(2)", "(3)", "(4)"))).isTrue();
		assertThat(HeaderRows.columnNumbers(row("1", "H01", "Thôn 1"))).isFalse();
		assertThat(HeaderRows.footer(row("Tổng cộng: 12 hộ"))).isTrue();
		assertThat(HeaderRows.footer(row("", "Xã Dang, ngày 10 tháng 12 năm 2024"))).isTrue();
		assertThat(HeaderRows.footer(row("NGƯỜI LẬP BIỂU", "", "CHỦ TỊCH"))).isTrue();
		assertThat(HeaderRows.footer(row("Nguyễn Văn Tổng"))).isFalse();
	}

}
