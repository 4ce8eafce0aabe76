package vn.giamngheo.analytics.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A group of households an indicator is computed for: a combination of household flags
 * (area, ethnic minority, social protection) and unit statuses (terrain, poor district or
 * commune, wards and towns of cities). Written as codes joined by {@code +}, e.g.
 * {@code WARD_TOWN+NOT_SOCIAL_PROTECTION}; the empty group is every household.
 *
 * @param parts the conditions, all of which must hold
 */
public record Group(Set<Part> parts) {

	public static final Group ALL = new Group(EnumSet.noneOf(Part.class));

	/** One condition of a group. */
	public enum Part {

		/** Urban household (thành thị). */
		URBAN,
		/** Rural household (nông thôn). */
		RURAL,
		/** Ethnic-minority household (đồng bào dân tộc thiểu số). */
		ETHNIC_MINORITY,
		/** Kinh / majority household. */
		NOT_ETHNIC_MINORITY,
		/** Household under social protection (bảo trợ xã hội). */
		SOCIAL_PROTECTION,
		/** Household not under social protection. */
		NOT_SOCIAL_PROTECTION,
		/** Commune in a mountainous district or commune (miền núi). */
		MOUNTAIN,
		/** Commune in a plain district (đồng bằng). */
		PLAIN,
		/** Commune in a poor district (huyện nghèo) during the window. */
		POOR_DISTRICT,
		/**
		 * Poor commune (xã nghèo) during the window: a commune with the POOR_COMMUNE
		 * status only (issue 15: never an especially difficult commune by proxy).
		 */
		POOR_COMMUNE,
		/**
		 * Especially difficult commune (xã đặc biệt khó khăn, ĐBKK) during the window: a
		 * group of its own, not the poor communes.
		 */
		DBKK_COMMUNE,
		/** Ward or town (phường, thị trấn) of a city or town (thành phố, thị xã). */
		WARD_TOWN;

	}

	public Group {
		parts = parts.isEmpty() ? EnumSet.noneOf(Part.class) : EnumSet.copyOf(parts);
	}

	/**
	 * Parses {@code A+B}; blank or {@code ALL} is every household.
	 * @param code the group code
	 * @return the group
	 * @throws IllegalArgumentException naming the unknown part
	 */
	public static Group parse(String code) {
		if (code == null || code.isBlank() || "ALL".equalsIgnoreCase(code.trim())) {
			return ALL;
		}
		List<Part> parts = new ArrayList<>();
		for (String p : code.split("\\+")) {
			String name = p.trim().toUpperCase(Locale.ROOT);
			try {
				parts.add(Part.valueOf(name));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(name);
			}
		}
		return new Group(EnumSet.copyOf(parts));
	}

	/**
	 * Whether households with these flags, in a commune with these statuses, belong to
	 * the group.
	 */
	public boolean matches(boolean urban, boolean ethnicMinority, boolean socialProtection, boolean mountain,
			boolean poorDistrict, boolean poorCommune, boolean wardTown) {
		return matches(urban, ethnicMinority, socialProtection, mountain, poorDistrict, poorCommune, false, wardTown);
	}

	/**
	 * Whether households with these flags, in a commune with these statuses, belong to
	 * the group.
	 */
	public boolean matches(boolean urban, boolean ethnicMinority, boolean socialProtection, boolean mountain,
			boolean poorDistrict, boolean poorCommune, boolean dbkkCommune, boolean wardTown) {
		for (Part p : this.parts) {
			boolean ok = switch (p) {
				case URBAN -> urban;
				case RURAL -> !urban;
				case ETHNIC_MINORITY -> ethnicMinority;
				case NOT_ETHNIC_MINORITY -> !ethnicMinority;
				case SOCIAL_PROTECTION -> socialProtection;
				case NOT_SOCIAL_PROTECTION -> !socialProtection;
				case MOUNTAIN -> mountain;
				case PLAIN -> !mountain;
				case POOR_DISTRICT -> poorDistrict;
				case POOR_COMMUNE -> poorCommune;
				case DBKK_COMMUNE -> dbkkCommune;
				case WARD_TOWN -> wardTown;
			};
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	public boolean has(Part part) {
		return this.parts.contains(part);
	}

	public boolean isAll() {
		return this.parts.isEmpty();
	}

	/**
	 * The code, parts in declaration order joined by {@code +}; {@code ALL} when empty.
	 */
	public String code() {
		if (this.parts.isEmpty()) {
			return "ALL";
		}
		StringBuilder b = new StringBuilder();
		for (Part p : this.parts) {
			if (!b.isEmpty()) {
				b.append('+');
			}
			b.append(p.name());
		}
		return b.toString();
	}

	@Override
	public String toString() {
		return code();
	}

}
