package vn.giamngheo.programmes;

/**
 * A programme catalogue file is malformed: the start stops, and the message names the
 * file and the field.
 */
public class ProgrammeFileException extends RuntimeException {

	private final String file;

	private final String field;

	public ProgrammeFileException(String file, String field, String reason) {
		super("Programme catalogue file " + file + ": " + field + ": " + reason);
		this.file = file;
		this.field = field;
	}

	/** The file's name. */
	public String file() {
		return this.file;
	}

	/** The field, as a path ({@code projects[2].children[0].outputs[1].counting}). */
	public String field() {
		return this.field;
	}

}
