package vn.giamngheo.identity.domain;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.identity.domain.ScopeSuccession.Flag;
import vn.giamngheo.identity.domain.ScopeSuccession.Outcome;
import vn.giamngheo.identity.domain.ScopeSuccession.Place;
import vn.giamngheo.identity.domain.ScopeSuccession.Reason;
import vn.giamngheo.identity.domain.ScopeSuccession.Scope;
import vn.giamngheo.identity.domain.ScopeSuccession.Successor;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule that moves an account's scope to the units in force (ADR 0029). */
class ScopeSuccessionTest {

	static final Place QUANG_NAM = new Place(49, "49@2024", "Tỉnh Quảng Nam", "province", "49");

	static final Place DA_NANG = new Place(48, "48@2025", "Thành phố Đà Nẵng", "province", "48");

	static final Place TAY_GIANG_DISTRICT = new Place(504, "504@2024", "Huyện Tây Giang", "district", "49");

	static final Place DANG = new Place(20464, "20464@2024", "Xã Dang", "commune", "49");

	static final Place TAY_GIANG = new Place(120455, "20455@2025", "Xã Tây Giang", "commune", "48");

	static final Place HUNG_SON = new Place(120443, "20443@2025", "Xã Hùng Sơn", "commune", "48");

	static final Place AVUONG = new Place(120458, "20458@2025", "Xã Avương", "commune", "48");

	static final Place SPLIT = new Place(7, "00007@2024", "Phường Điện Biên", "commune", "01");

	static final Place NORTH = new Place(100008, "00008@2025", "Phường Ba Đình", "commune", "01");

	static final Place SOUTH = new Place(100025, "00025@2025", "Phường Ngọc Hà", "commune", "01");

	static final Place VILLAGE = new Place(9001, "20464-01@local", "Thôn A Rớ", "village", "49");

	static final Place NEW_VILLAGE = new Place(9101, "20455-07@local", "Thôn A Rớ", "village", "48");

	static final int LIMIT = ScopeSuccession.DEFAULT_MAX_COMMUNES;

	static Successor whole(Place p) {
		return new Successor(p, true);
	}

	static Successor part(Place p) {
		return new Successor(p, false);
	}

	@Test
	void anOfficerOfTheOldProvinceWorksInTheNewCityAndKeepsReadingTheOldProvince() {
		Outcome out = ScopeSuccession.rescope(List.of(QUANG_NAM), List.of(QUANG_NAM),
				Map.of(QUANG_NAM.id(), List.of(whole(DA_NANG))), LIMIT);
		assertThat(out.view()).containsExactlyInAnyOrder(QUANG_NAM, DA_NANG);
		assertThat(out.capture()).containsExactly(DA_NANG);
		assertThat(out.flags()).isEmpty();
	}

	@Test
	void aWholeCommuneMovesToItsNewCommune() {
		Outcome out = ScopeSuccession.rescope(List.of(DANG), List.of(DANG),
				Map.of(DANG.id(), List.of(whole(TAY_GIANG))), LIMIT);
		assertThat(out.view()).containsExactlyInAnyOrder(DANG, TAY_GIANG);
		assertThat(out.capture()).containsExactly(TAY_GIANG);
		assertThat(out.flags()).isEmpty();
		assertThat(out.changes(List.of(DANG), List.of(DANG))).isTrue();
	}

	@Test
	void aSplitCommuneSeesEveryNewCommuneButCapturesNoneUntilTheAdministratorChooses() {
		Outcome out = ScopeSuccession.rescope(List.of(SPLIT), List.of(SPLIT),
				Map.of(SPLIT.id(), List.of(part(NORTH), part(SOUTH))), LIMIT);
		assertThat(out.view()).containsExactlyInAnyOrder(SPLIT, NORTH, SOUTH);
		assertThat(out.capture()).containsExactly(SPLIT);
		assertThat(out.flags()).containsExactly(new Flag(SPLIT, Scope.CAPTURE, Reason.SPLIT, 2));
	}

	@Test
	void aSplitCommuneOnlyReadBySomeoneIsSettledInView() {
		Outcome out = ScopeSuccession.rescope(List.of(SPLIT), List.of(),
				Map.of(SPLIT.id(), List.of(part(NORTH), part(SOUTH))), LIMIT);
		assertThat(out.view()).containsExactlyInAnyOrder(SPLIT, NORTH, SOUTH);
		assertThat(out.capture()).isEmpty();
		assertThat(out.flags()).isEmpty();
	}

