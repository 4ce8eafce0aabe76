package vn.giamngheo.programmes;

import java.util.List;

/**
 * Biểu 01 of Circular 10/2022 (chỉ số, khung kết quả thực hiện Chương trình) of a
 * programme, unit and year, the closest faithful table to the form whose exact columns
 * are not known (ADR 0049): each indicator of the catalogue with its level, unit, target
 * in words, baseline (the year before the programme's first), the year's actual and where
 * it comes from.
 *
 * @param programme programme code
 * @param programmeName programme name as built
 * @param unitId the unit
 * @param unitName its name
 * @param year the year
 * @param baselineYear the programme's first year − 1
 * @param status FINAL or PROVISIONAL for the year's poverty figures, null without figures
 * @param communesDone communes counted as done (coverage of a provisional year)
 * @param communes communes of the unit that year
 * @param lines the indicators, in catalogue order
 */
public record FrameworkTable(String programme, String programmeName, long unitId, String unitName, int year,
		int baselineYear, String status, int communesDone, int communes, List<IndicatorLine> lines) {

	/**
	 * One indicator.
	 *
	 * @param node the node code
	 * @param nodeName the node's name
	 * @param code indicator code
	 * @param name its name
	 * @param level OUTPUT, OUTCOME or IMPACT
	 * @param unit its unit
	 * @param target the target in words, or null
	 * @param baseline the baseline value, or null when not computable
	 * @param actual the year's value, or null when not computable
	 * @param how FIGURES (the review's poverty figures), COUNTED, ENTERED, NONE (an
	 * output neither counted nor entered) or NOT_COMPUTED (the system has no data for it)
	 * @param source the target's citation
	 * @param verified whether the target was read in the official text
	 */
	public record IndicatorLine(String node, String nodeName, String code, String name, String level, String unit,
			String target, Double baseline, Double actual, String how, String source, boolean verified) {

		/**
		 * The number the form prints for the indicator's node ("3.1"), never the code.
		 */
		public String number() {
			return vn.giamngheo.programmes.domain.NodeNumbers.of(this.node);
		}

	}

}
