package vn.giamngheo.programmes;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

import vn.giamngheo.benefits.SupportPolicies;
import vn.giamngheo.benefits.SupportPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shipped catalogue loads with what the issue asks of it, and a bad catalogue file
 * stops the start naming the file and the field: one broken copy of a valid file per
 * mistake.
 */
class ProgrammeFilesTest {

	static final Set<String> POLICIES = Set.of("LIVELIHOOD", "HOUSING_2021");

	static final String VALID = """
			code: TEST-2021-2025
			name: "Chương trình thử"
			name_en: "Test programme"
			period_from: 2021
			period_to: 2025
			legal_basis: {citation: "Quyết định 1/QĐ-TTg", verified: true}
			lead_agency: "Bộ"
			note: "Thử"
			indicators:
			  - {code: RATE, name: "Tỷ lệ", name_en: "Rate", level: IMPACT, unit: "%", unit_en: "%", source: "NQ", verified: false}
			projects:
			  - code: DA1
			    level: PROJECT
			    name: "Dự án 1"
			    name_en: "Project 1"
			    legal_basis: {citation: "QĐ 1, Dự án 1", verified: false, note: "chưa đọc"}
			    lead_agency: "Bộ"
			    beneficiaries: "Hộ nghèo"
			    outputs:
			      - {code: HOUSEHOLDS_SUPPORTED, name: "Hộ", name_en: "Households", unit: "hộ", unit_en: "households", counting: {from: ledger, count: households, policies: [LIVELIHOOD]}}
			      - {code: WORKS_BUILT, name: "Công trình", name_en: "Works", unit: "công trình", unit_en: "works", counting: entered}
			    indicators:
			      - {code: HH, name: "Hộ", name_en: "Households", level: OUTPUT, unit: "hộ", unit_en: "households", output: HOUSEHOLDS_SUPPORTED, source: "QĐ", verified: true}
			    children:
			      - code: DA1.TDA1
			        level: SUBPROJECT
			        name: "Tiểu dự án 1"
			        name_en: "Sub-project 1"
			        legal_basis: {citation: "QĐ 1", verified: true}
			        lead_agency: "Bộ"
			        beneficiaries: "Hộ nghèo"
			        outputs:
			          - {code: MODELS, name: "Mô hình", name_en: "Models", unit: "mô hình", unit_en: "models", counting: {from: models, count: models}}
			""";

	static Programme read(String text) {
		return ProgrammeFiles.programme("test-2021-2025.yaml", new Yaml().load(text), POLICIES);
	}

	@Test
	void theValidFileLoadsItsTree() {
		Programme p = read(VALID);
		assertThat(p.verified()).isTrue();
		assertThat(p.indicators()).extracting(ProgrammeIndicator::code).containsExactly("RATE");
		ProgrammeNode da1 = p.projects().get(0);
		assertThat(da1.verified()).isFalse();
		assertThat(da1.outputs()).extracting(OutputDef::counted).containsExactly(true, false);
		assertThat(da1.outputs().get(0).counting())
			.isEqualTo(new OutputDef.Counting("LEDGER", "HOUSEHOLDS", List.of("LIVELIHOOD"), null, null));
		assertThat(da1.children().get(0).outputs().get(0).counting().from()).isEqualTo("MODELS");
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|',
			value = { "unknown key|colour|unknown key", "wrong file name|code|must be named",
					"verified not a flag|legal_basis.verified|true or false",
					"unverified without note|projects[0].legal_basis.note|needs a note",
					"child code outside its parent|projects[0].children[0].code|must be DA1.",
					"level not matching depth|projects[0].children[0].level|a node at this depth is SUBPROJECT",
					"unknown output|projects[0].outputs[1].code|unknown output code",
					"neither entered nor counted|projects[0].outputs[1].counting|write entered",
					"unknown policy|projects[0].outputs[0].counting.policies|unknown support policy",
					"unknown models count|projects[0].children[0].outputs[0].counting.count|unknown models count",
					"unknown indicator level|projects[0].indicators[0].level|unknown indicator level",
					"indicator output not on the node|projects[0].indicators[0].output|not an output of this node",
					"period reversed|period_to|before period_from" })
	void aBrokenFileStopsTheStartNamingTheFileAndTheField(String mistake, String field, String reason) {
		String broken = switch (field) {
			case "colour" -> VALID.replace("name: \"Chương trình thử\"", "colour: red\nname: \"Chương trình thử\"");
			case "code" -> VALID.replace("code: TEST-2021-2025", "code: TEST-2016-2020");
			case "legal_basis.verified" ->
				VALID.replace("\"Quyết định 1/QĐ-TTg\", verified: true", "\"Quyết định 1/QĐ-TTg\", verified: \"yes\"");
			case "projects[0].legal_basis.note" -> VALID.replace(", note: \"chưa đọc\"}", "}");
			case "projects[0].children[0].code" -> VALID.replace("code: DA1.TDA1", "code: DA2.TDA1");
			case "projects[0].children[0].level" -> VALID.replace("level: SUBPROJECT", "level: PROJECT");
			case "projects[0].outputs[1].code" -> VALID.replace("code: WORKS_BUILT", "code: BRIDGES");
			case "projects[0].outputs[1].counting" -> VALID.replace("counting: entered", "counting: typed");
			case "projects[0].outputs[0].counting.policies" ->
				VALID.replace("policies: [LIVELIHOOD]", "policies: [LIVELYHOOD]");
			case "projects[0].children[0].outputs[0].counting.count" ->
				VALID.replace("count: models}", "count: hectares}");
			case "projects[0].indicators[0].level" -> VALID.replace("level: OUTPUT", "level: RESULT");
			case "projects[0].indicators[0].output" ->
				VALID.replace("output: HOUSEHOLDS_SUPPORTED", "output: HOUSES_BUILT");
			case "period_to" -> VALID.replace("period_to: 2025", "period_to: 2019");
			default -> throw new IllegalArgumentException(field);
		};
		assertThat(broken).as(mistake).isNotEqualTo(VALID);
		assertThatThrownBy(() -> read(broken)).isInstanceOfSatisfying(ProgrammeFileException.class, (ex) -> {
			assertThat(ex.file()).isEqualTo("test-2021-2025.yaml");
			assertThat(ex.field()).isEqualTo(field);
			assertThat(ex.getMessage()).startsWith("Programme catalogue file test-2021-2025.yaml: " + field + ": ")
				.contains(reason.strip().replace("...", ""));
		});
	}

