package vn.giamngheo.benefits.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.giamngheo.benefits.SupportPolicies;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped policy files judged by the pure rules: who is on which list on which day,
 * why, and until when.
 */
class EligibilityRulesTest {

	static final EligibilityRules RULES = new SupportPolicies().rules();

	static final UUID HOUSEHOLD = UUID.fromString("00000000-0000-0000-0000-000000000001");

	static final UUID HEAD = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	static final UUID CHILD = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

	static LocalDate d(String ddMMyyyy) {
		String[] p = ddMMyyyy.split("/");
		return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
	}

	static MemberFacts adult(UUID id, String born, String sex) {
		return new MemberFacts(id, d(born), sex, "01", "HEAD", "PRIMARY", false, "FARMER", false);
	}

	static MemberFacts pupil(UUID id, String born) {
		return new MemberFacts(id, d(born), "F", "01", "CHILD", "PRIMARY", true, "STUDENT", false);
	}

	static HouseholdFacts household(List<ClassOnRecord> history, Set<String> designations, MemberFacts... members) {
		return new HouseholdFacts(HOUSEHOLD, false, false, false, history, designations, List.of(members));
	}

	/**
	 * Poor from the 2021 decision, near-poor from 2022, above the lists from 20/12/2024.
	 */
	static final List<ClassOnRecord> EXITED = List.of(new ClassOnRecord(2021, "POOR", d("15/12/2021")),
			new ClassOnRecord(2022, "NEAR_POOR", d("16/12/2022")),
			new ClassOnRecord(2023, "NEAR_POOR", d("18/12/2023")), new ClassOnRecord(2024, "MIDDLE", d("20/12/2024")));

	static List<Entitlement> of(List<Entitlement> all, String code) {
		return all.stream().filter((e) -> e.policyCode().equals(code)).toList();
	}

	@ParameterizedTest(name = "left the near-poor list on 20/12/2024: newly-exited loan on {0} = {1}")
	@CsvSource({ "19/12/2024, false", "20/12/2024, true", "01/06/2026, true", "19/12/2027, true", "20/12/2027, false",
			"01/01/2028, false" })
	void theNewlyExitedLoanLastsExactlyThreeYearsFromTheDecision(String day, boolean eligible) {
		List<Entitlement> found = of(RULES.judge(household(EXITED, Set.of(), adult(HEAD, "01/01/1980", "M")), d(day)),
				"LOAN_EXITED");
		assertThat(found).hasSize(eligible ? 1 : 0);
		if (eligible) {
			Entitlement e = found.get(0);
			assertThat(e.memberId()).isNull();
			assertThat(e.lastDay()).isEqualTo(d("19/12/2027"));
			assertThat(e.reasons())
				.containsExactly(new Reason("support.reason.left.NEAR_POOR", List.of("20/12/2024", "3", "19/12/2027")));
		}
	}

	@Test
	void anExitOn29FebruaryEndsTheDayBefore28FebruaryThreeYearsOn() {
		List<ClassOnRecord> history = List.of(new ClassOnRecord(2023, "POOR", d("20/12/2023")),
				new ClassOnRecord(2024, "NOT_POOR", d("29/02/2024")));
		HouseholdFacts facts = household(history, Set.of(), adult(HEAD, "01/01/1980", "M"));
		assertThat(of(RULES.judge(facts, d("27/02/2027")), "LOAN_EXITED")).singleElement()
			.extracting(Entitlement::lastDay)
			.isEqualTo(d("27/02/2027"));
		assertThat(of(RULES.judge(facts, d("28/02/2027")), "LOAN_EXITED")).isEmpty();
	}

	@Test
	void aHouseholdBackOnThePoorListIsNoLongerNewlyExitedButPoor() {
		List<ClassOnRecord> history = new java.util.ArrayList<>(EXITED);
		history.add(new ClassOnRecord(2025, "POOR", d("19/12/2025")));
		List<Entitlement> found = RULES.judge(household(history, Set.of(), adult(HEAD, "01/01/1980", "M")),
				d("05/01/2026"));
		assertThat(of(found, "LOAN_EXITED")).isEmpty();
		assertThat(of(found, "LOAN_POOR")).singleElement()
			.satisfies((e) -> assertThat(e.reasons())
				.containsExactly(new Reason("support.reason.class.POOR", List.of("2025", "19/12/2025"))));
	}

	@Test
	void aDecisionCountsFromItsDayNotFromItsYear() {
		List<ClassOnRecord> history = List.of(new ClassOnRecord(2024, "POOR", d("20/12/2024")));
		HouseholdFacts facts = household(history, Set.of(), adult(HEAD, "01/01/1980", "M"));
		assertThat(of(RULES.judge(facts, d("19/12/2024")), "LOAN_POOR")).isEmpty();
		assertThat(of(RULES.judge(facts, d("20/12/2024")), "LOAN_POOR")).hasSize(1);
	}

