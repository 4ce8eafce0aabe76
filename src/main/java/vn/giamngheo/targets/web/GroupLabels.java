package vn.giamngheo.targets.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A target's group of households as a reader says it ("Miền núi, Hộ dân tộc thiểu số")
 * instead of its code ({@code MOUNTAIN+ETHNIC_MINORITY}). Used by the templates as
 * {@code @groupLabels}.
 */
@Component("groupLabels")
public class GroupLabels {

	private final MessageSource messages;

	public GroupLabels(MessageSource messages) {
		this.messages = messages;
	}

	/** The group's parts, each by its label, joined by commas. */
	public String label(String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		Locale locale = LocaleContextHolder.getLocale();
		return Arrays.stream(code.split("\\+"))
			.map(String::trim)
			.map((part) -> this.messages.getMessage("targets.af.group." + part, null, part, locale))
			.collect(Collectors.joining(", "));
	}

}
