package vn.giamngheo.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Items passed in batches from one thread to another through a bounded queue, so that two
 * halves of a streamed job (reading a workbook and checking its rows, reading rows from
 * PostgreSQL and writing a workbook) run on two cores while memory stays bounded. The
 * producer calls {@link #put} then {@link #end}; the consumer calls {@link #take} until
 * it returns null. A consumer that gives up calls {@link #stop}: the producer's next
 * {@link #put} then throws {@link CancellationException} instead of blocking. One side
 * runs on a thread of a bounded pool ({@link #beside}), the other on the caller's, which
 * then {@link #join}s it: a full pool refuses the job rather than start a thread more.
 *
 * @param <T> the items
 */
public final class Handoff<T> {

	private final BlockingQueue<List<T>> queue;

	private final int batchSize;

	private final List<T> end = new ArrayList<>(0);

	private final AtomicBoolean stopped = new AtomicBoolean();

	private List<T> batch;

	private FutureTask<Void> other;

	/** One side of the hand-off, run on a thread of a pool. */
	@FunctionalInterface
	public interface Side {

		void run() throws Exception;

	}

	/**
	 * @param batchSize items per batch
	 * @param batches batches that may wait in the queue
	 */
	public Handoff(int batchSize, int batches) {
		this.batchSize = batchSize;
		this.queue = new ArrayBlockingQueue<>(batches);
		this.batch = new ArrayList<>(batchSize);
	}

	/** Producer: adds an item; a full batch is handed over. */
	public void put(T item) {
		if (this.stopped.get()) {
			throw new CancellationException();
		}
		this.batch.add(item);
		if (this.batch.size() == this.batchSize) {
			hand(this.batch);
			this.batch = new ArrayList<>(this.batchSize);
		}
	}

	/**
	 * Producer: hands over the last batch and the end mark (also after a failure, so that
	 * the consumer does not wait for ever). Does nothing when the consumer stopped.
	 */
	public void end() {
		try {
			if (!this.batch.isEmpty()) {
				hand(this.batch);
			}
			hand(this.end);
		}
		catch (CancellationException ex) {
			// the consumer stopped taking
		}
	}

	/** Consumer: the next batch, or null after the end mark. */
	public List<T> take() throws InterruptedException {
		List<T> next = this.queue.take();
		return (next == this.end) ? null : next;
	}

	/** Consumer: stops taking; a waiting or later {@link #put} gives up. */
	public void stop() {
		this.stopped.set(true);
		this.queue.clear();
	}

	public boolean stopped() {
		return this.stopped.get();
	}

	/**
	 * Runs one side (it calls {@link #end} when it produces, {@link #stop} when it
	 * consumes and fails) on a thread of the given pool; its failure is kept for
	 * {@link #join}.
	 * @param executor a bounded pool
	 * @param side the side
	 * @throws RejectedExecutionException when the pool is full: nothing was started
	 */
	public void beside(Executor executor, Side side) {
		FutureTask<Void> task = new FutureTask<>(() -> {
			side.run();
			return null;
		});
		executor.execute(task);
		this.other = task;
	}

	/**
	 * Waits for the side started by {@link #beside} (at most {@code millis}, 0 for no
	 * limit). A side still running at the limit is stopped and interrupted, and the
	 * answer is a {@link TimeoutException}; interrupted, it stops the hand-off and
	 * answers a {@link CancellationException}.
	 * @return that side's failure, or null; what it wrote is visible to the caller
	 */
	public Throwable join(long millis) {
		try {
			if (millis == 0) {
				this.other.get();
			}
			else {
				this.other.get(millis, TimeUnit.MILLISECONDS);
			}
			return null;
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
		catch (CancellationException ex) {
			return ex;
		}
		catch (TimeoutException ex) {
			stop();
			this.other.cancel(true);
			return new TimeoutException("the other side was still running after " + millis + " ms");
		}
		catch (InterruptedException ex) {
			stop();
			this.other.cancel(true);
			Thread.currentThread().interrupt();
			return new CancellationException("interrupted");
		}
	}

	private void hand(List<T> items) {
		if (this.stopped.get()) {
			throw new CancellationException();
		}
		try {
			while (!this.queue.offer(items, 100, TimeUnit.MILLISECONDS)) {
				if (this.stopped.get()) {
					throw new CancellationException();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CancellationException();
		}
	}

}
