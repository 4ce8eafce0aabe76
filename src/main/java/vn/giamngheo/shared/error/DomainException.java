package vn.giamngheo.shared.error;

import java.util.List;

/**
 * A refusal with a stable code and a message key (resolved from the message bundles,
 * Vietnamese first). Field errors carry their own keys.
 */
public class DomainException extends RuntimeException {

	private final ErrorCode code;

	private final String messageKey;

	private final transient Object[] args;

	private final List<FieldProblem> fieldProblems;

	public DomainException(ErrorCode code, String messageKey, Object... args) {
		this(code, messageKey, List.of(), args);
	}

	public DomainException(ErrorCode code, String messageKey, List<FieldProblem> fieldProblems, Object... args) {
		super(messageKey);
		this.code = code;
		this.messageKey = messageKey;
		this.args = args;
		this.fieldProblems = List.copyOf(fieldProblems);
	}

	public static DomainException notFound(String what, Object id) {
		return new DomainException(ErrorCode.NOT_FOUND, "error.not-found", what, id);
	}

	public static DomainException invalid(List<FieldProblem> problems) {
		return new DomainException(ErrorCode.INVALID_INPUT, "error.invalid", problems);
	}

	public ErrorCode code() {
		return this.code;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] args() {
		return this.args;
	}

	public List<FieldProblem> fieldProblems() {
		return this.fieldProblems;
	}

	/**
	 * One invalid field.
	 *
	 * @param field field name (JSON property / form field)
	 * @param messageKey message bundle key
	 * @param args message arguments
	 */
	public record FieldProblem(String field, String messageKey, Object... args) {
	}

}
