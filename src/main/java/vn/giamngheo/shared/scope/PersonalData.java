package vn.giamngheo.shared.scope;

import java.util.Locale;

/**
 * Shows personal data by role: citizen ID numbers (CCCD) and phone numbers are masked for
 * roles that do not need them. Officers (and reviewers) whose capture scope covers the
 * household see them; the system administrator sees them; a partner agency sees the
 * citizen ID (to identify a borrower) but not the phone; leaders and auditors see masks.
 * A complainant's phone only those who handle complaints see: the administrator and the
 * province, district and commune officers whose capture scope covers the commune. Views
 * and APIs call {@link #mask(Actor, String, Kind, String)} for every such field.
 */
public final class PersonalData {

	/** Kinds of personal data with a mask rule. */
	public enum Kind {

		/** Citizen ID (căn cước công dân), 12 digits: {@code 0012******89}. */
		CCCD,
		/** Phone: {@code 091****678}. */
		PHONE,
		/**
		 * The phone a complainant gave, masked like a phone: shown only to those who
		 * handle the complaint (ADR 0017).
		 */
		COMPLAINANT_PHONE;

		/** The kind of a field by its name ({@code cccd}, {@code phone}...), or null. */
		public static Kind ofField(String field) {
			String f = field.toLowerCase(Locale.ROOT);
			if (f.contains("cccd") || f.contains("citizenid") || f.contains("citizen_id")) {
				return CCCD;
			}
			if (f.contains("complainant") && f.contains("phone")) {
				return COMPLAINANT_PHONE;
			}
			if (f.contains("phone")) {
				return PHONE;
			}
			return null;
		}

	}

	private PersonalData() {
	}

	/**
	 * The value as this actor may see it.
	 * @param actor who looks
	 * @param value the value (may be null)
	 * @param kind what it is
	 * @param householdPath unit path of the household the value belongs to
	 * @return the value or its mask
	 */
	public static String mask(Actor actor, String value, Kind kind, String householdPath) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		return mayReveal(actor, kind, householdPath) ? value : mask(value, kind);
	}

	/**
	 * As {@link #mask(Actor, String, Kind, String)} when the caller has no household path
	 * (it has already checked the view scope): officers see the value only with a capture
	 * scope, which without a path means the whole nation.
	 */
	public static String mask(Actor actor, String value, Kind kind) {
		return mask(actor, value, kind, null);
	}

	public static boolean mayReveal(Actor actor, Kind kind, String householdPath) {
		if (actor.hasRole("SYSTEM_ADMIN")) {
			return true;
		}
		boolean capture = (householdPath != null) ? actor.scope().canCapture(householdPath) : actor.scope().nation();
		if (kind == Kind.COMPLAINANT_PHONE) {
			// those who answer complaints (the permission matrix, ADR 0016), where they
			// write
			return capture && actor.may(Permission.REVIEW_COMPLAINTS);
		}
		if (actor.hasRole("PROVINCE_OFFICER") || actor.hasRole("DISTRICT_OFFICER") || actor.hasRole("COMMUNE_OFFICER")
				|| actor.hasRole("REVIEWER")) {
			return capture;
		}
		if (actor.hasRole("PARTNER")) {
			return kind == Kind.CCCD
					&& ((householdPath != null) ? actor.scope().canView(householdPath) : actor.scope().nation());
		}
		return false;
	}

	/** A run of 9 to 12 digits, with spaces, dots or dashes between them. */
	private static final java.util.regex.Pattern PHONE_IN_TEXT = java.util.regex.Pattern
		.compile("\\+?[0-9](?:[ .-]?[0-9]){8,11}");

	/**
	 * Free text (a reason, a complaint) with every phone-like number in it masked unless
	 * the actor may see this kind.
	 */
	public static String maskNumbersIn(Actor actor, String text, Kind kind, String householdPath) {
		if (text == null || mayReveal(actor, kind, householdPath)) {
			return text;
		}
		return PHONE_IN_TEXT.matcher(text)
			.replaceAll((m) -> java.util.regex.Matcher.quoteReplacement(mask(m.group(), Kind.PHONE)));
	}

	/** The mask of a value: CCCD keeps 4 + 2 digits, a phone 3 + 3. */
	public static String mask(String value, Kind kind) {
		if (value == null) {
			return null;
		}
		int head = (kind == Kind.CCCD) ? 4 : 3;
		int tail = (kind == Kind.CCCD) ? 2 : 3;
		if (value.length() <= head + tail) {
			return "*".repeat(value.length());
		}
		return value.substring(0, head) + "*".repeat(value.length() - head - tail)
				+ value.substring(value.length() - tail);
	}

}
