package vn.giamngheo.shared;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBundlesTest {

	static Set<String> keys(String name) throws Exception {
		Properties p = new Properties();
		try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + name)) {
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return new TreeSet<>(p.stringPropertyNames());
	}

	@Test
	void vietnameseAndEnglishBundlesHaveTheSameKeys() throws Exception {
		assertThat(keys("messages_en.properties")).isEqualTo(keys("messages.properties"));
	}

}
