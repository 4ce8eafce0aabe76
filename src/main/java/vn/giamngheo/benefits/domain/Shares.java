package vn.giamngheo.benefits.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Who pays for a policy's support: a percentage per source (central budget, local budget,
 * policy credit, mobilised funds, the household's own contribution) summing to 100, or
 * "by decision" when each decision sets the split.
 *
 * @param byDecision whether the split is set by each decision rather than by percentages
 * @param percents percentage per source ({@link #SOURCES}), summing to 100 unless by
 * decision
 * @param citation where it comes from
 */
public record Shares(boolean byDecision, Map<String, BigDecimal> percents, Citation citation) {

	/** The sources, in the ledger's order. */
	public static final List<String> SOURCES = List.of("central", "local", "credit", "mobilised", "own");

	public Shares {
		percents = Map.copyOf(percents);
	}

}
