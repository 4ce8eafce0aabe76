/**
 * The plain Java heart of targets: comparators, the verdict rules and the linear
 * forecast. No Spring, no database: a target and a series of actual values in, a verdict
 * with the rule that decided it out.
 */
package vn.giamngheo.targets.domain;
