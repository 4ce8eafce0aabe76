package vn.giamngheo.targets;

import java.util.Locale;

/**
 * An indicator of the catalogue.
 *
 * @param code stable code
 * @param kind COMPUTED, UNIT_STATUS or ENTERED
 * @param unit PERCENT, COUNT, VND or PER_10000
 * @param lowerIsBetter improves downwards
 * @param name Vietnamese name
 * @param nameEn English name
 * @param formula how it is computed
 * @param source where the value comes from
 * @param min lowest value accepted in data entry, or null
 * @param max highest value accepted in data entry, or null
 * @param aggregation how entered values roll up to higher units (SUM, COMMUNES, VILLAGES,
 * HOUSEHOLDS, PERSONS, POOR_NEAR_POOR_PERSONS or NONE)
 * @param denominator what a rate of this indicator divides by (worded by
 * {@code targets.denominator.*}); ENTERED for an entered rate, null for a count or an
 * amount
 * @param approxTolerance how far from a target's value "about" may be, in the indicator's
 * unit, or null (10% of the value)
 * @param formulaEn how it is computed, in English, or null (the formula)
 * @param sourceEn where the value comes from, in English, or null (the source)
 */
public record IndicatorDef(String code, String kind, String unit, boolean lowerIsBetter, String name, String nameEn,
		String formula, String source, Double min, Double max, String aggregation, String denominator,
		Double approxTolerance, String formulaEn, String sourceEn) {

	public IndicatorDef {
		if (denominator == null && "ENTERED".equals(kind) && "PERCENT".equals(unit)) {
			denominator = "ENTERED";
		}
	}

	/** How entered values of this indicator roll up (NONE when not additive). */
	public vn.giamngheo.targets.domain.Rollup.Aggregation rollup() {
		return vn.giamngheo.targets.domain.Rollup.Aggregation.parse(this.aggregation);
	}

	public boolean entered() {
		return "ENTERED".equals(this.kind);
	}

	public String name(Locale locale) {
		return inLanguage(locale, this.name, this.nameEn);
	}

	/** How it is computed, in the reader's language. */
	public String formula(Locale locale) {
		return inLanguage(locale, this.formula, this.formulaEn);
	}

	/** Where the value comes from, in the reader's language. */
	public String source(Locale locale) {
		return inLanguage(locale, this.source, this.sourceEn);
	}

	private static String inLanguage(Locale locale, String vietnamese, String english) {
		return ("en".equals(locale.getLanguage()) && english != null) ? english : vietnamese;
	}

}
