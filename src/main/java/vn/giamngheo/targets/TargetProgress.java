package vn.giamngheo.targets;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import vn.giamngheo.analytics.YearStatus;
import vn.giamngheo.targets.domain.Evaluation;
import vn.giamngheo.targets.domain.Phrase;

/**
 * A target of a resolution, judged for one unit on its final years.
 *
 * @param target the target
 * @param indicator its indicator
 * @param unitId the unit judged
 * @param evaluation the verdict, the rule and the final actual values
 * @param provisional the value of a later year whose review is in progress (never
 * judged), or null
 */
public record TargetProgress(Target target, IndicatorDef indicator, long unitId, Evaluation evaluation,
		Provisional provisional) {

	/**
	 * The value of a year whose figures are not final yet, shown apart with its coverage.
	 *
	 * @param year the year
	 * @param value the provisional value
	 * @param status the year's status and coverage
	 */
	public record Provisional(int year, double value, YearStatus status) {
	}

	/** The verdict's sentence, worded from the bundles (phrases inside it too). */
	public MessageSourceResolvable sentence() {
		return resolvable(this.evaluation.ruleKey(), this.evaluation.ruleArgs());
	}

	static MessageSourceResolvable resolvable(String key, List<Object> args) {
		Object[] resolved = args.stream()
			.map((a) -> (a instanceof Phrase p) ? resolvable(p.key(), p.args()) : a)
			.toArray();
		return new DefaultMessageSourceResolvable(new String[] { key }, resolved, key);
	}

}
