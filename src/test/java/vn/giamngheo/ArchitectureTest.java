package vn.giamngheo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The walls between capabilities. Each capability package may use only the capabilities
 * listed for it; the rules cores (standards domain, Alkire–Foster, benefits domain) use
 * neither Spring nor JDBC. A crossed wall fails the build.
 */
class ArchitectureTest {

	static final String BASE = "vn.giamngheo.";

	/** Capability → capabilities it may depend on (besides itself). */
	static final Map<String, Set<String>> ALLOWED = Map.ofEntries(Map.entry("shared", Set.of()),
			Map.entry("standards", Set.of("shared")), Map.entry("audit", Set.of("shared")),
			Map.entry("identity", Set.of("shared", "audit")),
			Map.entry("backup", Set.of("shared", "audit", "identity")),
			Map.entry("geography", Set.of("shared", "audit", "identity")),
			Map.entry("registry", Set.of("shared", "audit", "identity", "geography", "standards")),
			Map.entry("review", Set.of("shared", "audit", "identity", "geography", "registry", "standards")),
			Map.entry("analytics", Set.of("shared", "audit", "identity", "geography", "registry", "standards")),
			Map.entry("benefits",
					Set.of("shared", "audit", "identity", "geography", "registry", "standards", "review", "analytics")),
			Map.entry("exits",
					Set.of("shared", "audit", "identity", "geography", "registry", "standards", "review", "analytics",
							"benefits")),
			Map.entry("models",
					Set.of("shared", "audit", "identity", "geography", "registry", "standards", "analytics")),
			Map.entry("programmes",
					Set.of("shared", "audit", "identity", "geography", "registry", "standards", "review", "analytics",
							"benefits", "models")),
			Map.entry("targets",
					Set.of("shared", "audit", "identity", "geography", "registry", "standards", "analytics", "benefits",
							"exits", "models")),
			Map.entry("imports",
					Set.of("shared", "audit", "identity", "geography", "registry", "standards", "benefits", "exits")),
			Map.entry("demo", Set.of("shared", "audit", "identity", "geography", "registry", "standards", "review",
					"analytics", "targets", "imports", "benefits", "exits", "models", "programmes")));

	static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("vn.giamngheo");
	}

	static Stream<Arguments> walls() {
		return ALLOWED.entrySet()
			.stream()
			.map((e) -> Arguments.of(e.getKey(),
					ALLOWED.keySet()
						.stream()
						.filter((other) -> !other.equals(e.getKey()) && !e.getValue().contains(other))
						.toList()));
	}

	@ParameterizedTest(name = "{0} does not depend on {1}")
	@MethodSource("walls")
	void capabilitiesRespectTheirWalls(String capability, List<String> forbidden) {
		if (forbidden.isEmpty()) {
			return;
		}
		noClasses().that()
			.resideInAPackage(BASE + capability + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(forbidden.stream().map((f) -> BASE + f + "..").toArray(String[]::new))
			.allowEmptyShould(true)
			.check(classes);
	}

	@ParameterizedTest(name = "only {0} uses {0}.persistence")
	@MethodSource("capabilities")
	void aCapabilitysRepositoriesAreItsOwn(String capability) {
		noClasses().that()
			.resideOutsideOfPackage(BASE + capability + "..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(BASE + capability + ".persistence..")
			.because("other capabilities call its face (service beans), not its SQL")
			.allowEmptyShould(true)
			.check(classes);
	}

	static Stream<String> capabilities() {
		return ALLOWED.keySet().stream();
	}

	@Test
	void everyCapabilityPackageIsDeclared() {
		Set<String> declared = ALLOWED.keySet();
		noClasses().that()
			.resideInAPackage(BASE + "*..")
			.and()
			.resideOutsideOfPackages(declared.stream().map((d) -> BASE + d + "..").toArray(String[]::new))
			.should()
			.bePublic()
			.orShould()
			.notBePublic()
			.because("every class under vn.giamngheo must belong to a declared capability")
			.allowEmptyShould(true)
			.check(classes);
	}

	@Test
	void theRulesCoreUsesNeitherSpringNorJdbc() {
		noClasses().that()
			.resideInAnyPackage(BASE + "standards.domain..", BASE + "standards.af..", BASE + "benefits.domain..",
					BASE + "exits.domain..", BASE + "models.domain..", BASE + "programmes.domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta..")
			.allowEmptyShould(true)
			.check(classes);
	}

}
