package vn.giamngheo.benefits.domain;

import java.util.Set;

/**
 * One way to be eligible for a policy: every condition that is set must hold (an unset
 * condition is null or empty). A policy's rule is a list of clauses, the first that holds
 * gives the reasons.
 *
 * @param classIn the household's class on the day is one of these
 * @param leftListWithinYears the household left {@code leftClasses} at most this many
 * years before the day (and is not back in them)
 * @param leftClasses the classes whose list it left ({@code POOR}, {@code NEAR_POOR})
 * @param designationAny one of the household's units has one of these designations on the
 * day
 * @param designationNone none of its units has any of these
 * @param ethnicMinorityHousehold the household is (true) or is not (false) an
 * ethnic-minority household
 * @param socialProtection the household is (or is not) a social-protection household
 * @param ageFrom the member is at least this old on the day
 * @param ageBelow the member is younger than this on the day
 * @param inSchool the member attends (or does not attend) school
 * @param workingAge the member is (or is not) of working age (15 to the statutory
 * retirement age of the member's sex in the day's year)
 * @param disability the member has (or has not) a disability
 * @param ethnicMinority the member is (or is not) of an ethnic minority (not Kinh)
 * @param relationIn the member's relation to the head is one of these
 */
public record Clause(Set<String> classIn, Integer leftListWithinYears, Set<String> leftClasses,
		Set<String> designationAny, Set<String> designationNone, Boolean ethnicMinorityHousehold,
		Boolean socialProtection, Integer ageFrom, Integer ageBelow, Boolean inSchool, Boolean workingAge,
		Boolean disability, Boolean ethnicMinority, Set<String> relationIn) {

	public Clause {
		classIn = (classIn != null) ? Set.copyOf(classIn) : Set.of();
		leftClasses = (leftClasses != null) ? Set.copyOf(leftClasses) : Set.of();
		designationAny = (designationAny != null) ? Set.copyOf(designationAny) : Set.of();
		designationNone = (designationNone != null) ? Set.copyOf(designationNone) : Set.of();
		relationIn = (relationIn != null) ? Set.copyOf(relationIn) : Set.of();
	}

	/** Whether the clause asks anything about a member. */
	public boolean asksAboutMembers() {
		return this.ageFrom != null || this.ageBelow != null || this.inSchool != null || this.workingAge != null
				|| this.disability != null || this.ethnicMinority != null || !this.relationIn.isEmpty();
	}

}
