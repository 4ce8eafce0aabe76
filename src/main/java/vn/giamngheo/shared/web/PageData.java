package vn.giamngheo.shared.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Data for a page's script as a JSON block ({@code <script type="application/json">},
 * never executed), so pages need no inline script and the Content-Security-Policy can say
 * {@code script-src 'self'} (ADR 0019). In a template:
 * {@code th:utext="${@pageData.object('rows', t.rows(),
 * 'labels', @pageData.labels('a.b'))}"} (Thymeleaf's restricted expressions allow method
 * calls, not inline maps); the script reads it with
 * {@code JSON.parse(element.textContent)}.
 */
@Component("pageData")
public class PageData {

	private final ObjectMapper json;

	private final MessageSource messages;

	public PageData(ObjectMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	/**
	 * An object of named values as JSON ({@link #json(Object)}).
	 * @param namesAndValues name, value, name, value…
	 * @return JSON text
	 */
	public String object(Object... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("names and values come in pairs");
		}
		Map<String, Object> object = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			object.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
		}
		return json(object);
	}

	/**
	 * Texts for the script in the user's language, each named by its key's last part
	 * ({@code targets.col.poor} → {@code poor}).
	 * @param keys message keys
	 * @return name → text
	 */
	public Map<String, String> labels(String... keys) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> labels = new LinkedHashMap<>();
		for (String key : keys) {
			labels.put(key.substring(key.lastIndexOf('.') + 1), this.messages.getMessage(key, null, locale));
		}
		return labels;
	}

	/**
	 * The value as JSON that is safe inside a {@code <script>} element: {@code <},
	 * {@code >} and {@code &} (which occur only inside strings) are written as
	 * {@code \u003c}, {@code \u003e}, {@code \u0026}, so data can never close the
	 * element.
	 * @param value what the page's script needs
	 * @return JSON text
	 */
	public String json(Object value) {
		return this.json.writeValueAsString(value)
			.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026")
			.replace("\u2028", "\\u2028")
			.replace("\u2029", "\\u2029");
	}

}
