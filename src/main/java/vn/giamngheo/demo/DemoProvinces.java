package vn.giamngheo.demo;

import java.util.List;
import java.util.Map;

/**
 * What the generator knows about the two demo provinces: calibration targets by review
 * year, district profiles (terrain, poor-district and border flags, ethnic mix, how much
 * poorer than the province the district is) and household size. Figures marked "seed"
 * come from the provinces' resolutions in {@code shared/seeds}; the rest are demo
 * assumptions.
 */
final class DemoProvinces {

	private DemoProvinces() {
	}

	/**
	 * @param code district code (2024 list)
	 * @param mountain terrain MOUNTAIN (else PLAIN)
	 * @param poor30a poor district under Resolution 30a/2008/NQ-CP (demo assumption)
	 * @param border border district
	 * @param welfare mean latent welfare relative to the province (negative is poorer)
	 * @param ethnicMix ethnicity code → weight, for household heads
	 */
	record District(String code, boolean mountain, boolean poor30a, boolean border, double welfare,
			Map<String, Double> ethnicMix) {
	}

	/**
	 * @param code province code
	 * @param name province name
	 * @param firstYear first review year
	 * @param poor poor household rate (%) by review year from {@code firstYear}
	 * @param nearPoor near-poor rate (%) by review year
	 * @param middle middle-living-standard rate (%) by review year
	 * @param fullHouseholds households at full size
	 * @param meanSize mean household size
	 * @param districts district profiles
	 */
	record Province(String code, String name, int firstYear, double[] poor, double[] nearPoor, double[] middle,
			int fullHouseholds, double meanSize, List<District> districts) {

		int lastYear() {
			return this.firstYear + this.poor.length - 1;
		}

		int years() {
			return this.poor.length;
		}

		District district(String code) {
			return this.districts.stream().filter((d) -> d.code().equals(code)).findFirst().orElse(null);
		}

	}

	private static Map<String, Double> mix(Object... pairs) {
		java.util.LinkedHashMap<String, Double> m = new java.util.LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
		}
		return m;
	}

	/**
	 * Lai Châu, review years 2015–2020. Seed: 18.75% poor in 2015, −3 to −4 pp a year
	 * (poor districts −4 pp or more), near-poor −1 to −1.5 pp a year, 6 of 7 rural
	 * districts poor. Which six is an assumption: Than Uyên is left out as the most
	 * developed rural district.
	 */
	static final Province LAI_CHAU = new Province("12", "Lai Châu", 2015,
			new double[] { 18.75, 15.20, 12.10, 9.50, 7.40, 5.60 },
			new double[] { 11.50, 10.40, 9.20, 8.00, 7.00, 6.00 }, new double[] { 14.0, 15.0, 16.0, 17.0, 18.0, 19.0 },
			105_000, 4.5,
			List.of(new District("105", true, false, false, 1.6, mix("01", 55, "03", 20, "25", 10, "08", 10, "09", 5)),
					new District("106", true, true, false, -0.1,
							mix("08", 30, "09", 20, "25", 15, "03", 15, "01", 15, "42", 5)),
					new District("107", true, true, true, -0.6,
							mix("35", 30, "41", 18, "03", 15, "01", 12, "08", 8, "09", 5, "48", 5, "45", 4, "50", 3)),
					new District("108", true, true, true, -0.5,
							mix("08", 45, "09", 15, "03", 15, "35", 8, "01", 7, "42", 5, "29", 5)),
					new District("109", true, true, true, -0.4,
							mix("09", 35, "08", 25, "25", 10, "03", 10, "35", 8, "01", 9, "42", 3)),
					new District("110", true, false, false, 0.1, mix("03", 55, "01", 20, "08", 15, "29", 7, "09", 3)),
					new District("111", true, true, false, 0.0, mix("03", 45, "08", 25, "01", 20, "29", 5, "09", 5)),
					new District("112", true, true, true, -0.6,
							mix("03", 30, "08", 25, "35", 15, "45", 10, "01", 10, "48", 5, "09", 5))));

	/**
	 * Quảng Nam, review years 2016–2025. Seed: 12.90% poor in 2016, 5.23% in 2020; from
	 * the 2021 review under Decree 07 the rate is re-based higher (≈7.5% in 2021, ≈6.6%
	 * at end-2022, public figure) and falls towards the 2.87% target of 2025 (seed).
	 */
	static final Province QUANG_NAM = new Province("49", "Quảng Nam", 2016,
			new double[] { 12.90, 10.98, 9.07, 7.15, 5.23, 7.50, 6.60, 5.40, 4.20, 3.00 },
			new double[] { 6.00, 5.70, 5.40, 5.00, 4.60, 5.80, 5.30, 4.80, 4.30, 3.80 },
			new double[] { 12.0, 12.5, 13.0, 13.5, 14.0, 16.0, 16.5, 17.0, 17.5, 18.0 }, 420_000, 3.7,
			List.of(plain("502", 1.0), plain("503", 1.1), mountain("504", true, -1.7, mix("26", 88, "01", 12)),
					mountain("505", true, -1.4, mix("26", 70, "01", 30)), plain("506", 0.1, "26", 1), plain("507", 0.6),
					plain("508", 0.2), plain("509", -0.1),
					mountain("510", true, -1.5, mix("26", 35, "27", 28, "20", 4, "01", 33)),
					mountain("511", true, -1.5, mix("27", 45, "14", 15, "01", 40)),
					mountain("512", false, -0.9, mix("01", 88, "30", 8, "14", 4)), plain("513", 0.0),
					mountain("514", false, -0.8, mix("01", 98, "30", 2)),
					mountain("515", true, -1.5, mix("01", 45, "14", 40, "30", 15)),
					mountain("516", true, -2.0, mix("14", 85, "30", 5, "01", 10)), plain("517", 0.0, "30", 2),
					plain("518", 0.1)));

	private static District plain(String code, double welfare) {
		return new District(code, false, false, false, welfare, mix("01", 100));
	}

	private static District plain(String code, double welfare, String minority, double share) {
		return new District(code, false, false, false, welfare, mix("01", 100 - share, minority, share));
	}

	private static District mountain(String code, boolean poor30a, double welfare, Map<String, Double> mix) {
		return new District(code, true, poor30a, false, welfare, mix);
	}

	static List<Province> all() {
		return List.of(LAI_CHAU, QUANG_NAM);
	}

}
