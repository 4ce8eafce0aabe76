package vn.giamngheo.standards.domain;

/**
 * One indicator's result for one household.
 *
 * @param code indicator code
 * @param name indicator name
 * @param deprived whether the household is deprived
 * @param fact the fact that decided it, as a sentence
 * @param legalBasis legal citation of the definition
 * @param verified whether the definition was verified
 */
public record IndicatorResult(String code, Text name, boolean deprived, Text fact, String legalBasis,
		boolean verified) {

}
