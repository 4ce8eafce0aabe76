package vn.giamngheo.standards.af;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Alkire–Foster adjusted headcount method (Alkire &amp; Foster 2011). Indicator
 * weights are exact fractions summing to one; the poverty cut-off {@code k} is an exact
 * fraction and a deprivation score equal to {@code k} counts as poor. Internally weights
 * are scaled to integers over their least common denominator, so the cut-off test is an
 * integer comparison. Sampling weights are integers (the batch command scales decimals by
 * 10⁶).
 */
public final class AlkireFoster {

	private final List<String> indicators;

	private final List<Fraction> weights;

	private final Fraction k;

	private final long[] scaledWeights;

	private final long scale;

	private final long minimumPoorScore;

	/**
	 * Creates the measure.
	 * @param indicators indicator names in order
	 * @param weights weight of each indicator, positive, summing to exactly one
	 * @param k poverty cut-off, {@code 0 < k ≤ 1}
	 */
	public AlkireFoster(List<String> indicators, List<Fraction> weights, Fraction k) {
		if (indicators.isEmpty() || indicators.size() != weights.size() || indicators.size() > 63) {
			throw new IllegalArgumentException("need 1–63 indicators, each with one weight");
		}
		Fraction sum = Fraction.ZERO;
		BigInteger lcm = BigInteger.ONE;
		for (int i = 0; i < weights.size(); i++) {
			if (weights.get(i).signum() <= 0) {
				throw new IllegalArgumentException("weight of " + indicators.get(i) + " must be positive");
			}
			sum = sum.add(weights.get(i));
			BigInteger d = weights.get(i).denominator();
			lcm = lcm.divide(lcm.gcd(d)).multiply(d);
		}
		if (sum.compareTo(Fraction.ONE) != 0) {
			throw new IllegalArgumentException("weights must sum to 1, they sum to " + sum);
		}
		if (k.signum() <= 0 || k.compareTo(Fraction.ONE) > 0) {
			throw new IllegalArgumentException("k must be in (0, 1], got " + k);
		}
		this.indicators = List.copyOf(indicators);
		this.weights = List.copyOf(weights);
		this.k = k;
		this.scale = lcm.longValueExact();
		this.scaledWeights = new long[weights.size()];
		for (int i = 0; i < weights.size(); i++) {
			Fraction w = weights.get(i);
			this.scaledWeights[i] = w.numerator().multiply(lcm).divide(w.denominator()).longValueExact();
		}
		// smallest integer score s with s / scale >= k: ceil(k.num * scale / k.den)
		BigInteger[] qr = k.numerator().multiply(lcm).divideAndRemainder(k.denominator());
		this.minimumPoorScore = qr[0].add((qr[1].signum() > 0) ? BigInteger.ONE : BigInteger.ZERO).longValueExact();
	}

	/**
	 * Effective weights from nested weights: each dimension's weight times the
	 * indicator's relative weight within it.
	 * @param dimensions dimension → weight
	 * @param within dimension → (indicator → relative weight)
	 * @return indicator → effective weight, in dimension order
	 */
	public static Map<String, Fraction> nested(Map<String, Fraction> dimensions,
			Map<String, Map<String, Fraction>> within) {
		Map<String, Fraction> result = new LinkedHashMap<>();
		for (Map.Entry<String, Fraction> dimension : dimensions.entrySet()) {
			Map<String, Fraction> inner = within.get(dimension.getKey());
			if (inner == null || inner.isEmpty()) {
				throw new IllegalArgumentException("dimension " + dimension.getKey() + " has no indicators");
			}
			for (Map.Entry<String, Fraction> indicator : inner.entrySet()) {
				result.put(indicator.getKey(), dimension.getValue().multiply(indicator.getValue()));
			}
		}
		return result;
	}

	public List<String> indicators() {
		return this.indicators;
	}

	public List<Fraction> weights() {
		return this.weights;
	}

	public Fraction k() {
		return this.k;
	}

	/** The common denominator of the weights: scaled scores are in units of 1/scale. */
	public long scale() {
		return this.scale;
	}

	/**
	 * Weight of an indicator times {@link #scale()}.
	 * @param i indicator index
	 * @return the integer weight
	 */
	public long scaledWeight(int i) {
		return this.scaledWeights[i];
	}

	/** The smallest scaled score that is poor (k times the scale, rounded up). */
	public long minimumPoorScore() {
		return this.minimumPoorScore;
	}

	/**
	 * The measures from sums computed elsewhere (precomputed aggregates): the same result
	 * as adding the units one by one to an {@link Accumulator}.
	 * @param n number of units
	 * @param totalWeight population (sum of sampling weights)
	 * @param poorWeight population of the poor (score ≥ k)
	 * @param censoredScaledScore sum over the poor of weight × scaled score
	 * @param deprived population deprived on each indicator
	 * @param censored population poor and deprived on each indicator
	 * @return the measures
	 */
	public Result fromSums(long n, long totalWeight, long poorWeight, long censoredScaledScore, long[] deprived,
			long[] censored) {
		if (deprived.length != this.scaledWeights.length || censored.length != this.scaledWeights.length) {
			throw new IllegalArgumentException("need one sum per indicator");
		}
		Sums s = new Sums(this.scaledWeights.length);
		s.n = n;
		s.weight = totalWeight;
		s.poorWeight = poorWeight;
		s.censoredScore = censoredScaledScore;
		System.arraycopy(deprived, 0, s.deprived, 0, deprived.length);
		System.arraycopy(censored, 0, s.censored, 0, censored.length);
		return result(s);
	}

