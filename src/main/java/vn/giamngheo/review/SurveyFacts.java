package vn.giamngheo.review;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the reviewer recorded on Phiếu B besides the income and score A: housing, floor
 * area, water, latrine, waste, telecom and information, and score B as typed. Saved with
 * the survey and given back when the form is opened again, so nothing is typed twice.
 *
 * @param housingQuality housing quality code
 * @param floorAreaM2 floor area per person (m²)
 * @param waterSource water source code
 * @param latrine latrine code
 * @param telecomUse uses telecom
 * @param internetUse uses internet
 * @param infoDevices owns information devices
 * @param loudspeakerReach reached by loudspeakers
 * @param wasteHandling waste handling code
 * @param scoreB score B as typed (score way), or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SurveyFacts(String housingQuality, BigDecimal floorAreaM2, String waterSource, String latrine,
		boolean telecomUse, boolean internetUse, boolean infoDevices, boolean loudspeakerReach, String wasteHandling,
		Integer scoreB) {

}
