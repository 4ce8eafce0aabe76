package vn.giamngheo.imports.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LongIntMapTest {

	@Test
	void keepsTheFirstValueOfEachKeyAsAHashMapDoesThroughGrowthAndTheZeroKey() {
		LongIntMap map = new LongIntMap(4);
		Map<Long, Integer> expected = new HashMap<>();
		Random random = new Random(7);
		for (int i = 0; i < 200_000; i++) {
			// a small key range: many repeats; zero and negative keys included
			long key = random.nextInt(50_000) - 25_000L;
			assertThat(map.putIfAbsent(key, i)).as("key %d", key).isEqualTo(expected.putIfAbsent(key, i));
		}
		assertThat(map.size()).isEqualTo(expected.size());
		assertThat(map.putIfAbsent(0, -1)).isEqualTo(expected.get(0L));
		assertThat(map.putIfAbsent(123_456_789_012L, 5)).isNull();
		assertThat(map.putIfAbsent(123_456_789_012L, 6)).isEqualTo(5);
	}

}
