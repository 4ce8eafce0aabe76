package vn.giamngheo.imports.domain;

/** The file cannot be read at all (corrupt, not a spreadsheet, a zip bomb ...). */
public class UnreadableFileException extends Exception {

	private final String key;

	private final transient Object[] args;

	public UnreadableFileException(String key, Object... args) {
		super(key);
		this.key = key;
		this.args = args;
	}

	public String key() {
		return this.key;
	}

	public Object[] args() {
		return this.args;
	}

}
