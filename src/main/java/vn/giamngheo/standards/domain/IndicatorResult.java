package vn.giamngheo.standards.domain;

/**
 * One indicator's result for one household.
 *
 * @param code indicator code
 * @param name indicator name
 * @param deprived whether the household is deprived
 * @param fact the fact that decided it, as a sentence
 * @param legalBasis legal citation of the definition
 * @param verified whether the definition was verified
 * @param reason the deciding fact alone, when deprived ("Thành viên Nguyễn Văn A, 9 tuổi,
 * không đi học"), else {@code null}
 */
public record IndicatorResult(String code, Text name, boolean deprived, Text fact, String legalBasis, boolean verified,
		Text reason) {

}
