package vn.giamngheo.standards.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.standards.HouseholdFacts;
import vn.giamngheo.standards.HouseholdFacts.HousingQuality;
import vn.giamngheo.standards.HouseholdFacts.Latrine;
import vn.giamngheo.standards.HouseholdFacts.WasteHandling;
import vn.giamngheo.standards.HouseholdFacts.WaterSource;
import vn.giamngheo.standards.MemberFacts;
import vn.giamngheo.standards.MemberFacts.EducationLevel;
import vn.giamngheo.standards.MemberFacts.Employment;
import vn.giamngheo.standards.MemberFacts.Sex;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every indicator predicate at its edges: ages on and one day before a birthday, exactly
 * 8 m² per person, each household field value.
 */
class IndicatorPredicateTest {

	static boolean deprived(String key, String code, HouseholdFacts facts) {
		PovertyClassifier classifier = PovertyClassifierTest.classifier(key, null);
		return classifier.evaluate(facts, Households.SURVEY)
			.stream()
			.filter((r) -> r.code().equals(code))
			.findFirst()
			.orElseThrow()
			.deprived();
	}

	static HouseholdFacts withMember(MemberFacts extra) {
		return Households.base(false, 1L, List.of(Households.adult("Chủ hộ"), extra));
	}

	/** A member of given age (or one day short of it) with one fact changed. */
	static MemberFacts person(int years, boolean dayBefore, String change) {
		MemberFacts m = new MemberFacts("X", Sex.MALE, Households.born(years, dayBefore), true, true,
				EducationLevel.UNIVERSITY, Employment.WAGE_WITH_CONTRACT, false, false, false, false);
		return switch (change) {
			case "noHI" -> new MemberFacts("X", Sex.MALE, m.dateOfBirth(), false, true, m.educationLevel(),
					m.employment(), false, false, false, false);
			case "outOfSchool" -> new MemberFacts("X", Sex.MALE, m.dateOfBirth(), true, false,
					EducationLevel.UNIVERSITY, m.employment(), false, false, false, false);
			case "primaryOut" -> new MemberFacts("X", Sex.MALE, m.dateOfBirth(), true, false, EducationLevel.PRIMARY,
					m.employment(), false, false, false, false);
			case "lowerSecOut" -> new MemberFacts("X", Sex.MALE, m.dateOfBirth(), true, false,
					EducationLevel.LOWER_SECONDARY, m.employment(), false, false, false, false);
			case "lowerSecIn" -> new MemberFacts("X", Sex.MALE, m.dateOfBirth(), true, true,
					EducationLevel.LOWER_SECONDARY, m.employment(), false, false, false, false);
			case "malnourished" -> new MemberFacts("X", Sex.MALE, m.dateOfBirth(), true, true, m.educationLevel(),
					m.employment(), false, false, true, false);
			case "unemployed" -> new MemberFacts("X", Sex.MALE, m.dateOfBirth(), true, true, m.educationLevel(),
					Employment.UNEMPLOYED, false, false, false, false);
			case "noContract" -> new MemberFacts("X", Sex.MALE, m.dateOfBirth(), true, true, m.educationLevel(),
					Employment.WAGE_NO_CONTRACT, false, false, false, false);
			case "illNoCare" -> new MemberFacts("X", Sex.MALE, m.dateOfBirth(), true, true, m.educationLevel(),
					m.employment(), false, false, false, true);
			default -> m;
		};
	}

