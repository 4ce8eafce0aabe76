package vn.giamngheo.benefits;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.benefits.persistence.UnservedRepository;
import vn.giamngheo.identity.CurrentActor;
import vn.giamngheo.registry.Household;
import vn.giamngheo.registry.HouseholdRegistry;
import vn.giamngheo.registry.Member;

/**
 * What the household page shows of support (issue 16 item 7): what the household received
 * (a timeline), what it is eligible for but has not received this year, and its open
 * demands. A partner sees its own agency's records and eligibility only.
 */
@Service
public class HouseholdSupport {

	private final HouseholdRegistry registry;

	private final BenefitLedger ledger;

	private final Demands demands;

	private final SupportPolicies policies;

	private final UnservedRepository unserved;

	private final CurrentActor actor;

	HouseholdSupport(HouseholdRegistry registry, BenefitLedger ledger, Demands demands, SupportPolicies policies,
			UnservedRepository unserved, CurrentActor actor) {
		this.registry = registry;
		this.ledger = ledger;
		this.demands = demands;
		this.policies = policies;
		this.unserved = unserved;
		this.actor = actor;
	}

	/** The panel of a household the caller may read (else 404). */
	@Transactional(readOnly = true)
	public Panel panel(UUID householdId) {
		Household household = this.registry.household(householdId);
		LocalDate today = this.ledger.today();
		String agency = BenefitLedger.partnerAgency(this.actor.get());
		List<BenefitRecord> received = this.ledger.ofHousehold(householdId)
			.stream()
			.sorted(Comparator.comparing(BenefitRecord::day).reversed())
			.toList();
		List<Eligible> eligible = this.unserved.of(householdId, today)
			.stream()
			.map((u) -> new Eligible(u.policyCode(),
					this.policies.find(u.policyCode(), today).or(() -> this.policies.find(u.policyCode())).orElse(null),
					u.memberId(), u.memberName(), u.eligibleFrom(), u.windowEnd()))
			.filter((e) -> e.policy() != null && (agency == null || agency.equals(e.policy().agency())))
			.toList();
		List<SupportDemand> open = this.demands.ofHousehold(householdId)
			.stream()
			.filter((d) -> "OPEN".equals(d.status()))
			.toList();
		return new Panel(household, received, eligible, open, today, this.registry.members(householdId, false),
				this.policies);
	}

	/**
	 * The support side of one household.
	 *
	 * @param household the household
	 * @param received its records, newest first
	 * @param eligible eligible today, nothing received this year
	 * @param openDemands its open demands
	 * @param today today in Vietnam
	 * @param members its members
	 * @param policies the policies (for names)
	 */
	public record Panel(Household household, List<BenefitRecord> received, List<Eligible> eligible,
			List<SupportDemand> openDemands, LocalDate today, List<Member> members, SupportPolicies policies) {

		/** The policy's name of a code (for a demand naming one). */
		public String policyName(String code) {
			return (code == null) ? null : this.policies.find(code).map(SupportPolicy::name).orElse(null);
		}

	}

	/**
	 * A policy the household or a member is eligible for and received nothing under this
	 * year.
	 *
	 * @param policyCode the policy
	 * @param policy the policy in force
	 * @param memberId the member, for a member policy
	 * @param memberName the member's name
	 * @param eligibleFrom since when
	 * @param windowEnd the last day the rule allows, if any
	 */
	public record Eligible(String policyCode, SupportPolicy policy, UUID memberId, String memberName,
			LocalDate eligibleFrom, LocalDate windowEnd) {
	}

}
