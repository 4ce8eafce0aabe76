package vn.giamngheo.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Review years for tests. A review is unique per province and year, so two tests that
 * drew the same random year collided (a red CI run in session 3). One counter per test
 * JVM, starting at a random hundred so that a rerun against a kept database does not
 * start where the last one did. Years stay in 3000–8000: far from real data, and cleaned
 * up by the tests' "year ≥ 2990" deletes.
 */
public final class TestYears {

	private static final AtomicInteger NEXT = new AtomicInteger(3000 + ThreadLocalRandom.current().nextInt(50) * 100);

	private TestYears() {
	}

	public static int unique() {
		return NEXT.getAndIncrement();
	}

	/**
	 * A review year before the reform (2010–2024, latest first) that the province of the
	 * 2024 list has no review for yet: a review on the old units must be of a year they
	 * were in force (ADR 0030), and the test JVM's database is fresh, so the fifteen
	 * years are enough for the few tests that need the old map.
	 * @param jdbc the test's database
	 * @param provinceCode a province code of the 2024 list
	 * @return the year
	 */
	public static int beforeReform(org.springframework.jdbc.core.simple.JdbcClient jdbc, String provinceCode) {
		return jdbc
			.sql("select y from generate_series(2024, 2010, -1) y where not exists (select 1 from review r"
					+ " join admin_unit p on p.id = r.province_id where r.province_code = ? and r.year = y"
					+ " and p.edition = '2024') limit 1")
			.param(provinceCode)
			.query(Integer.class)
			.single();
	}

}
