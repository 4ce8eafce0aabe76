package vn.giamngheo.programmes;

import java.util.List;

/**
 * Biểu 02 of Circular 10/2022 (kết quả thực hiện Chương trình) of a programme, unit and
 * year, the closest faithful table to the form whose exact columns are not known (ADR
 * 0049): the outputs of every project and sub-project (value, how obtained, target), the
 * funds by project and by source (planned, allocated, disbursed, rate), and the funds of
 * each child unit. Codes (sources, groups, how) are named from the bundles when shown.
 *
 * @param programme programme code
 * @param programmeName programme name as built
 * @param legalBasis the programme's legal basis in words
 * @param unitId the unit
 * @param unitName its name
 * @param year the year
 * @param nodes projects, sub-projects and contents in catalogue order
 * @param sources funds by source group (a subtotal line, source null) and source
 * @param total all the funds
 * @param children each child unit's funds (empty for a unit without children)
 * @param pendingFunds fund rows waiting for approval (not counted)
 */
public record ResultsTable(String programme, String programmeName, String legalBasis, long unitId, String unitName,
		int year, List<NodeLine> nodes, List<SourceLine> sources, Money total, List<ChildLine> children,
		int pendingFunds) {

	/** The fund source groups shown to users, with their sources, in order. */
	public static final List<List<String>> GROUPS = List.of(List.of("CENTRAL_INVESTMENT", "CENTRAL_RECURRENT"),
			List.of("LOCAL"), List.of("POLICY_CREDIT"),
			List.of("FUND_FOR_POOR", "BUSINESS", "DONOR", "OWN_CONTRIBUTION"));

	/** Group codes, in the order of {@link #GROUPS}. */
	public static final List<String> GROUP_CODES = List.of("CENTRAL", "LOCAL", "CREDIT", "MOBILISED");

	/**
	 * A project, sub-project or content.
	 *
	 * @param code node code (DA3.TDA2)
	 * @param level PROJECT, SUBPROJECT or CONTENT
	 * @param depth 0 for a project
	 * @param name its name
	 * @param money its funds, or null when none are recorded for it
	 * @param outputs its outputs
	 */
	public record NodeLine(String code, String level, int depth, String name, Money money, List<OutputLine> outputs) {

		/** The number the form prints ("3.1"), never the code. */
		public String number() {
			return vn.giamngheo.programmes.domain.NodeNumbers.of(this.code);
		}

	}

	/**
	 * An output of a node.
	 *
	 * @param code output code
	 * @param name its name
	 * @param unit its unit of count
	 * @param value the value
	 * @param how COUNTED, ENTERED or NONE
	 * @param target the approved planned target, or null
	 * @param pending entered rows waiting for approval
	 */
	public record OutputLine(String code, String name, String unit, long value, String how, Long target, int pending) {
	}

	/**
	 * Funds of a source group (source null: the group's subtotal) or of one source.
	 *
	 * @param group CENTRAL, LOCAL, CREDIT or MOBILISED
	 * @param source the source code, or null for the group's subtotal
	 * @param money the amounts
	 */
	public record SourceLine(String group, String source, Money money) {
	}

	/**
	 * Funds of a child unit (rolled up).
	 *
	 * @param unitId the child
	 * @param name its name
	 * @param money the amounts
	 */
	public record ChildLine(long unitId, String name, Money money) {
	}

}
