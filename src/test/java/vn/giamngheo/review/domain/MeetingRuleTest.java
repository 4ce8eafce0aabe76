package vn.giamngheo.review.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MeetingRuleTest {

	@ParameterizedTest(name = "{1} of {0} agree -> {2}")
	@CsvSource({ "10, 5, MEETING_AGREED", "10, 4, MEETING_REFUSED", "10, 10, MEETING_AGREED", "10, 0, MEETING_REFUSED",
			"9, 5, MEETING_AGREED", "9, 4, MEETING_REFUSED", "1, 1, MEETING_AGREED", "1, 0, MEETING_REFUSED",
			"2, 1, MEETING_AGREED", "101, 50, MEETING_REFUSED", "101, 51, MEETING_AGREED" })
	void atLeastHalfOfTheAttendeesMustAgree(int attendees, int agree, Event expected) {
		assertThat(MeetingRule.decide(attendees, agree)).isEqualTo(expected);
		assertThat(MeetingRule.check(attendees, agree)).isNull();
	}

	@ParameterizedTest(name = "{1} of {0} -> {2}")
	@CsvSource({ "0, 0, NO_ATTENDEES", "-1, 0, NO_ATTENDEES", "10, 11, VOTES_OUT_OF_RANGE",
			"10, -1, VOTES_OUT_OF_RANGE" })
	void impossibleVotesAreRefused(int attendees, int agree, String code) {
		assertThat(MeetingRule.check(attendees, agree).code()).isEqualTo(code);
		assertThatIllegalArgumentException().isThrownBy(() -> MeetingRule.decide(attendees, agree));
	}

}
