package vn.giamngheo.standards.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * One part of a standard whose text is not verified, as an officer must see it on the
 * review pages: a code whose words come from the bundles
 * ({@code standards.unverified.<code>}) and its arguments. The parts are the ones that
 * change a household's class: the standard's own text, the poverty line, the middle band,
 * the score way, the income-only tier and the indicator definitions (ADR 0032).
 *
 * @param code what is unverified
 * @param args arguments of the sentence
 */
public record Unverified(Code code, List<Object> args) {

	/** What is unverified, and what the system does meanwhile. */
	public enum Code {

		/** The instrument itself was not read: every threshold reads as unverified. */
		STANDARD_TEXT,
		/** The poverty lines come from secondary sources. */
		POVERTY_LINE,
		/** No middle band is known: households above the line are "not poor". */
		MIDDLE_UNSET,
		/** A middle band is used but its text is not verified. */
		MIDDLE,
		/** No score way (Phiếu B) is known: households are classed by income only. */
		SCORE_NONE,
		/** A score way is used but its cut-offs are not verified. */
		SCORE,
		/**
		 * Whether income alone makes a household poor is not verified; the system applies
		 * no such tier.
		 */
		INCOME_ONLY_OFF,
		/** Whether income alone makes a household poor is not verified; it applies it. */
		INCOME_ONLY_ON,
		/** Some indicator definitions are not verified (count of total). */
		INDICATORS

	}

	public Unverified {
		args = List.copyOf(args);
	}

	/**
	 * The unverified parts of a standard, in the order an officer reads them; empty when
	 * everything that decides a class is verified.
	 * @param standard the standard (national, or a province's overlay)
	 * @return the parts
	 */
	public static List<Unverified> of(Standard standard) {
		List<Unverified> parts = new ArrayList<>();
		if (!standard.verified()) {
			parts.add(new Unverified(Code.STANDARD_TEXT, List.of()));
		}
		WayRules income = standard.rules(Way.INCOME);
		AreaThreshold line = income.povertyLine();
		if (!line.rural().verified() || !line.urban().verified()) {
			parts.add(new Unverified(Code.POVERTY_LINE, List.of(line.rural().value(), line.urban().value())));
		}
		if (income.middleCeiling() == null) {
			parts.add(new Unverified(Code.MIDDLE_UNSET, List.of()));
		}
		else if (!income.middleCeiling().rural().verified() || !income.middleCeiling().urban().verified()
				|| (income.middleAgricultureOnly() != null && !income.middleAgricultureOnly().verified())) {
			parts.add(new Unverified(Code.MIDDLE, List.of()));
		}
		WayRules score = standard.rules(Way.SCORE);
		if (score == null) {
			parts.add(new Unverified(Code.SCORE_NONE, List.of()));
		}
		else if (!score.povertyLine().rural().verified() || !score.povertyLine().urban().verified()
				|| !score.deprivationCutoff().verified() || !score.pointsPerDeprivation().verified()) {
			parts.add(new Unverified(Code.SCORE, List.of(score.povertyLine().rural().value(),
					score.povertyLine().urban().value(), score.deprivationCutoff().value())));
		}
		if (!income.incomeOnlyPoor().verified()) {
			parts
				.add(new Unverified(income.isIncomeOnlyPoor() ? Code.INCOME_ONLY_ON : Code.INCOME_ONLY_OFF, List.of()));
		}
		long unverified = standard.indicators().stream().filter((i) -> !(i.verified() && standard.verified())).count();
		if (unverified > 0) {
			parts.add(new Unverified(Code.INDICATORS, List.of(unverified, standard.indicators().size())));
		}
		return List.copyOf(parts);
	}

}
