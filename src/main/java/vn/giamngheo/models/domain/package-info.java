/**
 * The pure part of the models (no Spring, no database): a model's outcome compared with
 * the households outside it, and replication.
 */
package vn.giamngheo.models.domain;
