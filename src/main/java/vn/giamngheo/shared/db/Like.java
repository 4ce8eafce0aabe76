package vn.giamngheo.shared.db;

/**
 * Text matched literally inside a LIKE pattern (PostgreSQL's default escape character,
 * the backslash): {@code "50%_a"} becomes {@code "50\%\_a"}, so that a user's text never
 * acts as a wildcard.
 */
public final class Like {

	private Like() {
	}

	/** The text with LIKE's wildcards and escape character escaped. */
	public static String literal(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
