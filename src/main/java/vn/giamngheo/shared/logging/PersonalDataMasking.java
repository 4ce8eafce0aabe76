package vn.giamngheo.shared.logging;

import java.util.regex.Pattern;

import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * A safety net for the JSON log lines (ADR 0019): whatever a library puts in a message or
 * a stack trace (a database error quoting a duplicate key, a conversion error quoting a
 * parameter), runs that look like a citizen ID (9 or 12 digits) or a Vietnamese phone
 * number are written as {@code [masked]}. The application's own log statements carry no
 * personal data in the first place ({@code LogPrivacyIT}); names cannot be recognised, so
 * they are kept out at the source.
 */
public class PersonalDataMasking implements StructuredLoggingJsonMembersCustomizer<Object> {

	/** 9–12 digits in a row (CMND, CCCD), or a phone number: 0 or +84 and 8–10 digits. */
	static final Pattern PERSONAL_NUMBER = Pattern
		.compile("(?<![\\w.])(?:\\d{9,12}|(?:\\+84|0)(?:[ .-]?\\d){8,10})(?![\\w])");

	@Override
	public void customize(Members<Object> members) {
		members.applyingValueProcessor(ValueProcessor.of(String.class, PersonalDataMasking::mask));
	}

	static String mask(String value) {
		return (value == null) ? null : PERSONAL_NUMBER.matcher(value).replaceAll("[masked]");
	}

}
