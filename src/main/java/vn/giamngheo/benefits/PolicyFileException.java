package vn.giamngheo.benefits;

/**
 * A support policy file is malformed: the start stops, and the message names the file and
 * the field.
 */
public class PolicyFileException extends RuntimeException {

	private final String file;

	private final String field;

	public PolicyFileException(String file, String field, String reason) {
		super("Support policy file " + file + ": " + field + ": " + reason);
		this.file = file;
		this.field = field;
	}

	/** The file's name. */
	public String file() {
		return this.file;
	}

	/** The field, as a path ({@code versions[1].amounts[0].vnd}). */
	public String field() {
		return this.field;
	}

}