	@Test
	void nearPoorHealthInsuranceSwitchesVersionOn15August2025AndNamesThePoorCommune() {
		HouseholdFacts facts = household(List.of(new ClassOnRecord(2024, "NEAR_POOR", d("20/12/2024"))),
				Set.of("POOR_COMMUNE"), adult(HEAD, "01/01/1980", "M"), pupil(CHILD, "10/03/2016"));
		List<Entitlement> before = of(RULES.judge(facts, d("14/08/2025")), "HI_NEAR_POOR");
		assertThat(before).hasSize(2).allSatisfy((e) -> {
			assertThat(e.policyVersion()).isEqualTo(1);
			assertThat(e.lastDay()).isEqualTo(d("14/08/2025"));
			assertThat(e.reasons()).extracting(Reason::key)
				.containsExactly("support.reason.class.NEAR_POOR", "support.reason.member.ofHousehold");
		});
		assertThat(before).extracting(Entitlement::memberId).containsExactlyInAnyOrder(HEAD, CHILD);
		List<Entitlement> after = of(RULES.judge(facts, d("15/08/2025")), "HI_NEAR_POOR");
		assertThat(after).hasSize(2).allSatisfy((e) -> {
			assertThat(e.policyVersion()).isEqualTo(2);
			assertThat(e.lastDay()).isNull();
			assertThat(e.reasons()).extracting(Reason::key).contains("support.reason.designation.POOR_COMMUNE");
		});
	}

	@Test
	void nearPoorOutsideAPoorCommuneKeepInsuranceWithoutThePoorCommuneReason() {
		HouseholdFacts facts = household(List.of(new ClassOnRecord(2024, "NEAR_POOR", d("20/12/2024"))), Set.of(),
				adult(HEAD, "01/01/1980", "M"));
		assertThat(of(RULES.judge(facts, d("01/09/2025")), "HI_NEAR_POOR")).singleElement().satisfies((e) -> {
			assertThat(e.policyVersion()).isEqualTo(2);
			assertThat(e.reasons()).extracting(Reason::key).doesNotContain("support.reason.designation.POOR_COMMUNE");
		});
	}

	@ParameterizedTest(name = "pupil born 10/03/2013, on {0}: learning support = {1}")
	@CsvSource({ "09/03/2016, false", "10/03/2016, true", "09/03/2031, true", "10/03/2031, false" })
	void learningSupportRunsFromTheThirdToTheEighteenthBirthday(String day, boolean eligible) {
		HouseholdFacts facts = household(List.of(new ClassOnRecord(2012, "POOR", d("20/12/2012"))), Set.of(),
				adult(HEAD, "01/01/1980", "M"), pupil(CHILD, "10/03/2013"));
		List<Entitlement> found = of(RULES.judge(facts, d(day)), "LEARNING_SUPPORT");
		assertThat(found).hasSize(eligible ? 1 : 0);
		if (eligible) {
			assertThat(found.get(0).memberId()).isEqualTo(CHILD);
			LocalDate lastDay = d(day).isBefore(d("15/10/2021")) ? d("14/10/2021") : d("09/03/2031");
			assertThat(found.get(0).lastDay()).isEqualTo(lastDay);
		}
	}

	@Test
	void learningSupportIsOneVersionOrTheOtherAroundDecree81() {
		HouseholdFacts facts = household(List.of(new ClassOnRecord(2020, "POOR", d("20/12/2020"))), Set.of(),
				pupil(CHILD, "10/03/2014"));
		Entitlement before = of(RULES.judge(facts, d("14/10/2021")), "LEARNING_SUPPORT").get(0);
		Entitlement after = of(RULES.judge(facts, d("15/10/2021")), "LEARNING_SUPPORT").get(0);
		assertThat(before.policyVersion()).isEqualTo(1);
		assertThat(before.lastDay()).isEqualTo(d("14/10/2021"));
		assertThat(after.policyVersion()).isEqualTo(2);
		assertThat(after.reasons()).extracting(Reason::key)
			.containsExactly("support.reason.class.POOR", "support.reason.member.ageBetween",
					"support.reason.member.inSchool");
		// the rule's bounds, not the child's age (7): a birthday does not change them
		assertThat(after.reasons().get(1).args()).containsExactly("3", "18");
		assertThat(of(RULES.judge(facts, d("15/10/2022")), "LEARNING_SUPPORT").get(0).reasons())
			.isEqualTo(after.reasons());
	}

	@Test
	void aBirthdayOn29FebruaryIsReachedOn28FebruaryOfACommonYear() {
		assertThat(Ages.on(d("29/02/2008"), d("27/02/2026"))).isEqualTo(17);
		assertThat(Ages.on(d("29/02/2008"), d("28/02/2026"))).isEqualTo(18);
		assertThat(Ages.on(d("29/02/2008"), d("29/02/2024"))).isEqualTo(16);
		HouseholdFacts facts = household(List.of(new ClassOnRecord(2024, "POOR", d("20/12/2024"))), Set.of(),
				pupil(CHILD, "29/02/2008"));
		assertThat(of(RULES.judge(facts, d("27/02/2026")), "TUITION_EXEMPTION")).singleElement()
			.extracting(Entitlement::lastDay)
			.isEqualTo(d("27/02/2026"));
		assertThat(of(RULES.judge(facts, d("28/02/2026")), "TUITION_EXEMPTION")).isEmpty();
	}