	@Test
	void aFormerDistrictTakesTheNewCommunesOfItsOldCommunesAndCapturesOnlyWholeOnes() {
		Outcome out = ScopeSuccession.rescope(List.of(TAY_GIANG_DISTRICT), List.of(TAY_GIANG_DISTRICT),
				Map.of(TAY_GIANG_DISTRICT.id(), List.of(whole(HUNG_SON), whole(TAY_GIANG), part(AVUONG))), LIMIT);
		assertThat(out.view()).containsExactlyInAnyOrder(TAY_GIANG_DISTRICT, HUNG_SON, TAY_GIANG, AVUONG);
		assertThat(out.capture()).containsExactlyInAnyOrder(HUNG_SON, TAY_GIANG);
		assertThat(out.flags()).isEmpty();
	}

	@ParameterizedTest(name = "{0} new communes → flagged: {1}")
	@CsvSource({ "10, false", "11, true" })
	void aFormerDistrictAboveTheLimitIsLeftForTheAdministrator(int communes, boolean flagged) {
		List<Successor> next = IntStream.range(0, communes)
			.mapToObj((i) -> whole(new Place(200 + i, "2" + i + "@2025", "Xã " + i, "commune", "48")))
			.toList();
		Outcome out = ScopeSuccession.rescope(List.of(TAY_GIANG_DISTRICT), List.of(TAY_GIANG_DISTRICT),
				Map.of(TAY_GIANG_DISTRICT.id(), next), LIMIT);
		if (flagged) {
			assertThat(out.view()).containsExactly(TAY_GIANG_DISTRICT);
			assertThat(out.capture()).containsExactly(TAY_GIANG_DISTRICT);
			assertThat(out.flags()).containsExactly(new Flag(TAY_GIANG_DISTRICT, Scope.CAPTURE, Reason.TOO_MANY, 11));
		}
		else {
			assertThat(out.capture()).hasSize(10).doesNotContain(TAY_GIANG_DISTRICT);
			assertThat(out.flags()).isEmpty();
		}
	}

	@Test
	void successorsInTwoProvincesAreLeftForTheAdministrator() {
		Outcome out = ScopeSuccession.rescope(List.of(TAY_GIANG_DISTRICT), List.of(),
				Map.of(TAY_GIANG_DISTRICT.id(), List.of(whole(TAY_GIANG), whole(NORTH))), LIMIT);
		assertThat(out.view()).containsExactly(TAY_GIANG_DISTRICT);
		assertThat(out.flags()).containsExactly(new Flag(TAY_GIANG_DISTRICT, Scope.VIEW, Reason.CROSSES_PROVINCES, 2));
	}

	@Test
	void aReviewersVillageFollowsItsHouseholdsOrWaitsForTheirMove() {
		Outcome moved = ScopeSuccession.rescope(List.of(DANG), List.of(VILLAGE),
				Map.of(DANG.id(), List.of(whole(TAY_GIANG)), VILLAGE.id(), List.of(whole(NEW_VILLAGE))), LIMIT);
		assertThat(moved.capture()).containsExactly(NEW_VILLAGE);
		assertThat(moved.view()).containsExactlyInAnyOrder(DANG, TAY_GIANG, VILLAGE, NEW_VILLAGE);
		Outcome waiting = ScopeSuccession.rescope(List.of(DANG), List.of(VILLAGE),
				Map.of(DANG.id(), List.of(whole(TAY_GIANG)), VILLAGE.id(), List.of()), LIMIT);
		assertThat(waiting.capture()).containsExactly(VILLAGE);
		assertThat(waiting.flags()).containsExactly(new Flag(VILLAGE, Scope.CAPTURE, Reason.NOT_MOVED, 0));
	}

	@Test
	void aUnitWithoutSuccessorIsFlaggedAndUnitsInForceAreKept() {
		Outcome out = ScopeSuccession.rescope(List.of(DANG, DA_NANG), List.of(DA_NANG), Map.of(DANG.id(), List.of()),
				LIMIT);
		assertThat(out.view()).containsExactly(DANG, DA_NANG);
		assertThat(out.capture()).containsExactly(DA_NANG);
		assertThat(out.flags()).containsExactly(new Flag(DANG, Scope.VIEW, Reason.NO_SUCCESSOR, 0));
	}

	@Test
	void runningTheRuleOnItsResultChangesNothing() {
		Map<Long, List<Successor>> next = Map.of(QUANG_NAM.id(), List.of(whole(DA_NANG)), DANG.id(),
				List.of(whole(TAY_GIANG)), SPLIT.id(), List.of(part(NORTH), part(SOUTH)));
		Outcome first = ScopeSuccession.rescope(List.of(QUANG_NAM, DANG), List.of(DANG, SPLIT), next, LIMIT);
		Outcome second = ScopeSuccession.rescope(first.view(), first.capture(), next, LIMIT);
		assertThat(second.changes(first.view(), first.capture())).isFalse();
		assertThat(second.flags()).isEqualTo(first.flags());
	}

}
