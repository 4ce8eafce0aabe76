package vn.giamngheo.review.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.giamngheo.review.domain.ReviewDate.Standing;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewDateTest {

	static final LocalDate LIST_2024_FROM = LocalDate.of(2010, 1, 1);

	static final LocalDate LIST_2024_TO = LocalDate.of(2025, 6, 30);

	static final LocalDate LIST_2025_FROM = LocalDate.of(2025, 7, 1);

	@Test
	void aReviewYearIsPlacedOnItsLastDay() {
		assertThat(ReviewDate.of(2026)).isEqualTo(LocalDate.of(2026, 12, 31));
	}

	@Test
	void reviewsUpTo2024StayOnTheOldListAndFrom2025OnTheNewOne() {
		assertThat(ReviewDate.standing(LIST_2024_FROM, LIST_2024_TO, 2024)).isEqualTo(Standing.IN_FORCE);
		assertThat(ReviewDate.standing(LIST_2024_FROM, LIST_2024_TO, 2025)).isEqualTo(Standing.ENDED);
		assertThat(ReviewDate.standing(LIST_2024_FROM, LIST_2024_TO, 2026)).isEqualTo(Standing.ENDED);
		assertThat(ReviewDate.standing(LIST_2025_FROM, null, 2024)).isEqualTo(Standing.NOT_YET);
		assertThat(ReviewDate.standing(LIST_2025_FROM, null, 2025)).isEqualTo(Standing.IN_FORCE);
		assertThat(ReviewDate.standing(LIST_2025_FROM, null, 2026)).isEqualTo(Standing.IN_FORCE);
	}

	@Test
	void aUnitEndingOnTheLastDayStillHoldsThatYearsReview() {
		assertThat(ReviewDate.standing(LIST_2024_FROM, LocalDate.of(2026, 12, 31), 2026)).isEqualTo(Standing.IN_FORCE);
		assertThat(ReviewDate.standing(LIST_2024_FROM, LocalDate.of(2026, 12, 30), 2026)).isEqualTo(Standing.ENDED);
	}

}
