package vn.giamngheo.review.domain;

/**
 * Why the workflow refuses a step: a stable code and a message key of the review bundle.
 *
 * @param code stable code
 * @param messageKey message key
 * @param args message arguments
 */
public record Rejection(String code, String messageKey, Object... args) {

}
