package vn.giamngheo.benefits.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The pure eligibility rule of every policy: judges a household and its members on a day.
 * No Spring, no database. Built from the policy files by {@code SupportPolicies.rules()};
 * how a rule is judged is ADR 0034.
 */
public final class EligibilityRules {

	/**
	 * The ethnicity code of the Kinh majority: every other code is an ethnic minority.
	 */
	private static final String KINH = "01";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final List<PolicyRule> rules;

	/**
	 * The rules of every policy version.
	 * @param rules every version of every policy
	 */
	public EligibilityRules(List<PolicyRule> rules) {
		this.rules = List.copyOf(rules);
	}

	/** Every version the rules know, by code then version. */
	public List<PolicyRule> rules() {
		return this.rules;
	}

	/**
	 * Every policy in force on the day for which the household or a member is eligible.
	 * @param facts the household
	 * @param day the day of the judgement
	 * @return one entitlement per (policy, member) pair, household policies with a null
	 * member
	 */
	public List<Entitlement> judge(HouseholdFacts facts, LocalDate day) {
		List<ClassOnRecord> history = facts.history()
			.stream()
			.filter((c) -> !c.decisionDate().isAfter(day))
			.sorted(Comparator.comparing(ClassOnRecord::decisionDate).thenComparing(ClassOnRecord::year))
			.toList();
		List<Entitlement> out = new ArrayList<>();
		for (PolicyRule rule : this.rules) {
			if (rule.inForceOn(day)) {
				judge(rule, facts, history, day, out);
			}
		}
		return out;
	}

	private static void judge(PolicyRule rule, HouseholdFacts facts, List<ClassOnRecord> history, LocalDate day,
			List<Entitlement> out) {
		Set<UUID> entitled = new HashSet<>();
		boolean householdDone = false;
		for (Clause clause : rule.eligibility().anyOf()) {
			Verdict household = household(clause, facts, history, day);
			if (household == null) {
				continue;
			}
			LocalDate lastDay = earliest(household.lastDay, rule.validTo());
			if (!rule.perMember()) {
				if (!householdDone) {
					out.add(new Entitlement(rule.code(), rule.version(), null, household.reasons, lastDay));
					householdDone = true;
				}
				continue;
			}
			for (MemberFacts m : facts.members()) {
				if (entitled.contains(m.memberId())) {
					continue;
				}
				Verdict member = member(clause, m, day);
				if (member != null) {
					entitled.add(m.memberId());
					List<Reason> reasons = new ArrayList<>(household.reasons);
					reasons.addAll(member.reasons);
					out.add(new Entitlement(rule.code(), rule.version(), m.memberId(), reasons,
							earliest(lastDay, member.lastDay)));
				}
			}
		}
	}

	/** The household's conditions of a clause, or null when one fails. */
	private static Verdict household(Clause c, HouseholdFacts facts, List<ClassOnRecord> history, LocalDate day) {
		List<Reason> reasons = new ArrayList<>();
		LocalDate lastDay = null;
		ClassOnRecord current = history.isEmpty() ? null : history.get(history.size() - 1);
		if (!c.classIn().isEmpty()) {
			if (current == null || !c.classIn().contains(current.classification())) {
				return null;
			}
			reasons.add(new Reason("support.reason.class." + current.classification(),
					List.of(String.valueOf(current.year()), current.decisionDate().format(DAY))));
		}
		if (c.leftListWithinYears() != null) {
			Exit exit = lastExit(history, c.leftClasses());
			if (exit == null) {
				return null;
			}
			LocalDate anniversary = exit.on.plusYears(c.leftListWithinYears());
			if (!day.isBefore(anniversary)) {
				return null;
			}
			lastDay = anniversary.minusDays(1);
			reasons.add(new Reason("support.reason.left." + exit.from,
					List.of(exit.on.format(DAY), String.valueOf(c.leftListWithinYears()), lastDay.format(DAY))));
		}
		if (!c.designationAny().isEmpty()) {
			List<String> held = c.designationAny().stream().filter(facts.designations()::contains).sorted().toList();
			if (held.isEmpty()) {
				return null;
			}
			held.forEach((d) -> reasons.add(new Reason("support.reason.designation." + d, List.of())));
		}
		if (c.designationNone().stream().anyMatch(facts.designations()::contains)) {
			return null;
		}
		boolean holds = holds(c.ethnicMinorityHousehold(), facts.ethnicMinority(),
				"support.reason.ethnicMinorityHousehold", reasons)
				&& holds(c.socialProtection(), facts.socialProtection(), "support.reason.socialProtection", reasons);
		return holds ? new Verdict(reasons, lastDay) : null;
	}