	/**
	 * Deprivation score of a unit scaled to an integer.
	 * @param deprivedMask bit i set when deprived in indicator i
	 * @return the score times the common denominator
	 */
	public long scaledScore(long deprivedMask) {
		long score = 0;
		for (int i = 0; i < this.scaledWeights.length; i++) {
			if ((deprivedMask & (1L << i)) != 0) {
				score += this.scaledWeights[i];
			}
		}
		return score;
	}

	/**
	 * The exact cut-off test.
	 * @param deprivedMask bit i set when deprived in indicator i
	 * @return whether the unit is multidimensionally poor (score ≥ k)
	 */
	public boolean isPoor(long deprivedMask) {
		return scaledScore(deprivedMask) >= this.minimumPoorScore;
	}

	public Accumulator accumulator() {
		return new Accumulator();
	}

	/**
	 * Running sums for the whole population and per group.
	 */
	public final class Accumulator {

		private final Sums total = new Sums(AlkireFoster.this.scaledWeights.length);

		private final Map<String, Sums> groups = new LinkedHashMap<>();

		/**
		 * Adds one unit.
		 * @param deprivedMask bit i set when deprived in indicator i
		 * @param weight sampling weight (integer units; 1 when unweighted)
		 * @param group group value, or {@code null}
		 */
		public void add(long deprivedMask, long weight, String group) {
			long score = scaledScore(deprivedMask);
			boolean poor = score >= AlkireFoster.this.minimumPoorScore;
			this.total.add(deprivedMask, weight, score, poor);
			if (group != null) {
				this.groups.computeIfAbsent(group, (g) -> new Sums(AlkireFoster.this.scaledWeights.length))
					.add(deprivedMask, weight, score, poor);
			}
		}

		public Result result() {
			return AlkireFoster.this.result(this.total);
		}

		public Map<String, Result> groupResults() {
			Map<String, Result> results = new LinkedHashMap<>();
			this.groups.forEach((g, sums) -> results.put(g, AlkireFoster.this.result(sums)));
			return results;
		}

	}

	private static final class Sums {

		long n;

		long weight;

		long poorWeight;

		long censoredScore;

		final long[] deprived;

		final long[] censored;

		Sums(int indicators) {
			this.deprived = new long[indicators];
			this.censored = new long[indicators];
		}

		void add(long mask, long w, long score, boolean poor) {
			this.n++;
			this.weight = Math.addExact(this.weight, w);
			if (poor) {
				this.poorWeight = Math.addExact(this.poorWeight, w);
				this.censoredScore = Math.addExact(this.censoredScore, Math.multiplyExact(w, score));
			}
			for (int i = 0; i < this.deprived.length; i++) {
				if ((mask & (1L << i)) != 0) {
					this.deprived[i] = Math.addExact(this.deprived[i], w);
					if (poor) {
						this.censored[i] = Math.addExact(this.censored[i], w);
					}
				}
			}
		}

	}

	private Result result(Sums s) {
		Fraction total = Fraction.of(Math.max(s.weight, 1), 1);
		Fraction h = Fraction.of(s.poorWeight, 1).divide(total);
		Fraction m0 = Fraction.of(s.censoredScore, this.scale).divide(total);
		Fraction a = (s.poorWeight == 0) ? Fraction.ZERO
				: Fraction.of(s.censoredScore, this.scale).divide(Fraction.of(s.poorWeight, 1));
		List<Fraction> hd = new ArrayList<>();
		List<Fraction> hdk = new ArrayList<>();
		List<Fraction> absolute = new ArrayList<>();
		List<Fraction> percent = new ArrayList<>();
		for (int i = 0; i < this.scaledWeights.length; i++) {
			hd.add(Fraction.of(s.deprived[i], 1).divide(total));
			Fraction censored = Fraction.of(s.censored[i], 1).divide(total);
			hdk.add(censored);
			Fraction contribution = this.weights.get(i).multiply(censored);
			absolute.add(contribution);
			percent.add((m0.signum() == 0) ? Fraction.ZERO : contribution.divide(m0));
		}
		return new Result(s.n, s.weight, h, a, m0, hd, hdk, absolute, percent);
	}

	/**
	 * Alkire–Foster measures of a population.
	 *
	 * @param n number of units
	 * @param totalWeight sum of sampling weights
	 * @param headcount H, the multidimensional headcount ratio
	 * @param intensity A, the average deprivation share among the poor
	 * @param adjustedHeadcount M0 = H × A
	 * @param uncensored uncensored headcount ratio per indicator
	 * @param censored censored headcount ratio per indicator
	 * @param contributions absolute contribution per indicator (w × censored ratio; sums
	 * to M0)
	 * @param contributionShares percentage contribution per indicator (sums to 1)
	 */
	public record Result(long n, long totalWeight, Fraction headcount, Fraction intensity, Fraction adjustedHeadcount,
			List<Fraction> uncensored, List<Fraction> censored, List<Fraction> contributions,
			List<Fraction> contributionShares) {

	}

}
