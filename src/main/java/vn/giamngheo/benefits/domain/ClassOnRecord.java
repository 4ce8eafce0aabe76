package vn.giamngheo.benefits.domain;

import java.time.LocalDate;

/**
 * A household's recognised class of one year, with the day of the decision that
 * recognised it (the review's recognition, or an in-year decision).
 *
 * @param year the review year
 * @param classification {@code POOR}, {@code NEAR_POOR}, {@code MIDDLE},
 * {@code ABOVE_MIDDLE} or {@code NOT_POOR}
 * @param decisionDate the decision's day (31/12 of the year when none was recorded)
 */
public record ClassOnRecord(int year, String classification, LocalDate decisionDate) {
}
