package vn.giamngheo.registry.domain;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotReviewedClassTest {

	static final OffsetDateTime LISTED = OffsetDateTime.parse("2026-09-01T08:00:00+07:00");

	@Test
	void aHouseholdWithoutAnyClassIsRecognisedNotPoor() {
		assertThat(NotReviewedClass.of(null, LISTED.minusDays(300), LISTED))
			.isEqualTo(new NotReviewedClass("NOT_POOR", true, NotReviewedClass.NOT_LISTED));
	}

	@Test
	void aLatestClassOfPoorOrNearPoorIsKeptButNotRecognised() {
		assertThat(NotReviewedClass.of("POOR", LISTED.minusDays(1), LISTED))
			.isEqualTo(new NotReviewedClass("POOR", false, NotReviewedClass.NOT_LISTED));
		assertThat(NotReviewedClass.of("NEAR_POOR", LISTED.minusDays(1), LISTED).recognised()).isFalse();
		assertThat(NotReviewedClass.of("MIDDLE", LISTED.minusDays(1), LISTED))
			.isEqualTo(new NotReviewedClass("MIDDLE", true, NotReviewedClass.NOT_LISTED));
	}

	@Test
	void aHouseholdRecordedAfterTheListWasDrawnSaysSo() {
		assertThat(NotReviewedClass.of(null, LISTED.plusMinutes(1), LISTED).reason())
			.isEqualTo(NotReviewedClass.ADDED_AFTER_LIST);
		assertThat(NotReviewedClass.of(null, LISTED, LISTED).reason()).isEqualTo(NotReviewedClass.NOT_LISTED);
		// when the list's time is unknown nobody is said to have come after it
		assertThat(NotReviewedClass.of(null, LISTED.plusDays(1), null).reason()).isEqualTo(NotReviewedClass.NOT_LISTED);
	}

}
