package vn.giamngheo.registry;

/**
 * Published (as a Spring application event, inside the writing transaction) when the
 * assessments of a commune's households change: a recognised review year, an import.
 * Whoever keeps figures derived from assessments (the analytics aggregates) refreshes
 * that commune after the transaction commits.
 *
 * @param communeId 2024 commune id
 * @param provinceCode province code
 */
public record AssessmentsChanged(long communeId, String provinceCode) {

}
