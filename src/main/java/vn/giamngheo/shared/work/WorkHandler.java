package vn.giamngheo.shared.work;

import java.util.List;

/**
 * Does one kind of pending work. A bean implementing it is found by the
 * {@link WorkDrainer}.
 */
public interface WorkHandler {

	/** The kind of work, as marked ({@link PendingWork#mark}). */
	String kind();

	/**
	 * Does the work of some subjects, inside the drain's transaction: their marks are
	 * removed in that transaction when this returns, and stay when it throws.
	 * @param subjects the marked subjects, each once
	 */
	void work(List<String> subjects);

	/** Most subjects done in one transaction. */
	default int batchSize() {
		return 50;
	}

}
