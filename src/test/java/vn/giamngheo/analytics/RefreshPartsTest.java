package vn.giamngheo.analytics;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A province's refresh in parts: communes a household links stay in one part, the parts
 * carry about as many households each, and every commune is in exactly one part.
 */
class RefreshPartsTest {

	@Test
	void linkedCommunesStayTogetherAndThePartsBalance() {
		// 1 and 2 merged into 10 (the 2025 reform), 3 into 11, 4 split into 12 and 13
		List<Long> communes = List.of(1L, 2L, 3L, 4L, 10L, 11L, 12L, 13L);
		Map<Long, Long> households = Map.of(1L, 100L, 2L, 100L, 3L, 150L, 4L, 60L, 10L, 200L, 11L, 150L, 12L, 30L, 13L,
				30L);
		List<long[]> links = List.of(new long[] { 10, 1 }, new long[] { 10, 2 }, new long[] { 11, 3 },
				new long[] { 12, 4 }, new long[] { 13, 4 }, new long[] { 10, 99 });
		List<List<Long>> parts = Aggregates.parts(communes, households, links, 2);
		assertThat(parts).containsExactlyInAnyOrder(List.of(1L, 2L, 10L), List.of(3L, 4L, 11L, 12L, 13L));
	}

	@Test
	void withoutLinksTheCommunesSpreadOverTheParts() {
		List<List<Long>> parts = Aggregates.parts(List.of(5L, 6L, 7L, 8L), Map.of(5L, 10L, 6L, 10L, 7L, 10L), List.of(),
				2);
		assertThat(parts).hasSize(2);
		assertThat(parts.stream().flatMap(List::stream)).containsExactlyInAnyOrder(5L, 6L, 7L, 8L);
		assertThat(parts).allSatisfy((p) -> assertThat(p).hasSize(2));
	}

	@Test
	void oneGroupIsOnePart() {
		List<List<Long>> parts = Aggregates.parts(List.of(1L, 2L), Map.of(), List.of(new long[] { 2, 1 }), 4);
		assertThat(parts).containsExactly(List.of(1L, 2L));
		assertThat(Aggregates.parts(List.of(), Map.of(), List.of(), 2)).isEmpty();
	}

}
