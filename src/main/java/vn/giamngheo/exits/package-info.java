/**
 * Thoát nghèo bền vững · Leaving poverty for good (issue 17). Owns households' exit
 * registrations with their plans, checkpoints and outcome at the next review; the
 * follow-up of households after they leave the lists; household events (shocks); the
 * early-warning worklist with its rules as data and its backtest; and the transition
 * reports (exited, new poor, fell back, cohort sustainability). Reads the benefit ledger
 * through {@code benefits}' face.
 */
package vn.giamngheo.exits;
