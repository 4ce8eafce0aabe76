package vn.giamngheo.standards.domain;

/**
 * One number of a standard next to the law that sets it.
 *
 * @param name threshold name, e.g. {@code income_way.poverty_line.rural}
 * @param value the value (integer VND, score points or a count)
 * @param legalBasis legal citation
 * @param verified whether the exact wording was read in a source quoting the legal text
 */
public record Threshold(String name, long value, String legalBasis, boolean verified) {

	Threshold unverified() {
		return new Threshold(this.name, this.value, this.legalBasis, false);
	}

}
