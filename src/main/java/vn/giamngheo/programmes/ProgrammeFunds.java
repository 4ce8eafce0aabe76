package vn.giamngheo.programmes;

import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * Plans and funds by source of a unit, year and project: entered with validation,
 * approved by a second person, rolled up from commune to province.
 */
@Service
public class ProgrammeFunds {

	private static final String TODO = "part funds";

	/**
	 * The funds of a programme for a unit (rolled up) and a year. Needs the view scope.
	 * @param programme programme code, or null for resources outside the programmes
	 * @param unitId the unit
	 * @param year the year
	 * @return the totals
	 */
	public FundTotals totals(String programme, long unitId, int year) {
		throw new UnsupportedOperationException(TODO);
	}

	/**
	 * The totals of each child unit (by child unit id, in name order). Needs the view
	 * scope.
	 * @param programme programme code
	 * @param unitId the unit
	 * @param year the year
	 * @return the totals by child unit
	 */
	public Map<Long, FundTotals> totalsByChild(String programme, long unitId, int year) {
		throw new UnsupportedOperationException(TODO);
	}

}
