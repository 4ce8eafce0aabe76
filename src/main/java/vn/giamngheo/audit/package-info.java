/**
 * The audit trail: {@link vn.giamngheo.audit.AuditTrail} records every change in the
 * transaction of the change (append-only, enforced in PostgreSQL);
 * {@link vn.giamngheo.audit.AuditSearch} searches and exports it within the searcher's
 * view scope, masking personal values by role; {@link vn.giamngheo.audit.Disclosures}
 * records personal data leaving the system (exports, documents, searches by citizen ID)
 * in a transaction of its own and limits exports per user and hour. Depends on
 * {@code shared} only.
 */
package vn.giamngheo.audit;
