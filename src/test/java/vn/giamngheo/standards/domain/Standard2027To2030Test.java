package vn.giamngheo.standards.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.standards.MemberFacts.Employment;
import vn.giamngheo.standards.domain.Unverified.Code;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, item 5: the 2026 review applies the standard in force for 2027, says what of
 * it is unverified, and a province can lay its own overlay on it as on 2022–2025.
 */
class Standard2027To2030Test {

	static final StandardCatalogue CATALOGUE = StandardLoader.loadClasspath();

	@ParameterizedTest(name = "the review of {0} applies {1}")
	@CsvSource(textBlock = """
			2015, 2016-2020
			2020, 2021
			2021, 2022-2025
			2024, 2022-2025
			2025, 2026
			2026, 2027-2030
			2029, 2027-2030
			""")
	void aReviewAppliesTheStandardOfTheYearItClassifiesFor(int reviewYear, String key) {
		assertThat(CATALOGUE.forReviewYear(reviewYear).orElseThrow().key()).isEqualTo(key);
	}

	@Test
	void noStandardIsKnownForTheReviewOf2030() {
		assertThat(CATALOGUE.forReviewYear(2030)).isEmpty();
	}

	@Test
	void every2027To2030ThresholdAndIndicatorCarriesACitationAndReadsUnverified() {
		Standard s = CATALOGUE.find("2027-2030").orElseThrow();
		WayRules income = s.rules(Way.INCOME);
		for (Threshold t : List.of(income.povertyLine().rural(), income.povertyLine().urban(),
				income.deprivationCutoff(), income.incomeOnlyPoor())) {
			assertThat(t.legalBasis()).contains("351/2025/NĐ-CP");
			assertThat(t.verified()).isFalse();
		}
		assertThat(income.povertyLine().rural().value()).isEqualTo(2_200_000);
		assertThat(income.povertyLine().urban().value()).isEqualTo(2_800_000);
		assertThat(s.indicators()).hasSize(12)
			.allSatisfy((i) -> assertThat(i.legalBasis()).contains("351/2025"))
			.noneMatch(Indicator::verified);
	}

	@Test
	void whatIsUnverifiedIn2027To2030IsNamedWithWhatTheSystemDoes() {
		List<Unverified> parts = Unverified.of(CATALOGUE.find("2027-2030").orElseThrow());
		assertThat(parts).extracting(Unverified::code)
			.containsExactly(Code.STANDARD_TEXT, Code.POVERTY_LINE, Code.MIDDLE_UNSET, Code.SCORE_NONE,
					Code.INCOME_ONLY_OFF, Code.INDICATORS);
		assertThat(parts.get(1).args()).containsExactly(2_200_000L, 2_800_000L);
		assertThat(parts.get(5).args()).containsExactly(12L, 12);
	}

	@Test
	void the2022To2025StandardNamesOnlyItsUnverifiedParts() {
		// Decree 07's lines and cut-off were read; the score way, the middle band's
		// agricultural rule and the indicator definitions were not
		assertThat(Unverified.of(CATALOGUE.find("2022-2025").orElseThrow())).extracting(Unverified::code)
			.containsExactly(Code.MIDDLE, Code.SCORE, Code.INDICATORS);
		assertThat(Unverified.of(CATALOGUE.find("2026").orElseThrow())).extracting(Unverified::code)
			.contains(Code.STANDARD_TEXT, Code.POVERTY_LINE, Code.SCORE, Code.INCOME_ONLY_OFF);
	}

	@Test
	void aProvinceAddsALocalOverlayOn2027To2030AsOn2022To2025(@TempDir Path dir) throws IOException {
		StandardLoaderTest.copyShipped(dir);
		StandardLoaderTest.replace(dir.resolve("index.yaml"), "  - local/dong-nai-2022-2025.yaml",
				"  - local/dong-nai-2022-2025.yaml\n  - local/test-48-2027-2030.yaml");
		Files.writeString(dir.resolve("local/test-48-2027-2030.yaml"), """
				# THỬ — không phải chuẩn thật / TEST overlay — not a real local standard
				key: test-48-2027-2030
				base: 2027-2030
				province:
				  code: "48"
				  name: Thành phố Đà Nẵng
				version: 1
				example: true
				name: {vi: Chuẩn nghèo thử 2027–2030, en: Test local standard 2027–2030}
				legal_basis: Thử / Test
				legal_act: {vi: Thử, en: Test}
				verified: false
				income_way:
				  poverty_line:
				    rural: {value: 2500000, legal_basis: Thử / Test, verified: false}
				    urban: {value: 3000000, legal_basis: Thử / Test, verified: false}
				  middle_ceiling:
				    rural: {value: 3500000, legal_basis: Thử / Test, verified: false}
				    urban: {value: 4200000, legal_basis: Thử / Test, verified: false}
				  deprivation_cutoff: {value: 2, legal_basis: Thử / Test, verified: false}
				""", StandardCharsets.UTF_8);
		StandardCatalogue catalogue = StandardLoader.loadDirectory(dir);
		Standard overlay = catalogue.find("2027-2030", "48").orElseThrow();
		assertThat(overlay.key()).isEqualTo("test-48-2027-2030");
		// the indicators come from the national 2027–2030 standard
		assertThat(overlay.indicators()).extracting(Indicator::code)
			.containsExactlyElementsOf(
					catalogue.find("2027-2030").orElseThrow().indicators().stream().map(Indicator::code).toList());
		PovertyClassifier local = new PovertyClassifier(overlay);
		PovertyClassifier national = new PovertyClassifier(catalogue.find("2027-2030").orElseThrow());
		// 2.4M rural with 2 deprivations: poor under the overlay, above the national line
		var household = Households.withDeprivations(false, 2_400_000, 2, Employment.FARMER);
		assertThat(local.classify(household, Households.SURVEY).povertyClass()).isEqualTo(PovertyClass.POOR);
		assertThat(national.classify(household, Households.SURVEY).povertyClass()).isEqualTo(PovertyClass.NOT_POOR);
		assertThat(
				local.classify(Households.withDeprivations(false, 3_000_000, 0, Employment.FARMER), Households.SURVEY)
					.povertyClass())
			.isEqualTo(PovertyClass.MIDDLE);
		// another province keeps the national standard
		assertThat(catalogue.find("2027-2030", "12")).isEmpty();
		assertThat(Unverified.of(overlay)).extracting(Unverified::code)
			.contains(Code.STANDARD_TEXT, Code.MIDDLE)
			.doesNotContain(Code.MIDDLE_UNSET);
	}

}
