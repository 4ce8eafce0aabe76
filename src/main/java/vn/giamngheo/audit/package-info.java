/**
 * The audit trail: {@link vn.giamngheo.audit.AuditTrail} records every change in the
 * transaction of the change (append-only, enforced in PostgreSQL);
 * {@link vn.giamngheo.audit.AuditSearch} searches and exports it within the searcher's
 * view scope, masking personal values by role. Depends on {@code shared} only.
 */
package vn.giamngheo.audit;
