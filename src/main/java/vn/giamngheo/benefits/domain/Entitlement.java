package vn.giamngheo.benefits.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A household, or one of its members, eligible for a policy on a day.
 *
 * @param policyCode the policy
 * @param policyVersion the version of the policy that applied
 * @param memberId the member for a member policy, null for a household policy
 * @param reasons why, in words (at least one)
 * @param lastDay the last day the rule itself allows (the end of a window such as three
 * years after leaving the poor list), or null when it lasts while the facts do
 */
public record Entitlement(String policyCode, int policyVersion, UUID memberId, List<Reason> reasons,
		LocalDate lastDay) {

	public Entitlement {
		reasons = List.copyOf(reasons);
	}

}
