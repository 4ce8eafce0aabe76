package vn.giamngheo.standards;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The classification engine and the Alkire–Foster analysis are plain Java: no Spring, no
 * JDBC, no web, and they do not reach into the batch or web faces.
 */
class StandardsArchitectureTest {

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("vn.giamngheo.standards");

	@Test
	void engineAndAnalysisArePureJava() {
		noClasses().that()
			.resideInAnyPackage("vn.giamngheo.standards.domain..", "vn.giamngheo.standards.af..",
					"vn.giamngheo.standards")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta..", "tools.jackson..",
					"com.fasterxml..", "org.yaml..", "vn.giamngheo.standards.web..", "vn.giamngheo.standards.cli..",
					"vn.giamngheo.standards.config..")
			.check(CLASSES);
	}

	@Test
	void batchCommandDoesNotBootSpring() {
		noClasses().that()
			.resideInAPackage("vn.giamngheo.standards.cli..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "java.sql..", "tools.jackson..")
			.check(CLASSES);
	}

}
