package vn.giamngheo.benefits.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One amount, rate, limit or term of a policy version, with its own citation and verified
 * flag. Money is integer VND; percentages are exact decimals (never floating point).
 *
 * @param label what it is ({@code NEW_HOUSE}, {@code INTEREST}... one of {@link #LABELS})
 * @param kind how it is stated (one of {@link #KINDS})
 * @param vnd an amount in VND (fixed, limit, per month)
 * @param months a number of months (at most, per school year, loan term)
 * @param kwh kilowatt-hours per month
 * @param percent a percentage (of the contribution, per year, of the normal rate)
 * @param atLeast whether the percentage is a floor ("at least 70 %")
 * @param paid how often it is paid ({@code MONTHLY}, {@code QUARTERLY},
 * {@code TWICE_A_YEAR}, {@code YEARLY}, {@code ONCE}), or null
 * @param from first day it applies when it changed within the version, or null
 * @param to last day it applies, or null
 * @param where designations of the household's units that it applies in (empty: anywhere)
 * @param classes household classes it applies to (empty: every eligible household)
 * @param citation where it comes from
 */
public record Term(String label, String kind, Long vnd, Integer months, Integer kwh, BigDecimal percent,
		boolean atLeast, String paid, LocalDate from, LocalDate to, Set<String> where, Set<String> classes,
		Citation citation) {

	/** How a term is stated. */
	public static final List<String> KINDS = List.of("VND", "VND_UP_TO", "VND_PER_MONTH", "VND_PER_DAY",
			"KWH_PER_MONTH", "PERCENT_OF_CONTRIBUTION", "PERCENT_PER_YEAR", "PERCENT_OF_RATE", "MONTHS_UP_TO",
			"BY_DECISION");

	/** Kinds allowed among the rates (the rest are amounts). */
	public static final List<String> RATE_KINDS = List.of("PERCENT_PER_YEAR", "PERCENT_OF_RATE", "MONTHS_UP_TO");

	/** What a term is about (each has a name in the support bundle). */
	public static final List<String> LABELS = List.of("CONTRIBUTION", "LOAN_LIMIT", "INTEREST", "OVERDUE_INTEREST",
			"LOAN_TERM", "NEW_HOUSE", "HOUSE_REPAIR", "TUITION", "LEARNING_COST", "ELECTRICITY_BILL", "COURSE_COST",
			"MEALS", "TRAVEL", "GIFT", "LIVELIHOOD_SUPPORT", "EXIT_PLAN_FUNDING", "JOB_SUPPORT", "LEGAL_AID_SERVICE");

	/** How often a payment is made. */
	public static final List<String> PAYMENTS = List.of("MONTHLY", "QUARTERLY", "TWICE_A_YEAR", "YEARLY", "ONCE");

	public Term {
		where = (where != null) ? Set.copyOf(where) : Set.of();
		classes = (classes != null) ? Set.copyOf(classes) : Set.of();
	}

	/** Whether the term applies on a day (its own dates, when it has them). */
	public boolean appliesOn(LocalDate day) {
		return (this.from == null || !day.isBefore(this.from)) && (this.to == null || !day.isAfter(this.to));
	}

}
