package vn.giamngheo.shared.throttle;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import vn.giamngheo.review.TestClock;
import vn.giamngheo.shared.db.OneRunner;
import vn.giamngheo.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared limiter on PostgreSQL: a second application node (another instance on the
 * same database) sees the same delays; forgotten keys are pruned and the table is capped.
 */
@IntegrationTest
@Import(TestClock.Config.class)
class ThrottleIT {

	static final Limit LIMIT = new Limit("it-limit", 2, Duration.ofMinutes(1), Duration.ofMinutes(8),
			Duration.ofMinutes(5));

	@Autowired
	Throttle throttle;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	OneRunner jobs;

	@Test
	void aSecondNodeSeesTheSameDelaysAndAcquireCountsOnlyWhatItAllows() {
		Throttle other = new Throttle(this.jdbc, this.clock, this.transactions, this.jobs, 1000);
		String client = "node-test";
		assertThat(this.throttle.acquire(LIMIT, "", client)).isZero();
		assertThat(other.acquire(LIMIT, "", client)).isZero();
		// two counted: the key waits one minute, on both nodes; a refused attempt counts
		// nothing
		assertThat(this.throttle.wait(LIMIT, "", client)).isEqualTo(Duration.ofMinutes(1));
		assertThat(other.acquire(LIMIT, "", client)).isEqualTo(Duration.ofMinutes(1));
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(other.wait(LIMIT, "", client)).isEqualTo(Duration.ofSeconds(40));
		this.clock.advance(Duration.ofSeconds(40));
		assertThat(other.acquire(LIMIT, "", client)).isZero();
		// the third counted event doubles the wait
		assertThat(this.throttle.wait(LIMIT, "", client)).isEqualTo(Duration.ofMinutes(2));
		assertThat(this.throttle.wait(LIMIT, "", "another-client")).isZero();
	}

	@Test
	void forgottenKeysArePrunedAndTheTableIsCapped() {
		this.jdbc.sql("delete from throttle").update();
		for (int i = 0; i < 5; i++) {
			this.throttle.count(LIMIT, "", "prune-" + i);
		}
		this.throttle.count(LIMIT, "someone", "prune-0");
		this.throttle.count(LIMIT, "someone", "prune-0");
		assertThat(rows()).isEqualTo(6);
		Throttle capped = new Throttle(this.jdbc, this.clock, this.transactions, this.jobs, 3);
		assertThat(capped.prune()).isEqualTo(3);
		assertThat(rows()).isEqualTo(3);
		// the delayed key ends last, so it is kept over the others
		assertThat(this.throttle.wait(LIMIT, "someone", "prune-0")).isEqualTo(Duration.ofMinutes(1));
		this.clock.advance(Duration.ofMinutes(11));
		assertThat(this.throttle.prune()).isEqualTo(3);
		assertThat(rows()).isZero();
	}

	long rows() {
		return this.jdbc.sql("select count(*) from throttle").query(Long.class).single();
	}

}
