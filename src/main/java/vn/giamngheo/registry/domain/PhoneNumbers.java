package vn.giamngheo.registry.domain;

import java.util.regex.Pattern;

/**
 * Vietnamese phone numbers as the registry stores them: digits only, a leading 0, then 9
 * digits (mobile and, since 2017, fixed lines) or 10 (older fixed lines).
 */
public final class PhoneNumbers {

	private static final Pattern VALID = Pattern.compile("0[0-9]{9,10}");

	private PhoneNumbers() {
	}

	/** Whether a stored-form number (digits only) is well formed. */
	public static boolean valid(String phone) {
		return phone != null && VALID.matcher(phone).matches();
	}

}
