package vn.giamngheo.benefits.domain;

/**
 * Where a rule of a policy comes from, and whether its wording was read.
 *
 * @param text the legal citation (document, article, clause)
 * @param verified whether the rule was checked word for word against the cited text
 * @param note what is not verified and why, or a remark (may be null)
 */
public record Citation(String text, boolean verified, String note) {
}
