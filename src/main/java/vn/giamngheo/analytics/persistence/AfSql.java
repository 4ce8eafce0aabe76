package vn.giamngheo.analytics.persistence;

import java.util.ArrayList;
import java.util.List;

import vn.giamngheo.standards.af.AlkireFoster;
import vn.giamngheo.standards.domain.Standard;
import vn.giamngheo.standards.domain.StandardCatalogue;

/**
 * The Alkire–Foster score of an assessment {@code s}, its cut-off test and the scale of
 * the score, as SQL expressions over the assessment's standard: one branch per standard
 * whose file gives Alkire–Foster parameters (weights and k), so the refresh computes them
 * in the same pass as the other counts. The score is an integer in units of 1/scale
 * (scale: the common denominator of the weights), so the cut-off test is exact. With
 * equal weights the score is the number of deprivations; otherwise each indicator of the
 * assessment's {@code deprivations} adds its weight. Standards without parameters score
 * 0, are never poor and have scale 0.
 *
 * @param score SQL of the scaled score
 * @param poor SQL of the cut-off test (score ≥ k)
 * @param scale SQL of the scale
 */
record AfSql(String score, String poor, String scale) {

	static AfSql of(StandardCatalogue catalogue) {
		List<Standard> standards = new ArrayList<>(catalogue.standards());
		standards.addAll(catalogue.localStandards());
		StringBuilder score = new StringBuilder("case s.standard_key");
		StringBuilder poor = new StringBuilder("case s.standard_key");
		StringBuilder scale = new StringBuilder("case s.standard_key");
		boolean any = false;
		java.util.Set<String> keys = new java.util.HashSet<>();
		for (Standard standard : standards) {
			// an overlay keyed like its national standard: the national branch decides
			if (standard.alkireFoster() == null || !keys.add(standard.key())) {
				continue;
			}
			any = true;
			AlkireFoster measure = standard.alkireFoster().measure();
			String key = "'" + standard.key().replace("'", "''") + "'";
			String expr = scoreOf(measure);
			score.append(" when ").append(key).append(" then ").append(expr);
			poor.append(" when ")
				.append(key)
				.append(" then ")
				.append(expr)
				.append(" >= ")
				.append(measure.minimumPoorScore());
			scale.append(" when ").append(key).append(" then ").append(measure.scale());
		}
		if (!any) {
			return new AfSql("0", "false", "0");
		}
		return new AfSql(score.append(" else 0 end").toString(), poor.append(" else false end").toString(),
				scale.append(" else 0 end").toString());
	}

	private static String scoreOf(AlkireFoster measure) {
		boolean equal = true;
		for (int i = 1; i < measure.indicators().size(); i++) {
			equal &= measure.scaledWeight(i) == measure.scaledWeight(0);
		}
		if (equal) {
			return "cardinality(s.deprivations) * " + measure.scaledWeight(0);
		}
		StringBuilder b = new StringBuilder("(0");
		for (int i = 0; i < measure.indicators().size(); i++) {
			b.append(" + case when '")
				.append(measure.indicators().get(i))
				.append("' = any(s.deprivations) then ")
				.append(measure.scaledWeight(i))
				.append(" else 0 end");
		}
		return b.append(')').toString();
	}

	/**
	 * The statement with its {AF_SCORE}, {AF_POOR} and {AF_SCALE} placeholders filled.
	 */
	String apply(String sql) {
		return sql.replace("{AF_SCORE}", this.score).replace("{AF_POOR}", this.poor).replace("{AF_SCALE}", this.scale);
	}

}
