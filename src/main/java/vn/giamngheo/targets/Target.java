package vn.giamngheo.targets;

import java.util.TreeMap;

import vn.giamngheo.targets.domain.Comparator;
import vn.giamngheo.targets.domain.Judging;

/**
 * A stored target of a resolution.
 *
 * @param id opaque id
 * @param resolutionId its resolution
 * @param seq order in the resolution
 * @param code code in the resolution
 * @param indicatorCode indicator of the catalogue
 * @param groupCode group of households (analytics group code)
 * @param numeratorGroup households counted in the numerator only, or null
 * @param comparator comparator
 * @param value value
 * @param valueMax upper end of a range, or null
 * @param targetYear year due, null for every year
 * @param baselineYear baseline year, or null
 * @param baselineValue baseline value, or null
 * @param reported official figures quoted by the resolution
 * @param reference reference series (national rate)
 * @param referenceNote where the reference comes from
 * @param quote the sentence of the resolution
 * @param note remarks (bases, assumptions)
 * @param scorecard a criterion of the unit scorecard
 * @param judging how a target of every year is judged (each year or the average), or null
 * for the comparator's own way
 * @param referenceSources the citation and verified flag of each reference value, by year
 * @param legalBasis where the target itself comes from (a programme, a decision), or null
 * @param verified whether the target was read in that text
 */
public record Target(long id, long resolutionId, int seq, String code, String indicatorCode, String groupCode,
		String numeratorGroup, Comparator comparator, double value, Double valueMax, Integer targetYear,
		Integer baselineYear, Double baselineValue, TreeMap<Integer, Double> reported,
		TreeMap<Integer, Double> reference, String referenceNote, String quote, String note, boolean scorecard,
		Judging judging, TreeMap<Integer, ResolutionFile.ReferenceSource> referenceSources, String legalBasis,
		boolean verified) {

	public Target {
		referenceSources = (referenceSources == null) ? new TreeMap<>() : referenceSources;
	}

	/** "3–4" for a range, else the value, without trailing zeros. */
	public String valueText() {
		return (this.valueMax == null) ? plain(this.value) : plain(this.value) + "–" + plain(this.valueMax);
	}

	static String plain(double v) {
		return (v == Math.rint(v)) ? Long.toString((long) v)
				: java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
	}

}
