package vn.giamngheo.review;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The review workflow rules stay plain Java: no Spring, no JDBC, no servlet API. */
class ReviewArchitectureTest {

	@Test
	void theWorkflowRulesUseNeitherSpringNorJdbc() {
		noClasses().that()
			.resideInAPackage("vn.giamngheo.review.domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta..")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("vn.giamngheo.review"));
	}

}
