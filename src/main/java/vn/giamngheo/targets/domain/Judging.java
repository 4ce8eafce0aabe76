package vn.giamngheo.targets.domain;

/**
 * How a target of every year is judged, as its wording says: "giảm mỗi năm trên 3%" (more
 * than 3 points every year) is judged year by year, "bình quân 0,5%/năm" (an average of
 * 0.5 a year) on the average of the years. Unset: a reduction is judged on its mean
 * yearly fall, any other yearly target year by year.
 */
public enum Judging {

	/** Every year must satisfy the target on its own. */
	EACH_YEAR,
	/** The average of the years must satisfy the target. */
	AVERAGE

}
