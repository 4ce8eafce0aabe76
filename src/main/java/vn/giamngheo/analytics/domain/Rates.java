package vn.giamngheo.analytics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The formulas behind the indicators, kept in one place so they can be read and tested:
 * rates in percent of households, changes in percentage points, shares and means. Counts
 * are integers; a rate is computed once from the integer counts, never summed.
 */
public final class Rates {

	private Rates() {
	}

	/**
	 * Percentage of {@code part} in {@code whole}, rounded half-up to 2 decimals; null
	 * when the whole is 0.
	 * @param part numerator count
	 * @param whole denominator count
	 * @return the rate in percent, or null
	 */
	public static Double percent(long part, long whole) {
		if (whole <= 0) {
			return null;
		}
		return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP).doubleValue();
	}

	/**
	 * The fall in percentage points from one year to the next ({@code before − after}):
	 * positive when the rate went down. Rounded to 2 decimals.
	 * @param before rate of the earlier year (%)
	 * @param after rate of the later year (%)
	 * @return the reduction in percentage points
	 */
	public static double reductionPp(double before, double after) {
		return round2(before - after);
	}

	/**
	 * Mean monthly income per head of a group: the sum of per-head incomes weighted by
	 * household size over the number of members, in whole VND.
	 * @param incomeSum sum of income per head x members
	 * @param persons members counted
	 * @return mean VND per person per month, or null
	 */
	public static Long meanIncome(long incomeSum, long persons) {
		if (persons <= 0) {
			return null;
		}
		return BigDecimal.valueOf(incomeSum).divide(BigDecimal.valueOf(persons), 0, RoundingMode.HALF_UP).longValue();
	}

	public static double round2(double v) {
		return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

}
