package vn.giamngheo.benefits.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every pair of ledger statuses: the contract's steps are allowed, nothing else. */
class LedgerStatusTest {

	@ParameterizedTest(name = "{0} → {1}: {2}")
	@CsvSource({ "PLANNED, APPROVED, true", "PLANNED, CANCELLED, true", "PLANNED, DELIVERED, false",
			"PLANNED, CLOSED, false", "PLANNED, OVERDUE, false", "PLANNED, PLANNED, false", "APPROVED, DELIVERED, true",
			"APPROVED, CANCELLED, true", "APPROVED, PLANNED, false", "APPROVED, CLOSED, false",
			"APPROVED, OVERDUE, false", "DELIVERED, CLOSED, true", "DELIVERED, OVERDUE, true",
			"DELIVERED, CANCELLED, false", "DELIVERED, APPROVED, false", "OVERDUE, CLOSED, true",
			"OVERDUE, DELIVERED, false", "OVERDUE, CANCELLED, false", "CLOSED, PLANNED, false",
			"CLOSED, DELIVERED, false", "CLOSED, OVERDUE, false", "CANCELLED, PLANNED, false",
			"CANCELLED, APPROVED, false", "CANCELLED, DELIVERED, false" })
	void onlyTheContractsStepsAreAllowed(LedgerStatus from, LedgerStatus to, boolean allowed) {
		assertThat(from.mayBecome(to)).isEqualTo(allowed);
	}

	@ParameterizedTest
	@CsvSource({ "PLANNED, false", "APPROVED, false", "DELIVERED, true", "CLOSED, true", "OVERDUE, true",
			"CANCELLED, false" })
	void theMoneyWentOutOnlyInADeliveredStatus(LedgerStatus status, boolean delivered) {
		assertThat(status.delivered()).isEqualTo(delivered);
	}

	@ParameterizedTest
	@CsvSource(value = { "PLANNED, PLANNED", "' DELIVERED ', DELIVERED", "planned, NULL", "LOST, NULL", "NULL, NULL" },
			nullValues = "NULL")
	void aCodeIsReadOnlyWhenItIsOneOfThem(String code, LedgerStatus status) {
		assertThat(LedgerStatus.parse(code)).isEqualTo(status);
	}

}
