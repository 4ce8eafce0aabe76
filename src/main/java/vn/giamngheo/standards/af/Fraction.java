package vn.giamngheo.standards.af;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * An exact non-negative rational number in lowest terms, so that a deprivation score
 * equal to the cut-off is never lost to floating point (1/6 + 1/6 == 1/3 exactly).
 *
 * @param numerator numerator
 * @param denominator denominator, positive
 */
public record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {

	public static final Fraction ZERO = of(0, 1);

	public static final Fraction ONE = of(1, 1);

	public Fraction {
		if (denominator.signum() == 0) {
			throw new ArithmeticException("zero denominator");
		}
		if (denominator.signum() < 0) {
			numerator = numerator.negate();
			denominator = denominator.negate();
		}
		BigInteger gcd = numerator.gcd(denominator);
		if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
			numerator = numerator.divide(gcd);
			denominator = denominator.divide(gcd);
		}
	}

	public static Fraction of(long numerator, long denominator) {
		return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
	}

	/**
	 * Parses {@code 1/6}, {@code 2}, or a decimal such as {@code 0.25}.
	 * @param text the text
	 * @return the fraction
	 * @throws NumberFormatException when malformed
	 */
	public static Fraction parse(String text) {
		String s = text.trim();
		int slash = s.indexOf('/');
		if (slash >= 0) {
			return new Fraction(new BigInteger(s.substring(0, slash).trim()),
					new BigInteger(s.substring(slash + 1).trim()));
		}
		BigDecimal decimal = new BigDecimal(s);
		if (decimal.scale() <= 0) {
			return new Fraction(decimal.toBigIntegerExact(), BigInteger.ONE);
		}
		return new Fraction(decimal.unscaledValue(), BigInteger.TEN.pow(decimal.scale()));
	}

	public Fraction add(Fraction other) {
		return new Fraction(this.numerator.multiply(other.denominator).add(other.numerator.multiply(this.denominator)),
				this.denominator.multiply(other.denominator));
	}

	public Fraction multiply(Fraction other) {
		return new Fraction(this.numerator.multiply(other.numerator), this.denominator.multiply(other.denominator));
	}

	public Fraction divide(Fraction other) {
		return new Fraction(this.numerator.multiply(other.denominator), this.denominator.multiply(other.numerator));
	}

	public int signum() {
		return this.numerator.signum();
	}

	@Override
	public int compareTo(Fraction other) {
		return this.numerator.multiply(other.denominator).compareTo(other.numerator.multiply(this.denominator));
	}

	public double toDouble() {
		return new BigDecimal(this.numerator).divide(new BigDecimal(this.denominator), MathContext.DECIMAL128)
			.doubleValue();
	}

	@Override
	public String toString() {
		return this.denominator.equals(BigInteger.ONE) ? this.numerator.toString()
				: this.numerator + "/" + this.denominator;
	}

}
