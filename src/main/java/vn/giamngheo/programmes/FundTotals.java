package vn.giamngheo.programmes;

import java.util.Map;

/**
 * The funds of a programme for a unit (rolled up from it and every unit under it) and a
 * year, from approved rows.
 *
 * @param unitId the unit
 * @param year the year
 * @param programme the programme code (null for resources outside the programmes)
 * @param bySource by fund source (CENTRAL_INVESTMENT … OWN_CONTRIBUTION), in that order
 * @param byNode by project (node code), in catalogue order
 * @param total the whole
 * @param pending rows waiting for approval (not counted)
 */
public record FundTotals(long unitId, int year, String programme, Map<String, Money> bySource,
		Map<String, Money> byNode, Money total, int pending) {
}
