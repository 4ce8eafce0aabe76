package vn.giamngheo.exits;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import vn.giamngheo.analytics.YearStatus;
import vn.giamngheo.exits.domain.CohortLine;
import vn.giamngheo.exits.domain.Column;
import vn.giamngheo.exits.domain.Dynamics.Line;

/**
 * The transition reports of a unit for a review year (ADR 0044): the dynamics of the poor
 * and near-poor lists from the year before, the causes and shocks of the households that
 * became poor, and the sustainability of the earlier exits.
 *
 * @param unitId the unit
 * @param unitName its name
 * @param year the review year N (the dynamics run from the classes of N − 1 to those of
 * N)
 * @param startDate the day a household's address places it in the unit at the start
 * (31/12 of N − 1, or the nearest day the unit was in force)
 * @param endDate the same at the end
 * @param status whether year N is final or provisional, with its coverage (null when the
 * unit has no aggregated figures of it)
 * @param startStatus the same for year N − 1
 * @param poor "TỔNG HỢP DIỄN BIẾN HỘ NGHÈO": total, urban, rural, each child unit
 * @param nearPoor "TỔNG HỢP DIỄN BIẾN HỘ CẬN NGHÈO": the same lines
 * @param causes causes of poverty recorded in year N's review for the households that
 * became poor, by how they became poor
 * @param shocks adverse household events dated in N − 1 … N of the same households
 * @param entrants households that became poor, by how (the columns of the causes)
 * @param cohorts exits of each year before N, followed up to year N
 * @param years the years the unit has classes of, oldest first
 */
public record TransitionReport(long unitId, String unitName, int year, LocalDate startDate, LocalDate endDate,
		YearStatus status, YearStatus startStatus, List<Line> poor, List<Line> nearPoor, List<Cause> causes,
		List<Cause> shocks, Map<Column, Long> entrants, List<CohortLine> cohorts, List<Integer> years) {

	/** The increase columns of the poor form that causes and shocks are counted by. */
	public static final List<Column> ENTRY = List.of(Column.FELL_BACK, Column.NEW, Column.FROM_OTHER_LIST,
			Column.OTHER_INCREASE);

	/** Whether year N or N − 1 is provisional (a report to be labelled so). */
	public boolean provisional() {
		return (this.status != null && this.status.provisional())
				|| (this.startStatus != null && this.startStatus.provisional());
	}

	/**
	 * A cause of poverty (or a type of shock) and the households it was recorded for, by
	 * how they became poor.
	 *
	 * @param code the cause or event type (as stored)
	 * @param name its name in the reader's language
	 * @param households households by increase column ({@link #ENTRY})
	 * @param total households in all columns
	 */
	public record Cause(String code, String name, Map<Column, Long> households, long total) {
	}

}
