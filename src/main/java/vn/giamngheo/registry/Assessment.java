package vn.giamngheo.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The assessment of one review year: the facts the standards need and the recognised
 * class. The review of late {@code year} decides the list used in {@code year + 1}.
 *
 * @param year review year
 * @param standardKey standard applied
 * @param surveyDate survey date
 * @param memberCount members at the survey
 * @param incomePerCapita integer VND per person per month
 * @param scoreA income score (score way)
 * @param scoreB deprivation score (score way)
 * @param housingQuality housing quality
 * @param floorAreaM2 floor area
 * @param waterSource water source
 * @param latrine latrine
 * @param telecomUse uses telecom services
 * @param internetUse uses internet / digital services
 * @param infoDevices owns information devices
 * @param loudspeakerReach reached by the public address system
 * @param wasteHandling waste handling
 * @param deprivations codes of deprived indicators
 * @param deprivationCount number of deprivations
 * @param classification class
 * @param poorSubtype subtype of poor (2016–2020)
 * @param recognised recognised by a decision
 * @param decisionNo decision number
 * @param decisionDate decision date
 * @param source DEMO, REVIEW, IMPORT, MANUAL
 */
public record Assessment(int year, String standardKey, LocalDate surveyDate, int memberCount, Long incomePerCapita,
		Integer scoreA, Integer scoreB, String housingQuality, BigDecimal floorAreaM2, String waterSource,
		String latrine, Boolean telecomUse, Boolean internetUse, Boolean infoDevices, Boolean loudspeakerReach,
		String wasteHandling, List<String> deprivations, int deprivationCount, String classification,
		String poorSubtype, boolean recognised, String decisionNo, LocalDate decisionDate, String source,
		String reason) {

}
