package vn.giamngheo.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo settings.
 *
 * @param enabled load the demo provinces on first start (default true; tests set false)
 * @param size {@code sample} (default, ≈10% of households), {@code full} (≈105k
 * households for Lai Châu, ≈420k for Quảng Nam), or a share such as {@code 2%} or
 * {@code 0.02}
 * @param seed random seed; the same seed and size give the same data
 */
@ConfigurationProperties("giamngheo.demo")
public record DemoProperties(Boolean enabled, String size, Long seed) {

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

	static double fractionOf(String size) {
		if (size == null || size.isBlank() || "sample".equalsIgnoreCase(size.trim())) {
			return 0.10;
		}
		String s = size.trim();
		if ("full".equalsIgnoreCase(s)) {
			return 1.0;
		}
		double value = s.endsWith("%") ? Double.parseDouble(s.substring(0, s.length() - 1)) / 100.0
				: Double.parseDouble(s);
		if (!(value > 0 && value <= 1.0)) {
			throw new IllegalArgumentException(
					"giamngheo.demo.size must be sample, full or a share in (0, 1]: " + size);
		}
		return value;
	}

}
