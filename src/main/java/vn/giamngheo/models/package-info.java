/**
 * Mô hình giảm nghèo · Poverty-reduction models (issue 17). Owns the registry of models
 * (type, units where they run, dates, funding by source, participating households,
 * replication) and their outcomes computed from the participants against households of
 * the same commune outside the model.
 */
package vn.giamngheo.models;
