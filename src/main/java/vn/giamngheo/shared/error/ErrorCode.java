package vn.giamngheo.shared.error;

import org.springframework.http.HttpStatus;

/** Stable error codes of the API, each with its HTTP status. */
public enum ErrorCode {

	/** Malformed or invalid input. */
	INVALID_INPUT(HttpStatus.BAD_REQUEST),
	/** Authenticated, but the target is outside the user's capture scope or role. */
	FORBIDDEN(HttpStatus.FORBIDDEN),
	/** No such resource (or not visible to the user). */
	NOT_FOUND(HttpStatus.NOT_FOUND),
	/** The edit was based on a stale version. */
	STALE_VERSION(HttpStatus.CONFLICT),
	/** The change conflicts with existing data (e.g. a duplicate citizen ID). */
	CONFLICT(HttpStatus.CONFLICT),
	/** A business rule refuses the change. */
	RULE_REJECTED(HttpStatus.UNPROCESSABLE_CONTENT),
	/** Every worker of a bounded pool is busy: try again later. */
	BUSY(HttpStatus.SERVICE_UNAVAILABLE),
	/**
	 * Too much at once: a limit per user or per client (the message says when it resets).
	 */
	TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS);

	private final HttpStatus status;

	ErrorCode(HttpStatus status) {
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String type() {
		return "urn:giamngheo:error:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
