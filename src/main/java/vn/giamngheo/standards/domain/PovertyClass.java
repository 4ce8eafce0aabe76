package vn.giamngheo.standards.domain;

/**
 * Class of a household under a standard.
 */
public enum PovertyClass {

	/** Hộ nghèo. */
	POOR("poor"),
	/** Hộ cận nghèo. */
	NEAR_POOR("near_poor"),
	/** Hộ có mức sống trung bình. */
	MIDDLE("middle"),
	/** Above the middle living standard. */
	ABOVE_MIDDLE("above_middle"),
	/**
	 * Above the line where the standard leaves the middle band unset (or the score way).
	 */
	NOT_POOR("not_poor");

	private final String key;

	PovertyClass(String key) {
		this.key = key;
	}

	/**
	 * The stable key used in batch output.
	 * @return the key
	 */
	public String key() {
		return this.key;
	}

}
