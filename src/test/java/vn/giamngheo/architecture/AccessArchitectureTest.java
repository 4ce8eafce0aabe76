package vn.giamngheo.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The walls around identity and audit: no cycle between them, shared depends on neither.
 */
class AccessArchitectureTest {

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("vn.giamngheo");

	@Test
	void auditDoesNotDependOnIdentity() {
		noClasses().that()
			.resideInAPackage("vn.giamngheo.audit..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("vn.giamngheo.identity..")
			.check(CLASSES);
	}

	@Test
	void sharedDependsOnNoCapability() {
		noClasses().that()
			.resideInAPackage("vn.giamngheo.shared..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("vn.giamngheo.identity..", "vn.giamngheo.audit..")
			.check(CLASSES);
	}

}
