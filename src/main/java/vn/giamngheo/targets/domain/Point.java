package vn.giamngheo.targets.domain;

/**
 * An actual value of an indicator in a year.
 *
 * @param year the year (review year for registry indicators)
 * @param value the value
 * @param basis what the value is measured against (the poverty standard of the year);
 * yearly changes are taken only between points of the same basis
 */
public record Point(int year, double value, String basis) {

	public Point(int year, double value) {
		this(year, value, "");
	}

}
