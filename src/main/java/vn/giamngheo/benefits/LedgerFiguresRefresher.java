package vn.giamngheo.benefits;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.giamngheo.analytics.StoredFigures;
import vn.giamngheo.shared.work.WorkHandler;

/**
 * Makes the stored ledger figures of the provinces whose ledger changed stale (ADR 0058):
 * every statement on a benefit record, a demand, an eligibility list or a past address
 * marks its provinces (kind {@code ledger}, a statement trigger of V82, in its own
 * transaction), and this handler raises their generations a few seconds later. Until
 * then, a reader computes the figures as before and does not store them.
 */
@Component
public class LedgerFiguresRefresher implements WorkHandler {

	private final StoredFigures figures;

	public LedgerFiguresRefresher(StoredFigures figures) {
		this.figures = figures;
	}

	@Override
	public String kind() {
		return StoredFigures.LEDGER.pending();
	}

	@Override
	public void work(List<String> provinces) {
		this.figures.raise(StoredFigures.LEDGER, provinces);
	}

}
