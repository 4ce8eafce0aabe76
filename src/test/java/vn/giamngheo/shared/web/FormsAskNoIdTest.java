package vn.giamngheo.shared.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No form asks a person to type an internal id (ADR 0025): a unit is chosen by its name
 * (the unit picker, or a list), a household by its code. A text or number box named
 * {@code unit}, {@code household}, {@code village}, {@code …Id} and so on fails, and so
 * does a label that says "(id)".
 */
class FormsAskNoIdTest {

	static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	static final Pattern NAME = Pattern.compile("\\s(?:th:)?(?:name|field)=\"\\*?\\{?([A-Za-z.]+)\\}?\"");

	static final Pattern ID_NAME = Pattern
		.compile("(?i)(?:.*id|unit|units|household|village|commune|province|parent|district)");

	static final Pattern TYPE = Pattern.compile("\\stype=\"([a-z]+)\"", Pattern.CASE_INSENSITIVE);

	@Test
	void noTemplateHasABoxForAnInternalId() throws IOException {
		assertThat(TemplatesScriptFreeTest.problemsInTemplates(FormsAskNoIdTest::problems)).isEmpty();
	}

	@Test
	void noLabelAsksForAnId() throws IOException {
		List<String> problems = new ArrayList<>();
		try (Stream<Path> walk = Files.list(Path.of("src/main/resources/i18n"))) {
			for (Path file : walk.filter((p) -> p.toString().endsWith(".properties")).toList()) {
				Properties bundle = new Properties();
				try (var in = Files.newBufferedReader(file)) {
					bundle.load(in);
				}
				bundle.forEach((k, v) -> {
					if (String.valueOf(v).matches("(?s).*\\((?:id|ID|uuid|UUID)\\).*")) {
						problems.add(file.getFileName() + ": " + k + "=" + v);
					}
				});
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theCheckFindsWhatItLooksFor() {
		assertThat(problems("t", "<input name=\"unit\" type=\"number\" required>")).hasSize(1);
		assertThat(problems("t", "<input th:name=\"householdId\">")).hasSize(1);
		assertThat(problems("t", "<input th:field=\"*{provinceId}\" size=\"5\">")).hasSize(1);
		assertThat(problems("t", "<input type=\"hidden\" name=\"unit\" th:value=\"${u.id()}\">")).isEmpty();
		assertThat(problems("t", "<input type=\"checkbox\" th:name=\"${field}\" checked>")).isEmpty();
		assertThat(problems("t", "<input name=\"q\" type=\"search\">")).isEmpty();
		assertThat(problems("t", "<input name=\"householdCode\">")).isEmpty();
	}

	static List<String> problems(String file, String html) {
		List<String> problems = new ArrayList<>();
		Matcher input = INPUT.matcher(html);
		while (input.find()) {
			String tag = input.group();
			Matcher type = TYPE.matcher(tag);
			String kind = type.find() ? type.group(1).toLowerCase() : "text";
			if (kind.equals("hidden") || kind.equals("checkbox") || kind.equals("radio") || kind.equals("submit")) {
				continue;
			}
			Matcher name = NAME.matcher(tag);
			if (name.find() && ID_NAME.matcher(name.group(1)).matches()) {
				problems.add(file + ": " + tag);
			}
		}
		return problems;
	}

}
