package vn.giamngheo.analytics;

import java.util.List;

import vn.giamngheo.geography.Unit;
import vn.giamngheo.standards.af.AfSpec;

/**
 * Alkire–Foster measures of a unit and of each of its children in one year.
 *
 * @param unit the unit
 * @param year review year
 * @param standardKey the year's standard
 * @param spec its Alkire–Foster parameters (weights, k, citation, verified), or
 * {@code null} when its file gives none
 * @param total the unit itself
 * @param children each child the user may read (districts of a province, communes of a
 * district)
 * @param series the unit's figures by year (H, A, M0 over time): final years and the year
 * shown
 * @param indicatorNames indicator code → name in the reader's language
 * @param status whether the year is final or provisional, with its coverage (null without
 * figures)
 */
public record AfReport(Unit unit, int year, String standardKey, AfSpec spec, AfUnit total, List<AfUnit> children,
		List<Figures> series, java.util.Map<String, String> indicatorNames, YearStatus status) {
}
