package vn.giamngheo.targets;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.giamngheo.targets.domain.Rollup;
import vn.giamngheo.targets.domain.Rollup.Aggregation;
import vn.giamngheo.targets.domain.Rollup.Node;
import vn.giamngheo.targets.domain.Rollup.Result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Roll-up of entered values: a province of two districts (D1: communes 11, 12, 13; D2:
 * communes 21, 22) with households 100, 200, 300 / 400, 500.
 */
class RollupTest {

	static Node c(long id) {
		return new Node(id, "Xã " + id, true, List.of());
	}

	static final Node D1 = new Node(1, "Huyện 1", false, List.of(c(11), c(12), c(13)));

	static final Node D2 = new Node(2, "Huyện 2", false, List.of(c(21), c(22)));

	static final Node P = new Node(0, "Tỉnh", false, List.of(D1, D2));

	static final Map<Long, Long> HOUSEHOLDS = Map.of(11L, 100L, 12L, 200L, 13L, 300L, 21L, 400L, 22L, 500L);

	@Test
	void countsAreSummedAndMissingCommunesNamed() {
		Result r = Rollup.of(P, Map.of(11L, 10.0, 12L, 20.0, 21L, 5.0), HOUSEHOLDS, Aggregation.SUM);
		assertThat(r.value()).isEqualTo(35.0);
		assertThat(r.own()).isFalse();
		assertThat(r.reported()).isEqualTo(3);
		assertThat(r.communes()).isEqualTo(5);
		assertThat(r.missing()).containsExactly("Xã 13", "Xã 22");
	}

	@Test
	void aUnitsOwnValueWinsAndCoversItsCommunes() {
		Result r = Rollup.of(P, Map.of(1L, 100.0, 11L, 10.0, 21L, 5.0), HOUSEHOLDS, Aggregation.SUM);
		assertThat(r.value()).isEqualTo(105.0);
		assertThat(r.reported()).isEqualTo(4);
		assertThat(r.missing()).containsExactly("Xã 22");
		assertThat(Rollup.of(D1, Map.of(1L, 100.0), HOUSEHOLDS, Aggregation.SUM)).extracting(Result::own)
			.isEqualTo(true);
	}

	@Test
	void sharesOfHouseholdsAreWeightedByTheHouseholdsThatReported() {
		// (50 x 100 + 100 x 300 + 80 x 400) / (100 + 300 + 400)
		Result r = Rollup.of(P, Map.of(11L, 50.0, 13L, 100.0, 21L, 80.0), HOUSEHOLDS, Aggregation.HOUSEHOLDS);
		assertThat(r.value()).isCloseTo((5_000 + 30_000 + 32_000) / 800.0, within(1e-9));
	}

	@Test
	void sharesOfCommunesAreTheMeanOverReportingCommunes() {
		// D1 has its own 50% (3 communes), commune 21 reports 100%: (50 x 3 + 100) / 4
		Result r = Rollup.of(P, Map.of(1L, 50.0, 21L, 100.0), HOUSEHOLDS, Aggregation.COMMUNES);
		assertThat(r.value()).isEqualTo(62.5);
		assertThat(r.reported()).isEqualTo(4);
	}

	@Test
	void nonAdditiveIndicatorsAreNeverRolledUp() {
		Result r = Rollup.of(P, Map.of(11L, 50.0, 21L, 80.0), HOUSEHOLDS, Aggregation.NONE);
		assertThat(r.value()).isNull();
		assertThat(r.reported()).isZero();
		assertThat(r.missing()).hasSize(5);
		assertThat(Rollup.of(P, Map.of(0L, 7.0), HOUSEHOLDS, Aggregation.NONE).value()).isEqualTo(7.0);
	}

	@Test
	void nothingReportedIsNoValue() {
		assertThat(Rollup.of(P, Map.of(), HOUSEHOLDS, Aggregation.PERSONS).value()).isNull();
	}

}
