package vn.giamngheo.standards.domain;

import java.time.LocalDate;
import java.util.List;

import vn.giamngheo.standards.HouseholdFacts;

/**
 * The result of classifying one household: enough to explain it, re-run it and compare it
 * under another standard.
 *
 * @param standardKey key of the standard
 * @param standardVersion data revision of the standard file
 * @param provinceCode province of the local standard used, or {@code null}
 * @param surveyDate date at which ages were computed
 * @param way income way or score way
 * @param povertyClass resulting class
 * @param poorSubtype subtype of a poor household (2016–2020), or {@code null}
 * @param deprivationCount number of deprived indicators
 * @param deprivationScore deprivation score B used (score way), or {@code null}
 * @param indicators each indicator with the fact that decided it
 * @param thresholds the thresholds used, with citations and verified flags
 * @param explanation the decision in words
 * @param facts the input facts
 */
public record Classification(String standardKey, int standardVersion, String provinceCode, LocalDate surveyDate,
		Way way, PovertyClass povertyClass, PoorSubtype poorSubtype, int deprivationCount, Integer deprivationScore,
		List<IndicatorResult> indicators, List<Threshold> thresholds, Text explanation, HouseholdFacts facts) {

}
