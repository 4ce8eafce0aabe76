package vn.giamngheo.targets.domain;

import java.util.List;

/** The linear trend of a series (least squares), read at a year. */
public final class Forecast {

	private Forecast() {
	}

	/**
	 * The least-squares line through the points, at {@code year}; null with fewer than
	 * two distinct years.
	 * @param points the series
	 * @param year where to read the line
	 * @return the value, rounded to 2 decimals, or null
	 */
	public static Double linear(List<Point> points, int year) {
		int n = points.size();
		if (n < 2) {
			return null;
		}
		double mx = 0;
		double my = 0;
		for (Point p : points) {
			mx += p.year();
			my += p.value();
		}
		mx /= n;
		my /= n;
		double sxx = 0;
		double sxy = 0;
		for (Point p : points) {
			sxx += (p.year() - mx) * (p.year() - mx);
			sxy += (p.year() - mx) * (p.value() - my);
		}
		if (sxx == 0) {
			return null;
		}
		double slope = sxy / sxx;
		return round(my + slope * (year - mx));
	}

	/**
	 * The linear trend of the points (oldest first) projected to a later year, or null
	 * when there are fewer than two years or the year is not after the last point (a
	 * projection never repeats a value already known).
	 */
	public static Projection project(List<Point> points, int year) {
		if (points.isEmpty() || year <= points.get(points.size() - 1).year()) {
			return null;
		}
		Double v = linear(points, year);
		return (v == null) ? null : new Projection(year, v, Projection.Method.LINEAR_TREND, points.get(0).year(),
				points.get(points.size() - 1).year());
	}

	static double round(double v) {
		return Math.round(v * 100.0) / 100.0;
	}

}
