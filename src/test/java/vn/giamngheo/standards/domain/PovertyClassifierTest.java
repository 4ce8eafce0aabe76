package vn.giamngheo.standards.domain;

import java.time.Clock;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.standards.HouseholdFacts;
import vn.giamngheo.standards.MemberFacts.Employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Boundary tests for every threshold of every standard, both ways, and the overlays. Rows
 * marked Tn are the reference document's table §9.2.
 */
class PovertyClassifierTest {

	static final StandardCatalogue CATALOGUE = StandardLoader.loadClasspath();

	static PovertyClassifier classifier(String key, String province) {
		return new PovertyClassifier(CATALOGUE.find(key, province).orElseThrow());
	}

	@ParameterizedTest(name = "{7} {0} {1} {2} income={3} d={4} → {5} {6}")
	@CsvSource(nullValues = "-", textBlock = """
			2022-2025, -, rural, 1500000, 3, POOR,         -, T6
			2022-2025, -, rural, 1500000, 2, NEAR_POOR,    -, -
			2022-2025, -, rural, 1500000, 0, NEAR_POOR,    -, T7
			2022-2025, -, rural, 0,       2, NEAR_POOR,    -, -
			2022-2025, -, rural, 1500001, 5, MIDDLE,       -, T8
			2022-2025, -, rural, 2250000, 0, MIDDLE,       -, T9
			2022-2025, -, rural, 2250001, 0, ABOVE_MIDDLE, -, T9
			2022-2025, -, urban, 2000000, 3, POOR,         -, -
			2022-2025, -, urban, 2000000, 2, NEAR_POOR,    -, T10
			2022-2025, -, urban, 2000001, 3, MIDDLE,       -, -
			2022-2025, -, urban, 1500001, 3, POOR,         -, -
			2022-2025, -, urban, 3000000, 0, MIDDLE,       -, T11
			2022-2025, -, urban, 3000001, 0, ABOVE_MIDDLE, -, T11
			2016-2020, -, rural, 700000,  0, POOR,         INCOME_POOR, T12
			2016-2020, -, rural, 700001,  3, POOR,         DEPRIVATION_POOR, T13
			2016-2020, -, rural, 700001,  2, NEAR_POOR,    -, -
			2016-2020, -, rural, 1000000, 3, POOR,         DEPRIVATION_POOR, -
			2016-2020, -, rural, 1000000, 2, NEAR_POOR,    -, T14
			2016-2020, -, rural, 1000001, 5, MIDDLE,       -, -
			2016-2020, -, rural, 1500000, 0, MIDDLE,       -, -
			2016-2020, -, rural, 1500001, 0, ABOVE_MIDDLE, -, -
			2016-2020, -, urban, 900000,  0, POOR,         INCOME_POOR, T15
			2016-2020, -, urban, 900001,  3, POOR,         DEPRIVATION_POOR, -
			2016-2020, -, urban, 900001,  2, NEAR_POOR,    -, -
			2016-2020, -, urban, 1300000, 3, POOR,         DEPRIVATION_POOR, -
			2016-2020, -, urban, 1300000, 2, NEAR_POOR,    -, -
			2016-2020, -, urban, 1300001, 0, MIDDLE,       -, T16
			2016-2020, -, urban, 1950000, 0, MIDDLE,       -, -
			2016-2020, -, urban, 1950001, 0, ABOVE_MIDDLE, -, -
			2021,      -, rural, 700000,  0, POOR,         INCOME_POOR, T17
			2021,      -, rural, 700001,  3, POOR,         DEPRIVATION_POOR, T17
			2021,      -, rural, 1000000, 2, NEAR_POOR,    -, T17
			2021,      -, urban, 900000,  0, POOR,         INCOME_POOR, T17
			2021,      -, urban, 1300001, 0, MIDDLE,       -, T17
			2021,      -, urban, 1950001, 0, ABOVE_MIDDLE, -, -
			2026,      -, rural, 1500000, 3, POOR,         -, T18
			2026,      -, rural, 1500000, 2, NEAR_POOR,    -, -
			2026,      -, rural, 2250001, 0, ABOVE_MIDDLE, -, -
			2026,      -, urban, 2000001, 3, MIDDLE,       -, -
			2027-2030, -, rural, 2200000, 3, POOR,         -, T19
			2027-2030, -, rural, 2200000, 2, NEAR_POOR,    -, -
			2027-2030, -, rural, 2200001, 5, NOT_POOR,     -, -
			2027-2030, -, urban, 2800000, 3, POOR,         -, -
			2027-2030, -, urban, 2800000, 2, NEAR_POOR,    -, -
			2027-2030, -, urban, 2800001, 5, NOT_POOR,     -, T20
			2022-2025, 75, rural, 2000000, 2, POOR,        -, -
			2022-2025, 75, rural, 2000000, 1, NEAR_POOR,   -, -
			2022-2025, 75, rural, 2000001, 2, MIDDLE,      -, -
			2022-2025, 75, rural, 3000000, 0, MIDDLE,      -, -
			2022-2025, 75, rural, 3000001, 0, ABOVE_MIDDLE, -, -
			2022-2025, 75, urban, 2500000, 2, POOR,        -, -
			2022-2025, 75, urban, 2500000, 1, NEAR_POOR,   -, -
			2022-2025, 75, urban, 2500001, 5, MIDDLE,      -, -
			2022-2025, 75, urban, 3750000, 0, MIDDLE,      -, -
			2022-2025, 75, urban, 3750001, 0, ABOVE_MIDDLE, -, -
			""")
	void incomeWay(String key, String province, String area, long income, int d, PovertyClass expected,
			PoorSubtype subtype, String ref) {
		HouseholdFacts facts = Households.withDeprivations(area.equals("urban"), income, d);
		Classification result = classifier(key, province).classify(facts, Households.SURVEY);
		assertThat(result.deprivationCount()).isEqualTo(d);
		assertThat(result.povertyClass()).isEqualTo(expected);
		assertThat(result.poorSubtype()).isEqualTo(subtype);
		assertThat(result.way()).isEqualTo(Way.INCOME);
		assertThat(result.standardKey()).isEqualTo((province != null) ? "dong-nai-2022-2025" : key);
		assertThat(result.provinceCode()).isEqualTo(province);
	}

