package vn.giamngheo.targets;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A value entered for an indicator, a unit and a year.
 *
 * @param id opaque id
 * @param indicatorCode indicator
 * @param unitId unit
 * @param unitPath unit path
 * @param year year
 * @param value the value
 * @param comment comment of the person entering it
 * @param status ENTERED, APPROVED or RETURNED
 * @param enteredBy who entered it
 * @param enteredAt when
 * @param decidedBy who approved or returned it
 * @param version optimistic-locking version
 */
public record IndicatorValue(long id, String indicatorCode, long unitId, String unitPath, int year, BigDecimal value,
		String comment, String status, String enteredBy, OffsetDateTime enteredAt, String decidedBy, int version) {
}
