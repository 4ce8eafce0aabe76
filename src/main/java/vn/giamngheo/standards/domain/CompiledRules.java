package vn.giamngheo.standards.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The cut-offs of one way of one standard flattened into primitives: the fast path used
 * by the batch command and bulk re-classification on pre-evaluated flags. The full
 * {@link PovertyClassifier} goes through the same method, so both paths always agree.
 */
public final class CompiledRules {

	/** Poor, where the standard has no subtypes. */
	public static final int POOR = 0;

	/** Poor by income alone (2016–2020). */
	public static final int POOR_INCOME = 1;

	/** Poor by deprivations (2016–2020). */
	public static final int POOR_DEPRIVATION = 2;

	public static final int NEAR_POOR = 3;

	public static final int MIDDLE = 4;

	public static final int ABOVE_MIDDLE = 5;

	public static final int NOT_POOR = 6;

	public static final int CLASS_COUNT = 7;

	private static final String[] KEYS = { "poor", "poor_income", "poor_deprivation", "near_poor", "middle",
			"above_middle", "not_poor" };

	private final long povertyRural;

	private final long povertyUrban;

	private final long upperRural;

	private final long upperUrban;

	private final long middleRural;

	private final long middleUrban;

	private final int cutoff;

	private final boolean incomeOnly;

	private CompiledRules(WayRules rules) {
		this.povertyRural = rules.povertyLine().rural().value();
		this.povertyUrban = rules.povertyLine().urban().value();
		AreaThreshold upper = (rules.nearPovertyLine() != null) ? rules.nearPovertyLine() : rules.povertyLine();
		this.upperRural = upper.rural().value();
		this.upperUrban = upper.urban().value();
		this.middleRural = (rules.middleCeiling() != null) ? rules.middleCeiling().rural().value() : -1;
		this.middleUrban = (rules.middleCeiling() != null) ? rules.middleCeiling().urban().value() : -1;
		this.cutoff = (int) rules.deprivationCutoff().value();
		this.incomeOnly = rules.isIncomeOnlyPoor();
	}

	public static CompiledRules of(WayRules rules) {
		return new CompiledRules(rules);
	}

	/**
	 * Classifies one household.
	 * @param urban urban area
	 * @param value income per head in VND (income way) or income score A (score way)
	 * @param deprivations deprivation count (income way) or deprivation score B (score
	 * way)
	 * @return a class code of this class
	 */
	public int classify(boolean urban, long value, int deprivations) {
		if (this.incomeOnly && value <= (urban ? this.povertyUrban : this.povertyRural)) {
			return POOR_INCOME;
		}
		if (value <= (urban ? this.upperUrban : this.upperRural)) {
			if (deprivations >= this.cutoff) {
				return this.incomeOnly ? POOR_DEPRIVATION : POOR;
			}
			return NEAR_POOR;
		}
		long middle = urban ? this.middleUrban : this.middleRural;
		if (middle < 0) {
			return NOT_POOR;
		}
		return (value <= middle) ? MIDDLE : ABOVE_MIDDLE;
	}

	/**
	 * Whether the middle band is set.
	 * @return {@code true} when set
	 */
	public boolean hasMiddleBand() {
		return this.middleRural >= 0;
	}

	/**
	 * Whether poor households are split into income-poor and deprivation-poor.
	 * @return {@code true} for 2016–2020
	 */
	public boolean hasPoorSubtypes() {
		return this.incomeOnly;
	}

	/**
	 * The class keys this way can produce, in report order ({@code poor} always first, as
	 * the total of its subtypes).
	 * @return the keys
	 */
	public List<String> classKeys() {
		List<String> keys = new ArrayList<>();
		keys.add("poor");
		if (this.incomeOnly) {
			keys.add("poor_income");
			keys.add("poor_deprivation");
		}
		keys.add("near_poor");
		if (hasMiddleBand()) {
			keys.add("middle");
			keys.add("above_middle");
		}
		else {
			keys.add("not_poor");
		}
		return keys;
	}

	public static String key(int code) {
		return KEYS[code];
	}

	public static int codeOf(String key) {
		for (int i = 0; i < KEYS.length; i++) {
			if (KEYS[i].equals(key)) {
				return i;
			}
		}
		throw new IllegalArgumentException(key);
	}

	public static boolean isPoor(int code) {
		return code <= POOR_DEPRIVATION;
	}

	public static PovertyClass povertyClass(int code) {
		return switch (code) {
			case POOR, POOR_INCOME, POOR_DEPRIVATION -> PovertyClass.POOR;
			case NEAR_POOR -> PovertyClass.NEAR_POOR;
			case MIDDLE -> PovertyClass.MIDDLE;
			case ABOVE_MIDDLE -> PovertyClass.ABOVE_MIDDLE;
			default -> PovertyClass.NOT_POOR;
		};
	}

	public static PoorSubtype subtype(int code) {
		return switch (code) {
			case POOR_INCOME -> PoorSubtype.INCOME_POOR;
			case POOR_DEPRIVATION -> PoorSubtype.DEPRIVATION_POOR;
			default -> null;
		};
	}

}
