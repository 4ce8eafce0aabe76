package vn.giamngheo.registry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HouseholdQueryTest {

	@ParameterizedTest(name = "q=\"{0}\" → name search {1}, citizen ID {2}, count cap {3}")
	@CsvSource(delimiter = '|', nullValues = "null",
			value = { "null | false | false | 10000", "'   ' | false | false | 10000",
					"nguyen van | true | false | 1000", "Nguyễn Văn Ánh | true | false | 1000",
					"001080123456 | false | true | 10000", "' 001080123456 ' | false | true | 10000",
					"00108012345 | true | false | 1000" })
	void nameSearchesCountToAThousandAndListsToTenThousand(String q, boolean name, boolean cccd, long cap) {
		HouseholdQuery query = new HouseholdQuery(null, null, null, null, q, 0, 50, null, false);
		assertThat(query.isNameSearch()).isEqualTo(name);
		assertThat(query.isCitizenIdSearch()).isEqualTo(cccd);
		assertThat(query.countCap()).isEqualTo(cap);
	}

}
