package vn.giamngheo.review.domain;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.review.domain.ConsistencyCheck.Snapshot;

import static org.assertj.core.api.Assertions.assertThat;

class ConsistencyCheckTest {

	@ParameterizedTest(name = "{0}/{1}/{2} -> {3}/{4}/{5}: {6}")
	@CsvSource(nullValues = "NULL", value = { "4, 1000000, POOR, 4, 1999999, POOR, ''",
			"4, 1000000, POOR, 4, 2000000, NEAR_POOR, INCOME_DOUBLED",
			"4, 1000000, MIDDLE, 4, 500000, POOR, INCOME_HALVED", "4, 1000000, MIDDLE, 4, 500001, POOR, ''",
			"5, 1000000, POOR, 3, 1000000, POOR, MEMBERS_VANISHED", "5, 1000000, POOR, 4, 1000000, POOR, ''",
			"2, 1000000, POOR, 1, 1000000, POOR, MEMBERS_VANISHED",
			"2, 1000000, POOR, 5, 1000000, POOR, MEMBERS_APPEARED",
			"4, 1000000, POOR, 4, 1500000, ABOVE_MIDDLE, CLASS_JUMP", "4, NULL, POOR, 4, 3000000, NEAR_POOR, ''" })
	void flagsAgainstLastYear(int m0, Long i0, String c0, int m1, Long i1, String c1, String expected) {
		List<String> flags = ConsistencyCheck.flags(new Snapshot(m0, i0, c0), new Snapshot(m1, i1, c1), true);
		assertThat(String.join(",", flags)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "no last year, listed poor {0}: {1}")
	@CsvSource({ "true, NO_LAST_YEAR", "false, ''" })
	void noRecordLastYear(boolean listed, String expected) {
		assertThat(String.join(",", ConsistencyCheck.flags(null, new Snapshot(3, 800000L, "POOR"), listed)))
			.isEqualTo(expected);
	}

}