	/** The member's conditions of a clause, or null when one fails. */
	private static Verdict member(Clause c, MemberFacts m, LocalDate day) {
		List<Reason> reasons = new ArrayList<>();
		LocalDate lastDay = null;
		boolean asksAge = c.ageFrom() != null || c.ageBelow() != null || Boolean.TRUE.equals(c.workingAge());
		if (m.dateOfBirth() == null || m.dateOfBirth().isAfter(day)) {
			if (asksAge || c.workingAge() != null) {
				return null;
			}
		}
		int age = (m.dateOfBirth() != null) ? Ages.on(m.dateOfBirth(), day) : -1;
		if (c.ageFrom() != null && age < c.ageFrom()) {
			return null;
		}
		if (c.ageBelow() != null) {
			if (age >= c.ageBelow()) {
				return null;
			}
			lastDay = Ages.reaches(m.dateOfBirth(), c.ageBelow()).minusDays(1);
		}
		if (c.workingAge() != null) {
			boolean working = Ages.workingAge(m.dateOfBirth(), m.sex(), day);
			if (working != c.workingAge()) {
				return null;
			}
			if (working) {
				reasons.add(new Reason("support.reason.member.ofWorkingAge", List.of()));
			}
		}
		else if (asksAge) {
			reasons.add(ageCondition(c));
		}
		boolean minority = m.ethnicityCode() != null && !KINH.equals(m.ethnicityCode());
		if (!holds(c.inSchool(), m.inSchool(), "support.reason.member.inSchool", reasons)
				|| !holds(c.disability(), m.disability(), "support.reason.member.disability", reasons)
				|| !holds(c.ethnicMinority(), minority, "support.reason.member.ethnicMinority", reasons)) {
			return null;
		}
		if (!c.relationIn().isEmpty()) {
			if (m.relation() == null || !c.relationIn().contains(m.relation())) {
				return null;
			}
			reasons.add(new Reason("support.reason.member.relation." + m.relation(), List.of()));
		}
		if (reasons.isEmpty()) {
			reasons.add(new Reason("support.reason.member.ofHousehold", List.of()));
		}
		return new Verdict(reasons, lastDay);
	}

	/**
	 * The age condition of a clause a member meets, in words ("from 3 to under 18"): the
	 * rule's bounds, not the member's age on the day, so that a spell's reasons do not
	 * change with every birthday (the lists show the age in a column of their own).
	 */
	private static Reason ageCondition(Clause c) {
		if (c.ageFrom() != null && c.ageBelow() != null) {
			return new Reason("support.reason.member.ageBetween",
					List.of(String.valueOf(c.ageFrom()), String.valueOf(c.ageBelow())));
		}
		return (c.ageFrom() != null) ? new Reason("support.reason.member.ageFrom", List.of(String.valueOf(c.ageFrom())))
				: new Reason("support.reason.member.ageBelow", List.of(String.valueOf(c.ageBelow())));
	}

	/**
	 * The latest day the household left the list of {@code classes} (a record outside
	 * them right after one inside them), when it has not come back since; null otherwise.
	 */
	private static Exit lastExit(List<ClassOnRecord> history, Set<String> classes) {
		if (history.isEmpty() || classes.contains(history.get(history.size() - 1).classification())) {
			return null;
		}
		for (int i = history.size() - 1; i > 0; i--) {
			ClassOnRecord before = history.get(i - 1);
			if (classes.contains(before.classification())) {
				return new Exit(history.get(i).decisionDate(), before.classification());
			}
		}
		return null;
	}

	/**
	 * A yes/no condition: false when it is set and fails; when it holds on a "yes", its
	 * reason is added.
	 */
	private static boolean holds(Boolean wanted, boolean actual, String reasonKey, List<Reason> reasons) {
		if (wanted == null) {
			return true;
		}
		if (wanted != actual) {
			return false;
		}
		if (actual) {
			reasons.add(new Reason(reasonKey, List.of()));
		}
		return true;
	}

	private static LocalDate earliest(LocalDate a, LocalDate b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isBefore(b)) ? a : b;
	}

	private record Verdict(List<Reason> reasons, LocalDate lastDay) {
	}

	private record Exit(LocalDate on, String from) {
	}

}
