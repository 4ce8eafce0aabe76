package vn.giamngheo.benefits.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The pure eligibility rule of every policy: judges a household and its members on a day.
 * No Spring, no database. (Skeleton of the issue 16 contract: the policies part builds
 * the rules from the policy files and fills {@link #judge}.)
 */
public final class EligibilityRules {

	/**
	 * Every policy in force on the day for which the household or a member is eligible.
	 * @param facts the household
	 * @param day the day of the judgement
	 * @return one entitlement per (policy, member) pair, household policies with a null
	 * member
	 */
	public List<Entitlement> judge(HouseholdFacts facts, LocalDate day) {
		return List.of();
	}

}
