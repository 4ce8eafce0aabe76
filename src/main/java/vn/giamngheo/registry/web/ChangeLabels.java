package vn.giamngheo.registry.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.giamngheo.geography.Geography;
import vn.giamngheo.registry.domain.Codes;
import vn.giamngheo.shared.error.DomainException;

/**
 * How a change of the audit trail reads on a page: the field's label and its values in
 * the reader's language ("Khu vực thành thị: Không", "Thôn/bản: Thôn 1", "Phân loại theo
 * năm: 2025 Hộ cận nghèo") instead of the stored names and codes. Used by the templates
 * as {@code @changeLabels}.
 */
@Component("changeLabels")
public class ChangeLabels {

	/** Fields whose values are codes, by the bundle prefix of their labels. */
	private static final Map<String, String> CODED = Map.ofEntries(Map.entry("sex", "sex."),
			Map.entry("relation", "relation."), Map.entry("educationLevel", "education."),
			Map.entry("employment", "employment."), Map.entry("status", "status."),
			Map.entry("classification", "class."), Map.entry("proposedClass", "class."),
			Map.entry("finalClass", "class."), Map.entry("class", "class."), Map.entry("agency", "agency."),
			Map.entry("role", "role."), Map.entry("step", "review.step."),
			Map.entry("transition", "review.transition."), Map.entry("period", "prog.report.period."),
			Map.entry("source", "prog.report.source."), Map.entry("outputKind", "prog.fund.kind."));

	private static final Pattern CLASS_CODE = Pattern.compile("\\b(" + String.join("|", Codes.CLASSES) + ")\\b");

	private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

	private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final MessageSource messages;

	private final Geography geography;

	public ChangeLabels(MessageSource messages, Geography geography) {
		this.messages = messages;
		this.geography = geography;
	}

	/**
	 * An action of the audit trail ("CREATE"), or its stored name when it has no label.
	 */
	public String action(String action) {
		return (action == null) ? "" : msg("action." + action, action);
	}

	/** A kind of record of the audit trail ("HOUSEHOLD"), or its stored name. */
	public String entity(String entityType) {
		return (entityType == null) ? "" : msg("entity." + entityType, entityType);
	}

	/**
	 * The label of a changed field (a recognition counts its households by transition, so
	 * a transition is a field too), or its stored name when it has none.
	 */
	public String field(String name) {
		return msg("field." + name, msg("review.transition." + name, name));
	}

	/** A value of a changed field as a reader understands it. */
	public String value(String field, Object value) {
		if (value == null) {
			return "";
		}
		String text = String.valueOf(value);
		if (value instanceof Boolean || "true".equals(text) || "false".equals(text)) {
			return msg(Boolean.parseBoolean(text) ? "yes" : "no", text);
		}
		if ("status".equals(field) && (text.equals("RECEIVED") || text.equals("ANSWERED"))) {
			return msg("review.complaint." + text, text);
		}
		if ("certificate".equals(field)) {
			String[] actionAndNumber = text.split(" ", 2);
			return msg("review.certificate.action." + actionAndNumber[0], actionAndNumber[0])
					+ ((actionAndNumber.length > 1) ? " " + actionAndNumber[1] : "");
		}
		String prefix = CODED.get(field);
		if (prefix != null) {
			return msg(prefix + text, text);
		}
		if ("classifications".equals(field)) {
			Matcher m = CLASS_CODE.matcher(text);
			StringBuilder sb = new StringBuilder();
			while (m.find()) {
				m.appendReplacement(sb, Matcher.quoteReplacement(msg("class." + m.group(1), m.group(1))));
			}
			return m.appendTail(sb).toString();
		}
		if ("villageId".equals(field) && ID.matcher(text).matches()) {
			try {
				return this.geography.unit(Long.parseLong(text)).name();
			}
			catch (DomainException ex) {
				return text;
			}
		}
		if (ISO_DATE.matcher(text).matches()) {
			try {
				return DMY.format(LocalDate.parse(text));
			}
			catch (DateTimeParseException ex) {
				return text;
			}
		}
		return text;
	}

	private String msg(String key, String fallback) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(key, null, fallback, locale);
	}

}
