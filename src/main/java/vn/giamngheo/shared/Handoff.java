package vn.giamngheo.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Items passed in batches from one thread to another through a bounded queue, so that two
 * halves of a streamed job (reading a workbook and checking its rows, reading rows from
 * PostgreSQL and writing a workbook) run on two cores while memory stays bounded. The
 * producer calls {@link #put} then {@link #end}; the consumer calls {@link #take} until
 * it returns null. A consumer that gives up calls {@link #stop}: the producer's next
 * {@link #put} then throws {@link CancellationException} instead of blocking. One side
 * may run on a thread of its own ({@link #beside}), the other on the caller's, which then
 * {@link #join}s it.
 *
 * @param <T> the items
 */
public final class Handoff<T> {

	private final BlockingQueue<List<T>> queue;

	private final int batchSize;

	private final List<T> end = new ArrayList<>(0);

	private final AtomicBoolean stopped = new AtomicBoolean();

	private List<T> batch;

	private Thread other;

	private volatile Throwable otherFailure;

	/** One side of the hand-off, run on a thread of its own. */
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
	 * consumes and fails) on a daemon thread of its own; its failure is kept for
	 * {@link #join}.
	 */
	public void beside(String threadName, Side side) {
		this.other = new Thread(() -> {
			try {
				side.run();
			}
			catch (Throwable ex) {
				this.otherFailure = ex;
			}
		}, threadName);
		this.other.setDaemon(true);
		this.other.start();
	}

	/**
	 * Waits for the side started by {@link #beside} (at most {@code millis}, 0 for no
	 * limit). Interrupted, it stops the hand-off and answers a
	 * {@link CancellationException}.
	 * @return that side's failure, or null; what it wrote is visible to the caller
	 */
	public Throwable join(long millis) {
		try {
			this.other.join(millis);
			return this.otherFailure;
		}
		catch (InterruptedException ex) {
			stop();
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
