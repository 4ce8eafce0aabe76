package vn.giamngheo.review;

/**
 * Live progress of one commune in a review, for the progress board.
 *
 * @param communeId commune id
 * @param communeName commune name
 * @param signOff sign-off status
 * @param listed households on the list
 * @param surveyed surveyed (or further)
 * @param agreed agreed at a meeting (or further)
 * @param posted posted (or further)
 * @param recognised recognised
 * @param resurvey sent back to survey by a meeting
 * @param late the commune is behind the calendar (see {@link Reviews#board})
 */
public record CommuneProgress(long communeId, String communeName, String signOff, long listed, long surveyed,
		long agreed, long posted, long recognised, long resurvey, boolean late) {

	/** The sums over some communes (no name, not late). */
	public static CommuneProgress sum(java.util.Collection<CommuneProgress> communes) {
		long listed = 0;
		long surveyed = 0;
		long agreed = 0;
		long posted = 0;
		long recognised = 0;
		long resurvey = 0;
		for (CommuneProgress c : communes) {
			listed += c.listed();
			surveyed += c.surveyed();
			agreed += c.agreed();
			posted += c.posted();
			recognised += c.recognised();
			resurvey += c.resurvey();
		}
		return new CommuneProgress(0, null, null, listed, surveyed, agreed, posted, recognised, resurvey, false);
	}

	/** Percent of listed households recognised. */
	public int percentDone() {
		return (this.listed == 0) ? 0 : (int) (100 * this.recognised / this.listed);
	}

}
