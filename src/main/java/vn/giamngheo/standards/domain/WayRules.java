package vn.giamngheo.standards.domain;

/**
 * Cut-offs of one way of classifying (direct income, or the score way of the review
 * form). Comparisons are inclusive as the texts say ("từ … trở xuống"):
 * <ul>
 * <li>if {@code incomeOnlyPoor} and value ≤ poverty line → poor (income-poor);</li>
 * <li>else if value ≤ upper line (near-poverty line if set, otherwise poverty line): poor
 * when deprivations ≥ cut-off (deprivation-poor), otherwise near-poor;</li>
 * <li>else if a middle ceiling is set: middle when value ≤ ceiling, otherwise above
 * middle;</li>
 * <li>else not poor.</li>
 * </ul>
 *
 * @param povertyLine poverty line
 * @param nearPovertyLine near-poverty line, {@code null} where poor and near-poor share
 * one line (2022 onward)
 * @param middleCeiling upper bound of the middle living standard, {@code null} when unset
 * @param deprivationCutoff deprivation count (income way) or deprivation score B (score
 * way) at which a household is poor
 * @param pointsPerDeprivation score points per deprived indicator (score way only)
 * @param incomeOnlyPoor value 1 when income alone at or below the poverty line makes a
 * household poor (2016–2020)
 * @param middleAgricultureOnly value 1 when the middle living standard is a status only
 * of households in agriculture, forestry, fishery and salt-making (Decision 24/2021 Art.
 * 2): other households above the line are not poor; {@code null} when the file says
 * nothing
 */
public record WayRules(AreaThreshold povertyLine, AreaThreshold nearPovertyLine, AreaThreshold middleCeiling,
		Threshold deprivationCutoff, Threshold pointsPerDeprivation, Threshold incomeOnlyPoor,
		Threshold middleAgricultureOnly) {

	public WayRules(AreaThreshold povertyLine, AreaThreshold nearPovertyLine, AreaThreshold middleCeiling,
			Threshold deprivationCutoff, Threshold pointsPerDeprivation, Threshold incomeOnlyPoor) {
		this(povertyLine, nearPovertyLine, middleCeiling, deprivationCutoff, pointsPerDeprivation, incomeOnlyPoor,
				null);
	}

	/**
	 * Whether the middle band is only for households in agriculture, forestry, fishery
	 * and salt-making.
	 * @return {@code true} when so
	 */
	public boolean isMiddleAgricultureOnly() {
		return this.middleAgricultureOnly != null && this.middleAgricultureOnly.value() != 0;
	}

	public boolean isIncomeOnlyPoor() {
		return this.incomeOnlyPoor.value() != 0;
	}

	WayRules unverified() {
		return new WayRules(this.povertyLine.unverified(),
				(this.nearPovertyLine != null) ? this.nearPovertyLine.unverified() : null,
				(this.middleCeiling != null) ? this.middleCeiling.unverified() : null,
				this.deprivationCutoff.unverified(),
				(this.pointsPerDeprivation != null) ? this.pointsPerDeprivation.unverified() : null,
				this.incomeOnlyPoor.unverified(),
				(this.middleAgricultureOnly != null) ? this.middleAgricultureOnly.unverified() : null);
	}

}
