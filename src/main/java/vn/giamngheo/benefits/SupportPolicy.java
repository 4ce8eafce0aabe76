package vn.giamngheo.benefits;

import java.time.LocalDate;
import java.util.List;

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
 */
public record SupportPolicy(String code, int version, String name, String nameEn, String agency, String benefitUnit,
		LocalDate validFrom, LocalDate validTo, String legalBasis, boolean verified, List<String> needs,
		boolean demandRequired, String file) {

	public SupportPolicy {
		needs = (needs != null) ? List.copyOf(needs) : List.of();
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
