package vn.giamngheo.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.giamngheo.benefits.EligibilityLists;
import vn.giamngheo.demo.DemoProvinces.Province;

/**
 * Replays the demo's eligibility lists year by year: after each review year's recognition
 * (15/12), as of that day, per province, trigger {@code DEMO}, so the spells hold the
 * history (opened and ended as the households' classes changed). A list day already run
 * is skipped, so a restart does not run it twice.
 */
@Component
class DemoEligibility {

	private static final Logger log = LoggerFactory.getLogger(DemoEligibility.class);

	/** The first day on the 2025 units (the households moved on 01/07/2025). */
	static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

	private final EligibilityLists lists;

	private final JdbcClient jdbc;

	DemoEligibility(EligibilityLists lists, JdbcClient jdbc) {
		this.lists = lists;
		this.jdbc = jdbc;
	}

	/** One list day: the province as its code reads on that day. */
	record ListDay(String provinceCode, LocalDate asOf) {
	}

	/**
	 * The recognition days of the demo's review years: Lai Châu 2015–2020 (province 12),
	 * Quảng Nam 2016–2025 (province 49 until the reform, then Thành phố Đà Nẵng, 48).
	 */
	static List<ListDay> listDays() {
		List<ListDay> days = new ArrayList<>();
		for (Province p : DemoProvinces.all()) {
			for (int year = p.firstYear(); year <= p.lastYear(); year++) {
				LocalDate day = LocalDate.of(year, 12, 15);
				String code = (DemoProvinces.QUANG_NAM.code().equals(p.code()) && !day.isBefore(REFORM)) ? "48"
						: p.code();
				days.add(new ListDay(code, day));
			}
		}
		days.sort(Comparator.comparing(ListDay::asOf).thenComparing(ListDay::provinceCode));
		return days;
	}

	/**
	 * Runs the list days before {@code before} that have not run yet.
	 * @return the runs made (one per commune and day); 0 when the eligibility lists are
	 * not available
	 */
	int replay(LocalDate before) {
		int runs = 0;
		for (ListDay d : listDays()) {
			if (!d.asOf().isBefore(before) || ran(d)) {
				continue;
			}
			long t = System.nanoTime();
			try {
				var summaries = this.lists.generateProvince(d.provinceCode(), d.asOf(), "DEMO");
				runs += summaries.size();
				log.info(String.format(Locale.ROOT,
						"Demo eligibility %s as of %s: %d communes, %d started, %d ended" + " in %.1f s",
						d.provinceCode(), d.asOf(), summaries.size(),
						summaries.stream().mapToInt(EligibilityLists.RunSummary::started).sum(),
						summaries.stream().mapToInt(EligibilityLists.RunSummary::ended).sum(),
						(System.nanoTime() - t) / 1e9));
			}
			catch (UnsupportedOperationException ex) {
				log.info("Demo eligibility lists skipped: {}", ex.getMessage());
				return runs;
			}
		}
		return runs;
	}

	private boolean ran(ListDay d) {
		return this.jdbc
			.sql("select exists (select 1 from eligibility_run where trigger = 'DEMO' and province_code = ?"
					+ " and as_of = ?)")
			.params(d.provinceCode(), d.asOf())
			.query(Boolean.class)
			.single();
	}

}
