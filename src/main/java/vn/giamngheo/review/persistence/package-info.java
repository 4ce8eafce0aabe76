/**
 * SQL repositories of the review capability (Spring {@code JdbcClient}). The worklist is
 * generated with one INSERT … SELECT that reads the registry's last-year assessments; the
 * registry's tables are written only through {@code HouseholdRegistry}.
 */
package vn.giamngheo.review.persistence;
