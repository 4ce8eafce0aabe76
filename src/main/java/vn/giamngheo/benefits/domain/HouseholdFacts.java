package vn.giamngheo.benefits.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What eligibility is judged on: a household as the registry knows it on the day of the
 * judgement.
 *
 * @param householdId the household
 * @param urban whether it lives in an urban area
 * @param ethnicMinority whether it is an ethnic-minority household
 * @param socialProtection whether it is a social-protection household
 * @param history its recognised classes, one per year, oldest first (up to the day)
 * @param designations the designations of its units valid on the day (unit attribute
 * codes of its village, commune and district: {@code POOR_DISTRICT},
 * {@code POOR_COMMUNE}, {@code DBKK_COMMUNE}, {@code DBKK_VILLAGE}, {@code BORDER}...)
 * @param members its members (not voided)
 */
public record HouseholdFacts(UUID householdId, boolean urban, boolean ethnicMinority, boolean socialProtection,
		List<ClassOnRecord> history, Set<String> designations, List<MemberFacts> members) {

	public HouseholdFacts {
		history = List.copyOf(history);
		designations = Set.copyOf(designations);
		members = List.copyOf(members);
	}

}
