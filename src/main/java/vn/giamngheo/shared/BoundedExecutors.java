package vn.giamngheo.shared;

import java.util.concurrent.ThreadPoolExecutor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The pools that background work runs on, each with a fixed number of threads and a
 * bounded queue: a full pool refuses a task (the caller answers "server busy" or does the
 * work itself) instead of starting one thread more. {@value #STREAMS} runs the second
 * thread of a streamed XLSX export or read ({@link Handoff#beside}); {@value #WORK}
 * drains the pending work ({@code shared.work}); {@value #AGGREGATES} rebuilds a
 * province's aggregates in parallel parts.
 */
@Configuration(proxyBeanMethods = false)
public class BoundedExecutors {

	/** Second threads of two-thread exports and reads. */
	public static final String STREAMS = "streamsExecutor";

	/** The drain of pending work. */
	public static final String WORK = "workExecutor";

	/** Parallel parts of a province's aggregates. */
	public static final String AGGREGATES = "aggregatesExecutor";

	/** What-if runs (ADR 0033): one at a time, a few waiting. */
	public static final String WHATIF = "whatifExecutor";

	@Bean(STREAMS)
	ThreadPoolTaskExecutor streamsExecutor(@Value("${giamngheo.executors.streams.threads:4}") int threads,
			@Value("${giamngheo.executors.streams.queue:0}") int queue) {
		return bounded("streams-", threads, queue);
	}

	@Bean(WORK)
	ThreadPoolTaskExecutor workExecutor(@Value("${giamngheo.executors.work.threads:1}") int threads) {
		return bounded("work-", threads, threads);
	}

	@Bean(WHATIF)
	ThreadPoolTaskExecutor whatifExecutor(@Value("${giamngheo.executors.whatif.threads:1}") int threads,
			@Value("${giamngheo.executors.whatif.queue:4}") int queue) {
		return bounded("whatif-", threads, queue);
	}

	/**
	 * One thread per processor by default: each part keeps one core busy in PostgreSQL.
	 */
	@Bean(AGGREGATES)
	ThreadPoolTaskExecutor aggregatesExecutor(@Value("${giamngheo.executors.aggregates.threads:0}") int threads,
			@Value("${giamngheo.executors.aggregates.queue:16}") int queue) {
		return bounded("aggregates-", (threads > 0) ? threads : Runtime.getRuntime().availableProcessors(), queue);
	}

	/**
	 * A pool of at most {@code threads} threads (started when needed, ended after a
	 * minute idle) and a queue of {@code queue} tasks (0: none); beyond that a task is
	 * refused with a {@link java.util.concurrent.RejectedExecutionException}.
	 */
	public static ThreadPoolTaskExecutor bounded(String prefix, int threads, int queue) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix(prefix);
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setQueueCapacity(queue);
		executor.setAllowCoreThreadTimeOut(true);
		executor.setKeepAliveSeconds(60);
		executor.setDaemon(true);
		executor.setRejectedExecutionHandler(new ThreadPoolExecutor.AbortPolicy());
		return executor;
	}

}
