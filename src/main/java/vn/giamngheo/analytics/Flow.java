package vn.giamngheo.analytics;

/**
 * Households of a unit moving between classes from one review year to the next.
 *
 * @param year the later review year
 * @param households households assessed this year
 * @param exited poor last year, not poor this year (thoát nghèo)
 * @param newlyPoor poor this year, not poor last year and never poor before (phát sinh)
 * @param fellBack poor this year, not poor last year but poor in an earlier year (tái
 * nghèo)
 * @param nearPoorToPoor near-poor last year, poor this year
 * @param poorToNearPoor poor last year, near-poor this year
 * @param stayedPoor poor both years
 * @param enteredPoor poor this year and not assessed last year
 */
public record Flow(int year, long households, long exited, long newlyPoor, long fellBack, long nearPoorToPoor,
		long poorToNearPoor, long stayedPoor, long enteredPoor) {
}
