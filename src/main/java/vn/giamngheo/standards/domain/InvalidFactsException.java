package vn.giamngheo.standards.domain;

/**
 * Household facts cannot be classified: a fact that a rule needs is missing or invalid. A
 * rejection with a stable code, a field and a reason.
 */
public class InvalidFactsException extends RuntimeException {

	private final String code;

	private final String field;

	public InvalidFactsException(String code, String field, String reason) {
		super(field + ": " + reason);
		this.code = code;
		this.field = field;
	}

	public String code() {
		return this.code;
	}

	public String field() {
		return this.field;
	}

}
