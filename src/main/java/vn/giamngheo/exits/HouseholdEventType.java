package vn.giamngheo.exits;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The type of a household event (issue 17): shown by name from the bundle
 * ({@code exits.event.type.<TYPE>}). Adverse types ("shocks") are those that can push a
 * household into poverty: all but a birth, a member leaving and "other".
 */
public enum HouseholdEventType {

	NATURAL_DISASTER, SERIOUS_ILLNESS, EARNER_DEATH, EARNER_DISABILITY, JOB_LOSS, LAND_LOSS, BIRTH, MEMBER_LEFT, OTHER;

	/** Whether the event is a shock (counts in the follow-up and the early warning). */
	public boolean adverse() {
		return this != BIRTH && this != MEMBER_LEFT && this != OTHER;
	}

	/** The message key of its name. */
	public String labelKey() {
		return "exits.event.type." + name();
	}

	/** The adverse types' codes, for SQL. */
	public static List<String> adverseCodes() {
		return Arrays.stream(values()).filter(HouseholdEventType::adverse).map(Enum::name).toList();
	}

	/** The type of a code (any case), or null. */
	public static HouseholdEventType of(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		String c = code.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(values()).filter((t) -> t.name().equals(c)).findFirst().orElse(null);
	}

}
