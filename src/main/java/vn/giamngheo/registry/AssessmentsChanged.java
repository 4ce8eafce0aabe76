package vn.giamngheo.registry;

/**
 * Published (as a Spring application event, inside the writing transaction) when the
 * assessments of a commune's households change: a recognised review year, an import.
 * Whoever keeps figures derived from assessments (the analytics aggregates) refreshes
 * that commune after the transaction commits.
 *
 * @param communeId the commune (the parent of the households' village)
 */
public record AssessmentsChanged(long communeId) {

	/**
	 * The commune of a household's unit path (a village path such as
	 * {@code /33/437/6742/15113/}: the segment before the village).
	 * @param villagePath the household's unit path
	 * @return the event for its commune
	 */
	public static AssessmentsChanged ofVillagePath(String villagePath) {
		String[] segments = villagePath.split("/");
		return new AssessmentsChanged(Long.parseLong(segments[segments.length - 2]));
	}

}
