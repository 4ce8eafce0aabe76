package vn.giamngheo.imports.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Villages as lists write them. */
class PlaceNamesTest {

	PlaceNames<String> villages = new PlaceNames<String>(PlaceNames.VILLAGE_TYPES)
		.add("t1", "Thôn 1", "Thôn 1", "1", "V01")
		.add("t2", "Thôn 2", "Thôn 2", "2", "V02")
		.add("kb", "Bản Khe Bò", "Bản Khe Bò", "Khe Bò", "V03")
		.add("tdp", "Tổ dân phố 2", "Tổ dân phố 2", "TDP 2", "V04");

	@Test
	void aNameIsFoundWhateverItsCaseDiacriticsLeadingZerosOrTypeWord() {
		assertThat(this.villages.find("THÔN 1").place()).isEqualTo("t1");
		assertThat(this.villages.find("thon 01").place()).isEqualTo("t1");
		assertThat(this.villages.find("Thôn 1.").place()).isEqualTo("t1");
		assertThat(this.villages.find("khe bo").place()).isEqualTo("kb");
		assertThat(this.villages.find("Thôn Khe Bò").place()).isEqualTo("kb");
	}

	@Test
	void aNameThatFitsTwoPlacesIsAmbiguousNeverAGuess() {
		PlaceNames.Found<String> two = this.villages.find("Bản 2");
		assertThat(two.place()).isNull();
		assertThat(two.ambiguous()).isTrue();
		assertThat(two.candidates()).containsExactlyInAnyOrder("t2", "tdp");
	}

	@Test
	void amongSeveralCommunesTheVillageSaysWhich() {
		PlaceNames<String> old = new PlaceNames<String>(PlaceNames.VILLAGE_TYPES).add("o1", "Thôn Cũ", "Thôn Cũ")
			.add("o2", "Bản 2", "Bản 2");
		var communes = java.util.Map.of("2024", old, "2025", this.villages);
		PlaceNames.Among<String, String> match = PlaceNames.among(List.of("2024", "2025"), communes::get, "Khe Bò");
		assertThat(match.parent()).isEqualTo("2025");
		assertThat(match.found().place()).isEqualTo("kb");
		// unknown in both: the first commune, nothing found
		PlaceNames.Among<String, String> none = PlaceNames.among(List.of("2024", "2025"), communes::get, "Thôn 9");
		assertThat(none.parent()).isEqualTo("2024");
		assertThat(none.found().place()).isNull();
		assertThat(none.found().ambiguous()).isFalse();
		// fits one place in the first commune: taken, though it is ambiguous in the
		// second
		assertThat(PlaceNames.among(List.of("2025", "2024"), communes::get, "Bản 2").found().place()).isEqualTo("o2");
		// ambiguous in the second and unknown in the first: ambiguous, never a guess
		PlaceNames<String> none2 = new PlaceNames<String>(PlaceNames.VILLAGE_TYPES).add("x", "Thôn 7", "Thôn 7");
		PlaceNames.Among<String, String> two = PlaceNames.among(List.of("a", "b"),
				java.util.Map.of("a", none2, "b", this.villages)::get, "Bản 2");
		assertThat(two.found().place()).isNull();
		assertThat(two.found().candidates()).containsExactlyInAnyOrder("t2", "tdp");
	}

	@Test
	void anUnknownNameFindsNothing() {
		assertThat(this.villages.find("Thôn 9").place()).isNull();
		assertThat(this.villages.find("Thôn 9").ambiguous()).isFalse();
		assertThat(this.villages.shown()).contains("Thôn 1", "Bản Khe Bò");
	}

}
