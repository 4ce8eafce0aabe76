package vn.giamngheo.registry.domain;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.registry.domain.MovePlan.Named;
import vn.giamngheo.registry.domain.MovePlan.OldCommune;
import vn.giamngheo.registry.domain.MovePlan.Reason;
import vn.giamngheo.registry.domain.MovePlan.Suggestion;

import static org.assertj.core.api.Assertions.assertThat;

class MovePlanTest {

	static final Named HAI_VAN = new Named(1, "Phường Hải Vân", "Hải Vân");

	static final Named LIEN_CHIEU = new Named(2, "Phường Liên Chiểu", "Liên Chiểu");

	static final Named HOA_LIEN_NEW = new Named(3, "Xã Hòa Liên", "Hòa Liên");

	/** The real split of old Xã Hòa Liên (Đà Nẵng) between two wards. */
	static final OldCommune HOA_LIEN = new OldCommune(new Named(10, "Xã Hòa Liên", "Hòa Liên"),
			List.of(HAI_VAN, LIEN_CHIEU), true);

	@ParameterizedTest(name = "{0} → {1} ({2})")
	@CsvSource({ "Thôn Hải Vân 2, 1, VILLAGE_NAME", "hai van, 1, VILLAGE_NAME",
			"Tổ dân phố Liên Chiểu, 2, VILLAGE_NAME", "Thôn Liên, 2, SIMILAR_NAME", "Thôn 3, , NONE",
			"Thôn Quan Nam 1, , NONE" })
	void aVillageIsSuggestedByItsName(String village, Long commune, Reason reason) {
		Suggestion s = MovePlan.suggest(new Named(100, village, village), HOA_LIEN);
		assertThat(s.communeId()).isEqualTo(commune);
		assertThat(s.reason()).isEqualTo(reason);
		assertThat(s.any()).isEqualTo(commune != null);
	}

	@Test
	void aNewCommuneBearingTheOldNameIsSuggestedWhenTheVillageSaysNothing() {
		OldCommune old = new OldCommune(new Named(10, "Xã Hòa Liên", "Hòa Liên"), List.of(HAI_VAN, HOA_LIEN_NEW), true);
		assertThat(MovePlan.suggest(new Named(100, "Thôn 3", "3"), old))
			.isEqualTo(new Suggestion(3L, Reason.OLD_COMMUNE_NAME));
		// the village's own name comes first
		assertThat(MovePlan.suggest(new Named(101, "Thôn Hải Vân", "Hải Vân"), old))
			.isEqualTo(new Suggestion(1L, Reason.VILLAGE_NAME));
	}

	@Test
	void oneTargetIsTheSuggestionAndTwoEquallyNamedAreNone() {
		OldCommune single = new OldCommune(new Named(10, "Xã A", "A"), List.of(HAI_VAN), true);
		assertThat(MovePlan.suggest(new Named(100, "Thôn 1", "1"), single))
			.isEqualTo(new Suggestion(1L, Reason.ONLY_TARGET));
		OldCommune none = new OldCommune(new Named(10, "Xã A", "A"), List.of(), true);
		assertThat(MovePlan.suggest(new Named(100, "Thôn 1", "1"), none).any()).isFalse();
		// "Hải" is in both "Hải Vân" and "Hải Châu": no one commune is named
		OldCommune twoHai = new OldCommune(new Named(10, "Xã A", "A"),
				List.of(HAI_VAN, new Named(4, "Phường Hải Châu", "Hải Châu")), true);
		assertThat(MovePlan.suggest(new Named(100, "Thôn Hải", "Hải"), twoHai).reason()).isEqualTo(Reason.NONE);
	}

	@Test
	void aVillageMayOnlyGoToACommuneThatReceivedPartOfItsOldCommune() {
		assertThat(MovePlan.allowed(1, HOA_LIEN)).isTrue();
		assertThat(MovePlan.allowed(2, HOA_LIEN)).isTrue();
		assertThat(MovePlan.allowed(3, HOA_LIEN)).isFalse();
	}

	@Test
	void suggestionsKeepTheVillagesOrder() {
		assertThat(MovePlan.suggest(List.of(new Named(1, "Thôn Liên Chiểu", "Liên Chiểu"), new Named(2, "Thôn 5", "5")),
				HOA_LIEN))
			.containsExactly(new Suggestion(2L, Reason.VILLAGE_NAME), new Suggestion(null, Reason.NONE));
	}

}
