package vn.giamngheo.imports.domain;

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
	void anUnknownNameFindsNothing() {
		assertThat(this.villages.find("Thôn 9").place()).isNull();
		assertThat(this.villages.find("Thôn 9").ambiguous()).isFalse();
		assertThat(this.villages.shown()).contains("Thôn 1", "Bản Khe Bò");
	}

}
