package vn.giamngheo.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo settings. A size that is not one of the allowed values stops the start (the
 * binding fails with {@link #fractionOf}'s message), instead of starting with the demo
 * logins but no demo data.
 *
 * @param enabled load the demo provinces on first start (default true; tests set false)
 * @param size {@code sample} (default, ≈10% of households), {@code full} (≈105k
 * households for Lai Châu, ≈420k for Quảng Nam), or a share of full size in (0, 4] such
 * as {@code 2%}, {@code 0.02}, {@code 2} or {@code 4} (2× and 4×: more households in the
 * same villages, for the scaling curve)
 * @param seed random seed; the same seed and size give the same data
 */
@ConfigurationProperties("giamngheo.demo")
public record DemoProperties(Boolean enabled, String size, Long seed) {

	/**
	 * The largest share of the full demo that can be generated (4×, ≈2.1M households).
	 */
	public static final double MAX_SHARE = 4.0;

	public DemoProperties {
		fractionOf(size);
	}

	public boolean isEnabled() {
		return !Boolean.FALSE.equals(this.enabled);
	}

	/** The share of the full-size province that is generated. */
	public double fraction() {
		return fractionOf(this.size);
	}

	public long seedOrDefault() {
		return (this.seed != null) ? this.seed : 20151231L;
	}

	/**
	 * The share of full size a size setting asks for.
	 * @throws IllegalArgumentException naming the setting and the allowed values when the
	 * size is not {@code sample}, {@code full} or a number in (0, 4]
	 */
	static double fractionOf(String size) {
		if (size == null || size.isBlank() || "sample".equalsIgnoreCase(size.trim())) {
			return 0.10;
		}
		String s = size.trim();
		if ("full".equalsIgnoreCase(s)) {
			return 1.0;
		}
		double value;
		try {
			value = s.endsWith("%") ? Double.parseDouble(s.substring(0, s.length() - 1).trim()) / 100.0
					: Double.parseDouble(s);
		}
		catch (NumberFormatException ex) {
			value = Double.NaN;
		}
		if (!(value > 0 && value <= MAX_SHARE)) {
			throw new IllegalArgumentException("giamngheo.demo.size (GIAMNGHEO_DEMO_SIZE) is '" + size
					+ "'; allowed: sample, full, or a share of the full demo greater than 0 and at most 4"
					+ " (such as 0.1, 25%, 2 or 4)");
		}
		return value;
	}

}