	@ParameterizedTest(name = "{6} {0} {1} A={2} B={3} → {4} {5}")
	@CsvSource(nullValues = "-", textBlock = """
			2022-2025, rural, 140, 30,  POOR,      -, T1
			2022-2025, rural, 140, 20,  NEAR_POOR, -, T2
			2022-2025, rural, 141, 120, NOT_POOR,  -, T3
			2022-2025, urban, 175, 30,  POOR,      -, T4
			2022-2025, urban, 175, 29,  NEAR_POOR, -, -
			2022-2025, urban, 176, 40,  NOT_POOR,  -, T5
			2022-2025, rural, 0,   0,   NEAR_POOR, -, -
			2026,      rural, 140, 30,  POOR,      -, -
			2016-2020, rural, 120, 0,   POOR,      INCOME_POOR, T21
			2016-2020, rural, 121, 30,  POOR,      DEPRIVATION_POOR, T21
			2016-2020, rural, 121, 20,  NEAR_POOR, -, T21
			2016-2020, rural, 150, 30,  POOR,      DEPRIVATION_POOR, -
			2016-2020, rural, 150, 29,  NEAR_POOR, -, -
			2016-2020, rural, 151, 90,  NOT_POOR,  -, -
			2016-2020, urban, 140, 0,   POOR,      INCOME_POOR, -
			2016-2020, urban, 141, 30,  POOR,      DEPRIVATION_POOR, -
			2016-2020, urban, 175, 20,  NEAR_POOR, -, -
			2016-2020, urban, 176, 100, NOT_POOR,  -, -
			2021,      rural, 120, 0,   POOR,      INCOME_POOR, -
			""")
	void scoreWay(String key, String area, int a, int b, PovertyClass expected, PoorSubtype subtype, String ref) {
		Classification result = classifier(key, null).classify(Households.scores(area.equals("urban"), a, b),
				Households.SURVEY);
		assertThat(result.way()).isEqualTo(Way.SCORE);
		assertThat(result.povertyClass()).isEqualTo(expected);
		assertThat(result.poorSubtype()).isEqualTo(subtype);
		assertThat(result.deprivationScore()).isEqualTo(b);
	}

	@Test
	void scoreWayComputesBFromFactsWhenNotGiven() {
		HouseholdFacts three = Households.withDeprivations(false, 0, 3);
		HouseholdFacts facts = new HouseholdFacts(false, null, 140, null, three.housingQuality(), three.floorAreaM2(),
				three.waterSource(), three.latrine(), true, true, true, true, three.wasteHandling(), three.members());
		Classification result = classifier("2022-2025", null).classify(facts, Households.SURVEY);
		assertThat(result.deprivationScore()).isEqualTo(30);
		assertThat(result.povertyClass()).isEqualTo(PovertyClass.POOR);
	}

	@Test
	void standardsWithoutScoreWayRejectIt() {
		assertThatThrownBy(
				() -> classifier("2027-2030", null).classify(Households.scores(false, 100, 30), Households.SURVEY))
			.isInstanceOfSatisfying(InvalidFactsException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("NO_SCORE_WAY"));
		assertThatThrownBy(
				() -> classifier("2022-2025", "75").classify(Households.scores(false, 100, 30), Households.SURVEY))
			.isInstanceOf(InvalidFactsException.class);
	}

