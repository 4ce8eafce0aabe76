package vn.giamngheo.standards.af;

import java.util.List;

/**
 * The Alkire–Foster parameters of a poverty standard, read from its data file with their
 * legal citation: one exact weight per indicator of the standard (in its order) and the
 * poverty cut-off {@code k}.
 *
 * @param indicators indicator codes, in the standard's order
 * @param weights weight of each indicator (exact, summing to one)
 * @param k poverty cut-off (a score equal to k is poor)
 * @param legalBasis where the weights and the cut-off come from
 * @param verified whether that wording was verified in the legal text
 */
public record AfSpec(List<String> indicators, List<Fraction> weights, Fraction k, String legalBasis, boolean verified) {

	public AfSpec {
		indicators = List.copyOf(indicators);
		weights = List.copyOf(weights);
	}

	/**
	 * The measure; throws {@link IllegalArgumentException} when the weights do not sum to
	 * one or k is outside (0, 1].
	 * @return the Alkire–Foster measure
	 */
	public AlkireFoster measure() {
		return new AlkireFoster(this.indicators, this.weights, this.k);
	}

	/**
	 * The citation in one language: the data files write it "Vietnamese / English"; a
	 * citation without exactly one such separator is shown whole.
	 * @param language the reader's language ("en" for English, else Vietnamese)
	 * @return the citation in that language
	 */
	public String legalBasisIn(String language) {
		int at = (this.legalBasis == null) ? -1 : this.legalBasis.indexOf(" / ");
		if (at < 0 || this.legalBasis.indexOf(" / ", at + 3) >= 0) {
			return this.legalBasis;
		}
		return "en".equals(language) ? this.legalBasis.substring(at + 3) : this.legalBasis.substring(0, at);
	}

	/** Whether every indicator has the same weight (the legal count of deprivations). */
	public boolean equalWeights() {
		return this.weights.stream().distinct().count() == 1;
	}

	/**
	 * The same parameters, reported as unverified (the standard itself is unverified).
	 */
	public AfSpec unverified() {
		return new AfSpec(this.indicators, this.weights, this.k, this.legalBasis, false);
	}

}
