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

	static Properties load(String name) throws Exception {
		Properties p = new Properties();
		try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + name)) {
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}

	@Test
	void vietnameseAndEnglishBundlesHaveTheSameKeys() throws Exception {
		Set<String> vi = new TreeSet<>(load("messages.properties").stringPropertyNames());
		Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
		assertThat(en).as("keys missing in English").containsAll(vi);
		assertThat(vi).as("keys missing in Vietnamese").containsAll(en);
	}

	@Test
	void vietnameseBundleIsReallyVietnamese() throws Exception {
		Properties vi = load("messages.properties");
		assertThat(vi.getProperty("class.POOR")).isEqualTo("Hộ nghèo");
		assertThat(vi.getProperty("login.title")).isEqualTo("Đăng nhập");
	}

}
