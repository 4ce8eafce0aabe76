package vn.giamngheo.review;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Complaint references nobody can guess, {@code KN-2026-7KQ4M-X9TRA}: the year and ten
 * characters drawn at random from thirty that are hard to mistake for one another on
 * paper or over the phone (no 0, 1, O, I, L, U), about 49 bits. The sequential references
 * given before (ADR 0011) stay valid. Also the rules of the phone a complainant gives and
 * of its proof.
 */
@Component
class ComplaintReferences {

	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

	static final int LENGTH = 10;

	/** Digits of the phone that prove who asks for the answer. */
	static final int PROOF_DIGITS = 4;

	private static final Pattern TYPED = Pattern
		.compile("KN-([0-9]{4})-?([" + ALPHABET + "]{5})-?([" + ALPHABET + "]{5})");

	private final SecureRandom random = new SecureRandom();

	/** A new reference for a complaint of the review year. */
	String next(int year) {
		StringBuilder sb = new StringBuilder("KN-").append(year).append('-');
		for (int i = 0; i < LENGTH; i++) {
			if (i == LENGTH / 2) {
				sb.append('-');
			}
			sb.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return sb.toString();
	}

	/**
	 * A reference as typed (any case, spaces, dashes left out), as stored; old references
	 * as they are.
	 */
	static String normalise(String typed) {
		if (typed == null) {
			return "";
		}
		String t = typed.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
		var m = TYPED.matcher(t);
		return m.matches() ? "KN-" + m.group(1) + "-" + m.group(2) + "-" + m.group(3) : t;
	}

	/**
	 * A phone as given on the form, as digits ({@code +84 905 000 111} →
	 * {@code 0905000111}), or null when it is not a Vietnamese phone number (9 to 11
	 * digits).
	 */
	static String phone(String given) {
		if (given == null || given.isBlank()) {
			return null;
		}
		String s = given.strip();
		if (!s.matches("\\+?[0-9 .()-]+")) {
			return null;
		}
		String digits = s.replaceAll("[^0-9]", "");
		if (s.startsWith("+84") || (digits.startsWith("84") && digits.length() == 11)) {
			digits = "0" + digits.substring(2);
		}
		return (digits.length() >= 9 && digits.length() <= 11) ? digits : null;
	}

	/** Whether the digits typed are the last digits of the phone given. */
	static boolean proves(String phone, String typed) {
		if (phone == null || typed == null) {
			return false;
		}
		String digits = typed.replaceAll("[^0-9]", "");
		return digits.length() == PROOF_DIGITS && phone.endsWith(digits);
	}

}
