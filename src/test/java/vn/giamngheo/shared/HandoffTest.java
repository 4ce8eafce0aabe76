package vn.giamngheo.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Items reach the other thread in order and in full; a side that stops frees the other.
 */
class HandoffTest {

	static final ExecutorService POOL = Executors.newCachedThreadPool();

	@AfterAll
	static void shutDown() {
		POOL.shutdownNow();
	}

	@Test
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void everyItemArrivesInOrderThenTheEnd() throws Exception {
		Handoff<Integer> handoff = new Handoff<>(7, 2);
		Thread producer = new Thread(() -> {
			for (int i = 0; i < 1000; i++) {
				handoff.put(i);
			}
			handoff.end();
		});
		producer.start();
		List<Integer> got = new ArrayList<>();
		List<Integer> batch;
		while ((batch = handoff.take()) != null) {
			assertThat(batch.size()).isBetween(1, 7);
			got.addAll(batch);
		}
		producer.join();
		assertThat(got).hasSize(1000);
		for (int i = 0; i < 1000; i++) {
			assertThat(got.get(i)).isEqualTo(i);
		}
	}

	@Test
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void aProducerWaitingOnAFullQueueGivesUpWhenTheConsumerStops() throws Exception {
		Handoff<Integer> handoff = new Handoff<>(1, 1);
		Throwable[] thrown = { null };
		int[] put = { 0 };
		Thread producer = new Thread(() -> {
			try {
				while (true) {
					handoff.put(put[0]++);
				}
			}
			catch (CancellationException ex) {
				thrown[0] = ex;
			}
			finally {
				handoff.end();
			}
		});
		producer.start();
		assertThat(handoff.take()).containsExactly(0);
		handoff.stop();
		producer.join();
		assertThat(thrown[0]).isInstanceOf(CancellationException.class);
		assertThat(put[0]).as("the producer stopped within a few items").isLessThan(10);
		assertThatThrownBy(() -> handoff.put(1)).isInstanceOf(CancellationException.class);
	}

	@Test
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void aSideBesideHandsOverItsFailureAtTheJoin() throws Exception {
		Handoff<Integer> handoff = new Handoff<>(2, 2);
		handoff.beside(POOL, () -> {
			try {
				handoff.put(1);
				handoff.put(2);
				handoff.put(3);
				throw new IllegalStateException("broken file");
			}
			finally {
				handoff.end();
			}
		});
		List<Integer> got = new ArrayList<>();
		List<Integer> batch;
		while ((batch = handoff.take()) != null) {
			got.addAll(batch);
		}
		assertThat(handoff.join(0)).isInstanceOf(IllegalStateException.class).hasMessage("broken file");
		assertThat(got).containsExactly(1, 2, 3);
	}

	@Test
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void aFullPoolRefusesTheSideAndNothingRuns() {
		Handoff<Integer> handoff = new Handoff<>(2, 2);
		AtomicBoolean ran = new AtomicBoolean();
		assertThatThrownBy(() -> handoff.beside((task) -> {
			throw new RejectedExecutionException("full");
		}, () -> ran.set(true))).isInstanceOf(RejectedExecutionException.class);
		assertThat(ran).isFalse();
	}

	@Test
	@Timeout(value = 10, unit = TimeUnit.SECONDS)
	void aSideStillRunningAtTheLimitIsReportedAsATimeoutAndInterrupted() throws Exception {
		Handoff<Integer> handoff = new Handoff<>(2, 2);
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch interrupted = new CountDownLatch(1);
		handoff.beside(POOL, () -> {
			started.countDown();
			try {
				Thread.sleep(60_000);
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
			}
		});
		started.await();
		long t = System.nanoTime();
		assertThat(handoff.join(200)).isInstanceOf(TimeoutException.class).hasMessageContaining("200 ms");
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t)).isLessThan(5_000);
		assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the side was interrupted").isTrue();
		assertThat(handoff.stopped()).isTrue();
	}

}
