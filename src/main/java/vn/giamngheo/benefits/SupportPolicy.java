package vn.giamngheo.benefits;

import java.time.LocalDate;
import java.util.List;

import vn.giamngheo.benefits.domain.Citation;
import vn.giamngheo.benefits.domain.Eligibility;
import vn.giamngheo.benefits.domain.PolicyRule;

/**
 * One version of a support policy as its file states it. The code is for files and the
 * API, never a page's text (pages show {@link #name()}).
 *
 * @param code the policy's code ({@code HI_POOR}, {@code LOAN_EXITED}...)
 * @param version the file's version of the policy
 * @param name Vietnamese name
 * @param nameEn English name
 * @param agency the delivering agency ({@code identity.Agency} name: {@code VBSP},
 * {@code SOCIAL_INSURANCE}...): a partner user records and reads only its own
 * @param benefitUnit {@code HOUSEHOLD} or {@code MEMBER}
 * @param validFrom first day the policy applies
 * @param validTo last day it applies, or null while in force
 * @param legalBasis the legal citation (document, article)
 * @param verified whether the legal basis was read word for word
 * @param needs the demand kinds it answers (Phiếu C need codes, {@code EXIT_PLAN})
 * @param demandRequired whether coverage counts only the eligible with a demand (loans,
 * training, housing) rather than every eligible (health insurance, tuition)
 * @param file the file it came from
 * @param rule the version's rules as cited data: eligibility, amounts, rates, shares,
 * each with its citation and verified flag (ADR 0034)
 */
public record SupportPolicy(String code, int version, String name, String nameEn, String agency, String benefitUnit,
		LocalDate validFrom, LocalDate validTo, String legalBasis, boolean verified, List<String> needs,
		boolean demandRequired, String file, PolicyRule rule) {

	public SupportPolicy {
		needs = (needs != null) ? List.copyOf(needs) : List.of();
	}

	/**
	 * A version without rules (for callers that only need the face's fields, e.g. tests
	 * of other parts); it makes nobody eligible.
	 */
	public SupportPolicy(String code, int version, String name, String nameEn, String agency, String benefitUnit,
			LocalDate validFrom, LocalDate validTo, String legalBasis, boolean verified, List<String> needs,
			boolean demandRequired, String file) {
		this(code, version, name, nameEn, agency, benefitUnit, validFrom, validTo, legalBasis, verified, needs,
				demandRequired, file,
				new PolicyRule(code, version, validFrom, validTo, "MEMBER".equals(benefitUnit),
						new Citation(legalBasis, verified, null),
						new Eligibility(List.of(), new Citation(legalBasis, verified, null)), List.of(), List.of(),
						null, null));
	}

	/**
	 * Whether every rule of this version (eligibility, amounts, rates, shares) was
	 * verified.
	 */
	public boolean allVerified() {
		return this.rule.allVerified();
	}

	/** Whether the policy applies on the day. */
	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(this.validFrom) && (this.validTo == null || !day.isAfter(this.validTo));
	}

	/** Whether the policy is given to members rather than to households. */
	public boolean perMember() {
		return "MEMBER".equals(this.benefitUnit);
	}

}
