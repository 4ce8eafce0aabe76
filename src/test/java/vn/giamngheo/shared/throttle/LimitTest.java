package vn.giamngheo.shared.throttle;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitTest {

	static final Limit LOGIN = new Limit("t", 5, Duration.ofSeconds(30), Duration.ofMinutes(15),
			Duration.ofMinutes(15));

	@ParameterizedTest(name = "level {0}: wait {1} s")
	@CsvSource({ "0, 0", "1, 0", "4, 0", "5, 30", "6, 60", "7, 120", "8, 240", "9, 480", "10, 900", "11, 900",
			"1000, 900" })
	void delaysDoubleFromTheFreeCountUpToTheCap(int level, long seconds) {
		assertThat(LOGIN.delayAt(level)).isEqualTo(Duration.ofSeconds(seconds));
	}

	@ParameterizedTest(name = "{0} level {1} after {2} min → {3}")
	@CsvSource({ "5, 0, 5", "5, 14, 5", "5, 15, 4", "5, 74, 1", "5, 75, 0", "5, 10000, 0", "0, 0, 0" })
	void eventsLeakAwayOneByOne(int level, long minutes, int left) {
		Instant at = Instant.parse("2025-06-01T00:00:00Z");
		assertThat(LOGIN.leaked(level, at, at.plus(Duration.ofMinutes(minutes)))).isEqualTo(left);
	}

	@Test
	void aKeyIsForgottenWhenItsCountLeakedAndItsDelayEnded() {
		Instant at = Instant.parse("2025-06-01T00:00:00Z");
		assertThat(LOGIN.forgetAt(2, at, null)).isEqualTo(at.plus(Duration.ofMinutes(30)));
		assertThat(LOGIN.forgetAt(1, at, at.plus(Duration.ofHours(1)))).isEqualTo(at.plus(Duration.ofHours(1)));
	}

	@Test
	void clientKeysGroupIpv6ByNetworkAndKeepIpv4() {
		assertThat(Throttle.client("203.0.113.7")).isEqualTo("203.0.113.7");
		assertThat(Throttle.client("2001:db8:1:2:aaaa::1")).isEqualTo(Throttle.client("2001:0db8:1:2:bbbb:1:2:3"))
			.isEqualTo("2001:db8:1:2::/64");
		assertThat(Throttle.client("2001:db8:1:3::1")).isNotEqualTo(Throttle.client("2001:db8:1:2::1"));
		assertThat(Throttle.client(null)).isEqualTo("-");
		assertThat(Throttle.client("x".repeat(100))).hasSize(64);
	}

	@Test
	void refusesLimitsThatCannotWork() {
		assertThatThrownBy(() -> new Limit("x", 0, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Limit("x", 1, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
