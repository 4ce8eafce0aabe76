package vn.giamngheo.registry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HouseholdQueryTest {

	@ParameterizedTest(name = "q=\"{0}\" → name search {1}, citizen ID {2}, code {3}, count cap {4}")
	@CsvSource(delimiter = '|', nullValues = "null",
			value = { "null | false | false | false | 10000", "'   ' | false | false | false | 10000",
					"nguyen van | true | false | false | 1000", "Nguyễn Văn Ánh | true | false | false | 1000",
					"001080123456 | false | true | false | 10000", "' 001080123456 ' | false | true | false | 10000",
					"20464-000012 | false | false | true | 10000", "' 20464-0000 ' | false | false | true | 10000",
					"00108012345 | false | false | true | 10000", "HH-Alfa-x1 | false | false | true | 10000",
					"Lò Văn 2 | true | false | false | 1000" })
	void nameSearchesCountToAThousandAndListsToTenThousand(String q, boolean name, boolean cccd, boolean code,
			long cap) {
		HouseholdQuery query = new HouseholdQuery(null, null, null, null, q, 0, 50, null, false);
		assertThat(query.isNameSearch()).isEqualTo(name);
		assertThat(query.isCitizenIdSearch()).isEqualTo(cccd);
		assertThat(query.isCodeSearch()).isEqualTo(code);
		assertThat(query.countCap()).isEqualTo(cap);
	}

}
