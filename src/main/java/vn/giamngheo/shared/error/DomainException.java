package vn.giamngheo.shared.error;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A refusal with a stable code and a message key (resolved from the message bundles,
 * Vietnamese first). Field errors carry their own keys.
 */
public class DomainException extends RuntimeException {

	private final ErrorCode code;

	private final String messageKey;

	private final Object[] args;

	private final List<FieldProblem> fieldProblems;

	private transient Map<String, Object> properties = new LinkedHashMap<>();

	private String retryAfterSeconds;

	public DomainException(ErrorCode code, String messageKey, Object... args) {
		this(code, messageKey, List.of(), args);
	}

	public DomainException(ErrorCode code, String messageKey, List<FieldProblem> fieldProblems, Object... args) {
		super(messageKey);
		this.code = code;
		this.messageKey = messageKey;
		this.args = serializable(args);
		this.fieldProblems = List.copyOf(fieldProblems);
	}

	/**
	 * Not found.
	 * @param entity entity type, named by the bundle key {@code entity.<entity>}
	 * @param id the id asked for
	 * @return the refusal
	 */
	public static DomainException notFound(String entity, Object id) {
		return new DomainException(ErrorCode.NOT_FOUND, "error.not-found",
				new DefaultMessageSourceResolvable(new String[] { "entity." + entity }, entity), String.valueOf(id));
	}

	public static DomainException invalid(List<FieldProblem> problems) {
		return new DomainException(ErrorCode.INVALID_INPUT, "error.invalid", problems);
	}

	/** The server is busy (a bounded pool is full): try again in a little while. */
	public static DomainException busy() {
		return new DomainException(ErrorCode.BUSY, "error.busy");
	}

	public ErrorCode code() {
		return this.code;
	}

	/**
	 * A refusal of access (not found, or forbidden by role or scope) rather than a
	 * mistake in the input: a page shows it as its error page instead of the form.
	 */
	public boolean refusesAccess() {
		return this.code == ErrorCode.NOT_FOUND || this.code == ErrorCode.FORBIDDEN;
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
	 * Adds a property to the problem (e.g. a link to the record a conflict is with).
	 * @return this refusal
	 */
	public DomainException with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	/**
	 * When a refusal of {@link ErrorCode#BUSY} should be tried again (the
	 * {@code Retry-After} header; without it the handlers say 30 s).
	 * @param after the wait
	 * @return this refusal
	 */
	public DomainException retryAfter(java.time.Duration after) {
		this.retryAfterSeconds = Long.toString(Math.max(1, after.toSeconds()));
		return this;
	}

	/** The {@code Retry-After} seconds of a busy refusal, or the default. */
	public String retryAfterSeconds(String orElse) {
		return (this.retryAfterSeconds != null) ? this.retryAfterSeconds : orElse;
	}

	/** Further properties of the problem, by name. */
	public Map<String, Object> properties() {
		return java.util.Collections.unmodifiableMap(this.properties);
	}

	/**
	 * One invalid field.
	 *
	 * @param field field name (JSON property / form field)
	 * @param messageKey message bundle key
	 * @param args message arguments
	 */
	public record FieldProblem(String field, String messageKey, Object... args) implements Serializable {

		public FieldProblem {
			args = serializable(args);
		}

	}

	/**
	 * Message arguments that survive serialisation: a refusal shown after a redirect
	 * travels in the session's flash attributes, and sessions are stored in PostgreSQL
	 * (ADR 0052). An argument that is not serialisable is kept as its text, which is what
	 * a message shows of it anyway.
	 */
	static Object[] serializable(Object[] args) {
		if (args == null) {
			return null;
		}
		Object[] safe = args.clone();
		for (int i = 0; i < safe.length; i++) {
			if (safe[i] != null && !(safe[i] instanceof Serializable)) {
				safe[i] = String.valueOf(safe[i]);
			}
		}
		return safe;
	}

	@Serial
	private void writeObject(ObjectOutputStream out) throws IOException {
		out.defaultWriteObject();
		Map<String, Object> safe = new LinkedHashMap<>();
		this.properties.forEach((name, value) -> safe.put(name, serializable(new Object[] { value })[0]));
		out.writeObject(safe);
	}

	@Serial
	@SuppressWarnings("unchecked")
	private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
		in.defaultReadObject();
		this.properties = (Map<String, Object>) in.readObject();
	}

}
