package vn.giamngheo.standards.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.giamngheo.standards.HouseholdFacts;

/**
 * Counts of households by old class → new class when a population is re-classified under
 * another standard.
 */
public final class TransitionMatrix {

	private final long[][] counts = new long[PovertyClass.values().length][PovertyClass.values().length];

	public void add(PovertyClass from, PovertyClass to) {
		this.counts[from.ordinal()][to.ordinal()]++;
	}

	public long get(PovertyClass from, PovertyClass to) {
		return this.counts[from.ordinal()][to.ordinal()];
	}

	/**
	 * Re-classifies every household under two standards and counts the transitions.
	 * @param households the households
	 * @param surveyDate survey date
	 * @param from the old standard
	 * @param to the new standard
	 * @return the matrix
	 */
	public static TransitionMatrix compare(Iterable<HouseholdFacts> households, LocalDate surveyDate,
			PovertyClassifier from, PovertyClassifier to) {
		TransitionMatrix matrix = new TransitionMatrix();
		for (HouseholdFacts household : households) {
			matrix.add(from.classify(household, surveyDate).povertyClass(),
					to.classify(household, surveyDate).povertyClass());
		}
		return matrix;
	}

	/**
	 * Fast re-classification on pre-evaluated flags: the same deprivation counts under
	 * two rule sets (e.g. a national standard and a provincial overlay on it).
	 * @param urban urban flag per household
	 * @param income income per head per household
	 * @param deprivations deprivation count per household
	 * @param from old rules
	 * @param to new rules
	 * @return the matrix
	 */
	public static TransitionMatrix compare(boolean[] urban, long[] income, int[] deprivations, CompiledRules from,
			CompiledRules to) {
		TransitionMatrix matrix = new TransitionMatrix();
		for (int i = 0; i < urban.length; i++) {
			matrix.add(CompiledRules.povertyClass(from.classify(urban[i], income[i], deprivations[i])),
					CompiledRules.povertyClass(to.classify(urban[i], income[i], deprivations[i])));
		}
		return matrix;
	}

	/**
	 * The matrix as nested maps of class keys, zero cells left out.
	 * @return old class key → new class key → count
	 */
	public Map<String, Map<String, Long>> asMap() {
		Map<String, Map<String, Long>> result = new LinkedHashMap<>();
		for (PovertyClass from : PovertyClass.values()) {
			for (PovertyClass to : PovertyClass.values()) {
				long n = get(from, to);
				if (n > 0) {
					result.computeIfAbsent(from.key(), (k) -> new LinkedHashMap<>()).put(to.key(), n);
				}
			}
		}
		return result;
	}

}
