package vn.giamngheo.geography.domain;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.geography.domain.AddressOnDate.Address;
import vn.giamngheo.geography.domain.AddressOnDate.Past;

import static org.assertj.core.api.Assertions.assertThat;

class AddressOnDateTest {

	static final Address DANG = new Address("49", 20464, 1, "/49/504/20464/1/");

	static final Address TAY_GIANG = new Address("48", 20455, 2, "/48/20455/2/");

	static final Address OTHER_VILLAGE = new Address("48", 20455, 3, "/48/20455/3/");

	/** Moved by the reform, then to another village of the new commune on 01/03/2026. */
	static final List<Past> PAST = List.of(new Past(7, DANG, LocalDate.of(2025, 7, 1)),
			new Past(9, TAY_GIANG, LocalDate.of(2026, 3, 1)));

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "2016-01-01, 1", "2025-06-30, 1", "2025-07-01, 2", "2026-02-28, 2", "2026-03-01, 3", "2030-01-01, 3" })
	void theAddressOnADateIsThePastRowStillRunningElseTheCurrentOne(LocalDate date, long village) {
		assertThat(AddressOnDate.on(date, OTHER_VILLAGE, PAST).villageId()).isEqualTo(village);
	}

	@Test
	void aHouseholdThatNeverMovedIsAlwaysAtItsCurrentAddress() {
		assertThat(AddressOnDate.on(LocalDate.of(2016, 1, 1), DANG, List.of())).isEqualTo(DANG);
	}

	@ParameterizedTest(name = "review {0} on the new units: {1}")
	@CsvSource({ "2016, false", "2024, false", "2025, true", "2026, true" })
	void aReviewYearIsPlacedOnTheLastDayOfTheYear(int year, boolean onNewUnits) {
		assertThat(AddressOnDate.onNewUnits(year)).isEqualTo(onNewUnits);
		assertThat(AddressOnDate.referenceDate(year)).isEqualTo(LocalDate.of(year, 12, 31));
		assertThat(AddressOnDate.forReviewYear(year, TAY_GIANG, List.of(new Past(1, DANG, AddressOnDate.REFORM))))
			.isEqualTo(onNewUnits ? TAY_GIANG : DANG);
	}

	@Test
	void equalEndsAreDecidedByTheEarlierRow() {
		Address placeholder = new Address("48", 99, 5, "/48/99/5/");
		List<Past> past = List.of(new Past(12, placeholder, AddressOnDate.REFORM),
				new Past(3, DANG, AddressOnDate.REFORM));
		assertThat(AddressOnDate.on(LocalDate.of(2024, 12, 31), TAY_GIANG, past)).isEqualTo(DANG);
	}

}
