package vn.giamngheo.standards.domain;

/**
 * A standard file is malformed. The message names the file and the field.
 */
public class StandardFormatException extends RuntimeException {

	private final String file;

	private final String field;

	public StandardFormatException(String file, String field, String reason) {
		super(file + ": " + field + ": " + reason);
		this.file = file;
		this.field = field;
	}

	public String file() {
		return this.file;
	}

	public String field() {
		return this.field;
	}

}
