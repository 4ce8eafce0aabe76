package vn.giamngheo.demo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every threshold boundary of the demo's stand-in for the standards engine. */
class DemoStandardsTest {

	@ParameterizedTest(name = "{0} urban={1} income={2} d={3} -> {4} {5}")
	@CsvSource(nullValues = "-", value = {
			// Decision 59/2015 (2016-2020, 2021): income poor regardless of deprivations
			"2016-2020, false, 700000, 0, POOR, INCOME_POOR", "2016-2020, false, 700001, 3, POOR, DEPRIVATION_POOR",
			"2016-2020, false, 700001, 2, NEAR_POOR, -", "2016-2020, false, 1000000, 3, POOR, DEPRIVATION_POOR",
			"2016-2020, false, 1000000, 2, NEAR_POOR, -", "2016-2020, false, 1000001, 9, MIDDLE, -",
			"2016-2020, false, 1500000, 0, MIDDLE, -", "2016-2020, false, 1500001, 0, ABOVE_MIDDLE, -",
			"2021, true, 900000, 0, POOR, INCOME_POOR", "2021, true, 900001, 3, POOR, DEPRIVATION_POOR",
			"2021, true, 1300000, 2, NEAR_POOR, -", "2021, true, 1300001, 5, MIDDLE, -",
			"2021, true, 1950000, 0, MIDDLE, -", "2021, true, 1950001, 0, ABOVE_MIDDLE, -",
			// Decree 07/2021 (2022-2025, 2026): poor needs income at or below the line
			// AND 3 deprivations
			"2022-2025, false, 1500000, 3, POOR, -", "2022-2025, false, 1500000, 2, NEAR_POOR, -",
			"2022-2025, false, 100000, 0, NEAR_POOR, -", "2022-2025, false, 1500001, 12, MIDDLE, -",
			"2022-2025, false, 2250000, 0, MIDDLE, -", "2022-2025, false, 2250001, 0, ABOVE_MIDDLE, -",
			"2026, true, 2000000, 3, POOR, -", "2026, true, 2000001, 3, MIDDLE, -", "2026, true, 3000000, 0, MIDDLE, -",
			"2026, true, 3000001, 0, ABOVE_MIDDLE, -" })
	void classifiesAtEveryBoundary(String key, boolean urban, long income, int deprivations, String expected,
			String subtype) {
		DemoStandards.Result r = DemoStandards.classOf(key, urban, income, deprivations);
		assertThat(r.classification()).isEqualTo(expected);
		assertThat(r.poorSubtype()).isEqualTo(subtype);
	}

	@ParameterizedTest
	@CsvSource({ "2015, 2016-2020", "2019, 2016-2020", "2020, 2021", "2021, 2022-2025", "2024, 2022-2025",
			"2025, 2026" })
	void reviewYearDecidesTheStandardOfTheFollowingYear(int year, String key) {
		assertThat(DemoStandards.standardKeyOf(year)).isEqualTo(key);
	}

	@ParameterizedTest
	@CsvSource({ "sample, 0.10", "full, 1.0", "2%, 0.02", "0.25, 0.25", "'', 0.10" })
	void sizeSettings(String size, double fraction) {
		assertThat(DemoProperties.fractionOf(size)).isEqualTo(fraction);
	}

}
