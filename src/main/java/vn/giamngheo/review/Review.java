package vn.giamngheo.review;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A periodic review (rà soát định kỳ) of one province and year.
 *
 * @param id id
 * @param provinceCode province code
 * @param provinceId province unit id
 * @param provinceName province name
 * @param provincePath province unit path
 * @param year review year (the list applies to {@code year + 1})
 * @param standardKey the standard applied
 * @param windowFrom first day of the review window
 * @param windowTo last day of the review window
 * @param createdBy who opened it
 * @param version optimistic-lock version
 */
public record Review(UUID id, String provinceCode, long provinceId, String provinceName, String provincePath, int year,
		String standardKey, LocalDate windowFrom, LocalDate windowTo, String createdBy, int version) {

}
