package vn.giamngheo.review.domain;

/**
 * The village meeting rule: a household's result stands when at least 50% of the
 * attendees agree ("ít nhất 50% tổng số người tham dự cuộc họp"); otherwise it is
 * surveyed again and a new meeting is held (Decision 24/2021/QĐ-TTg Art. 4.3, procedure
 * sheet "Thủ tục công nhận hộ nghèo, hộ cận nghèo thường xuyên hằng năm"). Integer
 * arithmetic: {@code 2 × agree ≥ attendees}.
 */
public final class MeetingRule {

	private MeetingRule() {
	}

	/**
	 * Whether the votes are possible at all.
	 * @param attendees attendees of the meeting
	 * @param agree votes in favour of the proposed class
	 * @return the rejection, or {@code null} when the votes are valid
	 */
	public static Rejection check(int attendees, int agree) {
		if (attendees <= 0) {
			return new Rejection("NO_ATTENDEES", "review.rejected.meeting.attendees");
		}
		if (agree < 0 || agree > attendees) {
			return new Rejection("VOTES_OUT_OF_RANGE", "review.rejected.meeting.votes", agree, attendees);
		}
		return null;
	}

	/**
	 * The event for the household: agreed at 50% and above, back to survey below.
	 * @param attendees attendees (> 0)
	 * @param agree votes in favour (0..attendees)
	 * @return {@link Event#MEETING_AGREED} or {@link Event#MEETING_REFUSED}
	 */
	public static Event decide(int attendees, int agree) {
		Rejection invalid = check(attendees, agree);
		if (invalid != null) {
			throw new IllegalArgumentException(invalid.code());
		}
		return (2L * agree >= attendees) ? Event.MEETING_AGREED : Event.MEETING_REFUSED;
	}

}
