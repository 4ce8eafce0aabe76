package vn.giamngheo.analytics;

import java.util.List;
import java.util.Map;

import vn.giamngheo.standards.af.AfSpec;
import vn.giamngheo.standards.af.AlkireFoster;

/**
 * The Alkire–Foster sums of one unit in one year (for a group of households), read from
 * the aggregates: every measure is derived from sums, so a district's are exactly the
 * sums of its communes'.
 *
 * @param unitId unit id
 * @param name unit name
 * @param figures the year's figures (households, persons, multidimensionally poor,
 * scores)
 * @param indicators indicator code → {households deprived, persons deprived, households
 * deprived and multidimensionally poor, persons of those}
 */
public record AfUnit(long unitId, String name, Figures figures, Map<String, long[]> indicators) {

	private static final long[] NONE = new long[4];

	/**
	 * The measures over households (the unit of identification).
	 * @param spec the standard's parameters
	 * @return H, A, M0, headcounts and contributions
	 */
	public AlkireFoster.Result households(AfSpec spec) {
		return result(spec, this.figures.households(), this.figures.afPoorHouseholds(), this.figures.afScore());
	}

	private AlkireFoster.Result result(AfSpec spec, long population, long poor, long score) {
		AlkireFoster measure = spec.measure();
		List<String> codes = spec.indicators();
		long[] deprived = new long[codes.size()];
		long[] censored = new long[codes.size()];
		for (int i = 0; i < codes.size(); i++) {
			long[] sums = this.indicators.getOrDefault(codes.get(i), NONE);
			deprived[i] = sums[0];
			censored[i] = sums[2];
		}
		return measure.fromSums(this.figures.households(), population, poor, score, deprived, censored);
	}

}
