package vn.giamngheo.exits;

import java.time.LocalDate;

/**
 * A checkpoint of an approved plan.
 *
 * @param checkedOn the day (not in the future, not before the registration)
 * @param progress ON_TRACK, AT_RISK, OFF_TRACK or DONE
 * @param incomePerCapita estimated income per person per month (VND), or null
 * @param note a note
 */
public record ExitPlanCheckpointInput(LocalDate checkedOn, String progress, Long incomePerCapita, String note) {
}
