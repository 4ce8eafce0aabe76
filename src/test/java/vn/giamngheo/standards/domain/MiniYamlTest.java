package vn.giamngheo.standards.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The small reader reads every shipped file exactly as SnakeYAML does, and rejects what
 * it does not understand instead of guessing.
 */
class MiniYamlTest {

	@ParameterizedTest
	@ValueSource(strings = { "index.yaml", "2016-2020.yaml", "2021.yaml", "2022-2025.yaml", "2026.yaml",
			"2027-2030.yaml", "local/dong-nai-2022-2025.yaml" })
	void readsShippedFilesLikeSnakeYaml(String name) throws IOException {
		String text;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("standards/" + name)) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Object expected = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
		assertThat(MiniYaml.parse(name, text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			a: b: c                          | line 1
			a: {vi: x, y, en: z}             | line 1
			a:\\n  b: 1\\n   c: 2            | line 3
			a: yes                           | line 1
			a: 010                           | line 1
			a: &anchor x                     | line 1
			a: 1\\na: 2                      | line 2
			""")
	void rejectsWhatItDoesNotUnderstand(String text, String where) {
		assertThatThrownBy(() -> MiniYaml.parse("x.yaml", text.replace("\\n", "\n")))
			.isInstanceOfSatisfying(StandardFormatException.class, (ex) -> {
				assertThat(ex.file()).isEqualTo("x.yaml");
				assertThat(ex.field()).isEqualTo("(syntax) " + where);
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "a: [1, 2]\nb:\n- x\n- {k: 'it''s'}\nc: \"q # not a comment\" # comment\nd: ~\n",
			"- a: 1\n  b:\n    - c\n-\n  d: 2\n- [x, z]\n" })
	void agreesWithSnakeYamlOnTheSubset(String text) {
		Object expected = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
		assertThat(MiniYaml.parse("x.yaml", text)).isEqualTo(expected);
	}

}
