package vn.giamngheo.standards.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every shipped standard file loads, cites a legal basis for every threshold and
 * indicator, and carries the verified flags of the reference note; a malformed file names
 * file and field.
 */
class StandardLoaderTest {

	static final StandardCatalogue CATALOGUE = StandardLoader.loadClasspath();

	static List<Threshold> thresholds(Standard s) {
		List<Threshold> all = new ArrayList<>(s.parameters().values());
		for (WayRules rules : new WayRules[] { s.incomeWay(), s.scoreWay() }) {
			if (rules == null) {
				continue;
			}
			for (AreaThreshold a : new AreaThreshold[] { rules.povertyLine(), rules.nearPovertyLine(),
					rules.middleCeiling() }) {
				if (a != null) {
					all.add(a.rural());
					all.add(a.urban());
				}
			}
			all.add(rules.deprivationCutoff());
			all.add(rules.incomeOnlyPoor());
			if (rules.pointsPerDeprivation() != null) {
				all.add(rules.pointsPerDeprivation());
			}
		}
		return all;
	}

	@Test
	void everyStandardLoadsAndCitesItsLaw() {
		assertThat(CATALOGUE.standards()).extracting(Standard::key)
			.containsExactly("2016-2020", "2021", "2022-2025", "2026", "2027-2030");
		List<Standard> all = new ArrayList<>(CATALOGUE.standards());
		all.addAll(CATALOGUE.localStandards());
		for (Standard s : all) {
			assertThat(s.legalBasis()).as(s.key()).isNotBlank();
			assertThat(thresholds(s)).as(s.key()).isNotEmpty().allSatisfy((t) -> {
				assertThat(t.legalBasis()).as(s.key() + " " + t.name()).isNotBlank().hasSizeGreaterThan(10);
			});
			assertThat(s.indicators()).as(s.key())
				.allSatisfy((i) -> assertThat(i.legalBasis()).as(s.key() + " " + i.code()).isNotBlank());
		}
	}

	@Test
	void indicatorCataloguesInTheDecreesOrder() {
		assertThat(CATALOGUE.find("2022-2025").orElseThrow().indicators()).extracting(Indicator::code)
			.containsExactly("EMP", "DEP", "NUT", "HIN", "AED", "CED", "HQU", "HAR", "WAT", "SAN", "TEL", "INF");
		assertThat(CATALOGUE.find("2027-2030").orElseThrow().indicators()).extracting(Indicator::code)
			.containsExactly("EMP", "DEP", "HIN", "NUT", "AED", "CED", "HAR", "HQU", "TEL", "WAT", "SAN", "WST");
		assertThat(CATALOGUE.find("2016-2020").orElseThrow().indicators()).hasSize(10);
		assertThat(CATALOGUE.find("2021").orElseThrow().indicators()).hasSize(10);
		assertThat(CATALOGUE.find("2026").orElseThrow().indicators()).hasSize(12);
	}

	@ParameterizedTest(name = "{0} {1} verified={2}")
	@CsvSource(textBlock = """
			2016-2020, income_way.poverty_line.rural,      true
			2016-2020, income_way.near_poverty_line.urban, true
			2016-2020, income_way.middle_ceiling.rural,    false
			2016-2020, income_way.deprivation_cutoff,      true
			2016-2020, score_way.near_poverty_line.rural,  false
			2016-2020, score_way.poverty_line.urban,       false
			2021,      income_way.poverty_line.rural,      true
			2022-2025, income_way.poverty_line.rural,      true
			2022-2025, income_way.middle_ceiling.urban,    true
			2022-2025, income_way.deprivation_cutoff,      true
			2022-2025, score_way.poverty_line.rural,       false
			2022-2025, score_way.deprivation_score_cutoff, false
			2026,      income_way.poverty_line.rural,      false
			2027-2030, income_way.poverty_line.rural,      false
			2027-2030, income_way.deprivation_cutoff,      false
			""")
	void verifiedFlagsFollowTheReferenceNote(String key, String name, boolean verified) {
		Standard s = CATALOGUE.find(key).orElseThrow();
		List<Threshold> reported = new ArrayList<>();
		for (Way way : Way.values()) {
			WayRules rules = s.rules(way);
			if (rules != null) {
				reported.addAll(thresholds(
						new Standard(s.key(), 1, s.name(), s.from(), s.to(), "x", s.legalAct(), true, null, null, false,
								s.parameters(), rules, null, s.indicators(), null, null, s.file(), Vocabulary.NONE)));
			}
		}
		assertThat(reported).filteredOn((t) -> t.name().equals(name)).singleElement().satisfies((t) -> {
			assertThat(t.verified()).isEqualTo(verified);
		});
	}

