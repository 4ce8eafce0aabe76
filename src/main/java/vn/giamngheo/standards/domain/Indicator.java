package vn.giamngheo.standards.domain;

/**
 * One deprivation indicator of a standard.
 *
 * @param code short code, e.g. {@code CED}
 * @param service basic social service (dimension)
 * @param name indicator name
 * @param definition deprivation definition in words
 * @param legalBasis legal citation
 * @param verified whether the definition's wording was verified
 * @param predicate the definition as data
 * @param explanation template of the deciding fact when deprived
 */
public record Indicator(String code, Text service, Text name, Text definition, String legalBasis, boolean verified,
		Predicates.HouseholdPredicate predicate, Text explanation) {

}