	/**
	 * Men: 61 years 6 months in 2026; women: 57 years in 2026; 60 and 55 before 2021;
	 * from the 15th birthday.
	 */
	@ParameterizedTest(name = "{0} born {1}, on {2}: working age = {3}")
	@CsvSource({ "M, 01/06/1966, 31/05/2026, true", "M, 01/01/1965, 30/06/2026, true",
			"M, 01/01/1965, 01/07/2026, false", "F, 01/01/1970, 31/12/2026, true", "F, 01/01/1969, 01/01/2026, false",
			"F, 01/01/1966, 01/06/2020, true", "F, 01/01/1965, 01/06/2020, false", "M, 02/06/2011, 01/06/2026, false",
			"M, 01/06/2011, 01/06/2026, true" })
	void workingAgeFollowsTheRetirementAgeOfEachSexAndYear(String sex, String born, String day, boolean working) {
		assertThat(Ages.workingAge(d(born), sex, d(day))).isEqualTo(working);
	}

	@Test
	void vocationalTrainingGoesToWorkingAgeMembersOnly() {
		HouseholdFacts facts = household(List.of(new ClassOnRecord(2024, "POOR", d("20/12/2024"))), Set.of(),
				adult(HEAD, "01/01/1980", "M"), pupil(CHILD, "10/03/2016"));
		assertThat(of(RULES.judge(facts, d("01/03/2025")), "VOCATIONAL_TRAINING")).singleElement().satisfies((e) -> {
			assertThat(e.memberId()).isEqualTo(HEAD);
			assertThat(e.reasons()).contains(new Reason("support.reason.member.ofWorkingAge", List.of()));
		});
	}

	@Test
	void housingUnderProjectFiveNeedsAPoorDistrict() {
		List<ClassOnRecord> poor = List.of(new ClassOnRecord(2022, "POOR", d("20/12/2022")));
		MemberFacts head = adult(HEAD, "01/01/1980", "M");
		assertThat(of(RULES.judge(household(poor, Set.of(), head), d("01/03/2023")), "HOUSING_2021")).isEmpty();
		assertThat(of(RULES.judge(household(poor, Set.of("POOR_DISTRICT"), head), d("01/03/2023")), "HOUSING_2021"))
			.singleElement()
			.satisfies((e) -> assertThat(e.lastDay()).isEqualTo(d("31/12/2025")));
		assertThat(of(RULES.judge(household(poor, Set.of("POOR_DISTRICT"), head), d("01/01/2026")), "HOUSING_2021"))
			.isEmpty();
	}

	@Test
	void aPoorHouseholdWithAPupilIsOnEveryListItsClassOpens() {
		HouseholdFacts facts = household(List.of(new ClassOnRecord(2024, "POOR", d("20/12/2024"))), Set.of(),
				adult(HEAD, "01/01/1980", "M"), pupil(CHILD, "10/03/2016"));
		assertThat(RULES.judge(facts, d("01/03/2025"))).extracting(Entitlement::policyCode)
			.containsExactlyInAnyOrder("HI_POOR", "HI_POOR", "LOAN_POOR", "LOAN_HOUSING", "TUITION_EXEMPTION",
					"LEARNING_SUPPORT", "ELECTRICITY", "VOCATIONAL_TRAINING", "JOB_SUPPORT", "LIVELIHOOD", "LEGAL_AID",
					"LEGAL_AID", "TET_GIFT", "EXIT_PLAN_SUPPORT");
	}

	@Test
	void studentLoansReachMiddleHouseholdsFrom19May2022() {
		MemberFacts student = new MemberFacts(CHILD, d("01/09/2003"), "M", "01", "CHILD", "UPPER_SECONDARY", true,
				"STUDENT", false);
		HouseholdFacts middle = household(List.of(new ClassOnRecord(2021, "MIDDLE", d("15/12/2021"))), Set.of(),
				adult(HEAD, "01/01/1975", "F"), student);
		assertThat(of(RULES.judge(middle, d("18/05/2022")), "LOAN_STUDENT")).isEmpty();
		assertThat(of(RULES.judge(middle, d("19/05/2022")), "LOAN_STUDENT")).singleElement().satisfies((e) -> {
			assertThat(e.policyVersion()).isEqualTo(2);
			assertThat(e.memberId()).isEqualTo(CHILD);
			assertThat(e.reasons()).extracting(Reason::key)
				.containsExactly("support.reason.class.MIDDLE", "support.reason.member.ageFrom",
						"support.reason.member.inSchool");
		});
	}

	@Test
	void aHouseholdNeverOnTheListsIsOnNone() {
		HouseholdFacts facts = household(List.of(new ClassOnRecord(2024, "MIDDLE", d("20/12/2024"))),
				Set.of("POOR_DISTRICT", "POOR_COMMUNE"), adult(HEAD, "01/01/1980", "M"));
		assertThat(RULES.judge(facts, d("01/03/2025"))).isEmpty();
	}

}
