package vn.giamngheo.shared;

import org.springframework.stereotype.Component;

/**
 * Whether a background data load (the demo's, on a first start) is under way, and its
 * step (a message key), so pages say so ({@code layout.html}: "Đang nạp dữ liệu mẫu…")
 * and writes wait for it ({@code shared.web.LoadingGuard}). Sign-in and reading work
 * meanwhile (ADR 0055). One load at a time, in this node.
 */
@Component("dataLoading")
public class DataLoading {

	private volatile String step;

	/**
	 * A load begins, or goes on to its next step.
	 * @param stepKey the message key naming the step (what is being loaded now)
	 */
	public void step(String stepKey) {
		this.step = stepKey;
	}

	/** The load is over (done or failed). */
	public void done() {
		this.step = null;
	}

	public boolean loading() {
		return this.step != null;
	}

	/** The message key of the step under way, or {@code null} when nothing loads. */
	public String stepKey() {
		return this.step;
	}

}
