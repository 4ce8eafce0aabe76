package vn.giamngheo.benefits;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A need of a household or member, dated. {@code kind} is a Phiếu C need code or
 * {@code EXIT_PLAN}, shown by name ({@code review.need.*},
 * {@code support.need.EXIT_PLAN}).
 *
 * @param id demand id
 * @param householdId the household
 * @param memberId the member, or null
 * @param memberName the member's name, or null
 * @param kind the kind of need
 * @param policyCode the policy asked for, or null
 * @param purpose what for (a loan's purpose)
 * @param amountVnd the amount asked for (loans)
 * @param registeredOn when registered
 * @param source {@code PHIEU_C}, {@code REGISTRATION}, {@code IMPORT} or {@code DEMO}
 * @param reviewId the review whose Phiếu C it came from
 * @param status {@code OPEN}, {@code MET} or {@code WITHDRAWN}
 * @param closedOn when met or withdrawn
 * @param closedReason why withdrawn
 * @param version optimistic-lock version
 * @param unitPath the household's village path (scope)
 */
public record SupportDemand(UUID id, UUID householdId, UUID memberId, String memberName, String kind, String policyCode,
		String purpose, Long amountVnd, LocalDate registeredOn, String source, UUID reviewId, String status,
		LocalDate closedOn, String closedReason, int version, String unitPath) {

	/** The demand kinds: the Phiếu C needs and a registration to exit poverty. */
	public static final java.util.List<String> KINDS = java.util.List.of("LOAN", "VOCATIONAL_TRAINING", "EMPLOYMENT",
			"HOUSING", "PRODUCTION_LAND", "CLEAN_WATER", "HEALTH_INSURANCE", "EDUCATION", "INFORMATION", "OTHER",
			"EXIT_PLAN");

}
