package vn.giamngheo.exits.domain;

/**
 * The early-warning rules file is malformed: the start stops, and the message names the
 * file and the field.
 */
public class WarningRuleFileException extends RuntimeException {

	private final String file;

	private final String field;

	public WarningRuleFileException(String file, String field, String reason) {
		super("Early-warning rules file " + file + ": " + field + ": " + reason);
		this.file = file;
		this.field = field;
	}

	public String file() {
		return this.file;
	}

	/** The field, as a path ({@code rules[2].weight}). */
	public String field() {
		return this.field;
	}

}
