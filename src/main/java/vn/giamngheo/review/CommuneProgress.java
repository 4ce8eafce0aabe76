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

	/** Percent of listed households recognised. */
	public int percentDone() {
		return (this.listed == 0) ? 0 : (int) (100 * this.recognised / this.listed);
	}

}
