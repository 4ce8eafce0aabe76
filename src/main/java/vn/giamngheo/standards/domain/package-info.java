/**
 * Plain-Java heart of the standards capability: loading and validating the standard files
 * ({@link vn.giamngheo.standards.domain.StandardLoader}), the catalogue with provincial
 * overlays, the declarative deprivation predicates, and the classifier that explains
 * every result with the deciding fact and the law behind each threshold
 * ({@link vn.giamngheo.standards.domain.PovertyClassifier}); the fast path on
 * pre-evaluated flags ({@link vn.giamngheo.standards.domain.CompiledRules}) and
 * re-classification ({@link vn.giamngheo.standards.domain.TransitionMatrix}). No Spring,
 * no JDBC.
 */
package vn.giamngheo.standards.domain;
