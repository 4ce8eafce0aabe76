package vn.giamngheo.standards.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.giamngheo.standards.af.AfSpec;

/**
 * One poverty standard as loaded from its data file (national, or a provincial overlay
 * already merged onto its base).
 *
 * @param key standard key, e.g. {@code 2022-2025}
 * @param version data revision of the file
 * @param name name
 * @param from first day the standard applies
 * @param to last day the standard applies
 * @param legalBasis legal citation of the standard as a whole
 * @param legalAct the instrument that sets the standard as users read it, e.g. "Nghị định
 * 07/2021/NĐ-CP"
 * @param verified whether its application was verified; when {@code false} every
 * threshold of the standard reads as unverified
 * @param base key of the standard it extends, or {@code null}
 * @param provinceCode province code for a local standard, or {@code null}
 * @param example whether the file is an illustrative example
 * @param parameters named parameters used by the predicates
 * @param incomeWay cut-offs of the income way
 * @param scoreWay cut-offs of the score way, or {@code null} where none is known
 * @param indicators indicator catalogue in the standard's order
 * @param notes remarks shown to users (e.g. an unset middle band), or {@code null}
 * @param alkireFoster Alkire–Foster weights and cut-off over the indicators, or
 * {@code null} when the file gives none
 * @param file the file it was loaded from
 * @param vocabulary names of the fact values its explanations quote
 */
public record Standard(String key, int version, Text name, LocalDate from, LocalDate to, String legalBasis,
		Text legalAct, boolean verified, String base, String provinceCode, boolean example,
		Map<String, Threshold> parameters, WayRules incomeWay, WayRules scoreWay, List<Indicator> indicators,
		Text notes, AfSpec alkireFoster, String file, Vocabulary vocabulary) {

	public boolean isLocal() {
		return this.provinceCode != null;
	}

	/**
	 * The Alkire–Foster parameters as they should be reported: unverified when the
	 * standard as a whole is.
	 * @return the parameters, if the file gives them
	 */
	public Optional<AfSpec> alkireFosterSpec() {
		if (this.alkireFoster == null) {
			return Optional.empty();
		}
		return Optional.of(this.verified ? this.alkireFoster : this.alkireFoster.unverified());
	}

	public Optional<WayRules> scoreWayRules() {
		return Optional.ofNullable(this.scoreWay);
	}

	/**
	 * Position of an indicator in the catalogue.
	 * @param code indicator code
	 * @return its index, or -1
	 */
	public int indexOf(String code) {
		for (int i = 0; i < this.indicators.size(); i++) {
			if (this.indicators.get(i).code().equals(code)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * An indicator of the catalogue.
	 * @param code indicator code
	 * @return the indicator, or {@code null}
	 */
	public Indicator indicator(String code) {
		int i = indexOf(code);
		return (i >= 0) ? this.indicators.get(i) : null;
	}

	/**
	 * The cut-offs of a way as they should be reported: when the standard as a whole is
	 * unverified, so is each of its thresholds.
	 * @param way the way
	 * @return the rules, or {@code null} when the way is not available
	 */
	public WayRules rules(Way way) {
		WayRules rules = (way == Way.INCOME) ? this.incomeWay : this.scoreWay;
		if (rules == null) {
			return null;
		}
		return this.verified ? rules : rules.unverified();
	}

}
