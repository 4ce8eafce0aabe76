package vn.giamngheo.programmes;

/**
 * Planned, allocated and disbursed amounts in VND.
 *
 * @param planned planned (kế hoạch vốn)
 * @param allocated allocated (giao, phân bổ)
 * @param disbursed disbursed (giải ngân)
 */
public record Money(long planned, long allocated, long disbursed) {

	/** Nothing. */
	public static final Money ZERO = new Money(0, 0, 0);

	/**
	 * @param other more money
	 * @return the sum
	 */
	public Money plus(Money other) {
		return new Money(Math.addExact(this.planned, other.planned), Math.addExact(this.allocated, other.allocated),
				Math.addExact(this.disbursed, other.disbursed));
	}

	/**
	 * The disbursement rate in per mille of the allocation, or null when nothing was
	 * allocated.
	 * @return disbursed × 1000 / allocated, rounded half up
	 */
	public Long ratePerMille() {
		return (this.allocated == 0) ? null : (this.disbursed * 1000 + this.allocated / 2) / this.allocated;
	}

}