	@ParameterizedTest(name = "mapping {0}")
	@CsvSource(delimiter = '|',
			value = { "GNBV-2021-2025/DA9|successors[0].from|no node DA9 in GNBV-2021-2025",
					"XYZ-2021-2025/DA1|successors[0].from|unknown programme",
					"GNBV-2021-2025/DA1|successors[0].to|later programme" })
	void aBrokenMappingNamesTheLine(String from, String field, String reason) {
		List<Programme> shipped = shipped().programmes();
		String to = field.endsWith(".to") ? "GNBV-2016-2020/DA1" : "MTQG-2026-2035/HP1";
		Object yaml = new Yaml().load("successors:\n  - {from: " + from + ", to: " + to
				+ ", verified: false, note: x}\npolicy_projects: []\n");
		assertThatThrownBy(() -> ProgrammeFiles.mapping("mapping.yaml", yaml, shipped, POLICIES))
			.isInstanceOfSatisfying(ProgrammeFileException.class, (ex) -> {
				assertThat(ex.field()).isEqualTo(field);
				assertThat(ex.getMessage()).contains(reason);
			});
	}

	@Test
	void overlappingPolicyDefaultsAreRefused() {
		Object yaml = new Yaml().load("successors: []\npolicy_projects:\n"
				+ "  - {policy: HOUSING_2021, project: GNBV-2021-2025/DA5, from: '2022-01-18', to: '2025-12-31'}\n"
				+ "  - {policy: HOUSING_2021, project: GNBV-2021-2025/DA3, from: '2025-01-01', to: ~}\n");
		assertThatThrownBy(() -> ProgrammeFiles.mapping("mapping.yaml", yaml, shipped().programmes(), POLICIES))
			.isInstanceOfSatisfying(ProgrammeFileException.class,
					(ex) -> assertThat(ex.field()).isEqualTo("policy_projects[1].from"));
	}

	static ProgrammeCatalogue shipped() {
		return new ProgrammeCatalogue(ProgrammeCatalogue.LOCATION,
				new SupportPolicies().all()
					.stream()
					.map(SupportPolicy::code)
					.collect(java.util.stream.Collectors.toSet()));
	}

	@Test
	void theShippedCatalogueHasTheThreeProgrammesAndTheirMapping() {
		ProgrammeCatalogue c = shipped();
		assertThat(c.programmes()).extracting(Programme::code)
			.containsExactly("GNBV-2016-2020", "GNBV-2021-2025", "MTQG-2026-2035");
		Programme p = c.programme("GNBV-2021-2025").orElseThrow();
		assertThat(p.legalBasis()).contains("90/QĐ-TTg").contains("18/01/2022");
		assertThat(p.projects()).extracting(ProgrammeNode::code)
			.containsExactly("DA1", "DA2", "DA3", "DA4", "DA5", "DA6", "DA7");
		assertThat(c.node("GNBV-2021-2025", "DA3.TDA2").orElseThrow().nameVi()).contains("Cải thiện dinh dưỡng");
		assertThat(c.programme("GNBV-2016-2020").orElseThrow().verified()).isFalse();
		assertThat(c.inForce(2020)).extracting(Programme::code).containsExactly("GNBV-2016-2020");
		assertThat(c.inForce(2026)).extracting(Programme::code).containsExactly("MTQG-2026-2035");
		assertThat(c.successor("GNBV-2021-2025", "DA5")).contains(new NodeRef("MTQG-2026-2035", "HP4"));
		assertThat(c.successor("GNBV-2016-2020", "DA4")).contains(new NodeRef("GNBV-2021-2025", "DA6"));
		assertThat(c.projectOfPolicy("HOUSING_2021", LocalDate.of(2023, 5, 1)))
			.contains(new NodeRef("GNBV-2021-2025", "DA5"));
		assertThat(c.projectOfPolicy("LIVELIHOOD", LocalDate.of(2019, 5, 1)))
			.contains(new NodeRef("GNBV-2016-2020", "DA3"));
		assertThat(c.projectOfPolicy("LOAN_POOR", LocalDate.of(2023, 5, 1))).isEmpty();
		assertThat(c.projectChoices(2023)).contains(new NodeRef("GNBV-2021-2025", "DA4.TDA3"))
			.noneMatch((r) -> r.programme().equals("GNBV-2016-2020"));
	}

}
