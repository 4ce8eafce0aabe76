package vn.giamngheo.registry;

/**
 * Published (as a Spring application event, inside the writing transaction) when what the
 * figures count of a commune's households changes: a recognised review year, an import, a
 * household's edit (area, ethnicity, social protection) or its voiding. Whoever keeps
 * figures derived from them (the analytics aggregates) marks the commune in that
 * transaction (a listener that writes, not one after commit: ADR 0020) and refreshes it
 * later.
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
