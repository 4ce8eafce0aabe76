package vn.giamngheo.shared.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

import vn.giamngheo.shared.error.DomainException.FieldProblem;

/**
 * A day typed in a form: dd/mm/yyyy (or yyyy-mm-dd), read strictly, so that 31/02 is a
 * problem of the field and never silently another day.
 */
public final class FormDates {

	/** dd/MM/yyyy, strict. */
	public static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private FormDates() {
	}

	/**
	 * The day typed, or null when blank; an unreadable day adds a problem of the field.
	 * @param field the field
	 * @param text what was typed
	 * @param problems where a problem goes
	 * @param key the message key of the problem
	 * @return the day or null
	 */
	public static LocalDate parse(String field, String text, List<FieldProblem> problems, String key) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip(), DMY);
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDate.parse(text.strip());
			}
			catch (DateTimeParseException again) {
				problems.add(new FieldProblem(field, key));
				return null;
			}
		}
	}

}
