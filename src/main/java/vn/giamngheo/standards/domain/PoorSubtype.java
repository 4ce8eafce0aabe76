package vn.giamngheo.standards.domain;

/**
 * Kind of poor household where a standard distinguishes them (2016–2020).
 */
public enum PoorSubtype {

	/** Income at or below the poverty line. */
	INCOME_POOR,
	/**
	 * Income above the poverty line, at or below the near-poverty line, with enough
	 * deprivations.
	 */
	DEPRIVATION_POOR

}
