/**
 * Work to do after a change, kept in the database with the change: a listener marks a
 * subject (a commune to re-aggregate, ...) in the same transaction as the change that
 * causes the work ({@link vn.giamngheo.shared.work.PendingWork#mark}), and
 * {@link vn.giamngheo.shared.work.WorkDrainer} does it later through the
 * {@link vn.giamngheo.shared.work.WorkHandler} of its kind, on a bounded pool, retrying
 * failures with back-off. A rolled-back change leaves no mark; a restart or a failing
 * handler loses none (ADR 0020).
 */
package vn.giamngheo.shared.work;
