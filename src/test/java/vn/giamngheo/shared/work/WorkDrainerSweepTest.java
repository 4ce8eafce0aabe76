package vn.giamngheo.shared.work;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionTemplate;

import vn.giamngheo.shared.BoundedExecutors;
import vn.giamngheo.shared.db.OneRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Every kind of pending work is looked at on each poll, on the default pool of one thread
 * and one queued task: before, a task per kind let the first two kinds take the pool and
 * the others were refused, their marks left waiting with the pool idle.
 */
class WorkDrainerSweepTest {

	record Kind(String kind) implements WorkHandler {

		@Override
		public void work(List<String> subjects) {
		}

	}

	@Test
	void onePollLooksAtEveryKindOnAOneThreadPool() throws Exception {
		List<String> kinds = List.of("aggregates", "figures", "ELIGIBILITY", "EXIT_OUTCOMES", "COVERAGE", "WARNING");
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		kinds.forEach((k) -> beans.registerSingleton("handler-" + k, new Kind(k)));
		Set<String> looked = ConcurrentHashMap.newKeySet();
		CountDownLatch all = new CountDownLatch(kinds.size());
		PendingWork work = mock(PendingWork.class);
		when(work.due(anyString(), anyInt())).thenAnswer((call) -> {
			if (looked.add(call.getArgument(0))) {
				all.countDown();
			}
			return List.of();
		});
		ThreadPoolTaskExecutor pool = BoundedExecutors.bounded("sweep-test-", 1, 1);
		pool.initialize();
		try {
			WorkDrainer drainer = new WorkDrainer(work, beans.getBeanProvider(WorkHandler.class),
					mock(TransactionTemplate.class), pool, Clock.systemUTC(), mock(OneRunner.class), true,
					Duration.ofSeconds(10), Duration.ofMinutes(30));
			drainer.poll();
			assertThat(all.await(10, TimeUnit.SECONDS)).as("kinds looked at: %s", looked).isTrue();
			assertThat(looked).containsExactlyInAnyOrderElementsOf(kinds);
		}
		finally {
			pool.shutdown();
		}
	}

}
