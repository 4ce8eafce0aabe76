package vn.giamngheo.standards.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.giamngheo.standards.HouseholdFacts;
import vn.giamngheo.standards.HouseholdFacts.HousingQuality;
import vn.giamngheo.standards.HouseholdFacts.Latrine;
import vn.giamngheo.standards.HouseholdFacts.WasteHandling;
import vn.giamngheo.standards.HouseholdFacts.WaterSource;
import vn.giamngheo.standards.MemberFacts;
import vn.giamngheo.standards.MemberFacts.EducationLevel;
import vn.giamngheo.standards.MemberFacts.Employment;
import vn.giamngheo.standards.MemberFacts.Sex;

/**
 * Test households: a base household deprived in nothing under any standard, and helpers
 * to change one fact at a time.
 */
final class Households {

	static final LocalDate SURVEY = LocalDate.of(2024, 10, 1);

	private Households() {
	}

	static MemberFacts adult(String name) {
		return new MemberFacts(name, Sex.FEMALE, SURVEY.minusYears(35), true, false, EducationLevel.UPPER_SECONDARY,
				Employment.WAGE_WITH_CONTRACT, false, false, false, false);
	}

	/**
	 * A member whose age at {@link #SURVEY} is exactly {@code years} (birthday on the
	 * survey date) or, with {@code dayBefore}, one day short of it.
	 */
	static LocalDate born(int years, boolean dayBefore) {
		LocalDate dob = SURVEY.minusYears(years);
		return dayBefore ? dob.plusDays(1) : dob;
	}

	static MemberFacts member(String name, LocalDate dob, boolean hi, boolean inSchool, EducationLevel education,
			Employment employment) {
		return new MemberFacts(name, Sex.MALE, dob, hi, inSchool, education, employment, false, false, false, false);
	}

	static HouseholdFacts base(boolean urban, Long income, List<MemberFacts> members) {
		return new HouseholdFacts(urban, income, null, null, HousingQuality.SOLID, new BigDecimal("50"),
				WaterSource.TAP, Latrine.SEPTIC, true, true, true, true, WasteHandling.COLLECTED, members);
	}

	/**
	 * A household with exactly {@code d} deprivations (0–5) under every shipped standard:
	 * housing, water, latrine, health insurance, floor area, in that order.
	 */
	static HouseholdFacts withDeprivations(boolean urban, long income, int d) {
		return withDeprivations(urban, income, d, Employment.FARMER);
	}

	/**
	 * As {@link #withDeprivations(boolean, long, int)}, the adult working as given (a
	 * farmer makes the household one of agriculture, whose middle living standard is a
	 * legal status).
	 */
	static HouseholdFacts withDeprivations(boolean urban, long income, int d, Employment work) {
		List<MemberFacts> members = new ArrayList<>();
		members.add(member("Trần Văn A", born(35, false), d < 4, false, EducationLevel.UPPER_SECONDARY, work));
		return new HouseholdFacts(urban, income, null, null, (d >= 1) ? HousingQuality.MAKESHIFT : HousingQuality.SOLID,
				(d >= 5) ? new BigDecimal("5") : new BigDecimal("50"),
				(d >= 2) ? WaterSource.SURFACE_WATER : WaterSource.TAP, (d >= 3) ? Latrine.NONE : Latrine.SEPTIC, true,
				true, true, true, WasteHandling.COLLECTED, members);
	}

	static HouseholdFacts scores(boolean urban, int a, int b) {
		return new HouseholdFacts(urban, null, a, b, null, null, null, null, false, false, false, false, null,
				List.of());
	}

}
