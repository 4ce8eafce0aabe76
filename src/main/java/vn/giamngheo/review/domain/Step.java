package vn.giamngheo.review.domain;

/**
 * Where one household stands in one review (Decision 24/2021/QĐ-TTg Art. 4 and 5).
 */
public enum Step {

	/** Step 1: on the review list (Phụ lục I). */
	LISTED(1),
	/** Step 2 done: Phiếu B filled, class proposed. */
	SURVEYED(2),
	/** Step 3 refused (< 50% agreed): surveyed again, then a new meeting. */
	RESURVEY(2),
	/** Step 3 done: the village meeting agreed (≥ 50% of attendees). */
	AGREED(3),
	/** Step 4: on the public posting list. */
	POSTED(4),
	/** Step 5: recognised by the commune chairman's decision. */
	RECOGNISED(5),
	/** In-year: request (Mẫu 01 / Mẫu 04) received. */
	REQUESTED(1),
	/** In-year: refused with reasons. */
	REFUSED(5);

	private final int number;

	Step(int number) {
		this.number = number;
	}

	/** The step number of the procedure (1–5). */
	public int number() {
		return this.number;
	}

}
