package vn.giamngheo.exits.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.giamngheo.shared.error.DomainException.FieldProblem;

/**
 * The rules of an exit registration (đăng ký thoát nghèo), without Spring or a database
 * (ADR 0040): what a registration must hold, its budget, and the outcome of the review of
 * its target year. Problems are split into missing or malformed fields (400) and rule
 * refusals (422) so that the web layer maps them.
 */
public final class PlanRules {

	/** The classes a household may register to leave. */
	public static final List<String> FROM_CLASSES = List.of("POOR", "NEAR_POOR");

	/** The progress of a checkpoint. */
	public static final List<String> PROGRESS = List.of("ON_TRACK", "AT_RISK", "OFF_TRACK", "DONE");

	/** The outcome when the class of the target year is better than the class left. */
	public static final String EXITED = "EXITED";

	/** The outcome when it is the same class or a worse one. */
	public static final String NOT_EXITED = "NOT_EXITED";

	/** How many years ahead a plan may aim (a programme period). */
	static final int MOST_YEARS_AHEAD = 5;

	private PlanRules() {
	}

	/** One need of a plan as typed: a policy code or a description, and an amount. */
	public record Need(String policyCode, String description, Long amountVnd) {
	}

	/**
	 * The problems of a registration, each a field and a message key.
	 *
	 * @param missing fields absent or malformed (400)
	 * @param rules rule refusals (422)
	 */
	public record Problems(List<FieldProblem> missing, List<FieldProblem> rules) {

		public boolean none() {
			return this.missing.isEmpty() && this.rules.isEmpty();
		}

	}

	/**
	 * Checks a registration or an edit.
	 * @param targetYear the review year in which it means to leave
	 * @param ownActions what the household will do itself
	 * @param needs the support it needs
	 * @param budgetVnd the budget given, or null to take the sum
	 * @param ownVnd its own contribution, or null for none
	 * @param today today in Viet Nam
	 * @param knownPolicy whether a policy code is one of the ledger's
	 * @return the problems
	 */
	public static Problems check(Integer targetYear, String ownActions, List<Need> needs, Long budgetVnd, Long ownVnd,
			LocalDate today, java.util.function.Predicate<String> knownPolicy) {
		List<FieldProblem> missing = new ArrayList<>();
		List<FieldProblem> rules = new ArrayList<>();
		if (targetYear == null) {
			missing.add(new FieldProblem("targetYear", "error.field.required"));
		}
		else if (targetYear < today.getYear()) {
			rules.add(new FieldProblem("targetYear", "exits.plan.target-past", today.getYear()));
		}
		else if (targetYear > today.getYear() + MOST_YEARS_AHEAD) {
			rules.add(new FieldProblem("targetYear", "exits.plan.target-far", today.getYear() + MOST_YEARS_AHEAD));
		}
		if (ownActions == null || ownActions.isBlank()) {
			missing.add(new FieldProblem("ownActions", "error.field.required"));
		}
		List<Need> given = (needs != null) ? needs : List.of();
		for (int i = 0; i < given.size(); i++) {
			Need n = given.get(i);
			String field = "needs[" + i + "]";
			boolean policy = n.policyCode() != null && !n.policyCode().isBlank();
			boolean description = n.description() != null && !n.description().isBlank();
			if (!policy && !description) {
				rules.add(new FieldProblem(field, "exits.plan.need-what", i + 1));
			}
			else if (policy && !knownPolicy.test(n.policyCode().strip())) {
				rules.add(new FieldProblem(field, "exits.plan.need-policy-unknown", i + 1));
			}
			if (n.amountVnd() == null) {
				missing.add(new FieldProblem(field, "exits.plan.need-amount", i + 1));
			}
			else if (n.amountVnd() < 0) {
				rules.add(new FieldProblem(field, "exits.plan.negative"));
			}
		}
		if (ownVnd != null && ownVnd < 0) {
			rules.add(new FieldProblem("ownVnd", "exits.plan.negative"));
		}
		if (budgetVnd != null && budgetVnd < 0) {
			rules.add(new FieldProblem("budgetVnd", "exits.plan.negative"));
		}
		else if (budgetVnd != null && rules.isEmpty() && missing.isEmpty()
				&& budgetVnd < needsTotal(given) + orZero(ownVnd)) {
			rules.add(new FieldProblem("budgetVnd", "exits.plan.budget-short", needsTotal(given) + orZero(ownVnd)));
		}
		return new Problems(missing, rules);
	}

	/** The sum of the needs' amounts. */
	public static long needsTotal(List<Need> needs) {
		long sum = 0;
		for (Need n : (needs != null) ? needs : List.<Need>of()) {
			sum = Math.addExact(sum, orZero(n.amountVnd()));
		}
		return sum;
	}

	/** The budget: as given, or the needs plus the household's own contribution. */
	public static long budget(List<Need> needs, Long budgetVnd, Long ownVnd) {
		return (budgetVnd != null) ? budgetVnd : Math.addExact(needsTotal(needs), orZero(ownVnd));
	}

	/**
	 * Whether a household of this class may register (its latest recognised class is poor
	 * or near-poor).
	 */
	public static boolean mayRegister(String currentClass) {
		return currentClass != null && FROM_CLASSES.contains(currentClass);
	}

	/**
	 * The outcome of a plan at the review of its target year: {@link #EXITED} when the
	 * recognised class is better than the class it registered to leave (poor → near-poor
	 * or above; near-poor → above near-poor), {@link #NOT_EXITED} when it is the same or
	 * worse.
	 * @param fromClass POOR or NEAR_POOR
	 * @param classOfYear the recognised class of the target year
	 * @return the outcome
	 */
	public static String outcome(String fromClass, String classOfYear) {
		return (rank(classOfYear) > rank(fromClass)) ? EXITED : NOT_EXITED;
	}

	/** POOR 0, NEAR_POOR 1, every class above near-poor 2. */
	static int rank(String classification) {
		return switch (classification) {
			case "POOR" -> 0;
			case "NEAR_POOR" -> 1;
			default -> 2;
		};
	}

	private static long orZero(Long v) {
		return (v != null) ? v : 0;
	}

}