	@ParameterizedTest(name = "{0} {1}: age {2}{3} {4} → {5}")
	@CsvSource(textBlock = """
			2022-2025, HIN, 6,  false, noHI,         true
			2022-2025, HIN, 6,  true,  noHI,         false
			2022-2025, HIN, 80, false, noHI,         true
			2022-2025, HIN, 40, false, none,         false
			2022-2025, CED, 3,  false, outOfSchool,  true
			2022-2025, CED, 3,  true,  outOfSchool,  false
			2022-2025, CED, 15, false, outOfSchool,  true
			2022-2025, CED, 16, true,  outOfSchool,  true
			2022-2025, CED, 16, false, outOfSchool,  false
			2022-2025, CED, 9,  false, none,         false
			2022-2025, NUT, 15, false, malnourished, true
			2022-2025, NUT, 16, true,  malnourished, true
			2022-2025, NUT, 16, false, malnourished, false
			2022-2025, AED, 16, false, primaryOut,   true
			2022-2025, AED, 16, true,  primaryOut,   false
			2022-2025, AED, 17, false, lowerSecOut,  false
			2022-2025, AED, 18, false, lowerSecOut,  true
			2022-2025, AED, 18, false, lowerSecIn,   false
			2022-2025, AED, 30, false, lowerSecOut,  true
			2022-2025, AED, 31, true,  lowerSecOut,  true
			2022-2025, AED, 31, false, lowerSecOut,  false
			2022-2025, EMP, 15, false, unemployed,   true
			2022-2025, EMP, 15, true,  unemployed,   false
			2022-2025, EMP, 59, false, noContract,   true
			2022-2025, EMP, 60, true,  noContract,   true
			2022-2025, EMP, 60, false, noContract,   false
			2022-2025, EMP, 30, false, none,         false
			2016-2020, HEA, 40, false, illNoCare,    true
			2016-2020, HEA, 40, false, none,         false
			2016-2020, HIN, 6,  false, noHI,         true
			2016-2020, HIN, 6,  true,  noHI,         false
			2016-2020, CED, 5,  false, outOfSchool,  true
			2016-2020, CED, 5,  true,  outOfSchool,  false
			2016-2020, CED, 14, false, outOfSchool,  true
			2016-2020, CED, 15, false, outOfSchool,  false
			2016-2020, AED, 15, false, primaryOut,   true
			2016-2020, AED, 15, true,  primaryOut,   false
			2016-2020, AED, 29, false, primaryOut,   true
			2016-2020, AED, 30, false, primaryOut,   false
			2016-2020, AED, 20, false, lowerSecOut,  false
			2027-2030, HIN, 6,  false, noHI,         true
			2027-2030, NUT, 15, false, malnourished, true
			2027-2030, CED, 3,  false, outOfSchool,  true
			2027-2030, EMP, 15, false, unemployed,   true
			""")
	void memberIndicators(String key, String code, int years, boolean dayBefore, String change, boolean expected) {
		assertThat(deprived(key, code, withMember(person(years, dayBefore, change)))).isEqualTo(expected);
	}

	/** A child in school who has completed the given level. */
	static MemberFacts pupil(int years, boolean dayBefore, EducationLevel completed) {
		return new MemberFacts("Em", Sex.MALE, Households.born(years, dayBefore), true, true, completed,
				Employment.STUDENT, false, false, false, false);
	}

	@ParameterizedTest(name = "{0} CED: in school aged {1}{2}, completed {3} → {4}")
	@CsvSource(textBlock = """
			2022-2025, 8,  false, NONE,            false
			2022-2025, 10, false, NONE,            false
			2022-2025, 11, true,  NONE,            false
			2022-2025, 11, false, NONE,            true
			2022-2025, 11, false, PRIMARY,         false
			2022-2025, 14, false, PRIMARY,         false
			2022-2025, 15, true,  PRIMARY,         false
			2022-2025, 15, false, PRIMARY,         true
			2022-2025, 15, false, LOWER_SECONDARY, false
			2022-2025, 16, false, NONE,            false
			2026,      12, false, NONE,            true
			2027-2030, 12, false, NONE,            true
			2027-2030, 15, false, LOWER_SECONDARY, false
			2016-2020, 12, false, NONE,            false
			""")
	void childAttendanceFollowsTheSchoolLevelForTheAgeWhereTheStandardSaysSo(String key, int years, boolean dayBefore,
			EducationLevel completed, boolean expected) {
		// Decree 07 and Decree 351: "không được học đúng bậc, cấp học phù hợp với độ
		// tuổi";
		// Decision 59 (2016-2020) asks attendance only
		assertThat(deprived(key, "CED", withMember(pupil(years, dayBefore, completed)))).isEqualTo(expected);
	}

