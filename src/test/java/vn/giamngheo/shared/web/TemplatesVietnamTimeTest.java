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
import org.thymeleaf.expression.Temporals;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times on pages are Vietnam's and dates read dd/MM/yyyy (issue 14 item 9): Thymeleaf
 * formats an instant or an offset time from the database in the server's zone (UTC)
 * unless given one, so every time pattern names Asia/Ho_Chi_Minh, and no pattern writes a
 * date another way.
 */
class TemplatesVietnamTimeTest {

	static final Pattern FORMAT = Pattern.compile("#temporals\\.format\\(([^']*)'([^']*)'([^)]*)\\)");

	@Test
	void everyTimeOnAPageIsVietnamsAndEveryDateDayMonthYear() throws IOException {
		List<String> problems = new ArrayList<>();
		List<Path> files;
		try (Stream<Path> walk = Files.walk(TemplatesScriptFreeTest.TEMPLATES)) {
			files = walk.filter((p) -> p.toString().endsWith(".html")).toList();
		}
		for (Path file : files) {
			problems.addAll(problems(file.getFileName().toString(), Files.readString(file)));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theCheckFindsWhatItLooksFor() {
		assertThat(problems("t", "${#temporals.format(e.at(), 'dd/MM/yyyy HH:mm')}")).hasSize(1);
		assertThat(problems("t", "${#temporals.format(d, 'yyyy-MM-dd')}")).hasSize(1);
		assertThat(problems("t", "${#temporals.format(e.at(), 'dd/MM/yyyy HH:mm', 'Asia/Ho_Chi_Minh')}")).isEmpty();
		assertThat(problems("t", "${#temporals.format(d, 'dd/MM/yyyy')}")).isEmpty();
	}

	@Test
	void theZoneArgumentMovesAnInstantToVietnam() {
		Temporals temporals = new Temporals(java.util.Locale.ROOT, java.time.ZoneOffset.UTC);
		assertThat(temporals.format(java.time.OffsetDateTime.parse("2026-12-06T18:30:00Z"), "dd/MM/yyyy HH:mm",
				"Asia/Ho_Chi_Minh"))
			.isEqualTo("07/12/2026 01:30");
	}

	static List<String> problems(String name, String html) {
		List<String> problems = new ArrayList<>();
		Matcher m = FORMAT.matcher(html);
		while (m.find()) {
			String pattern = m.group(2);
			if (pattern.contains("HH") && !m.group(3).contains("'Asia/Ho_Chi_Minh'")) {
				problems.add(name + ": time without Vietnam's zone: " + m.group());
			}
			if (pattern.contains("y") && !pattern.contains("dd/MM/yyyy")) {
				problems.add(name + ": date not dd/MM/yyyy: " + m.group());
			}
		}
		return problems;
	}

}
