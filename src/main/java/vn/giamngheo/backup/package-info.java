/**
 * Backups of the embedded database (ADR 0015): the server archives every finished WAL
 * segment into the backups folder; {@link vn.giamngheo.backup.Backups} takes base backups
 * (nightly, after a first start, or when an administrator asks; audited) and prunes those
 * older than the retention with the WAL only they needed;
 * {@link vn.giamngheo.backup.Restore} is the one-command restore into a fresh data
 * folder. Depends on {@code shared}, {@code audit} and {@code identity}.
 */
package vn.giamngheo.backup;
