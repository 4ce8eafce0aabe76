package vn.giamngheo.benefits;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts on the support pages read as numbers do in each language: the ledger's record
 * count with a thousands separator ("26.255" in Vietnamese, "26,255" in English), not
 * "26255".
 */
class SupportCountsTextTest {

	@Test
	void theLedgersRecordCountHasAThousandsSeparator() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/support");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		assertThat(messages.getMessage("support.records.count", new Object[] { 26255 }, Locale.forLanguageTag("vi")))
			.isEqualTo("Có 26.255 khoản hỗ trợ");
		assertThat(messages.getMessage("support.records.count", new Object[] { 26255 }, Locale.ENGLISH))
			.isEqualTo("26,255 support records");
	}

}