	@Test
	void resultCarriesThresholdsWithCitationsAndExplanation() {
		Classification result = classifier("2022-2025", null).classify(Households.withDeprivations(false, 1_500_000, 3),
				Households.SURVEY);
		assertThat(result.thresholds()).extracting(Threshold::name)
			.contains("income_way.poverty_line.rural", "income_way.middle_ceiling.rural",
					"income_way.deprivation_cutoff");
		assertThat(result.thresholds()).allSatisfy((t) -> assertThat(t.legalBasis()).contains("07/2021"));
		assertThat(result.thresholds().get(0).verified()).isTrue();
		assertThat(result.explanation().vi()).contains("1.500.000").contains("hộ nghèo");
		assertThat(result.explanation().en()).contains("1,500,000").contains("poor");
		assertThat(result.standardVersion()).isEqualTo(1);
	}

	@Test
	void sameHouseholdUnder2026ReadsUnverified() {
		Classification result = classifier("2026", null).classify(Households.withDeprivations(false, 1_500_000, 3),
				Households.SURVEY);
		assertThat(result.thresholds()).noneMatch(Threshold::verified);
	}

	@Test
	void clockGivesTheSurveyDate() {
		Clock clock = Clock.fixed(Households.SURVEY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
		Classification result = classifier("2022-2025", null).classify(Households.withDeprivations(false, 1, 0), clock);
		assertThat(result.surveyDate()).isEqualTo(Households.SURVEY);
	}

	@Test
	void missingFactsAreRejectedWithTheField() {
		HouseholdFacts noIncome = Households.base(false, null, java.util.List.of(Households.adult("A")));
		assertThatThrownBy(() -> classifier("2022-2025", null).classify(noIncome, Households.SURVEY))
			.isInstanceOfSatisfying(InvalidFactsException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("incomePerCapita"));
		HouseholdFacts noMembers = Households.base(false, 1L, java.util.List.of());
		assertThatThrownBy(() -> classifier("2022-2025", null).classify(noMembers, Households.SURVEY))
			.isInstanceOfSatisfying(InvalidFactsException.class, (ex) -> assertThat(ex.field()).isEqualTo("members"));
	}

	@ParameterizedTest(name = "{0} {1} income {2} → {4} for a farmer, {5} otherwise")
	@CsvSource(textBlock = """
			2022-2025, rural, 1500001, 0, MIDDLE,       NOT_POOR
			2022-2025, rural, 2250001, 0, ABOVE_MIDDLE, NOT_POOR
			2022-2025, urban, 3000000, 2, MIDDLE,       NOT_POOR
			2026,      rural, 2250000, 0, MIDDLE,       NOT_POOR
			2022-2025, rural, 1500000, 3, POOR,         POOR
			2022-2025, rural, 1500000, 0, NEAR_POOR,    NEAR_POOR
			2016-2020, rural, 1000001, 0, MIDDLE,       MIDDLE
			2027-2030, rural, 2200001, 0, NOT_POOR,     NOT_POOR
			""")
	void middleLivingStandardIsAStatusOfAgriculturalHouseholdsOnly(String key, String area, long income, int d,
			PovertyClass farmer, PovertyClass other) {
		boolean urban = area.equals("urban");
		assertThat(classifier(key, null)
			.classify(Households.withDeprivations(urban, income, d, Employment.FARMER), Households.SURVEY)
			.povertyClass()).isEqualTo(farmer);
		Classification wage = classifier(key, null)
			.classify(Households.withDeprivations(urban, income, d, Employment.WAGE_WITH_CONTRACT), Households.SURVEY);
		assertThat(wage.povertyClass()).isEqualTo(other);
		if (farmer != other) {
			assertThat(wage.explanation().vi()).contains("chỉ xác định cho hộ làm nông, lâm, ngư, diêm nghiệp");
			assertThat(wage.thresholds()).anySatisfy((t) -> {
				assertThat(t.name()).endsWith("middle_agriculture_only");
				assertThat(t.verified()).isFalse();
			});
		}
	}

	@Test
	void reclassificationCountsTransitions() {
		var households = java.util.List.of(Households.withDeprivations(false, 1_500_000, 3),
				Households.withDeprivations(false, 2_000_000, 3), Households.withDeprivations(false, 2_300_000, 0));
		TransitionMatrix matrix = TransitionMatrix.compare(households, Households.SURVEY, classifier("2022-2025", null),
				classifier("2027-2030", null));
		assertThat(matrix.get(PovertyClass.POOR, PovertyClass.POOR)).isEqualTo(1);
		assertThat(matrix.get(PovertyClass.MIDDLE, PovertyClass.POOR)).isEqualTo(1);
		assertThat(matrix.get(PovertyClass.ABOVE_MIDDLE, PovertyClass.NOT_POOR)).isEqualTo(1);
		assertThat(matrix.asMap()).containsKeys("poor", "middle", "above_middle");
	}

	@Test
	void fastPathAgreesWithOverlay() {
		TransitionMatrix matrix = TransitionMatrix.compare(new boolean[] { false, true },
				new long[] { 1_800_000, 2_400_000 }, new int[] { 2, 2 }, classifier("2022-2025", null).incomeRules(),
				classifier("2022-2025", "75").incomeRules());
		assertThat(matrix.get(PovertyClass.MIDDLE, PovertyClass.POOR)).isEqualTo(2);
	}

}
