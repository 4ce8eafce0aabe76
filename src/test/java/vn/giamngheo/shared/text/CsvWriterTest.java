package vn.giamngheo.shared.text;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', value = {
			// plain text and Vietnamese stay as they are
			"Xã Trà Cang|Xã Trà Cang",
			// a separator, a quote, a line break: quoted, quotes doubled
			"Hộ nghèo, cận nghèo|~\"Hộ nghèo, cận nghèo\"~", "Tổ \"Đoàn kết\"|~\"Tổ \"\"Đoàn kết\"\"\"~",
			// a formula is defused, and quoted when it holds a separator
			"=HYPERLINK(\"http://x\")|~\"'=HYPERLINK(\"\"http://x\"\")\"~", "+84905123456|'+84905123456", "-1+2|'-1+2",
			"@SUM(A1)|'@SUM(A1)" })
	void textCells(String value, String written) {
		assertThat(CsvWriter.cell(value)).isEqualTo(written);
	}

	@Test
	void numbersStayNumbersAndBlanksStayEmpty() {
		assertThat(CsvWriter.cell(-12)).isEqualTo("-12");
		assertThat(CsvWriter.cell(1.5)).isEqualTo("1.5");
		assertThat(CsvWriter.cell(null)).isEmpty();
		assertThat(CsvWriter.cell("\tx")).isEqualTo("'\tx");
		assertThat(CsvWriter.cell("a\r\nb")).isEqualTo("\"a\r\nb\"");
	}

	@Test
	void aLineEndsWithCrLf() throws IOException {
		StringBuilder out = new StringBuilder();
		CsvWriter.line(out, Arrays.asList("Đơn vị", null, 3, "=1+1"));
		assertThat(out).hasToString("Đơn vị,,3,'=1+1\r\n");
	}

}
