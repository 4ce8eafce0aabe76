package vn.giamngheo.demo;

import java.util.List;

/**
 * The classification thresholds the demo generator needs, and nothing more: national
 * income lines and the deprivation count of Decision 59/2015/QĐ-TTg (keys
 * {@code 2016-2020}, {@code 2021}) and Decree 07/2021/NĐ-CP Art. 3 (keys
 * {@code 2022-2025}, {@code 2026}). Money is integer VND per person per month.
 * <p>
 * <b>To be replaced by the standards engine at integration</b>: {@link #classOf} is the
 * one call to swap; nothing else in the demo reads a threshold except through this class.
 */
public final class DemoStandards {

	/** Indicator codes of the 2016–2020 standard (also 2021). */
	public static final List<String> INDICATORS_2016 = List.of("HEA", "HIN", "AED", "CED", "HQU", "HAR", "WAT", "SAN",
			"TEL", "INF");

	/** Indicator codes of the 2022–2025 standard (also 2026). */
	public static final List<String> INDICATORS_2022 = List.of("EMP", "DEP", "NUT", "HIN", "AED", "CED", "HQU", "HAR",
			"WAT", "SAN", "TEL", "INF");

	private DemoStandards() {
	}

	/** A classification: class and, for the 2016–2020 family, the poor subtype. */
	public record Result(String classification, String poorSubtype) {
	}

	/**
	 * The standard key of a review year: the review of late year N decides the list of
	 * N+1.
	 */
	public static String standardKeyOf(int reviewYear) {
		if (reviewYear <= 2019) {
			return "2016-2020";
		}
		if (reviewYear == 2020) {
			return "2021";
		}
		if (reviewYear <= 2024) {
			return "2022-2025";
		}
		return "2026";
	}

	/** Whether the key belongs to Decision 59/2015 (2016–2020, 2021). */
	public static boolean isDecision59(String standardKey) {
		return "2016-2020".equals(standardKey) || "2021".equals(standardKey);
	}

	public static List<String> indicators(String standardKey) {
		return isDecision59(standardKey) ? INDICATORS_2016 : INDICATORS_2022;
	}

	/** Poverty line (2016–2020) or income criterion (2022–2025). */
	public static long povertyLine(String standardKey, boolean urban) {
		if (isDecision59(standardKey)) {
			return urban ? 900_000 : 700_000;
		}
		return urban ? 2_000_000 : 1_500_000;
	}

	/**
	 * Upper income of the near-poor: the near-poverty line, or the same criterion under
	 * Decree 07.
	 */
	public static long nearPoorLine(String standardKey, boolean urban) {
		if (isDecision59(standardKey)) {
			return urban ? 1_300_000 : 1_000_000;
		}
		return povertyLine(standardKey, urban);
	}

	/** Upper income of the middle living standard band. */
	public static long middleMax(String standardKey, boolean urban) {
		if (isDecision59(standardKey)) {
			return urban ? 1_950_000 : 1_500_000;
		}
		return urban ? 3_000_000 : 2_250_000;
	}

	/**
	 * Classifies a household by income per person per month and number of deprived
	 * indicators under the national standard of the key.
	 */
	public static Result classOf(String standardKey, boolean urban, long income, int deprivationCount) {
		long line = povertyLine(standardKey, urban);
		long near = nearPoorLine(standardKey, urban);
		if (isDecision59(standardKey)) {
			if (income <= line) {
				return new Result("POOR", "INCOME_POOR");
			}
			if (income <= near) {
				return (deprivationCount >= 3) ? new Result("POOR", "DEPRIVATION_POOR") : new Result("NEAR_POOR", null);
			}
		}
		else if (income <= line) {
			return (deprivationCount >= 3) ? new Result("POOR", null) : new Result("NEAR_POOR", null);
		}
		return (income <= middleMax(standardKey, urban)) ? new Result("MIDDLE", null)
				: new Result("ABOVE_MIDDLE", null);
	}

}
