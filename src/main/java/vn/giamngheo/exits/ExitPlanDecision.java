package vn.giamngheo.exits;

import java.time.LocalDate;

/**
 * The commune's decision on a registration: approval (decision number and day required)
 * or rejection (a note required).
 *
 * @param version the version decided on
 * @param decisionNo the decision's number
 * @param decidedOn the decision's day (not in the future)
 * @param note a note; a rejection's reason
 */
public record ExitPlanDecision(Integer version, String decisionNo, LocalDate decidedOn, String note) {
}
