package vn.giamngheo.shared.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * Texts for operators where no request (and so no locale) and perhaps no Spring context
 * is at hand: the restore command and the embedded database's start-up failures. They
 * come from the message bundles ({@code i18n/messages}, Vietnamese default and English)
 * and are printed in both languages, Vietnamese first ({@code "vi / en"}): a server's
 * locale says nothing about who reads its console. Arguments are formatted as Spring's
 * message source does ({@link MessageFormat}, only when there are arguments).
 */
public final class Bilingual {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

	private Bilingual() {
	}

	/** The text of {@code key} in Vietnamese, then English. */
	public static String text(String key, Object... args) {
		return format(Bundles.VI, VIETNAMESE, key, args) + " / " + format(Bundles.EN, Locale.ENGLISH, key, args);
	}

	/**
	 * The text of {@code key} in Vietnamese only: for what is stored once and read by
	 * Vietnamese officers later (an audit event's reason), where no request is at hand.
	 */
	public static String vietnamese(String key, Object... args) {
		return format(Bundles.VI, VIETNAMESE, key, args);
	}

	private static String format(Properties bundle, Locale locale, String key, Object[] args) {
		String pattern = bundle.getProperty(key, key);
		return (args.length == 0) ? pattern : new MessageFormat(pattern, locale).format(args);
	}

	/** Loaded on first use. */
	private static final class Bundles {

		static final Properties VI = load("/i18n/messages.properties");

		static final Properties EN = load("/i18n/messages_en.properties");

		private static Properties load(String resource) {
			Properties p = new Properties();
			try (InputStream in = Bilingual.class.getResourceAsStream(resource)) {
				if (in != null) {
					p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return p;
		}

	}

}
