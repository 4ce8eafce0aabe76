package vn.giamngheo.analytics;

/**
 * What a refresh of the aggregates did.
 *
 * @param communes communes refreshed
 * @param assessments assessments read
 * @param seconds wall time
 */
public record RefreshReport(int communes, long assessments, double seconds) {
}