	static MemberFacts dependant(int years, boolean disability, boolean allowance) {
		return new MemberFacts("D", Sex.FEMALE, Households.born(years, false), true, true, EducationLevel.NONE,
				Employment.NOT_WORKING, disability, allowance, false, false);
	}

	@ParameterizedTest(name = "DEP {0}")
	@CsvSource(textBlock = """
			one child one adult (1/2 not above 1/2), 1, 0, 0, 0, false
			two children one adult,                  2, 0, 0, 0, true
			elderly alone,                           0, 1, 0, 0, true
			disabled with allowance + child + adult, 1, 0, 1, 0, true
			disabled without allowance + child,      1, 0, 0, 1, false
			""")
	void dependants(String label, int children, int elderly, int disabledAllowance, int disabledNoAllowance,
			boolean expected) {
		List<MemberFacts> members = new ArrayList<>();
		for (int i = 0; i < children; i++) {
			members.add(dependant(8, false, false));
		}
		for (int i = 0; i < elderly; i++) {
			members.add(dependant(60, false, false));
		}
		for (int i = 0; i < disabledAllowance; i++) {
			members.add(dependant(40, true, true));
		}
		for (int i = 0; i < disabledNoAllowance; i++) {
			members.add(dependant(40, true, false));
		}
		if (elderly == 0) {
			members.add(Households.adult("Chủ hộ"));
		}
		HouseholdFacts facts = Households.base(false, 1L, members);
		assertThat(deprived("2022-2025", "DEP", facts)).isEqualTo(expected);
		assertThat(deprived("2027-2030", "DEP", facts)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "HAR {0} m² for {1} → {2}")
	@CsvSource(textBlock = """
			16,    2, false
			15.99, 2, true
			8,     1, false
			7.9,   1, true
			24.00, 3, false
			23.99, 3, true
			""")
	void floorAreaPerPerson(BigDecimal area, int members, boolean expected) {
		List<MemberFacts> list = new ArrayList<>();
		for (int i = 0; i < members; i++) {
			list.add(Households.adult("M" + i));
		}
		HouseholdFacts f = Households.base(false, 1L, list);
		HouseholdFacts facts = new HouseholdFacts(false, 1L, null, null, f.housingQuality(), area, f.waterSource(),
				f.latrine(), true, true, true, true, f.wasteHandling(), list);
		for (String key : List.of("2016-2020", "2022-2025", "2027-2030")) {
			assertThat(deprived(key, "HAR", facts)).as(key).isEqualTo(expected);
		}
	}

	@Test
	void householdFieldIndicators() {
		Map<WaterSource, Boolean> water = Map.of(WaterSource.TAP, false, WaterSource.RAINWATER, false,
				WaterSource.BOTTLED, false, WaterSource.PROTECTED_DUG_WELL, false, WaterSource.UNPROTECTED_WELL, true,
				WaterSource.SURFACE_WATER, true, WaterSource.OTHER, true);
		water.forEach((source,
				expected) -> assertThat(deprived("2022-2025", "WAT", household(HousingQuality.SOLID, source,
						Latrine.SEPTIC, true, true, true, true, WasteHandling.COLLECTED)))
					.as(source.name())
					.isEqualTo(expected));
		Map<Latrine, Boolean> latrines = Map.of(Latrine.SEPTIC, false, Latrine.SEMI_SEPTIC, false, Latrine.BIOGAS,
				false, Latrine.UNHYGIENIC_PIT, true, Latrine.NONE, true, Latrine.OTHER, true);
		latrines.forEach((latrine,
				expected) -> assertThat(deprived("2022-2025", "SAN", household(HousingQuality.SOLID, WaterSource.TAP,
						latrine, true, true, true, true, WasteHandling.COLLECTED)))
					.as(latrine.name())
					.isEqualTo(expected));
		Map<HousingQuality, Boolean> housing = Map.of(HousingQuality.SOLID, false, HousingQuality.SEMI_SOLID, false,
				HousingQuality.NON_DURABLE, true, HousingQuality.MAKESHIFT, true);
		housing
			.forEach((quality,
					expected) -> assertThat(deprived("2022-2025", "HQU", household(quality, WaterSource.TAP,
							Latrine.SEPTIC, true, true, true, true, WasteHandling.COLLECTED)))
						.as(quality.name())
						.isEqualTo(expected));
	}

	@Test
	void informationIndicatorsDifferBetweenPeriods() {
		HouseholdFacts phoneOnly = household(HousingQuality.SOLID, WaterSource.TAP, Latrine.SEPTIC, true, false, false,
				false, WasteHandling.COLLECTED);
		assertThat(deprived("2022-2025", "TEL", phoneOnly)).isFalse();
		assertThat(deprived("2027-2030", "TEL", phoneOnly)).isTrue();
		assertThat(deprived("2022-2025", "INF", phoneOnly)).isTrue();
		HouseholdFacts loudspeaker = household(HousingQuality.SOLID, WaterSource.TAP, Latrine.SEPTIC, false, false,
				false, true, WasteHandling.COLLECTED);
		assertThat(deprived("2022-2025", "INF", loudspeaker)).isFalse();
		assertThat(deprived("2016-2020", "TEL", loudspeaker)).isTrue();
		assertThat(PovertyClassifierTest.CATALOGUE.find("2027-2030").orElseThrow().indexOf("INF")).isEqualTo(-1);
	}

	@Test
	void wasteOnlyCountsFrom2027() {
		for (WasteHandling handling : WasteHandling.values()) {
			HouseholdFacts facts = household(HousingQuality.SOLID, WaterSource.TAP, Latrine.SEPTIC, true, true, true,
					true, handling);
			assertThat(deprived("2027-2030", "WST", facts)).isEqualTo(handling == WasteHandling.UNTREATED);
		}
	}

	@Test
	void explanationNamesTheMemberAndAge() {
		MemberFacts child = new MemberFacts("Nguyễn Thị B", Sex.FEMALE, Households.born(9, false), true, false,
				EducationLevel.PRIMARY, Employment.STUDENT, false, false, false, false);
		HouseholdFacts facts = withMember(child);
		IndicatorResult ced = PovertyClassifierTest.classifier("2022-2025", null)
			.evaluate(facts, Households.SURVEY)
			.stream()
			.filter((r) -> r.code().equals("CED"))
			.findFirst()
			.orElseThrow();
		assertThat(ced.fact().vi()).isEqualTo(
				"Thành viên Nguyễn Thị B, 9 tuổi, không đi học hoặc học thấp hơn cấp học theo tuổi → thiếu hụt: tình trạng đi học của trẻ em");
		assertThat(ced.fact().en()).isEqualTo(
				"Member Nguyễn Thị B, 9 years old, not in school, or below the school level for the age → deprived: child school attendance");
	}

	@Test
	void floorAreaExplanationShowsTheArithmetic() {
		HouseholdFacts facts = Households.withDeprivations(false, 1, 5);
		IndicatorResult har = PovertyClassifierTest.classifier("2022-2025", null)
			.evaluate(facts, Households.SURVEY)
			.stream()
			.filter((r) -> r.code().equals("HAR"))
			.findFirst()
			.orElseThrow();
		assertThat(har.fact().vi()).startsWith("Diện tích 5 m² cho 1 người (5 m²/người");
	}

	static HouseholdFacts household(HousingQuality quality, WaterSource water, Latrine latrine, boolean telecom,
			boolean internet, boolean devices, boolean loudspeaker, WasteHandling waste) {
		return new HouseholdFacts(false, 1L, null, null, quality, new BigDecimal("50"), water, latrine, telecom,
				internet, devices, loudspeaker, waste, List.of(Households.adult("Chủ hộ")));
	}

}
