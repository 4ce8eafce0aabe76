package vn.giamngheo.review;

import java.util.List;

/**
 * The standards engine's explanation of a proposed class, kept with the survey.
 *
 * @param standardKey standard
 * @param way INCOME or SCORE
 * @param vi the decision in Vietnamese
 * @param en the decision in English
 * @param indicators each indicator with the fact that decided it
 */
public record Explanation(String standardKey, String way, String vi, String en, List<Line> indicators) {

	/**
	 * One indicator.
	 *
	 * @param code indicator code
	 * @param nameVi name (vi)
	 * @param nameEn name (en)
	 * @param deprived deprived
	 * @param factVi deciding fact (vi)
	 * @param factEn deciding fact (en)
	 */
	public record Line(String code, String nameVi, String nameEn, boolean deprived, String factVi, String factEn) {
	}

}
