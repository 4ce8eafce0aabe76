package vn.giamngheo.exits.domain;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The rules file shipped reads, and each kind of mistake in it stops the start naming the
 * file and the field.
 */
class WarningRuleFileTest {

	static Object shipped() throws Exception {
		try (InputStream in = WarningRuleFileTest.class.getResourceAsStream("/warning/early-warning.yaml")) {
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
	}

	@Test
	void theShippedFileStatesEveryRuleWithANoteInBothLanguages() throws Exception {
		WarningRuleBook book = WarningRuleFile.read("early-warning.yaml", shipped());
		assertThat(book.rules()).extracting(WarningRule::code).containsExactlyInAnyOrder(WarningRuleCode.values());
		assertThat(book.rules()).allSatisfy((r) -> {
			assertThat(r.weight()).isPositive();
			assertThat(r.note()).isNotBlank();
			assertThat(r.noteEn()).isNotBlank();
			assertThat(r.reason()).isNotBlank();
		});
		assertThat(book.rule(WarningRuleCode.INCOME_NEAR_LINE).parameter("within_percent")).isEqualTo(15);
		assertThat(book.rule(WarningRuleCode.RECENT_SHOCK).parameter("months")).isEqualTo(12);
		assertThat(book.rule(WarningRuleCode.DEPENDENCY_RATIO).parameter("min_percent")).isEqualTo(150);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> rule(Map<String, Object> top, String code) {
		return ((List<Map<String, Object>>) top.get("rules")).stream()
			.filter((r) -> code.equals(r.get("code")))
			.findFirst()
			.orElseThrow();
	}

	@SuppressWarnings("unchecked")
	static Stream<Arguments> mistakes() {
		return Stream.of(
				arguments("an unknown key", "rules[0].weigth",
						(Consumer<Map<String, Object>>) (t) -> ((List<Map<String, Object>>) t.get("rules")).get(0)
							.put("weigth", 3)),
				arguments("an unknown rule", "rules[0].code",
						(Consumer<Map<String, Object>>) (t) -> ((List<Map<String, Object>>) t.get("rules")).get(0)
							.put("code", "LOW_RAINFALL")),
				arguments("a weight with a fraction", "rules[1].weight",
						(Consumer<Map<String, Object>>) (t) -> ((List<Map<String, Object>>) t.get("rules")).get(1)
							.put("weight", 12.5)),
				arguments("a negative weight", "rules[1].weight",
						(Consumer<Map<String, Object>>) (t) -> ((List<Map<String, Object>>) t.get("rules")).get(1)
							.put("weight", -5)),
				arguments("a weight above 100", "rules[1].weight",
						(Consumer<Map<String, Object>>) (t) -> ((List<Map<String, Object>>) t.get("rules")).get(1)
							.put("weight", 250)),
				arguments("a missing parameter", "rules[0].parameters.months",
						(Consumer<Map<String, Object>>) (t) -> rule(t, "RECENT_SHOCK").put("parameters", Map.of())),
				arguments("a parameter the rule does not take", "rules[2].parameters.months",
						(Consumer<Map<String, Object>>) (t) -> rule(t, "NEAR_POOR").put("parameters",
								Map.of("months", 3))),
				arguments("a missing note", "rules[0].note",
						(Consumer<Map<String, Object>>) (t) -> rule(t, "RECENT_SHOCK").remove("note")),
				arguments("a missing English reason", "rules[0].reason_en",
						(Consumer<Map<String, Object>>) (t) -> rule(t, "RECENT_SHOCK").remove("reason_en")),
				arguments("a reason quoting a value the rule does not give", "rules[2].reason",
						(Consumer<Map<String, Object>>) (t) -> rule(t, "NEAR_POOR").put("reason", "Cận nghèo {0} {1}")),
				arguments("a rule stated twice", "rules[8].code",
						(Consumer<Map<String, Object>>) (t) -> ((List<Object>) t.get("rules"))
							.add(new LinkedHashMap<>(rule(t, "NEAR_POOR")))),
				arguments("a rule missing", "rules",
						(Consumer<Map<String, Object>>) (t) -> ((List<Object>) t.get("rules")).remove(7)),
				arguments("no version", "version", (Consumer<Map<String, Object>>) (t) -> t.remove("version")));
	}

	@ParameterizedTest(name = "{0} stops the start at {1}")
	@MethodSource("mistakes")
	@SuppressWarnings("unchecked")
	void aMistakeStopsTheStartNamingTheFileAndTheField(String what, String field, Consumer<Map<String, Object>> spoil)
			throws Exception {
		Map<String, Object> top = new LinkedHashMap<>((Map<String, Object>) shipped());
		List<Object> rules = new ArrayList<>();
		for (Object r : (List<Object>) top.get("rules")) {
			rules.add(new LinkedHashMap<>((Map<String, Object>) r));
		}
		top.put("rules", rules);
		spoil.accept(top);
		assertThatThrownBy(() -> WarningRuleFile.read("early-warning.yaml", top))
			.isInstanceOfSatisfying(WarningRuleFileException.class, (ex) -> {
				assertThat(ex.file()).isEqualTo("early-warning.yaml");
				assertThat(ex.field()).isEqualTo(field);
			})
			.hasMessageContaining("early-warning.yaml")
			.hasMessageContaining(field);
	}

}
