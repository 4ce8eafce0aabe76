package vn.giamngheo.shared;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bundle named in {@code spring.messages.basename} has a Vietnamese default and an
 * English file with exactly the same keys, and no key is defined in two bundles.
 */
class MessageBundlesTest {

	static Set<String> keys(String name) throws Exception {
		Properties p = new Properties();
		try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + name)) {
			assertThat(in).as(name).isNotNull();
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return new TreeSet<>(p.stringPropertyNames());
	}

	@ParameterizedTest(name = "{0}: Vietnamese and English have the same keys")
	@ValueSource(strings = { "messages", "review", "targets", "imports", "navigation", "support" })
	void vietnameseAndEnglishBundlesHaveTheSameKeys(String bundle) throws Exception {
		assertThat(keys(bundle + "_en.properties")).isEqualTo(keys(bundle + ".properties"));
	}

	@ParameterizedTest(name = "{0}: no key also defined in messages")
	@ValueSource(strings = { "review", "targets", "imports", "navigation", "support" })
	void capabilityBundlesDoNotRedefineSharedKeys(String bundle) throws Exception {
		Set<String> shared = keys("messages.properties");
		assertThat(keys(bundle + ".properties")).doesNotContainAnyElementsOf(shared);
	}

}
