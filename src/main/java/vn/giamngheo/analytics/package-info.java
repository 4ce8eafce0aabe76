/**
 * Analytics: precomputed aggregates of the registry per commune, review year and
 * household group (refreshed incrementally per commune), and what is read from them:
 * poverty and near-poverty rates by unit, year and group, yearly flows between classes,
 * cohort sustainability of exits and the deprivation profile. Units above the commune are
 * rolled up by materialised path; units of the 2025 list through the crosswalk.
 * {@link vn.giamngheo.analytics.Aggregates} is the face; {@code domain} holds the plain
 * formulas.
 */
package vn.giamngheo.analytics;
