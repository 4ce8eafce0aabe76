package vn.giamngheo.shared.db;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

	@Test
	void idsAreVersion7AndRiseInTheOrderTheyWereMade() {
		long before = System.currentTimeMillis();
		UUID previous = TimeOrderedIds.next();
		Set<UUID> seen = new HashSet<>();
		for (int i = 0; i < 200_000; i++) {
			UUID id = TimeOrderedIds.next();
			assertThat(id.version()).isEqualTo(7);
			assertThat(id.variant()).isEqualTo(2);
			// PostgreSQL compares uuids as unsigned bytes: the high half decides here
			assertThat(Long.compareUnsigned(id.getMostSignificantBits(), previous.getMostSignificantBits()))
				.isPositive();
			assertThat(seen.add(id)).isTrue();
			previous = id;
		}
		long millis = previous.getMostSignificantBits() >>> 16;
		// 200,000 ids take at least 200000 / 4096 ms of the counter, never less than now
		assertThat(millis).isBetween(before, System.currentTimeMillis() + 200_000 / 4096 + 1);
	}

}
