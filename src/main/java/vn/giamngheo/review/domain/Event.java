package vn.giamngheo.review.domain;

/** What can happen to a household in a review. */
public enum Event {

	/** Phiếu B saved (a survey may be corrected until the meeting). */
	SURVEY,
	/** The village meeting agreed with the proposed class. */
	MEETING_AGREED,
	/** The village meeting did not reach 50%: back to survey. */
	MEETING_REFUSED,
	/** Put on the public posting list. */
	POST,
	/** A complaint was re-checked (phúc tra) and the class changed or upheld. */
	RECHECK,
	/** The commune chairman's decision recognises the result. */
	RECOGNISE,
	/** An in-year request is refused with reasons. */
	REFUSE

}