	@Test
	void everyIndicatorDefinitionIsUnverified() {
		for (Standard s : CATALOGUE.standards()) {
			assertThat(s.indicators()).as(s.key()).noneMatch(Indicator::verified);
		}
	}

	@Test
	void middleBand2027IsUnsetAndSaidSo() {
		Standard s = CATALOGUE.find("2027-2030").orElseThrow();
		assertThat(s.incomeWay().middleCeiling()).isNull();
		assertThat(s.scoreWay()).isNull();
		assertThat(s.notes().en()).contains("middle").contains("unset");
		assertThat(CATALOGUE.find("2022-2025").orElseThrow().notes()).isNull();
	}

	@Test
	void overlayIsLabelledAndKeyedByProvince() {
		Standard dongNai = CATALOGUE.find("2022-2025", "75").orElseThrow();
		assertThat(dongNai.example()).isTrue();
		assertThat(dongNai.verified()).isFalse();
		assertThat(dongNai.base()).isEqualTo("2022-2025");
		assertThat(dongNai.incomeWay().deprivationCutoff().value()).isEqualTo(2);
		assertThat(dongNai.indicators()).hasSize(12);
		assertThat(CATALOGUE.find("2022-2025", "01")).isEmpty();
		assertThat(CATALOGUE.find("2022-2025").orElseThrow().isLocal()).isFalse();
	}

	@Test
	void loadingOneStandardGivesTheSameAsTheFullCatalogue() {
		for (Standard s : CATALOGUE.standards()) {
			assertThat(StandardLoader.loadOneFromClasspath(s.key(), null)).contains(s);
		}
		assertThat(StandardLoader.loadOneFromClasspath("2022-2025", "75"))
			.contains(CATALOGUE.find("2022-2025", "75").orElseThrow());
		assertThat(StandardLoader.loadOneFromClasspath("2022-2025", "01")).isEmpty();
		assertThat(StandardLoader.loadOneFromClasspath("1999", null)).isEmpty();
	}

	@Test
	void standardInForceByDate() {
		assertThat(CATALOGUE.inForce(java.time.LocalDate.of(2026, 6, 1)).orElseThrow().key()).isEqualTo("2026");
		assertThat(CATALOGUE.inForce(java.time.LocalDate.of(2021, 12, 31)).orElseThrow().key()).isEqualTo("2021");
	}

	static Path copyShipped(Path dir) throws IOException {
		Files.createDirectories(dir.resolve("local"));
		for (String name : List.of("index.yaml", "2016-2020.yaml", "2021.yaml", "2022-2025.yaml", "2026.yaml",
				"2027-2030.yaml", "local/dong-nai-2022-2025.yaml", "vocabulary.yaml")) {
			try (InputStream in = StandardLoaderTest.class.getClassLoader().getResourceAsStream("standards/" + name)) {
				Files.write(dir.resolve(name), in.readAllBytes());
			}
		}
		return dir;
	}

