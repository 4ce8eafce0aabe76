package vn.giamngheo.standards.cli;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldsTest {

	static long weight(String s) {
		byte[] b = s.getBytes(StandardCharsets.UTF_8);
		return Fields.weight(b, 0, b.length, "w");
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			1,          1000000
			0,          0
			2.5,        2500000
			123.45,     123450000
			0.000001,   1
			7.123456,   7123456
			""")
	void weightsAreExactMicroUnits(String text, long micros) {
		assertThat(weight(text)).isEqualTo(micros);
		assertThat(Fields.decimal(micros)).isEqualTo(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "-1", "1.2345678", "abc", ".5", "1.2.3", "4 triệu", "1e3" })
	void badWeightsAreRejected(String text) {
		assertThatThrownBy(() -> weight(text)).isInstanceOf(RowException.class).hasMessageContaining("column w");
	}

}
