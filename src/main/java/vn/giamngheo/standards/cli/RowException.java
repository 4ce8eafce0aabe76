package vn.giamngheo.standards.cli;

/**
 * A row of the input cannot be used; the command adds the row number.
 */
final class RowException extends RuntimeException {

	RowException(String reason) {
		super(reason, null, false, false);
	}

}
