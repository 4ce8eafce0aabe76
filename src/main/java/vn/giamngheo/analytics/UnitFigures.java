package vn.giamngheo.analytics;

/**
 * Figures of one unit (a child of the unit asked for) in one year.
 *
 * @param unitId unit id
 * @param code unit code
 * @param name unit name
 * @param level unit level
 * @param figures summed figures
 */
public record UnitFigures(long unitId, String code, String name, String level, Figures figures) {
}
