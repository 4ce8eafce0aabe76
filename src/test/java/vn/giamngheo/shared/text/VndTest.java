package vn.giamngheo.shared.text;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VndTest {

	@Test
	void vietnameseGroupsThousandsWithDotsEnglishWithCommas() {
		assertThat(Vnd.digits(1_250_000_000L, Locale.forLanguageTag("vi"))).isEqualTo("1.250.000.000");
		assertThat(Vnd.digits(1_250_000_000L, Locale.ENGLISH)).isEqualTo("1,250,000,000");
		assertThat(Vnd.digits(999, Locale.forLanguageTag("vi"))).isEqualTo("999");
		assertThat(Vnd.digits(0, Locale.ENGLISH)).isEqualTo("0");
		assertThat(Vnd.dong(1_500_000)).isEqualTo("1.500.000 đ");
	}

}
