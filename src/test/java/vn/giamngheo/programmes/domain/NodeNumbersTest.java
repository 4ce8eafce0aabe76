package vn.giamngheo.programmes.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NodeNumbersTest {

	@Test
	void projectsAndSubProjectsAreNumberedAsTheFormsNumberThem() {
		assertThat(NodeNumbers.of("DA3")).isEqualTo("3");
		assertThat(NodeNumbers.of("DA3.TDA1")).isEqualTo("3.1");
		assertThat(NodeNumbers.of("DA10.TDA02")).isEqualTo("10.2");
		assertThat(NodeNumbers.of("HP2")).isEqualTo("2");
	}

	@Test
	void whatTheNumberingDoesNotCoverHasNoNumberRatherThanACode() {
		assertThat(NodeNumbers.of("GNBV-2021-2025")).isEmpty();
		assertThat(NodeNumbers.of("DA3.")).isEmpty();
		assertThat(NodeNumbers.of("")).isEmpty();
		assertThat(NodeNumbers.of(null)).isEmpty();
	}

}
