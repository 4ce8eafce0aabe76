package vn.giamngheo.shared.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LikeTest {

	@Test
	void wildcardsAndTheEscapeCharacterAreMatchedLiterally() {
		assertThat(Like.literal("50%_a\\b")).isEqualTo("50\\%\\_a\\\\b");
		assertThat(Like.literal("nguyen van")).isEqualTo("nguyen van");
	}

}
