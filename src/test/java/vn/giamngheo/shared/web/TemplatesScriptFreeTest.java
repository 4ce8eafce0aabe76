package vn.giamngheo.shared.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No template carries script code the Content-Security-Policy ({@code script-src 'self'})
 * would block: no inline event handler ({@code onclick=}, {@code th:onchange=}), no
 * {@code javascript:} link, and every {@code <script>} either loads a file or is a JSON
 * data block (ADR 0019).
 */
class TemplatesScriptFreeTest {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Pattern HANDLER = Pattern.compile("\\s(?:th:|data-th-)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

	static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

	@Test
	void templatesHaveNoInlineScriptOrHandler() throws IOException {
		assertThat(problemsInTemplates(TemplatesScriptFreeTest::problems)).isEmpty();
	}

	/**
	 * What a check finds in every template ({@code check(file name, html)}), failing when
	 * the templates are not found.
	 */
	static List<String> problemsInTemplates(java.util.function.BiFunction<String, String, List<String>> check)
			throws IOException {
		List<String> problems = new ArrayList<>();
		List<Path> files;
		try (Stream<Path> walk = Files.walk(TEMPLATES)) {
			files = walk.filter((p) -> p.toString().endsWith(".html")).toList();
		}
		assertThat(files).hasSizeGreaterThan(30);
		for (Path file : files) {
			problems.addAll(check.apply(TEMPLATES.relativize(file).toString(), Files.readString(file)));
		}
		return problems;
	}

	@Test
	void theCheckFindsWhatItLooksFor() {
		assertThat(problems("t", "<select name=\"y\" onchange=\"this.form.submit()\">")).hasSize(1);
		assertThat(problems("t", "<button th:onclick=\"'go()'\">")).hasSize(1);
		assertThat(problems("t", "<script th:inline=\"javascript\">var a = 1;</script>")).hasSize(1);
		assertThat(problems("t", "<script>alert(1)</script>")).hasSize(1);
		assertThat(problems("t", "<a href=\"javascript:void(0)\">")).hasSize(1);
		assertThat(problems("t", "<script th:src=\"@{/js/app.js}\" defer></script>")).isEmpty();
		assertThat(problems("t", "<script type=\"application/json\" id=\"d\" th:utext=\"${x}\"></script>")).isEmpty();
		assertThat(problems("t", "<select data-autosubmit name=\"money\">")).isEmpty();
	}

	static List<String> problems(String name, String html) {
		List<String> problems = new ArrayList<>();
		Matcher handler = HANDLER.matcher(html);
		while (handler.find()) {
			problems.add(name + ": inline handler " + handler.group().strip());
		}
		if (html.toLowerCase().contains("javascript:")) {
			problems.add(name + ": javascript: link");
		}
		Matcher script = SCRIPT.matcher(html);
		while (script.find()) {
			String attributes = script.group(1);
			boolean file = attributes.matches("(?s).*\\s(th:)?src\\s*=.*");
			boolean data = attributes.matches("(?s).*\\stype=\"application/json\".*") && !attributes.contains("inline");
			if (!file && !data) {
				problems.add(name + ": inline script " + script.group());
			}
		}
		return problems;
	}

}
