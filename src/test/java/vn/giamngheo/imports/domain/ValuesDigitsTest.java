package vn.giamngheo.imports.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Citizen IDs and phone numbers typed into number cells. */
class ValuesDigitsTest {

	@Test
	void aCitizenIdStoredAsAnElevenDigitNumberGetsItsLeadingZeroBack() {
		assertThat(Values.citizenId(Raw.number("40075123456"))).isEqualTo(new Values.Digits("040075123456", null));
		assertThat(Values.citizenId(Raw.number("1085012345")).value()).isEqualTo("001085012345");
		assertThat(Values.citizenId(Raw.of("040 075 123 456")).value()).isEqualTo("040075123456");
		assertThat(Values.citizenId(Raw.of("040075123456")).value()).isEqualTo("040075123456");
	}

	@Test
	void aCitizenIdThatLostDigitsIsAProblemNeverAGuess() {
		assertThat(Values.citizenId(Raw.of("4.00751E+10")).problem()).isEqualTo("imports.cccd.exponent");
		assertThat(Values.citizenId(Raw.of("40075123456.5")).problem()).isEqualTo("imports.cccd.decimal");
	}

	@Test
	void aMobileNumberStoredAsANumberGetsItsZeroBack() {
		assertThat(Values.phone(Raw.number("912345678")).value()).isEqualTo("0912345678");
		assertThat(Values.phone(Raw.of("+84 912 345 678")).value()).isEqualTo("0912345678");
		assertThat(Values.phone(Raw.of("9.12346E+08")).problem()).isEqualTo("imports.phone.exponent");
	}

}