	static void replace(Path file, String from, String to) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		assertThat(text).contains(from);
		Files.writeString(file,
				text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)),
				StandardCharsets.UTF_8);
	}

	@Test
	void scoreTablesAreLoadableReferenceData(@TempDir Path dir) throws IOException {
		copyShipped(dir);
		replace(dir.resolve("index.yaml"), "score_tables: []", "score_tables: [test-table.yaml]");
		Files.writeString(dir.resolve("test-table.yaml"), """
				# Bảng điểm THỬ — không phải số liệu thật / TEST table — not real figures
				key: test-rural
				standard: 2022-2025
				area: rural
				base_points: 100
				legal_basis: none (test)
				verified: false
				items:
				  - code: size
				    name: {vi: Số nhân khẩu, en: Household size}
				    options: {"1": 30, "2-3": 15, "4+": 0}
				  - code: roof
				    name: {vi: Mái nhà, en: Roof}
				    options: {tile: 20, thatch: 0}
				""", StandardCharsets.UTF_8);
		ScoreTable table = StandardLoader.loadDirectory(dir).scoreTables().get("test-rural");
		assertThat(table.score(java.util.Map.of("size", "2-3", "roof", "thatch"))).isEqualTo(115);
		assertThatThrownBy(() -> table.score(java.util.Map.of("size", "9"))).isInstanceOf(InvalidFactsException.class);
		assertThat(CATALOGUE.scoreTables()).isEmpty();
		Files.writeString(dir.resolve("test-table.yaml"),
				Files.readString(dir.resolve("test-table.yaml")).replace("tile: 20", "tile: many"));
		assertThatThrownBy(() -> StandardLoader.loadDirectory(dir))
			.hasMessage("test-table.yaml: items[1].options.tile: points must be a whole number");
	}

	@Test
	void copiedFilesLoadFromADirectory(@TempDir Path dir) throws IOException {
		assertThat(StandardLoader.loadDirectory(copyShipped(dir)).standards()).hasSize(5);
	}

	@ParameterizedTest(name = "{0}: {1} → {3}")
	@CsvSource(delimiter = '|',
			textBlock = """
					2022-2025.yaml | value: 1500000 | value: 1.5 triệu | income_way.poverty_line.rural.value
					2022-2025.yaml | field: healthInsurance | field: healthInsurence | indicators[HIN].predicate.any_member.all.field
					2022-2025.yaml | in: [NON_DURABLE, MAKESHIFT] | in: [NON_DURABLE, TENT] | indicators[HQU].predicate.in[1]
					2016-2020.yaml | verified: true | verified: yes please | verified
					2027-2030.yaml | code: WST | code: WASTE | indicators[11].code
					2026.yaml | base: 2022-2025 | base: 2022-2026 | base
					2022-2025.yaml | above: 1/2 | above: half | indicators[DEP].predicate.member_share.above
					2022-2025.yaml | from: $working_age_from | from: $working_age | indicators[EMP].predicate.any_member.all.age.from
					local/dong-nai-2022-2025.yaml | value: 3750000 | value: 100 | income_way.middle_ceiling.urban
					2016-2020.yaml | legal_basis: Quyết định 59/2015/QĐ-TTg, Điều 1 / Decision 59/2015/QĐ-TTg, Art. 1 | legal_basis: "" | income_way.poverty_line.rural.legal_basis
					2026.yaml | legal_act: | legal_actor: | legal_act
					vocabulary.yaml | MAKESHIFT: {vi: đơn sơ, en: makeshift} | TENT: {vi: lều, en: tent} | housingQuality.MAKESHIFT
					vocabulary.yaml | latrine: | latrines: | latrines
					""")
	void malformedFileNamesFileAndField(String file, String from, String to, String field, @TempDir Path dir)
			throws IOException {
		copyShipped(dir);
		replace(dir.resolve(file), from, to);
		assertThatThrownBy(() -> StandardLoader.loadDirectory(dir))
			.isInstanceOfSatisfying(StandardFormatException.class, (ex) -> {
				assertThat(ex.file()).isEqualTo(file);
				assertThat(ex.field()).isEqualTo(field);
				assertThat(ex.getMessage()).startsWith(file + ": " + field);
			});
	}

}
