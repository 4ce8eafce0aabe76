package vn.giamngheo.exits;

/**
 * A withdrawal of a live registration.
 *
 * @param version the version withdrawn
 * @param reason why (required)
 */
public record ExitPlanWithdrawal(Integer version, String reason) {
}
