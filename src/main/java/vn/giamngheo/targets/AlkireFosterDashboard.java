package vn.giamngheo.targets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.giamngheo.analytics.AfReport;
import vn.giamngheo.analytics.AfUnit;
import vn.giamngheo.analytics.Aggregates;
import vn.giamngheo.analytics.Figures;
import vn.giamngheo.analytics.domain.Group;
import vn.giamngheo.analytics.domain.Rates;
import vn.giamngheo.geography.Unit;
import vn.giamngheo.standards.af.AfSpec;
import vn.giamngheo.standards.af.AlkireFoster;
import vn.giamngheo.standards.af.Fraction;
import vn.giamngheo.targets.Dashboards.Table;

/**
 * The Alkire–Foster dashboard of a unit: H, A and M0 by year, M0 of each child, each
 * indicator's contribution to M0 and the children × indicators heatmap of censored
 * headcount ratios — every chart a table (CSV/XLSX like the other dashboards), every
 * figure read from the precomputed aggregates.
 */
@Service
public class AlkireFosterDashboard {

	/** Groups offered on the page. */
	public static final List<String> GROUPS = List.of("ALL", "RURAL", "URBAN", "MOUNTAIN", "PLAIN", "ETHNIC_MINORITY",
			"SOCIAL_PROTECTION", "POOR_DISTRICT", "POOR_COMMUNE", "DBKK_COMMUNE");

	private final Aggregates aggregates;

	public AlkireFosterDashboard(Aggregates aggregates) {
		this.aggregates = aggregates;
	}

	/**
	 * What the page shows.
	 *
	 * @param unit the unit
	 * @param year review year shown
	 * @param years years with data
	 * @param group group code
	 * @param standardKey standard of the year
	 * @param spec its Alkire–Foster parameters, or null when its file gives none
	 * @param figures the unit's figures in the year, or null without data
	 * @param total the unit's measures, or null without data
	 * @param series H, A, M0 by year
	 * @param units M0 of each child
	 * @param contributions each indicator's contribution for the unit
	 * @param heatmap children × indicators, censored headcount ratio
	 * @param status whether the year shown is final or provisional, with its coverage
	 */
	public record View(Unit unit, int year, List<Integer> years, String group, String standardKey, AfSpec spec,
			Figures figures, AlkireFoster.Result total, Table series, Table units, Table contributions, Table heatmap,
			vn.giamngheo.analytics.YearStatus status) {

		/** Whether the year shown is provisional. */
		public boolean provisional() {
			return this.status != null && this.status.provisional();
		}

	}

	@Transactional(readOnly = true)
	public View view(long unitId, Integer year, Group group, String groupCode, Locale locale) {
		AfReport r = this.aggregates.alkireFoster(unitId, year, group, locale);
		List<Integer> years = this.aggregates.years(r.unit().id());
		AlkireFoster.Result total = (r.spec() == null || r.total() == null) ? null : r.total().households(r.spec());
		return new View(r.unit(), r.year(), years, groupCode, r.standardKey(), r.spec(),
				(r.total() == null) ? null : r.total().figures(), total, series(r), units(r), contributions(r),
				heatmap(r), r.status());
	}

	/**
	 * One chart's table (for its CSV / XLSX).
	 * @param chart af_series, af_units, af_contributions or af_heatmap
	 * @return the table, or null for an unknown chart
	 */
	@Transactional(readOnly = true)
	public Table table(String chart, long unitId, Integer year, Group group, Locale locale) {
		AfReport r = this.aggregates.alkireFoster(unitId, year, group, locale);
		return switch (chart) {
			case "af_series" -> series(r);
			case "af_units" -> units(r);
			case "af_contributions" -> contributions(r);
			case "af_heatmap" -> heatmap(r);
			default -> null;
		};
	}

	private static Object pct(Fraction f) {
		return Rates.round2(f.toDouble() * 100);
	}

	private static Object m0(Fraction f) {
		return Math.round(f.toDouble() * 10_000) / 10_000.0;
	}

	private static Object blank(Object v) {
		return (v == null) ? "" : v;
	}

	static Table series(AfReport r) {
		List<List<Object>> rows = new ArrayList<>();
		for (Figures f : r.series()) {
			rows.add(List.of(f.year(), f.standardKey(), f.households(), f.afPoorHouseholds(), blank(f.afHeadcount()),
					blank(f.afIntensity()), blank(f.afM0())));
		}
		return new Table(List.of("year", "standard", "households", "af_poor_households", "af_h", "af_a", "af_m0"),
				rows);
	}

	static Table units(AfReport r) {
		List<List<Object>> rows = new ArrayList<>();
		if (r.spec() != null) {
			List<AfUnit> children = new ArrayList<>(r.children());
			children.sort(Comparator.comparing((AfUnit u) -> u.households(r.spec()).adjustedHeadcount()).reversed());
			for (AfUnit u : children) {
				AlkireFoster.Result m = u.households(r.spec());
				Figures f = u.figures();
				rows.add(List.of(u.unitId(), u.name(), f.households(), f.afPoorHouseholds(), pct(m.headcount()),
						pct(m.intensity()), m0(m.adjustedHeadcount()),
						blank(Rates.percent(f.afPoorPersons(), f.persons()))));
			}
		}
		return new Table(
				List.of("unit_id", "unit", "households", "af_poor_households", "af_h", "af_a", "af_m0", "af_h_persons"),
				rows);
	}

	static Table contributions(AfReport r) {
		List<List<Object>> rows = new ArrayList<>();
		if (r.spec() != null && r.total() != null) {
			AlkireFoster.Result m = r.total().households(r.spec());
			for (int i = 0; i < r.spec().indicators().size(); i++) {
				String code = r.spec().indicators().get(i);
				rows.add(List.of(code, r.indicatorNames().getOrDefault(code, code),
						r.spec().weights().get(i).toString(), pct(m.uncensored().get(i)), pct(m.censored().get(i)),
						pct(m.contributionShares().get(i))));
			}
		}
		return new Table(
				List.of("indicator", "indicator_name", "weight", "af_uncensored", "af_censored", "af_contribution"),
				rows);
	}

	static Table heatmap(AfReport r) {
		List<String> header = new ArrayList<>(List.of("unit"));
		List<List<Object>> rows = new ArrayList<>();
		if (r.spec() != null) {
			r.spec().indicators().forEach((code) -> header.add(r.indicatorNames().getOrDefault(code, code)));
			List<AfUnit> units = r.children().isEmpty() && r.total() != null ? List.of(r.total()) : r.children();
			for (AfUnit u : units) {
				AlkireFoster.Result m = u.households(r.spec());
				List<Object> row = new ArrayList<>(List.of(u.name()));
				m.censored().forEach((c) -> row.add(pct(c)));
				rows.add(row);
			}
		}
		return new Table(header, rows);
	}

}
