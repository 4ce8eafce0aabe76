package vn.giamngheo.exits.domain;

/**
 * Households of a unit seen in two consecutive review years, grouped by where they lived
 * and how they were classed (read by SQL, counted by {@link Dynamics}).
 *
 * @param startChild the child unit (its id as text; "" for a unit without children) the
 * households lived in on the start date, when they lived in the unit then and were
 * assessed in the start year; else null
 * @param endChild the same on the end date for the end year
 * @param start the recognised class of the start year (null when not assessed)
 * @param end the recognised class of the end year (null when not assessed)
 * @param poorBefore poor in a year before the start year
 * @param listedBefore poor or near-poor in a year before the start year
 * @param urban urban households
 * @param households households of the group
 * @param startPersons their members in the start year's assessment
 * @param endPersons their members in the end year's assessment
 * @param grownPersons members gained between the two assessments (households assessed
 * both years)
 * @param shrunkPersons members lost between the two assessments
 */
public record PairGroup(String startChild, String endChild, ClassOf start, ClassOf end, boolean poorBefore,
		boolean listedBefore, boolean urban, long households, long startPersons, long endPersons, long grownPersons,
		long shrunkPersons) {

	/** A household's recognised class, as the transition forms group it. */
	public enum ClassOf {

		POOR, NEAR_POOR, OTHER;

		/**
		 * The class of a stored classification (POOR, NEAR_POOR; MIDDLE, ABOVE_MIDDLE and
		 * NOT_POOR are above near-poor), or null.
		 */
		public static ClassOf of(String classification) {
			if (classification == null) {
				return null;
			}
			return switch (classification) {
				case "POOR" -> POOR;
				case "NEAR_POOR" -> NEAR_POOR;
				default -> OTHER;
			};
		}

	}

}
