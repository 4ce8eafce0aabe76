package vn.giamngheo.shared.logging;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskingTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					Key (cccd)=(001184000777) already exists | Key (cccd)=([masked]) already exists
					For input string: "0987123456" | For input string: "[masked]"
					phone 0905 000 111 given | phone [masked] given
					phone +84 905 000 111 given | phone [masked] given
					old ID 123456789 | old ID [masked]
					Import 0190b5c2-7d1e-7a3b-9c4d-5e6f7a8b9c0d failed | Import 0190b5c2-7d1e-7a3b-9c4d-5e6f7a8b9c0d failed
					Batch 42: 1000000 rows staged in 3.2 s | Batch 42: 1000000 rows staged in 3.2 s
					login-failure user=xa.dang reason=BadCredentials delay=0s | login-failure user=xa.dang reason=BadCredentials delay=0s
					""")
	void masksNumbersThatLookLikeCitizenIdsOrPhones(String line, String logged) {
		assertThat(PersonalDataMasking.mask(line)).isEqualTo(logged);
	}

}
