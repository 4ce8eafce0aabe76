package vn.giamngheo.benefits.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of a policy as the pure rules judge it: its dates, its benefit unit and who
 * is eligible. Amounts, rates and shares ride along for pages and the ledger.
 *
 * @param code the policy's code
 * @param version the version
 * @param validFrom first day in force
 * @param validTo last day in force, or null
 * @param perMember whether members (not households) are entitled
 * @param legalBasis the version's legal basis
 * @param eligibility who is eligible
 * @param amounts amounts and limits
 * @param rates interest rates and loan terms
 * @param shares who pays (null when the file states none)
 * @param note what is not verified in this version and why (may be null)
 */
public record PolicyRule(String code, int version, LocalDate validFrom, LocalDate validTo, boolean perMember,
		Citation legalBasis, Eligibility eligibility, List<Term> amounts, List<Term> rates, Shares shares,
		String note) {

	public PolicyRule {
		amounts = List.copyOf(amounts);
		rates = List.copyOf(rates);
	}

	/** Whether the version applies on the day. */
	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(this.validFrom) && (this.validTo == null || !day.isAfter(this.validTo));
	}

	/**
	 * Every citation of the version: legal basis, eligibility, each amount, each rate,
	 * the shares.
	 */
	public List<Citation> citations() {
		List<Citation> all = new java.util.ArrayList<>();
		all.add(this.legalBasis);
		all.add(this.eligibility.citation());
		this.amounts.forEach((t) -> all.add(t.citation()));
		this.rates.forEach((t) -> all.add(t.citation()));
		if (this.shares != null) {
			all.add(this.shares.citation());
		}
		return all;
	}

	/** Whether every rule of the version was verified word for word. */
	public boolean allVerified() {
		return citations().stream().allMatch(Citation::verified);
	}

}
