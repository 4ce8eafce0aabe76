package vn.giamngheo.identity;

/**
 * The agency a partner user works for. It decides which support a partner may record and
 * which fields of a household it may read or export. Shown by name from the bundles
 * ({@code agency.<NAME>}), never by this code.
 */
public enum Agency {

	/** Ngân hàng Chính sách xã hội: policy loans. */
	VBSP,
	/** Bảo hiểm xã hội: health-insurance cards. */
	SOCIAL_INSURANCE,
	/** Giáo dục và đào tạo: tuition exemption, learning support. */
	EDUCATION,
	/** Lao động, việc làm, giáo dục nghề nghiệp: training and jobs. */
	LABOUR,
	/** Y tế. */
	HEALTH,
	/** Điện lực: electricity support. */
	ELECTRICITY,
	/** Xây dựng: housing support. */
	CONSTRUCTION,
	/** Another organisation (Fund for the Poor, Fatherland Front, donors). */
	OTHER;

	public static Agency parse(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Agency.valueOf(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
