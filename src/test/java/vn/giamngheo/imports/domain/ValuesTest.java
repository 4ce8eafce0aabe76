package vn.giamngheo.imports.domain;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values as people type them in spreadsheets. */
class ValuesTest {

	@ParameterizedTest
	@CsvSource({ "05/03/1980, 1980-03-05", "5/3/1980, 1980-03-05", "05-03-1980, 1980-03-05", "05.03.1980, 1980-03-05",
			"1980-03-05, 1980-03-05", "1980/3/5, 1980-03-05", "1985-07-07T00:00:00.000+07:00, 1985-07-07",
			"29209, 1979-12-20", "29/02/2024, 2024-02-29" })
	void datesInTheFormatsPeopleUse(String text, LocalDate expected) {
		assertThat(Values.date(Raw.of(text))).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "31/02/1980", "1980", "5 tháng 3", "13/13/1980", "abc", "''" })
	void notADate(String text) {
		assertThat(Values.date(Raw.of(text))).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "1500000; 1500000", "1.500.000; 1500000", "1,500,000; 1500000",
			"1 500 000; 1500000", "1500000.4; 1500000", "1500000.5; 1500001", "0; 0", "2,5; 3" })
	void amounts(String text, long expected) {
		assertThat(Values.amount(Raw.of(text))).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "nhiều", "1.5.0", "12a" })
	void notAnAmount(String text) {
		assertThat(Values.amount(Raw.of(text))).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "Có, true", "co, true", "x, true", "1, true", "Yes, true", "Không, false", "0, false", "no, false" })
	void yesNo(String text, boolean expected) {
		assertThat(Values.bool(Raw.of(text))).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "[xóa]; true", "[xoá]; true", "[XÓA]; true", " [xoa] ; true", "[clear]; true",
			"[Clear]; true", "xóa; false", "[ xóa ]x; false", "''; false", "-; false", "[x]; false" })
	void theClearMarker(String text, boolean clears) {
		assertThat(Values.clears(Raw.of(text))).isEqualTo(clears);
	}

	@ParameterizedTest
	@CsvSource({ "có lẽ", "2" })
	void notYesNo(String text) {
		assertThatThrownBy(() -> Values.bool(Raw.of(text))).isInstanceOf(IllegalArgumentException.class);
	}

}
