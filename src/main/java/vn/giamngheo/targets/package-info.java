/**
 * Targets: the indicator catalogue (computed from the registry, unit statuses, entered
 * per unit and year with validation and approval), resolutions and their targets as data
 * (loaded from YAML files with the quote of each target's sentence), progress with
 * verdicts and forecasts, the unit scorecard and the dashboards. {@link Targets} is the
 * face; {@code domain} holds the verdict rules as plain Java.
 */
package vn.giamngheo.targets;
