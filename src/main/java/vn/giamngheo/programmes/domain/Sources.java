package vn.giamngheo.programmes.domain;

import java.util.List;

/**
 * Fund sources (column {@code source} of {@code programme_fund}) in the order tables show
 * them, and the four groups users see: the central budget (investment and recurrent), the
 * local budget, policy credit, and resources mobilised (the Fund for the Poor,
 * businesses, donors, people's own contribution).
 */
public final class Sources {

	/** Every source, in table order. */
	public static final List<String> ALL = List.of("CENTRAL_INVESTMENT", "CENTRAL_RECURRENT", "LOCAL", "POLICY_CREDIT",
			"FUND_FOR_POOR", "BUSINESS", "DONOR", "OWN_CONTRIBUTION");

	/** The groups, in table order. */
	public static final List<String> GROUPS = List.of("CENTRAL", "LOCAL", "POLICY_CREDIT", "MOBILISED");

	private Sources() {
	}

	/**
	 * @param source a source
	 * @return its group
	 */
	public static String groupOf(String source) {
		return switch (source) {
			case "CENTRAL_INVESTMENT", "CENTRAL_RECURRENT" -> "CENTRAL";
			case "LOCAL" -> "LOCAL";
			case "POLICY_CREDIT" -> "POLICY_CREDIT";
			case "FUND_FOR_POOR", "BUSINESS", "DONOR", "OWN_CONTRIBUTION" -> "MOBILISED";
			default -> throw new IllegalArgumentException("Unknown source " + source);
		};
	}

}
