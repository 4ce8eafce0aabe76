package vn.giamngheo.standards.domain;

/**
 * The two ways the law allows to classify a household.
 */
public enum Way {

	/** Direct income per head and deprivation facts. */
	INCOME,
	/** Income score A and deprivation score B of the review form. */
	SCORE

}
